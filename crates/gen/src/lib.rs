//! kiroku-gen: deterministic, realistic digest-format corpora for benchmarks and
//! demos (`cargo xtask gen-corpus --articles N --seed S`).
//!
//! The output looks like the default corpus, only larger: Japanese news-style titles
//! and bodies about Latin American politics built from varied vocabulary (katakana
//! names with and without long vowels, kanji compounds, Latin acronyms such as USDT
//! and PDVSA), dates spread over 2011–2025 with several articles on some days,
//! headings and bullets in bodies, body lines that begin with a date, and dates
//! mentioned in the text. The same `(n_articles, seed)` always gives the same bytes.
//!
//! ```
//! let corpus = kiroku_gen::generate(3, 42);
//! assert!(corpus.starts_with("- "));
//! assert_eq!(corpus, kiroku_gen::generate(3, 42));
//! ```

use std::collections::HashSet;
use std::fmt::Write;

/// SplitMix64: a few lines, fixed forever. A `rand` version bump could change its
/// streams and silently change every generated corpus (and benchmark numbers).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PEOPLE: &[&str] = &[
    "マドゥロ",
    "マドゥーロ",
    "ニコラス・マドゥロ",
    "ルビオ",
    "マルコ・ルビオ",
    "トランプ",
    "チャベス",
    "ウゴ・チャベス",
    "プーチン",
    "マチャド",
    "ザハロワ",
    "ヒル",
    "グアイド",
    "カベージョ",
    "ペトロ",
    "ルーラ",
    "バイデン",
    "ブケレ",
    "ロドリゲス",
    "ミレイ",
    "ボンディ",
    "パディーノ",
    "アルセ",
    "オルテガ",
    "ゴンサーレス",
    "フェルナンデス",
];
const PLACES: &[&str] = &[
    "ベネズエラ",
    "米国",
    "アメリカ",
    "ロシア",
    "中国",
    "イラン",
    "ガイアナ",
    "エセキボ",
    "ブラジル",
    "カリブ海",
    "コロンビア",
    "メキシコ",
    "キューバ",
    "ニカラグア",
    "パナマ",
    "マラカイボ",
    "カラカス",
    "ボゴタ",
    "ワシントン",
    "モスクワ",
    "北京",
    "テヘラン",
    "中南米",
    "アルゼンチン",
    "エクアドル",
    "ペルー",
    "チリ",
    "トリニダード・トバゴ",
];
const ORGS: &[&str] = &[
    "PDVSA",
    "ベネズエラ国営石油",
    "CIA",
    "米麻薬取締局",
    "国際司法裁判所",
    "OPEC",
    "国連",
    "米財務省",
    "米国務省",
    "国際通貨基金",
    "米州機構",
    "シェブロン",
    "国家選挙評議会",
    "最高裁判所",
    "米南方軍",
    "国連人権理事会",
];
const TOPICS: &[&str] = &[
    "麻薬",
    "フェンタニル",
    "仮想通貨",
    "暗号資産",
    "USDT",
    "原油",
    "石油",
    "制裁",
    "空母",
    "懸賞金",
    "選挙",
    "人権",
    "難民",
    "インフレ",
    "通貨危機",
    "亡命",
    "国境警備",
    "軍事演習",
    "金鉱山",
    "送電網",
    "停電",
    "食料不足",
    "債務",
    "サイバー攻撃",
    "コンピューター",
    "サーバー",
    "ステーブルコイン",
    "タンカー",
    "ドローン",
    "ミサイル",
];
const NOUNS: &[&str] = &[
    "協議",
    "圧力",
    "交渉",
    "対立",
    "支援",
    "合意",
    "声明",
    "計画",
    "措置",
    "調査",
    "報告書",
    "方針",
    "体制",
    "会談",
    "演説",
    "投票",
    "決済",
    "輸出",
    "輸入",
    "取引",
    "作戦",
    "展開",
    "撤退",
    "再開",
    "停止",
    "拡大",
    "縮小",
    "強化",
];
const VERBS: &[&str] = &[
    "を発表した",
    "に反発した",
    "を非難した",
    "の方針を示した",
    "を協議した",
    "を強化している",
    "を求めた",
    "を否定した",
    "を検討している",
    "に踏み切った",
    "を警告した",
    "を歓迎した",
    "を見送った",
    "を拡大した",
];
const CONNECTIVES: &[&str] = &[
    "一方で、",
    "これに対し、",
    "さらに、",
    "関係者によると、",
    "専門家は",
    "現地メディアによれば、",
    "しかし、",
    "その後、",
    "同時に、",
    "",
];
const HEADINGS: &[&str] = &[
    "概要と背景",
    "各国の反応",
    "経済への影響",
    "今後の見通し",
    "国際法と国内反応",
    "結論",
    "主な論点",
];
const QUOTES: &[&str] = &[
    "主権への重大な侵害だ",
    "政治的プロパガンダにすぎない",
    "対話の扉は開かれている",
    "あらゆる選択肢を排除しない",
    "国民の生活を守る",
    "国際社会の支援が必要だ",
    "断固として対抗する",
];
const LATIN: &[&str] = &[
    "USDT", "PDVSA", "CIA", "OPEC", "SNS", "GDP", "LNG", "AI", "Citgo", "Bitcoin",
];

