//! kiroku-bench: the browser half of `cargo xtask bench`.
//!
//! `cargo xtask bench` builds the release dists and the peers' indexes, then runs
//! this crate's binary: `prepare` writes each corpus' peer site, `measure` drives
//! headless Chromium (kiroku and MiniSearch, FlexSearch, Pagefind on the same corpus
//! and queries) into `results.json`, and `report` turns that and criterion's output
//! into `report.md`. See BENCHMARKS.md.
//!
//! Folder layout under `--dir` (default `target/bench`):
//! `<corpus>/corpus.txt`, `<corpus>/dist/` (kiroku's release build), `<corpus>/site/`
//! (the peers' page, libraries, `articles.json`, `pagefind/`), `node/` (the pinned
//! npm peers), `results.json`, `criterion.txt`, `report.md`.

pub mod browser;
pub mod measure;
pub mod report;
pub mod sizes;
pub mod truth;

use std::path::{Path, PathBuf};

/// The typed queries, with what each exercises. Words from `kiroku-gen`'s
/// vocabulary (and the default corpus). Every prefix is a measured keystroke.
pub const QUERIES: &[(&str, &str)] = &[
    ("米", "one kanji"),
    ("制裁", "two kanji"),
    (
        "マドゥロ",
        "katakana name (the corpus also writes マドゥーロ)",
    ),
    ("まどぅろ", "hiragana spelling of the katakana name"),
    ("ﾌｪﾝﾀﾆﾙ", "half-width katakana (フェンタニル)"),
    ("サイバー攻撃", "katakana with a long vowel, then kanji"),
    ("国際司法裁判所", "seven kanji"),
    ("カリブ海", "katakana + kanji"),
    ("ベネズエラ 制裁", "two words"),
];

/// Where `cargo xtask bench` puts everything.
pub struct Layout {
    pub dir: PathBuf,
}

impl Layout {
    pub fn corpus(&self, name: &str) -> PathBuf {
        self.dir.join(name).join("corpus.txt")
    }
    pub fn dist(&self, name: &str) -> PathBuf {
        self.dir.join(name).join("dist")
    }
    pub fn site(&self, name: &str) -> PathBuf {
        self.dir.join(name).join("site")
    }
    pub fn node(&self) -> PathBuf {
        self.dir.join("node")
    }
    pub fn results(&self) -> PathBuf {
        self.dir.join("results.json")
    }
    pub fn criterion(&self) -> PathBuf {
        self.dir.join("criterion.txt")
    }
    pub fn report(&self) -> PathBuf {
        self.dir.join("report.md")
    }
    /// The gazetteer of every benchmark corpus (as in the criterion benchmarks).
    pub fn entities(&self) -> PathBuf {
        workspace().join("corpus/entities.toml")
    }
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ lives in the workspace")
        .to_path_buf()
}
