//! Named entities (people, places, organizations, topics) from a gazetteer file,
//! found in normalized text leftmost-longest. They drive the facets and the reader's
//! entity chips.
//!
//! The gazetteer is a small TOML file (`corpus/entities.toml`):
//!
//! ```toml
//! [[entity]]
//! name = "米国"                 # canonical name, shown in the UI
//! kind = "place"                # person | place | organization | topic
//! variants = ["アメリカ", "米"]  # other spellings (the name itself always counts)
//! exclude = ["中南米", "南米"]   # longer words in which a variant is *not* this entity
//! ```
//!
//! Matching runs on normalized text ([`crate::normalize`]), so spelling variants that
//! normalize alike (マドゥーロ/マドゥロ) need no entry. At each position the longest
//! pattern wins and matching resumes after it; `exclude` words take part as patterns
//! that name no entity, which is how 米 counts in 米軍 but not in 中南米. Latin
//! patterns (CIA, USDT) only match whole words.
//!
//! ```
//! use kiroku_core::entity::Gazetteer;
//! use kiroku_core::normalize::Normalizer;
//! let g = Gazetteer::from_toml(r#"
//! [[entity]]
//! name = "米国"
//! kind = "place"
//! variants = ["米"]
//! exclude = ["中南米"]
//! "#, Normalizer::unicode_tables()).unwrap();
//! assert_eq!(g.entities_in("米軍と中南米").len(), 1);
//! ```

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::normalize::Normalizer;
use crate::tokenize::is_word_char;
use crate::{Error, Span};

/// Index of an entity in its [`Gazetteer`].
pub type EntityId = u16;

/// What an entity is; facets group by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Topic,
}

impl EntityKind {
    /// Every kind, in the order facets list them.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Topic,
    ];

    /// The name used in the gazetteer file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Topic => "topic",
        }
    }

    fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "person" | "people" => EntityKind::Person,
            "place" | "location" => EntityKind::Place,
            "organization" | "organisation" | "org" => EntityKind::Organization,
            "topic" => EntityKind::Topic,
            _ => return None,
        })
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Canonical name: shown in the UI, used in URLs and filters.
    pub name: String,
    pub kind: EntityKind,
    /// Other spellings that mean this entity.
    pub variants: Vec<String>,
    /// Longer words in which a variant does not mean this entity (中南米 for 米).
    pub exclude: Vec<String>,
    /// The entity's names in other languages than the corpus' (`name_en`,
    /// `variants_en` in the file).
    pub names: Vec<LocalName>,
}

/// An entity's name in another language than the corpus': what the UI shows when it
/// speaks that language, and an alias by which a query finds the entity (see
/// [`crate::query::Query::expand`]). Local names are not looked for in the corpus
/// text: the entity is found there by its own spellings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LocalName {
    /// A language tag of two or three lowercase ASCII letters (`en`).
    pub lang: String,
    pub name: String,
    /// Other spellings in that language (`US`, `USA` for the United States).
    pub variants: Vec<String>,
}

impl Entity {
    /// The name to show in `lang` (a tag like `en`): the local name, or the
    /// canonical one when the gazetteer has none in that language.
    pub fn name_in(&self, lang: &str) -> &str {
        self.names
            .iter()
            .find(|local| local.lang == lang)
            .map_or(self.name.as_str(), |local| local.name.as_str())
    }

    /// The spellings the corpus writes this entity with: the canonical name and
    /// its variants.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// An entity found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EntityMatch {
    pub entity: EntityId,
    /// Byte span in the text that was searched.
    pub span: Span,
}

#[derive(Clone, Debug)]
struct Pattern {
    normalized: String,
    /// `None` for `exclude` words: they match, but name no entity.
    entity: Option<EntityId>,
    latin_start: bool,
    latin_end: bool,
}