/// Generates a digest-format corpus of `n_articles` articles.
pub fn generate(n_articles: usize, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x6B69_726F_6B75); // "kiroku"
                                                // Days from 2011-01-01 to 2025-12-31, as (year, month, day).
    let days = all_days(2011, 2025);
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    let mut articles: Vec<(usize, String)> = Vec::with_capacity(n_articles);
    for _ in 0..n_articles {
        // News clusters: a third of the articles land on an already busy day.
        let day = if !articles.is_empty() && rng.chance(30) {
            articles[rng.below(articles.len())].0
        } else {
            rng.below(days.len())
        };
        let base = title(&mut rng);
        let mut title = base.clone();
        let mut n = 1;
        while !seen.insert((day, title.clone())) {
            n += 1;
            title = format!("{base}(第{n}報)");
        }
        articles.push((day, title));
    }
    // Newest first, like the default corpus; stable on ties so order is seeded.
    articles.sort_by_key(|a| std::cmp::Reverse(a.0));

    let mut out = String::with_capacity(n_articles * 900);
    for (day, title) in &articles {
        let (y, m, d) = days[*day];
        let _ = writeln!(out, "- {y}年{m:02}月{d:02}日 {title}");
    }
    for (day, title) in &articles {
        let (y, m, d) = days[*day];
        // Some headers are unpadded, as in real digests; they still match the TOC.
        if rng.chance(10) {
            let _ = writeln!(out, "{y}年{m}月{d}日 {title}");
        } else {
            let _ = writeln!(out, "{y}年{m:02}月{d:02}日 {title}");
        }
        body(&mut rng, (y, m, d), &mut out);
    }
    out
}

fn title(rng: &mut Rng) -> String {
    let person = rng.pick(PEOPLE);
    let place = rng.pick(PLACES);
    let topic = rng.pick(TOPICS);
    let noun = rng.pick(NOUNS);
    let org = rng.pick(ORGS);
    match rng.below(6) {
        0 => format!("{person}氏、{topic}を巡り{place}と{noun}"),
        1 => format!("{place}の{topic}問題 {org}が{noun}"),
        2 => format!("{topic}{noun} {place}に波紋"),
        3 => format!("{org}、{place}への{topic}{noun}を発表"),
        4 => format!("{place}「{}」 {person}氏が{noun}", rng.pick(QUOTES)),
        _ => format!("{topic}と{}、{place}の{noun}に影響", rng.pick(TOPICS)),
    }
}

