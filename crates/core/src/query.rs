//! The query language, parsed into patterns the index and the highlighter both run.
//!
//! - terms separated by spaces are ANDed: `ベネズエラ 制裁`
//! - `"quoted phrase"` keeps spaces and keywords literal
//! - `-term` excludes articles containing the term; a minus with no term after it
//!   is text: `-`, `---` and `--制裁` search for exactly those characters
//! - `a OR b` matches either (binds tighter than the implicit AND)
//! - the last Latin word matches as a prefix while typing (`usd` finds USDT), unless
//!   the query ends with a space
//!
//! A term is normalized and tokenized exactly like indexed text, then becomes an
//! [`Atom`]: a list of [`Slot`]s, each a constraint on the token at some offset from
//! the match start. For a Japanese term, the slots are its bigrams at consecutive
//! offsets (`ベネズエラ` → ベネ@0 ネズ@1 ズエ@2 エラ@3), and the term's last character is
//! implied by the bigram before it. So a Japanese term matches a text **iff** the
//! normalized text contains the normalized term.
//!
//! ```
//! use kiroku_core::{normalize::Normalizer, query::Query};
//! let q = Query::parse("マドゥーロ -\"国営 石油\" usd", &Normalizer::unicode_tables());
//! assert_eq!(q.to_string(), "マドゥロ -\"国営 石油\" usd*");
//! ```

use serde::Serialize;

use crate::entity::{EntityId, Gazetteer};
use crate::normalize::Normalizer;
use crate::tokenize::{tokenize, TokenKind};

/// A parsed query: clauses ANDed together.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Terms that named an entity in another language, and what they were
    /// searched as ([`Query::expand`]).
    pub expansions: Vec<Expansion>,
}

/// A query term that is an entity's local name (`Maduro`), searched as the
/// spellings the corpus writes the entity with (`マドゥロ`), ORed with the term
/// itself. The UI shows it, so that a count stays explainable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The alias as the gazetteer spells it (`Maduro`).
    pub term: String,
    pub entity: EntityId,
    /// The normalized spellings added to the term's clause, e.g. `["マドゥロ"]`.
    pub spellings: Vec<String>,
}

/// Atoms ORed together, possibly negated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub atoms: Vec<Atom>,
    pub negated: bool,
}

/// One term or phrase: token constraints at offsets from a match start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Atom {
    /// The normalized text, for display.
    pub text: String,
    pub quoted: bool,
    pub slots: Vec<Slot>,
    /// Number of token positions a match covers.
    pub width: u32,
}

/// A constraint on the token at `offset` from the start of a match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub offset: u32,
    pub kind: SlotKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// A gram `first` followed by `next` in the same run.
    Gram(char, char),
    /// A gram starting with this character (a one-character run in the query).
    AnyGram(char),
    Word(String),
    /// A word starting with this text.
    Prefix(String),
}

impl SlotKind {
    /// Whether a token satisfies this constraint.
    pub fn accepts(&self, token: TokenKind<'_>) -> bool {
        match (self, token) {
            (SlotKind::Gram(a, b), TokenKind::Gram { first, next }) => {
                *a == first && Some(*b) == next
            }
            (SlotKind::AnyGram(a), TokenKind::Gram { first, .. }) => *a == first,
            (SlotKind::Word(w), TokenKind::Word(t)) => w == t,
            (SlotKind::Prefix(w), TokenKind::Word(t)) => t.starts_with(w.as_str()),
            _ => false,
        }
    }
}

impl Atom {
    /// Builds the atom for a raw term; `None` if it normalizes to nothing.
    pub fn new(
        raw: &str,
        quoted: bool,
        prefix_last_word: bool,
        normalizer: &Normalizer,
    ) -> Option<Atom> {
        let text = normalizer.normalize(raw);
        let mut slots = Vec::new();
        let mut width = 0;
        let mut prev_next: Option<char> = None;
        tokenize(&text, |token| {
            width = token.position + 1;
            let kind = match token.kind {
                TokenKind::Word(w) => Some(SlotKind::Word(w.to_string())),
                TokenKind::Gram {
                    first,
                    next: Some(next),
                } => Some(SlotKind::Gram(first, next)),
                // The end of a longer run is implied by the bigram before it.
                TokenKind::Gram { first, next: None } if prev_next == Some(first) => None,
                TokenKind::Gram { first, next: None } => Some(SlotKind::AnyGram(first)),
            };
            prev_next = match token.kind {
                TokenKind::Gram { next, .. } => next,
                TokenKind::Word(_) => None,
            };
            if let Some(kind) = kind {
                slots.push(Slot {
                    offset: token.position,
                    kind,
                });
            }
        });
        if slots.is_empty() {
            return None;
        }
        if prefix_last_word && !quoted {
            if let Some(last) = slots.last_mut() {
                if last.offset + 1 == width {
                    if let SlotKind::Word(w) = &last.kind {
                        last.kind = SlotKind::Prefix(w.clone());
                    }
                }
            }
        }
        Some(Atom {
            text,
            quoted,
            slots,
            width,
        })
    }