/// The entities of a corpus and a matcher for them.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// How patterns and searched texts are folded; an index built with this
    /// gazetteer normalizes with it too, so entity matches and searches agree.
    normalizer: Normalizer,
    /// Patterns by first character, longest first.
    patterns: FxHashMap<char, Vec<Pattern>>,
    /// Every local name and local variant, normalized, with its entity and the
    /// spelling the file gives (shown as the expansion's source).
    aliases: Vec<Alias>,
    /// Per entity, what a query naming it by an alias searches for
    /// ([`Gazetteer::searched_as`]); empty for entities without local names.
    searched_as: Vec<Vec<String>>,
    /// One bit per `first character % FILTER_BITS` of the patterns. The scan runs once
    /// per indexed character and most characters start no pattern: the filter turns
    /// them away without a hash look-up (a sixth of an index build before it).
    first_filter: Vec<u64>,
}

/// With the Unicode tables compiled in, an empty gazetteer folding with them.
#[cfg(feature = "nfkc-tables")]
impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer::empty(Normalizer::unicode_tables())
    }
}

/// A local name or variant, normalized, for [`Gazetteer::alias`].
#[derive(Clone, Debug)]
struct Alias {
    normalized: String,
    entity: EntityId,
    spelling: String,
}

/// The spellings of `all` that contain no other one of them.
fn shortest(all: &[String]) -> Vec<String> {
    // Byte windows, not `str::contains`: that links std's two-way substring
    // searcher into the wasm for a few short names.
    let contains = |text: &str, part: &str| {
        part.is_empty()
            || text
                .as_bytes()
                .windows(part.len())
                .any(|window| window == part.as_bytes())
    };
    all.iter()
        .filter(|s| !all.iter().any(|other| other != *s && contains(s, other)))
        .cloned()
        .collect()
}

const FILTER_BITS: u32 = 4096;

fn filter_slot(c: char) -> (usize, u64) {
    let bit = c as u32 % FILTER_BITS;
    ((bit / 64) as usize, 1 << (bit % 64))
}

impl Gazetteer {
    /// Builds a matcher for `entities`, folding text with `normalizer`. Names must be
    /// unique (later duplicates are ignored by [`Gazetteer::find`]); at most 65 535
    /// entities.
    pub fn new(entities: Vec<Entity>, normalizer: Normalizer) -> Gazetteer {
        let mut patterns: FxHashMap<char, Vec<Pattern>> = FxHashMap::default();
        let entities: Vec<Entity> = entities.into_iter().take(EntityId::MAX as usize).collect();
        let mut add = |text: &str, entity: Option<EntityId>| {
            let normalized = normalizer.normalize(text.trim());
            let Some(first) = normalized.chars().next() else {
                return;
            };
            let list = patterns.entry(first).or_default();
            if list.iter().any(|p| p.normalized == normalized) {
                return; // first writer wins, e.g. マドゥーロ after マドゥロ
            }
            list.push(Pattern {
                latin_start: is_word_char(first),
                latin_end: normalized.chars().last().is_some_and(is_word_char),
                normalized,
                entity,
            });
        };
        for (id, entity) in entities.iter().enumerate() {
            let id = id as EntityId;
            add(&entity.name, Some(id));
            for variant in &entity.variants {
                add(variant, Some(id));
            }
        }
        for entity in &entities {
            for word in &entity.exclude {
                add(word, None);
            }
        }
        let mut aliases: Vec<Alias> = Vec::new();
        let mut searched_as = Vec::with_capacity(entities.len());
        for (id, entity) in entities.iter().enumerate() {
            // A local name the corpus writes too (CIA, Tether) is no alias: as a
            // corpus spelling it is searched exactly, like every other term.
            let mut own: Vec<String> = Vec::new();
            for spelling in entity.spellings() {
                let normalized = normalizer.normalize(spelling.trim());
                if !normalized.is_empty() && !own.contains(&normalized) {
                    own.push(normalized);
                }
            }
            searched_as.push(if entity.names.is_empty() {
                Vec::new()
            } else {
                shortest(&own)
            });
            for local in &entity.names {
                for spelling in std::iter::once(&local.name).chain(&local.variants) {
                    let normalized = normalizer.normalize(spelling.trim());
                    if !normalized.is_empty()
                        && !own.contains(&normalized)
                        && !aliases.iter().any(|a| a.normalized == normalized)
                    {
                        aliases.push(Alias {
                            normalized,
                            entity: id as EntityId,
                            spelling: spelling.trim().to_string(),
                        });
                    }
                }
            }
        }
        let mut first_filter = vec![0; (FILTER_BITS / 64) as usize];
        for (&first, list) in patterns.iter_mut() {
            crate::order::sort_by_dyn(list, &|a, b| b.normalized.len().cmp(&a.normalized.len()));
            let (word, bit) = filter_slot(first);
            first_filter[word] |= bit;
        }
        Gazetteer {
            entities,
            normalizer,
            patterns,
            aliases,
            searched_as,
            first_filter,
        }
    }