fn sentence(rng: &mut Rng, date: (u16, u8, u8)) -> String {
    let person = rng.pick(PEOPLE);
    let place = rng.pick(PLACES);
    let topic = rng.pick(TOPICS);
    let org = rng.pick(ORGS);
    let noun = rng.pick(NOUNS);
    let verb = rng.pick(VERBS);
    let lead = rng.pick(CONNECTIVES);
    let when = mentioned_date(rng, date);
    match rng.below(8) {
        0 => format!(
            "{lead}{person}大統領は{when}、{topic}について「{}」と述べた。",
            rng.pick(QUOTES)
        ),
        1 => format!("{lead}{org}は{place}に対する{topic}{noun}{verb}。"),
        2 => format!(
            "{lead}{place}では{topic}の{noun}が続いており、{}との{noun}も進んでいる。",
            rng.pick(PLACES)
        ),
        3 => format!(
            "{lead}{}の取引は{}億ドル規模に達し、{org}が{noun}{verb}。",
            rng.pick(LATIN),
            1 + rng.below(500)
        ),
        4 => format!("{lead}{person}氏は{when}に{place}を訪問し、{topic}をめぐる{noun}{verb}。"),
        5 => format!(
            "{lead}{topic}と{}の問題は{place}の{noun}に影響を与えている。",
            rng.pick(TOPICS)
        ),
        6 => format!(
            "{lead}{org}の報告書によると、{place}の{topic}は前年比{}%増加した。",
            1 + rng.below(95)
        ),
        _ => format!(
            "{lead}{person}政権は{topic}{noun}で{place}や{}と連携している。",
            rng.pick(PLACES)
        ),
    }
}

/// A date phrase relative to the article date: full, yearless or month-only.
fn mentioned_date(rng: &mut Rng, (y, m, _): (u16, u8, u8)) -> String {
    let day = 1 + rng.below(28);
    match rng.below(5) {
        0 => format!(
            "{}年{}月{}日",
            y as usize - rng.below(3),
            1 + rng.below(12),
            day
        ),
        1 => format!("{}月{}日", m, day),
        2 => format!("{}年{}月", y as usize - rng.below(5), 1 + rng.below(12)),
        3 => "先月".to_string(),
        _ => "今週".to_string(),
    }
}

fn body(rng: &mut Rng, date: (u16, u8, u8), out: &mut String) {
    let structured = rng.chance(25);
    let paragraphs = 2 + rng.below(4);
    for p in 0..paragraphs {
        if structured {
            let _ = writeln!(out, "{}", rng.pick(HEADINGS));
            for _ in 0..2 + rng.below(3) {
                let marker = if rng.chance(70) { "- " } else { "・" };
                let _ = writeln!(out, "{marker}{}", sentence(rng, date));
            }
            continue;
        }
        // Body lines that begin with a date but are not headers (no space after 日).
        if p > 0 && rng.chance(15) {
            let (y, m, _) = date;
            let _ = write!(out, "{y}年{}月{}日までに、", m, 1 + rng.below(28));
        }
        for _ in 0..2 + rng.below(3) {
            out.push_str(&sentence(rng, date));
        }
        out.push('\n');
    }
}

fn all_days(from_year: u16, to_year: u16) -> Vec<(u16, u8, u8)> {
    let mut days = Vec::new();
    for y in from_year..=to_year {
        for m in 1..=12u8 {
            let len = match m {
                2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            for d in 1..=len {
                days.push((y, m, d));
            }
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_seeded() {
        assert_eq!(generate(50, 7), generate(50, 7));
        assert_ne!(generate(50, 7), generate(50, 8));
        assert_eq!(generate(0, 1), "");
    }

    #[test]
    fn has_the_requested_shape() {
        let corpus = generate(200, 1);
        let toc = corpus.lines().take_while(|l| l.starts_with("- 20")).count();
        assert_eq!(toc, 200);
        for needle in ["ー", "USDT", "までに", "・", "概要", "月"] {
            assert!(corpus.contains(needle), "{needle}");
        }
    }
}