    /// Whether the atom matches at `start` in a token sequence indexed by position.
    pub fn matches_at(&self, tokens: &[TokenKind<'_>], start: usize) -> bool {
        start + self.width as usize <= tokens.len()
            && self
                .slots
                .iter()
                .all(|slot| slot.kind.accepts(tokens[start + slot.offset as usize]))
    }

    fn is_prefix(&self) -> bool {
        self.slots
            .iter()
            .any(|s| matches!(s.kind, SlotKind::Prefix(_)))
    }
}

impl Query {
    /// Parses a query string, folding terms with `normalizer` (the index's: see
    /// [`crate::Index::normalizer`]). Never fails: anything unparseable is taken
    /// literally.
    pub fn parse(input: &str, normalizer: &Normalizer) -> Query {
        let terms = split_terms(input);
        let typing = !input.ends_with(char::is_whitespace);
        let mut clauses: Vec<Clause> = Vec::new();
        let mut or_pending = false;
        let n_terms = terms.len();
        for (i, term) in terms.into_iter().enumerate() {
            if !term.quoted && !term.negated && term.text == "OR" {
                or_pending = !clauses.is_empty();
                continue;
            }
            let is_last = i + 1 == n_terms;
            let prefix = is_last && typing && !term.negated;
            let Some(atom) = Atom::new(&term.text, term.quoted, prefix, normalizer) else {
                continue;
            };
            match clauses.last_mut() {
                Some(prev) if or_pending && !prev.negated && !term.negated => prev.atoms.push(atom),
                _ => clauses.push(Clause {
                    atoms: vec![atom],
                    negated: term.negated,
                }),
            }
            or_pending = false;
        }
        Query {
            clauses,
            expansions: Vec::new(),
        }
    }

    /// Adds, to the clause of every term that equals an entity's local name or
    /// local variant in `gazetteer` ([`Gazetteer::alias`]), the spellings the
    /// corpus writes that entity with ([`Gazetteer::searched_as`]): `Maduro`
    /// becomes `Maduro OR マドゥロ`. Every other term keeps its exact meaning.
    pub fn expand(&mut self, gazetteer: &Gazetteer) {
        let normalizer = gazetteer.normalizer();
        for clause in &mut self.clauses {
            let typed = clause.atoms.len();
            for i in 0..typed {
                let Some((entity, term)) = gazetteer.alias(&clause.atoms[i].text) else {
                    continue;
                };
                let mut added = Vec::new();
                for spelling in gazetteer.searched_as(entity) {
                    if clause.atoms.iter().any(|atom| atom.text == *spelling) {
                        continue;
                    }
                    let quoted = spelling.contains(char::is_whitespace);
                    if let Some(atom) = Atom::new(spelling, quoted, false, normalizer) {
                        clause.atoms.push(atom);
                        added.push(spelling.clone());
                    }
                }
                if !added.is_empty() {
                    self.expansions.push(Expansion {
                        term: term.to_string(),
                        entity,
                        spellings: added,
                    });
                }
            }
        }
    }

    /// True when no clause is positive: every article (not excluded) matches.
    pub fn matches_all(&self) -> bool {
        self.clauses.iter().all(|c| c.negated)
    }

    /// The atoms that select (and are highlighted), in order.
    pub fn positive_atoms(&self) -> impl Iterator<Item = &Atom> {
        self.clauses
            .iter()
            .filter(|c| !c.negated)
            .flat_map(|c| &c.atoms)
    }
}

impl std::fmt::Display for Query {
    /// A canonical rendering: normalized terms, `*` marking a prefix word.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, clause) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            if clause.negated {
                f.write_str("-")?;
            }
            for (j, atom) in clause.atoms.iter().enumerate() {
                if j > 0 {
                    f.write_str(" OR ")?;
                }
                if atom.quoted {
                    write!(f, "\"{}\"", atom.text)?;
                } else {
                    f.write_str(&atom.text)?;
                }
                if atom.is_prefix() {
                    f.write_str("*")?;
                }
            }
        }
        Ok(())
    }
}

