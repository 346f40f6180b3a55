//! The shipped gazetteer, read by our small TOML-subset reader, must mean exactly
//! what a real TOML parser says it means (the reader is handwritten to keep the
//! wasm small; this keeps it honest).

use kiroku_core::entity::Gazetteer;
use kiroku_core::normalize::Normalizer;
use serde::Deserialize;

const ENTITIES: &str = include_str!("../../../corpus/entities.toml");

#[derive(Deserialize)]
struct File {
    entity: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    kind: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    name_en: Option<String>,
    #[serde(default)]
    variants_en: Vec<String>,
}

#[test]
fn shipped_gazetteer_reads_as_real_toml_does() {
    let reference: File = toml::from_str(ENTITIES).unwrap();
    let ours = Gazetteer::from_toml(ENTITIES, Normalizer::default()).unwrap();
    assert_eq!(ours.entities().len(), reference.entity.len());
    for (mine, theirs) in ours.entities().iter().zip(&reference.entity) {
        assert_eq!(mine.name, theirs.name);
        assert_eq!(mine.kind.as_str(), theirs.kind);
        assert_eq!(mine.variants, theirs.variants);
        assert_eq!(mine.exclude, theirs.exclude);
        // Every entity of the default corpus has an English name (English readers'
        // facets and chips, and the aliases English queries find it by).
        let english = mine.names.iter().find(|local| local.lang == "en");
        assert_eq!(
            english.map(|l| &l.name),
            theirs.name_en.as_ref(),
            "{}",
            mine.name
        );
        assert!(english.is_some(), "{} has no name_en", mine.name);
        assert_eq!(english.map(|l| &l.variants), Some(&theirs.variants_en));
    }
}

#[test]
fn escapes_and_comments_read_as_real_toml_does() {
    let src = "[[entity]] # c\nname = \"a\\\"b\\\\c\\u00e9 # not a comment\"\nkind = \"topic\"\nvariants = [\n \"x\", # one\n \"y\",\n]\n";
    let reference: File = toml::from_str(src).unwrap();
    let ours = Gazetteer::from_toml(src, Normalizer::default()).unwrap();
    assert_eq!(ours.entities()[0].name, reference.entity[0].name);
    assert_eq!(ours.entities()[0].variants, reference.entity[0].variants);
}

/// How the shipped gazetteer reads the tricky one-character variant 米.
#[test]
fn shipped_gazetteer_on_us_and_america() {
    let gazetteer = Gazetteer::from_toml(ENTITIES, Normalizer::default()).unwrap();
    let text =
        "米軍と中南米、中米諸国、米中関係、日米同盟、北米、欧米、米麻薬取締局、アメリカ、新米";
    let found: Vec<String> = gazetteer
        .entities_in(text)
        .iter()
        .map(|m| {
            format!(
                "{}={}",
                &text[m.span.range()],
                gazetteer.entity(m.entity).unwrap().name
            )
        })
        .collect();
    expect_test::expect![
        "米=米国 中南米=中南米 中米=中南米 米=米国 米=米国 米麻薬取締局=米麻薬取締局 アメリカ=米国"
    ]
    .assert_eq(&found.join(" "));
}

/// One entity as (name, kind, variants, exclude, English name, English variants).
type Read = Result<Vec<Fields>, String>;
type Fields = (
    String,
    String,
    Vec<String>,
    Vec<String>,
    Option<String>,
    Vec<String>,
);

/// What the `toml` crate reads from `src`.
fn by_toml(src: &str) -> Read {
    #[derive(Deserialize)]
    struct Lenient {
        #[serde(default)]
        entity: Vec<Entry>,
    }
    let file: Lenient = toml::from_str(src).map_err(|err| err.to_string())?;
    Ok(file
        .entity
        .into_iter()
        .map(|e| {
            (
                e.name,
                canonical_kind(&e.kind),
                e.variants,
                e.exclude,
                e.name_en,
                e.variants_en,
            )
        })
        .collect())
}

/// What our reader reads from `src`.
fn by_us(src: &str) -> Read {
    let gazetteer =
        Gazetteer::from_toml(src, Normalizer::default()).map_err(|err| err.to_string())?;
    Ok(gazetteer
        .entities()
        .iter()
        .map(|e| {
            let english = e.names.iter().find(|local| local.lang == "en");
            (
                e.name.clone(),
                e.kind.as_str().to_string(),
                e.variants.clone(),
                e.exclude.clone(),
                english.map(|l| l.name.clone()),
                english.map(|l| l.variants.clone()).unwrap_or_default(),
            )
        })
        .collect())
}

/// The kind names the reader accepts, mapped to its canonical ones.
fn canonical_kind(kind: &str) -> String {
    match kind {
        "people" => "person",
        "location" => "place",
        "organisation" | "org" => "organization",
        other => other,
    }
    .to_string()
}

