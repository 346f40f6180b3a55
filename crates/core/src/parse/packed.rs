//! The packed form: a corpus and its gazetteer already parsed, as the build script
//! embeds them in the app.
//!
//! The digest and JSON Lines readers, their diagnostics, the article ids and the
//! gazetteer's TOML reader all run at build time, natively; the app only reads this
//! form back. That keeps `serde_json` and both readers out of the wasm download,
//! and the app's start skips work whose answer the build already had.
//!
//! Every value is a field `LEN:TEXT` (`LEN` the decimal byte length of `TEXT`), so no
//! text needs escaping; numbers and counts are fields too. [`unpack`] reads what
//! [`pack`] wrote and answers `None` for anything else, never panicking.
//!
//! ```
//! use kiroku_core::parse::{packed, parse};
//! let corpus = parse("- 2025年1月2日 見出し\n2025年1月2日 見出し\n本文\n").corpus;
//! let text = packed::pack(&corpus, &[]);
//! assert_eq!(packed::unpack(&text), Some((corpus, Vec::new())));
//! ```

use super::{Article, Corpus};
use crate::date::Date;
use crate::entity::{Entity, EntityKind, LocalName};

/// What the text starts with: a version, so an old app never misreads a new form.
const MAGIC: &str = "kiroku-packed-2\n";

/// Writes `corpus` and `entities` in the packed form.
pub fn pack(corpus: &Corpus, entities: &[Entity]) -> String {
    let mut out = String::from(MAGIC);
    let mut field = |text: &str| {
        out.push_str(&text.len().to_string());
        out.push(':');
        out.push_str(text);
    };
    field(&corpus.articles.len().to_string());
    for article in &corpus.articles {
        field(&article.id);
        field(&article.date.day_number().to_string());
        field(&article.line.to_string());
        field(&article.title);
        field(&article.body);
        for optional in [&article.source, &article.url] {
            match optional {
                Some(text) => {
                    field("1");
                    field(text);
                }
                None => field("0"),
            }
        }
        field(&article.tags.len().to_string());
        for tag in &article.tags {
            field(tag);
        }
    }
    field(&entities.len().to_string());
    for entity in entities {
        field(&entity.name);
        field(entity.kind.as_str());
        for words in [&entity.variants, &entity.exclude] {
            field(&words.len().to_string());
            for word in words {
                field(word);
            }
        }
        field(&entity.names.len().to_string());
        for local in &entity.names {
            field(&local.lang);
            field(&local.name);
            field(&local.variants.len().to_string());
            for word in &local.variants {
                field(word);
            }
        }
    }
    out
}

/// Reads what [`pack`] wrote; `None` if `src` is anything else.
pub fn unpack(src: &str) -> Option<(Corpus, Vec<Entity>)> {
    let mut fields = Fields {
        rest: src.strip_prefix(MAGIC)?,
    };
    let n_articles = fields.number()?;
    // Capacities are bounded by the text: a tampered count cannot reserve gigabytes.
    let mut articles = Vec::with_capacity(n_articles.min(src.len()));
    for _ in 0..n_articles {
        let id = fields.text()?.to_string();
        let day = i64::try_from(fields.number()?).ok()?;
        let date = Date::from_day_number(day);
        if date.day_number() != day {
            return None;
        }
        let line = fields.number()?;
        let title = fields.text()?.to_string();
        let body = fields.text()?.to_string();
        let source = fields.optional()?;
        let url = fields.optional()?;
        let tags = fields.list()?;
        articles.push(Article {
            id,
            date,
            title,
            body,
            line,
            tags,
            source,
            url,
        });
    }
    let n_entities = fields.number()?;
    let mut entities = Vec::with_capacity(n_entities.min(src.len()));
    for _ in 0..n_entities {
        let name = fields.text()?.to_string();
        let kind = fields.text()?;
        let kind = EntityKind::ALL
            .into_iter()
            .find(|known| known.as_str() == kind)?;
        let variants = fields.list()?;
        let exclude = fields.list()?;
        let n_names = fields.number()?;
        let mut names = Vec::with_capacity(n_names.min(src.len()));
        for _ in 0..n_names {
            names.push(LocalName {
                lang: fields.text()?.to_string(),
                name: fields.text()?.to_string(),
                variants: fields.list()?,
            });
        }
        entities.push(Entity {
            name,
            kind,
            variants,
            exclude,
            names,
        });
    }
    fields
        .rest
        .is_empty()
        .then_some((Corpus { articles }, entities))
}

/// A cursor over `LEN:TEXT` fields.
struct Fields<'a> {
    rest: &'a str,
}

impl<'a> Fields<'a> {
    fn text(&mut self) -> Option<&'a str> {
        let (len, rest) = self.rest.split_once(':')?;
        let len: usize = len.parse().ok()?;
        // `get` refuses a length past the end or inside a character.
        let text = rest.get(..len)?;
        self.rest = rest.get(len..)?;
        Some(text)
    }

    fn number(&mut self) -> Option<usize> {
        self.text()?.parse().ok()
    }

    fn optional(&mut self) -> Option<Option<String>> {
        match self.text()? {
            "0" => Some(None),
            "1" => Some(Some(self.text()?.to_string())),
            _ => None,
        }
    }

    fn list(&mut self) -> Option<Vec<String>> {
        let n = self.number()?;
        let mut list = Vec::with_capacity(n.min(self.rest.len()));
        for _ in 0..n {
            list.push(self.text()?.to_string());
        }
        Some(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn both_formats_and_a_gazetteer_read_back_the_same() {
        let digest = parse(include_str!("../../../../corpus/corpus.txt")).corpus;
        let jsonl = parse(include_str!(
            "../../../../tests/fixtures/hostile-corpus.jsonl"
        ))
        .corpus;
        assert!(jsonl.articles.iter().any(|a| a.source.is_some()));
        let entities = vec![Entity {
            name: "マドゥロ".into(),
            kind: EntityKind::Person,
            variants: vec!["マドゥーロ".into(), "3:x".into()],
            exclude: vec!["中南米".into()],
            names: vec![LocalName {
                lang: "en".into(),
                name: "Maduro".into(),
                variants: vec!["Nicolás Maduro".into(), "1:".into()],
            }],
        }];
        for corpus in [digest, jsonl, Corpus::default()] {
            let packed = pack(&corpus, &entities);
            assert_eq!(unpack(&packed), Some((corpus, entities.clone())));
        }
    }

    #[test]
    fn anything_else_is_refused_without_panicking() {
        let corpus = parse("- 2025年1月2日 見出し\n2025年1月2日 見出し\n本文\n").corpus;
        let packed = pack(&corpus, &[]);
        // Every truncation, and every one-byte change that stays UTF-8.
        for end in 0..packed.len() {
            if let Some(prefix) = packed.get(..end) {
                assert_eq!(unpack(prefix), None, "{prefix:?}");
            }
        }
        for at in 0..packed.len() {
            let mut bytes = packed.clone().into_bytes();
            bytes[at] ^= 0x01;
            if let Ok(changed) = String::from_utf8(bytes) {
                let _ = unpack(&changed);
            }
        }
        assert_eq!(unpack(&format!("{packed}1:x")), None, "trailing text");
        assert_eq!(unpack("kiroku-packed-1\n99999999999999999999:1"), None);
        assert_eq!(
            unpack("kiroku-packed-1\n1:9"),
            None,
            "nine promised, none there"
        );
    }
}