struct RawTerm {
    text: String,
    quoted: bool,
    negated: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '＂' | '“' | '”')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－' | '−')
}

/// Splits on whitespace, keeping quoted phrases whole and noting a leading minus.
fn split_terms(input: &str) -> Vec<RawTerm> {
    let mut terms = Vec::new();
    let mut chars = input.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        // A minus excludes the term it stands before; minus signs with no term
        // after them (`-`, `---`, `--制裁`'s first) are text, searched literally, so
        // every run of minus signs means the same thing wherever it stands.
        let mut text = String::new();
        let mut negated = false;
        if is_minus(first) {
            chars.next();
            match chars.peek() {
                Some(&c) if !c.is_whitespace() && !is_minus(c) => negated = true,
                _ => text.push(first),
            }
        }
        let quoted = text.is_empty() && chars.next_if(|&c| is_quote(c)).is_some();
        if quoted {
            for c in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                text.push(c);
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                text.push(c);
            }
        }
        terms.push(RawTerm {
            text,
            quoted,
            negated,
        });
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(input: &str, expect: Expect) {
        let q = Query::parse(input, &Normalizer::default());
        let mut out = format!("{q}\n");
        for clause in &q.clauses {
            for atom in &clause.atoms {
                let slots: Vec<String> = atom
                    .slots
                    .iter()
                    .map(|s| match &s.kind {
                        SlotKind::Gram(a, b) => format!("{}:{a}{b}", s.offset),
                        SlotKind::AnyGram(a) => format!("{}:{a}*", s.offset),
                        SlotKind::Word(w) => format!("{}:<{w}>", s.offset),
                        SlotKind::Prefix(w) => format!("{}:<{w}*>", s.offset),
                    })
                    .collect();
                out += &format!("  {} w={} {}\n", atom.text, atom.width, slots.join(" "));
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn parses_the_language() {
        check(
            "ベネズエラ 米",
            expect![[r#"
                ベネズエラ 米
                  ベネズエラ w=5 0:ベネ 1:ネズ 2:ズエ 3:エラ
                  米 w=1 0:米*
            "#]],
        );
        check(
            "\"国営 石油\" -制裁 ルビオ OR チャベス usd",
            expect![[r#"
                "国営 石油" -制裁 ルビオ OR チャベス usd*
                  国営 石油 w=4 0:国営 2:石油
                  制裁 w=2 0:制裁
                  ルビオ w=3 0:ルビ 1:ビオ
                  チャベス w=4 0:チャ 1:ャベ 2:ベス
                  usd w=1 0:<usd*>
            "#]],
        );
        check(
            "usdt 米USDT ",
            expect![[r#"
                usdt 米usdt
                  usdt w=1 0:<usdt>
                  米usdt w=2 0:米* 1:<usdt>
            "#]],
        );
        check(
            "OR - ＂未完 -",
            expect![[r#"
                - "未完 -"
                  - w=1 0:-*
                  未完 - w=3 0:未完 2:-*
            "#]],
        );
        check(
            "",
            expect![[r#"

"#]],
        );
    }

    #[test]
    fn minus_signs_without_a_term_are_text() {
        check(
            "- --- --制裁 -制裁 －－",
            expect![[r#"
                - --- --制裁 -制裁 --
                  - w=1 0:-*
                  --- w=3 0:-- 1:--
                  --制裁 w=4 0:-- 1:-制 2:制裁
                  制裁 w=2 0:制裁
                  -- w=2 0:--
            "#]],
        );
    }

    #[test]
    fn matches_in_token_sequences() {
        let normalizer = Normalizer::default();
        let atom = Atom::new("サイバー", false, false, &normalizer).unwrap();
        let text = normalizer.normalize("サイドバーとサイバー");
        let mut tokens = Vec::new();
        tokenize(&text, |t| tokens.push(t.kind));
        let starts: Vec<usize> = (0..tokens.len())
            .filter(|&p| atom.matches_at(&tokens, p))
            .collect();
        assert_eq!(starts, [5]);
    }
}