#[test]
fn invalid_toml_is_refused() {
    for src in [
        // Strings not separated by a comma: TOML says no, so must we.
        "[[entity]]\nname = \"a\"\nkind = \"topic\"\nvariants = [\"a\" \"b\"]\n",
        "[[entity]]\nname = \"a\"\nkind = \"topic\"\nvariants = [\"a\",\n\"b\" \"c\"]\n",
        // A key twice.
        "[[entity]]\nname = \"a\"\nname = \"b\"\nkind = \"topic\"\n",
        // `\u` with a sign, too few digits, a surrogate.
        "[[entity]]\nname = \"\\u+041\"\nkind = \"topic\"\n",
        "[[entity]]\nname = \"\\u41\"\nkind = \"topic\"\n",
        "[[entity]]\nname = \"\\ud800\"\nkind = \"topic\"\n",
        // An ideographic space is not TOML whitespace.
        "[[entity]]\nname = \"a\"\u{3000}\nkind = \"topic\"\n",
        // Control characters, raw.
        "[[entity]]\nname = \"a\u{7f}\"\nkind = \"topic\"\n",
        "[[entity]]\nname = \"a\"\rkind = \"topic\"\n",
        "[[entity]] # \u{1}\nname = \"a\"\nkind = \"topic\"\n",
        // Empty items, unclosed arrays.
        "[[entity]]\nname = \"a\"\nkind = \"topic\"\nvariants = [,]\n",
        "[[entity]]\nname = \"a\"\nkind = \"topic\"\nvariants = [\"a\",,\"b\"]\n",
        "[[entity]]\nname = \"a\"\nkind = \"topic\"\nvariants = [\"a\"\n",
    ] {
        assert!(by_toml(src).is_err(), "toml accepts {src:?}");
        assert!(by_us(src).is_err(), "we accept invalid TOML {src:?}");
    }
}

mod properties {
    use super::{by_toml, by_us};
    use proptest::prelude::*;