    /// A gazetteer without entities.
    pub fn empty(normalizer: Normalizer) -> Gazetteer {
        Gazetteer::new(Vec::new(), normalizer)
    }

    /// Parses the gazetteer file format shown in the module docs.
    pub fn from_toml(src: &str, normalizer: Normalizer) -> Result<Gazetteer, Error> {
        toml_subset::parse(src).map(|entities| Gazetteer::new(entities, normalizer))
    }

    /// The normalizer this gazetteer (and an index built with it) folds text with.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(id as usize)
    }

    /// The name of the entity called `canonical` in language `lang` (a BCP 47
    /// tag, [`Entity::name_in`]); `canonical` itself for a name it does not know.
    pub fn name_in<'a>(&'a self, canonical: &'a str, lang: &str) -> &'a str {
        self.find(canonical)
            .and_then(|id| self.entity(id))
            .map_or(canonical, |entity| entity.name_in(lang))
    }

    /// The id of the entity with this canonical name (exact) or, failing that, the
    /// first one with a name or variant that normalizes alike.
    pub fn find(&self, name: &str) -> Option<EntityId> {
        if let Some(i) = self.entities.iter().position(|e| e.name == name) {
            return Some(i as EntityId);
        }
        let wanted = self.normalizer.normalize(name.trim());
        self.entities
            .iter()
            .position(|e| {
                std::iter::once(&e.name)
                    .chain(&e.variants)
                    .any(|v| self.normalizer.normalize(v) == wanted)
            })
            .map(|i| i as EntityId)
    }

    /// The entity a normalized query term names in another language than the
    /// corpus', with the spelling the gazetteer gives that alias (`maduro` →
    /// (マドゥロ's id, "Maduro")). Only local names count: a term in the corpus'
    /// own spelling is searched as it is, exactly.
    pub fn alias(&self, normalized: &str) -> Option<(EntityId, &str)> {
        self.aliases
            .iter()
            .find(|alias| alias.normalized == normalized)
            .map(|alias| (alias.entity, alias.spelling.as_str()))
    }

    /// What a query term that is one of `entity`'s aliases searches for besides
    /// itself: the entity's own spellings, normalized, without those that contain
    /// another one (ニコラス・マドゥロ adds nothing to a substring search for マドゥロ).
    /// Made once with the gazetteer, not per keystroke.
    pub fn searched_as(&self, entity: EntityId) -> &[String] {
        self.searched_as
            .get(entity as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Entities in an already normalized text, spans in that text.
    ///
    /// A first-character map plus `starts_with`, not the `aho-corasick` crate: a
    /// gazetteer has tens to hundreds of short patterns and this runs once per
    /// article at index time, so an automaton would buy nothing measurable and add
    /// its code to the wasm download. Latin patterns also need word-boundary checks,
    /// which are simplest at the point of match.
    pub fn find_in_normalized(&self, normalized: &str) -> Vec<EntityMatch> {
        let mut found = Vec::new();
        if self.patterns.is_empty() {
            return found;
        }
        let mut prev: Option<char> = None;
        let mut pos = 0;
        while let Some(c) = crate::chars::char_at(normalized, pos) {
            let (word, bit) = filter_slot(c);
            if self.first_filter.get(word).is_none_or(|w| w & bit == 0) {
                prev = Some(c);
                pos += c.len_utf8();
                continue;
            }
            let rest = &normalized[pos..];
            let hit = self.patterns.get(&c).and_then(|list| {
                list.iter().find(|p| {
                    rest.starts_with(p.normalized.as_str())
                        && !(p.latin_start && prev.is_some_and(is_word_char))
                        && !(p.latin_end
                            && rest[p.normalized.len()..]
                                .chars()
                                .next()
                                .is_some_and(is_word_char))
                })
            });
            match hit {
                Some(p) => {
                    if let Some(entity) = p.entity {
                        found.push(EntityMatch {
                            entity,
                            span: Span::new(pos, pos + p.normalized.len()),
                        });
                    }
                    prev = p.normalized.chars().last();
                    pos += p.normalized.len();
                }
                None => {
                    prev = Some(c);
                    pos += c.len_utf8();
                }
            }
        }
        found
    }

    /// Entities in any text, spans in that (original) text.
    pub fn entities_in(&self, text: &str) -> Vec<EntityMatch> {
        let normalized = self.normalizer.normalized(text);
        self.find_in_normalized(&normalized.text)
            .into_iter()
            .filter_map(|m| {
                let span = normalized.original_span(m.span.range())?;
                Some(EntityMatch {
                    entity: m.entity,
                    span: Span::new(span.start, span.end),
                })
            })
            .collect()
    }
}

/// The subset of TOML the gazetteer needs: `[[entity]]` tables of `key = "string"`
/// and `key = ["string", …]` (arrays may span lines, a trailing comma is allowed),
/// `#` comments. Strict: whatever it accepts is valid TOML and means what a TOML
/// parser says it means (`tests/gazetteer.rs` checks that against the `toml` crate
/// on generated and mutated files); valid TOML outside the subset (literal strings,
/// inline tables, dotted keys) is refused with a line number.
///
/// Handwritten on purpose: the `toml` crate (with `toml_edit`, `winnow`, `indexmap`)
/// would add roughly as much to the wasm download as the rest of this crate, for a
/// file with four keys. A new key (a per-language name, say) is one more arm in
/// [`parse`] and one more field in the property test's generator.
mod toml_subset {
    use super::{Entity, EntityKind, LocalName};
    use crate::Error;

    /// TOML's whitespace: space and tab only (not U+3000 and the other Unicode
    /// spaces, which `str::trim` would take).
    const SPACE: [char; 2] = [' ', '\t'];

    #[derive(Default)]
    struct Table {
        line: usize,
        name: Option<String>,
        kind: Option<String>,
        variants: Option<Vec<String>>,
        exclude: Option<Vec<String>>,
        /// `name_<lang>` / `variants_<lang>`, by language in the order first seen.
        local: Vec<LocalKeys>,
    }

    struct LocalKeys {
        lang: String,
        name: Option<String>,
        variants: Option<Vec<String>>,
    }

    /// `name_en` → (`name`, `en`): a key of the form `<key>_<lang>`, the language
    /// two or three lowercase ASCII letters.
    fn local_key(key: &str) -> Option<(&str, &str)> {
        let (base, lang) = key.rsplit_once('_')?;
        let tag = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
        (tag && matches!(base, "name" | "variants")).then_some((base, lang))
    }

    impl Table {
        fn local(&mut self, lang: &str) -> &mut LocalKeys {
            let at = match self.local.iter().position(|l| l.lang == lang) {
                Some(at) => at,
                None => {
                    self.local.push(LocalKeys {
                        lang: lang.to_string(),
                        name: None,
                        variants: None,
                    });
                    self.local.len() - 1
                }
            };
            &mut self.local[at]
        }
    }

    pub(super) fn parse(src: &str) -> Result<Vec<Entity>, Error> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        check_characters(src)?;
        let mut tables: Vec<Table> = Vec::new();
        let lines: Vec<&str> = src.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let n = i + 1;
            let err = |message: String| Error::Gazetteer { line: n, message };
            let line = trim(strip_comment(lines[i]));
            i += 1;
            if line.is_empty() {
                continue;
            }
            if line == "[[entity]]" {
                tables.push(Table {
                    line: n,
                    ..Table::default()
                });
                continue;
            }
            if line.starts_with('[') {
                return Err(err(format!(
                    "unexpected table {line}: only [[entity]] tables are allowed"
                )));
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(err(format!("expected `key = value`, found {line:?}")));
            };
            let key = trim(key);
            let mut value = trim(value).to_string();
            // Multi-line arrays: keep reading until the closing bracket.
            if value.starts_with('[') {
                while !array_closed(&value) && i < lines.len() {
                    value.push('\n');
                    value.push_str(strip_comment(lines[i]));
                    i += 1;
                }
            }
            let Some(table) = tables.last_mut() else {
                return Err(err("key outside an [[entity]] table".into()));
            };
            let duplicate = match key {
                "name" => table.name.replace(string(&value).map_err(err)?).is_some(),
                "kind" => table.kind.replace(string(&value).map_err(err)?).is_some(),
                "variants" => table
                    .variants
                    .replace(array(&value).map_err(err)?)
                    .is_some(),
                "exclude" => table.exclude.replace(array(&value).map_err(err)?).is_some(),
                _ => match local_key(key) {
                    Some(("name", lang)) => {
                        let name = string(&value).map_err(err)?;
                        table.local(lang).name.replace(name).is_some()
                    }
                    Some((_, lang)) => {
                        let variants = array(&value).map_err(err)?;
                        table.local(lang).variants.replace(variants).is_some()
                    }
                    None => {
                        return Err(err(format!(
                            "unknown key {key:?} (expected name, kind, variants, exclude, \
                             name_<lang>, variants_<lang>)"
                        )))
                    }
                },
            };
            if duplicate {
                return Err(err(format!("{key} is given twice in this [[entity]]")));
            }
        }
        let mut entities = Vec::with_capacity(tables.len());
        for table in tables {
            let err = |message: String| Error::Gazetteer {
                line: table.line,
                message,
            };
            let name = table
                .name
                .filter(|n| !n.trim().is_empty())
                .ok_or_else(|| err("entity has no name".into()))?;
            let kind_text = table
                .kind
                .ok_or_else(|| err(format!("entity {name:?} has no kind")))?;
            let kind = EntityKind::parse(&kind_text).ok_or_else(|| {
                err(format!("entity {name:?} has unknown kind {kind_text:?} (expected person, place, organization or topic)"))
            })?;
            if entities.iter().any(|e: &Entity| e.name == name) {
                return Err(err(format!("entity {name:?} is defined twice")));
            }
            let mut names = Vec::with_capacity(table.local.len());
            for local in table.local {
                let lang = local.lang;
                let local_name = local.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
                    err(format!(
                        "entity {name:?} has variants_{lang} but no name_{lang}"
                    ))
                })?;
                names.push(LocalName {
                    lang,
                    name: local_name,
                    variants: local.variants.unwrap_or_default(),
                });
            }
            entities.push(Entity {
                name,
                kind,
                variants: table.variants.unwrap_or_default(),
                exclude: table.exclude.unwrap_or_default(),
                names,
            });
        }
        Ok(entities)
    }

    fn trim(text: &str) -> &str {
        text.trim_matches(SPACE)
    }

    /// TOML allows no control character but tab anywhere (not in strings, not in
    /// comments), and a carriage return only before a line feed.
    fn check_characters(src: &str) -> Result<(), Error> {
        let mut chars = src.chars().peekable();
        let mut line = 1;
        while let Some(c) = chars.next() {
            let allowed = match c {
                '\n' => {
                    line += 1;
                    true
                }
                '\t' => true,
                '\r' => chars.peek() == Some(&'\n'),
                _ => !c.is_ascii_control(),
            };
            if !allowed {
                return Err(Error::Gazetteer {
                    line,
                    message: format!("control character {c:?} (write it as an escape in a string)"),
                });
            }
        }
        Ok(())
    }

    /// Drops a `#` comment, ignoring `#` inside strings.
    fn strip_comment(line: &str) -> &str {
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '#' if !in_string => return &line[..i],
                _ => {}
            }
        }
        line
    }

    fn array_closed(value: &str) -> bool {
        trim(value.lines().last().unwrap_or_default()).ends_with(']')
    }

    /// `[ "a", "b", ]`: strings separated by commas, an optional trailing comma,
    /// whitespace and newlines anywhere between.
    fn array(value: &str) -> Result<Vec<String>, String> {
        let blank = |text: &str| text.trim_start_matches([' ', '\t', '\n', '\r']).len();
        let skip = |text: &str| -> usize { text.len() - blank(text) };
        let inner = value
            .strip_prefix('[')
            .and_then(|v| trim(v).strip_suffix(']'))
            .ok_or_else(|| format!("expected an array of strings, found {value:?}"))?;
        let mut items = Vec::new();
        let mut rest = &inner[skip(inner)..];
        while !rest.is_empty() {
            let (item, after) = string_prefix(rest)?;
            items.push(item);
            rest = &after[skip(after)..];
            match rest.strip_prefix(',') {
                Some(after_comma) => rest = &after_comma[skip(after_comma)..],
                None if rest.is_empty() => {}
                None => {
                    return Err(format!(
                        "expected `,` or `]` between strings, found {rest:?}"
                    ))
                }
            }
        }
        Ok(items)
    }

    fn string(value: &str) -> Result<String, String> {
        let (s, rest) = string_prefix(value)?;
        if trim(rest).is_empty() {
            Ok(s)
        } else {
            Err(format!("unexpected text after string: {rest:?}"))
        }
    }

    /// A basic `"…"` string at the start of `s` → (value, rest), with TOML's escapes.
    fn string_prefix(s: &str) -> Result<(String, &str), String> {
        let body = s
            .strip_prefix('"')
            .ok_or_else(|| format!("expected a \"string\", found {s:?}"))?;
        let mut out = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Ok((out, &body[i + 1..])),
                '\n' => break,
                '\\' => {
                    let escaped = match chars.next().map(|(_, e)| e) {
                        Some('b') => '\u{8}',
                        Some('t') => '\t',
                        Some('n') => '\n',
                        Some('f') => '\u{c}',
                        Some('r') => '\r',
                        Some('"') => '"',
                        Some('\\') => '\\',
                        Some(u @ ('u' | 'U')) => {
                            let len = if u == 'u' { 4 } else { 8 };
                            let hex: String = chars.by_ref().take(len).map(|(_, h)| h).collect();
                            Some(&hex)
                                .filter(|hex| {
                                    hex.len() == len && hex.chars().all(|h| h.is_ascii_hexdigit())
                                })
                                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                                .and_then(char::from_u32)
                                .ok_or_else(|| format!("bad \\{u} escape: {hex:?}"))?
                        }
                        other => {
                            return Err(format!("unsupported escape \\{}", other.unwrap_or(' ')))
                        }
                    };
                    out.push(escaped);
                }
                _ => out.push(c),
            }
        }
        Err("unterminated string".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    const SAMPLE: &str = r#"
# a comment
[[entity]]
name = "米国"   # trailing comment
kind = "place"
variants = [
  "アメリカ", "米",  # multi-line
]
exclude = ["中南米", "北米"]

[[entity]]
name = "マドゥロ"
kind = "person"
variants = ["マドゥーロ", "ニコラス・マドゥロ"]

[[entity]]
name = "CIA"
kind = "org"

[[entity]]
name = "米麻薬取締局"
kind = "organization"
"#;

    fn check(text: &str, expect: Expect) {
        let g = Gazetteer::from_toml(SAMPLE, Normalizer::default()).unwrap();
        let found: Vec<String> = g
            .entities_in(text)
            .iter()
            .map(|m| {
                format!(
                    "{}={}",
                    g.entity(m.entity).unwrap().name,
                    &text[m.span.range()]
                )
            })
            .collect();
        expect.assert_eq(&found.join(" "));
    }

    #[test]
    fn leftmost_longest_with_exclusions() {
        check("米国と中南米、米軍、北米", expect!["米国=米国 米国=米"]);
        check(
            "米麻薬取締局と米",
            expect!["米麻薬取締局=米麻薬取締局 米国=米"],
        );
        check(
            "ニコラス・マドゥーロ大統領とﾏﾄﾞｩﾛ氏",
            expect!["マドゥロ=ニコラス・マドゥーロ マドゥロ=ﾏﾄﾞｩﾛ"],
        );
        check(
            "CIAとcia、SOCIAL、ＣＩＡ",
            expect!["CIA=CIA CIA=cia CIA=ＣＩＡ"],
        );
        check("アメリカン・エンタープライズ", expect!["米国=アメリカ"]);
    }

    #[test]
    fn errors_have_lines() {
        let err = |src: &str| {
            Gazetteer::from_toml(src, Normalizer::default())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("name = \"x\""),
            "entities file line 1: key outside an [[entity]] table"
        );
        assert_eq!(
            err("[[entity]]\nname = \"x\"\nkind = \"planet\""),
            "entities file line 1: entity \"x\" has unknown kind \"planet\" (expected person, place, organization or topic)"
        );
        assert_eq!(
            err("[[entity]]\nname = \"x"),
            "entities file line 2: unterminated string"
        );
        assert_eq!(
            err("[other]"),
            "entities file line 1: unexpected table [other]: only [[entity]] tables are allowed"
        );
        assert!(Gazetteer::from_toml("", Normalizer::default())
            .unwrap()
            .entities()
            .is_empty());
    }

    #[test]
    fn finds_by_name_or_variant() {
        let g = Gazetteer::from_toml(SAMPLE, Normalizer::default()).unwrap();
        assert_eq!(g.find("マドゥロ"), Some(1));
        assert_eq!(g.find("まどぅーろ"), Some(1));
        assert_eq!(g.find("アメリカ"), Some(0));
        assert_eq!(g.find("ロシア"), None);
    }

    const LOCAL: &str = r#"
[[entity]]
name = "マドゥロ"
name_en = "Maduro"
variants_en = ["Nicolás Maduro"]
kind = "person"

[[entity]]
name = "CIA"
kind = "org"
name_en = "CIA"
variants_en = ["Central Intelligence Agency"]
"#;

    #[test]
    fn local_names_show_and_alias() {
        let g = Gazetteer::from_toml(LOCAL, Normalizer::default()).unwrap();
        let maduro = g.entity(0).unwrap();
        assert_eq!(maduro.name_in("en"), "Maduro");
        assert_eq!(maduro.name_in("ja"), "マドゥロ");
        assert_eq!(maduro.name_in("fr"), "マドゥロ");
        assert_eq!(g.alias("maduro"), Some((0, "Maduro")));
        assert_eq!(g.alias("nicolás maduro"), Some((0, "Nicolás Maduro")));
        // The canonical spelling is searched as itself, not as an alias.
        assert_eq!(g.alias("マドゥロ"), None);
        assert_eq!(g.alias("cia"), None);
        assert_eq!(
            g.alias("central intelligence agency"),
            Some((1, "Central Intelligence Agency"))
        );
        // Local names are not looked for in the text.
        assert!(g.entities_in("Maduro said").is_empty());
    }

    #[test]
    fn local_keys_are_checked() {
        let err = |src: &str| {
            Gazetteer::from_toml(src, Normalizer::default())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("[[entity]]\nname = \"x\"\nkind = \"topic\"\nvariants_en = [\"y\"]"),
            "entities file line 1: entity \"x\" has variants_en but no name_en"
        );
        assert!(
            err("[[entity]]\nname = \"x\"\nkind = \"topic\"\nname_english = \"y\"")
                .contains("unknown key \"name_english\"")
        );
        assert!(err(
            "[[entity]]\nname = \"x\"\nkind = \"topic\"\nname_en = \"y\"\nname_en = \"z\""
        )
        .contains("name_en is given twice"));
    }
}