    /// Text for names and variants: kana, kanji, Latin, and what needs escaping or
    /// looks like syntax (`"`, `\`, `#`, `,`, `[`, `]`, `=`, tab, newline, controls).
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(vec![
                    'マ', 'ド', 'ゥ', 'ロ', '米', '国', 'ｶ', 'A', 'z', '0', ' ', '\t', '　', '"',
                    '\\', '#', ',', '[', ']', '=', '\n', '\r', '\u{1}', '\u{7f}', 'é', '😀',
                ]),
                any::<char>(),
            ],
            1..8,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    #[derive(Clone, Debug)]
    struct Entry {
        name: String,
        kind: &'static str,
        variants: Option<Vec<String>>,
        exclude: Option<Vec<String>>,
        /// `name_en` and, maybe, `variants_en`.
        english: Option<(String, Option<Vec<String>>)>,
    }

    fn entry() -> impl Strategy<Value = Entry> {
        (
            text(),
            proptest::sample::select(vec!["person", "place", "organization", "topic", "org"]),
            proptest::option::of(proptest::collection::vec(text(), 0..3)),
            proptest::option::of(proptest::collection::vec(text(), 0..3)),
            proptest::option::of((
                text(),
                proptest::option::of(proptest::collection::vec(text(), 0..3)),
            )),
        )
            .prop_map(|(name, kind, variants, exclude, english)| Entry {
                name,
                kind,
                variants,
                exclude,
                english,
            })
    }

    /// How a file is laid out: every choice TOML leaves to the writer.
    #[derive(Clone, Debug)]
    struct Layout {
        /// Per character: escape it (`\uXXXX`/`\UXXXXXXXX`) even if it need not be.
        escape: Vec<bool>,
        long_escapes: bool,
        spaces: (&'static str, &'static str),
        multi_line_arrays: bool,
        trailing_comma: bool,
        comments: bool,
        blank_lines: bool,
        key_order_reversed: bool,
        crlf: bool,
    }

    fn layout() -> impl Strategy<Value = Layout> {
        (
            proptest::collection::vec(any::<bool>(), 64),
            any::<bool>(),
            proptest::sample::select(vec![("", ""), (" ", " "), ("\t", " "), ("  ", "\t")]),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(
                |(
                    escape,
                    long_escapes,
                    spaces,
                    multi,
                    trailing,
                    comments,
                    blank,
                    reversed,
                    crlf,
                )| {
                    Layout {
                        escape,
                        long_escapes,
                        spaces,
                        multi_line_arrays: multi,
                        trailing_comma: trailing,
                        comments,
                        blank_lines: blank,
                        key_order_reversed: reversed,
                        crlf,
                    }
                },
            )
    }

    fn quote(text: &str, layout: &Layout) -> String {
        let mut out = String::from('"');
        for (i, c) in text.chars().enumerate() {
            let forced = layout.escape.get(i % 64).copied().unwrap_or(false);
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if forced || (c.is_control() && c != '\t') => {
                    if layout.long_escapes {
                        out.push_str(&format!("\\U{:08X}", c as u32));
                    } else if (c as u32) <= 0xFFFF {
                        out.push_str(&format!("\\u{:04x}", c as u32));
                    } else {
                        out.push_str(&format!("\\U{:08x}", c as u32));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    fn render(entries: &[Entry], layout: &Layout) -> String {
        let (before, after) = layout.spaces;
        let newline = if layout.crlf { "\r\n" } else { "\n" };
        let comment = |text: &str| {
            if layout.comments {
                format!(" # {text} \"quoted\" [x] = #")
            } else {
                String::new()
            }
        };
        let array = |items: &[String]| {
            let quoted: Vec<String> = items.iter().map(|item| quote(item, layout)).collect();
            let trailing = if layout.trailing_comma && !quoted.is_empty() {
                ","
            } else {
                ""
            };
            if layout.multi_line_arrays {
                let mut out = format!("[{}{newline}", comment("open"));
                for (i, item) in quoted.iter().enumerate() {
                    let comma = if i + 1 < quoted.len() { "," } else { trailing };
                    out.push_str(&format!("  {item}{comma}{}{newline}", comment("item")));
                }
                out.push(']');
                out
            } else {
                format!("[{}{trailing}]", quoted.join(", "))
            }
        };
        let mut out = String::new();
        if layout.comments {
            out.push_str(&format!("# a gazetteer{newline}"));
        }
        for entry in entries {
            out.push_str(&format!("[[entity]]{}{newline}", comment("table")));
            let mut pairs = vec![
                ("name", quote(&entry.name, layout)),
                ("kind", quote(entry.kind, layout)),
            ];
            if let Some(variants) = &entry.variants {
                pairs.push(("variants", array(variants)));
            }
            if let Some(exclude) = &entry.exclude {
                pairs.push(("exclude", array(exclude)));
            }
            if let Some((name, variants)) = &entry.english {
                pairs.push(("name_en", quote(name, layout)));
                if let Some(variants) = variants {
                    pairs.push(("variants_en", array(variants)));
                }
            }
            if layout.key_order_reversed {
                pairs.reverse();
            }
            for (key, value) in pairs {
                out.push_str(&format!(
                    "{key}{before}={after}{value}{}{newline}",
                    comment("pair")
                ));
            }
            if layout.blank_lines {
                out.push_str(newline);
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Every valid gazetteer, however it is laid out, reads as TOML reads it.
        #[test]
        fn valid_files_read_as_toml_reads_them(
            entries in proptest::collection::vec(entry(), 0..4),
            layout in layout(),
        ) {
            let src = render(&entries, &layout);
            let theirs = by_toml(&src);
            prop_assert!(theirs.is_ok(), "toml refuses {src:?}: {theirs:?}");
            let ours = by_us(&src);
            // Empty and duplicate names are the gazetteer's own errors.
            let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
            let distinct = names.iter().enumerate().all(|(i, n)| !names[..i].contains(n));
            let english_named = entries
                .iter()
                .filter_map(|e| e.english.as_ref())
                .all(|(name, _)| !name.trim().is_empty());
            if names.iter().all(|n| !n.trim().is_empty()) && distinct && english_named {
                prop_assert_eq!(ours, theirs, "{:?}", src);
            } else {
                prop_assert!(ours.is_err(), "{:?}", src);
            }
        }

        /// Whatever the reader accepts, even from a damaged file, is valid TOML and
        /// means the same thing: the reader is a strict subset.
        #[test]
        fn whatever_we_accept_is_toml_and_means_the_same(
            entries in proptest::collection::vec(entry(), 1..3),
            layout in layout(),
            edits in proptest::collection::vec(
                (any::<proptest::sample::Index>(), 0..3u8, proptest::sample::select(vec![
                    "\"", "\\", "#", ",", "[", "]", "[[", "]]", "=", " ", "\t", "\n", "\r", "　",
                    "\\u", "\\U", "00", "'", "{", "}", ".", "\u{7f}", "\u{0}", "name", "kind = ",
                    "\"topic\"", "[[entity]]\n", "a", "米", "_en", "_e", "name_fr = ",
                ])),
                1..4,
            ),
        ) {
            let mut src = render(&entries, &layout);
            for (at, action, piece) in edits {
                let boundaries: Vec<usize> = src
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain(std::iter::once(src.len()))
                    .collect();
                let i = boundaries[at.index(boundaries.len())];
                match action {
                    0 => src.insert_str(i, piece),
                    1 => {
                        if let Some(c) = src[i..].chars().next() {
                            src.replace_range(i..i + c.len_utf8(), "");
                        }
                    }
                    _ => {
                        if let Some(c) = src[i..].chars().next() {
                            src.replace_range(i..i + c.len_utf8(), piece);
                        }
                    }
                }
            }
            if let Ok(ours) = by_us(&src) {
                let theirs = by_toml(&src);
                prop_assert_eq!(Ok(ours), theirs, "{:?}", src);
            }
        }
    }
}
