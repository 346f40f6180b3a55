//! The views of the current results (trends, concordance, chronology, co-occurrence,
//! export) on the default corpus, as snapshots, plus hostile requests.
//!
//! Update with `UPDATE_EXPECT=1 cargo test -p kiroku-core --test views`, then read
//! the diff.

use expect_test::{expect, Expect};
use kiroku_core::concordance::{Concordance, KwicSort};
use kiroku_core::normalize::Normalizer;
use kiroku_core::trends::Trends;
use kiroku_core::{parse, Date, Gazetteer, Index, SearchRequest};

const CORPUS: &str = include_str!("../../../corpus/corpus.txt");
const ENTITIES: &str = include_str!("../../../corpus/entities.toml");

fn index() -> Index<'static> {
    let parsed = parse::parse(CORPUS);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    Index::build(
        parsed.corpus,
        &Gazetteer::from_toml(ENTITIES, Normalizer::default())
            .expect("the shipped gazetteer reads"),
    )
}

fn request(query: &str) -> SearchRequest {
    SearchRequest {
        query: query.into(),
        ..SearchRequest::default()
    }
}

fn render_trends(trends: &Trends) -> String {
    let mut out = format!(
        "{:?}; empty stretches {:?}\n",
        trends.granularity,
        trends.empty_stretches()
    );
    let queries: Vec<&str> = trends.series.iter().map(|s| s.query.as_str()).collect();
    out += &format!(
        "bin                    articles | {}\n",
        queries.join(" | ")
    );
    for (i, bin) in trends.bins.iter().enumerate() {
        let cells: Vec<String> = (0..trends.series.len())
            .map(|s| {
                let share = trends
                    .share(s, i)
                    .map_or("-".to_string(), |x| format!("{:.0}%", x * 100.0));
                format!("{} ({share})", trends.series[s].counts[i])
            })
            .collect();
        out += &format!(
            "{}..{} {:>8} | {}\n",
            bin.start,
            bin.end,
            bin.articles,
            cells.join(" | ")
        );
    }
    let totals: Vec<String> = trends.series.iter().map(|s| s.total.to_string()).collect();
    out + &format!("totals: {}\n", totals.join(" "))
}

fn check_trends(request: SearchRequest, queries: &[&str], expect: Expect) {
    let queries: Vec<String> = queries.iter().map(|q| q.to_string()).collect();
    expect.assert_eq(&render_trends(&index().trends(&request, &queries)));
}

#[test]
fn trends_over_sparse_years() {
    // 2013, nothing until 2023, then 2023-2025: every year is a bin, the empty ones
    // have no share and form one stretch.
    check_trends(
        request("ignored: the compared queries are the series"),
        &[
            "マドゥロ",
            "制裁",
            "  ",
            "チャベス OR ルビオ",
            "-米",
            "extra, a fifth",
        ],
        expect![[r#"
            Year; empty stretches [1..10]
            bin                    articles | マドゥロ | 制裁 | チャベス OR ルビオ | -米
            2013-01-01..2013-12-31        1 | 0 (0%) | 0 (0%) | 1 (100%) | 1 (100%)
            2014-01-01..2014-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2015-01-01..2015-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2016-01-01..2016-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2017-01-01..2017-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2018-01-01..2018-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2019-01-01..2019-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2020-01-01..2020-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2021-01-01..2021-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2022-01-01..2022-12-31        0 | 0 (-) | 0 (-) | 0 (-) | 0 (-)
            2023-01-01..2023-12-31        1 | 1 (100%) | 1 (100%) | 0 (0%) | 0 (0%)
            2024-01-01..2024-12-31        1 | 0 (0%) | 1 (100%) | 0 (0%) | 0 (0%)
            2025-01-01..2025-12-31        5 | 4 (80%) | 1 (20%) | 1 (20%) | 0 (0%)
            totals: 5 3 2 1
        "#]],
    );
}

#[test]
fn trends_follow_the_filters_and_the_range() {
    // A year picked: month bins over that year; an entity filter applies to the
    // denominator and to every series.
    check_trends(
        SearchRequest {
            years: vec![2025],
            ..request("")
        },
        &["マドゥロ", "トランプ"],
        expect![[r#"
            Month; empty stretches [0..7]
            bin                    articles | マドゥロ | トランプ
            2025-01-01..2025-01-31        0 | 0 (-) | 0 (-)
            2025-02-01..2025-02-28        0 | 0 (-) | 0 (-)
            2025-03-01..2025-03-31        0 | 0 (-) | 0 (-)
            2025-04-01..2025-04-30        0 | 0 (-) | 0 (-)
            2025-05-01..2025-05-31        0 | 0 (-) | 0 (-)
            2025-06-01..2025-06-30        0 | 0 (-) | 0 (-)
            2025-07-01..2025-07-31        0 | 0 (-) | 0 (-)
            2025-08-01..2025-08-31        1 | 1 (100%) | 0 (0%)
            2025-09-01..2025-09-30        0 | 0 (-) | 0 (-)
            2025-10-01..2025-10-31        1 | 1 (100%) | 1 (100%)
            2025-11-01..2025-11-30        3 | 2 (67%) | 3 (100%)
            2025-12-01..2025-12-31        0 | 0 (-) | 0 (-)
            totals: 4 4
        "#]],
    );
    check_trends(
        SearchRequest {
            entities: vec!["トランプ".into()],
            from: Date::new(2025, 10, 15),
            to: Date::new(2025, 11, 5),
            ..request("")
        },
        &["中国"],
        expect![[r#"
            Day; empty stretches [0..6, 7..19, 20..22]
            bin                    articles | 中国
            2025-10-15..2025-10-15        0 | 0 (-)
            2025-10-16..2025-10-16        0 | 0 (-)
            2025-10-17..2025-10-17        0 | 0 (-)
            2025-10-18..2025-10-18        0 | 0 (-)
            2025-10-19..2025-10-19        0 | 0 (-)
            2025-10-20..2025-10-20        0 | 0 (-)
            2025-10-21..2025-10-21        1 | 0 (0%)
            2025-10-22..2025-10-22        0 | 0 (-)
            2025-10-23..2025-10-23        0 | 0 (-)
            2025-10-24..2025-10-24        0 | 0 (-)
            2025-10-25..2025-10-25        0 | 0 (-)
            2025-10-26..2025-10-26        0 | 0 (-)
            2025-10-27..2025-10-27        0 | 0 (-)
            2025-10-28..2025-10-28        0 | 0 (-)
            2025-10-29..2025-10-29        0 | 0 (-)
            2025-10-30..2025-10-30        0 | 0 (-)
            2025-10-31..2025-10-31        0 | 0 (-)
            2025-11-01..2025-11-01        0 | 0 (-)
            2025-11-02..2025-11-02        0 | 0 (-)
            2025-11-03..2025-11-03        2 | 2 (100%)
            2025-11-04..2025-11-04        0 | 0 (-)
            2025-11-05..2025-11-05        0 | 0 (-)
            totals: 2
        "#]],
    );
    // Nothing passes the filters: no bins, series of nothing.
    check_trends(
        SearchRequest {
            years: vec![1999],
            ..request("")
        },
        &["米"],
        expect![[r#"
            Year; empty stretches []
            bin                    articles | 米
            totals: 0
        "#]],
    );
}

fn render_concordance(concordance: &Concordance) -> String {
    let mut out = format!("{} occurrence(s)\n", concordance.total);
    for line in &concordance.lines {
        let place = line.block.map_or("title".to_string(), |b| format!("b{b}"));
        out += &format!(
            "{} {:>5} #{} {}{:>12} [{}] {}{}\n",
            line.date,
            place,
            line.occurrence,
            if line.cut_left { "…" } else { " " },
            line.left,
            line.matched,
            line.right,
            if line.cut_right { "…" } else { "" },
        );
    }
    out
}

fn check_concordance(query: &str, sort: KwicSort, offset: usize, limit: usize, expect: Expect) {
    let index = index();
    let concordance = index.concordance(&request(query), sort, offset, limit, 8);
    expect.assert_eq(&render_concordance(&concordance));
}

#[test]
fn concordance_in_three_orders() {
    check_concordance(
        "マドゥロ",
        KwicSort::Date,
        0,
        100,
        expect![[r#"
            16 occurrence(s)
            2025-11-03    b0 #0        ベネズエラの [マドゥロ] 大統領は、トラン…
            2025-11-03    b0 #1 …    ており、実際には [マドゥロ] 政権の打倒が狙い…
            2025-11-03    b1 #2 …    る声明を出した。 [マドゥロ] 大統領はプーチン…
            2025-11-03    b2 #0 …    らにベネズエラの [マドゥロ] 政権への地上攻撃…
            2025-10-21    b0 #0 …    指導者ニコラス・ [マドゥロ] 大統領の追放を強…
            2025-10-21    b0 #1 …    大統領のもとで、 [マドゥロ] 政権に対する圧力…
            2025-10-21    b0 #2 …    を果たしており、 [マドゥロ] 大統領の失脚を実…
            2025-10-21    b1 #3 …    ましたが、現在は [マドゥロ] 氏に対し、制裁や…
            2025-10-21    b3 #4 …    を求めています。 [マドゥロ] 政権の追放に向け…
            2025-08-11    b0 #0 …    エラのニコラス・ [マドゥロ] 大統領に対する懸…
            2025-08-11    b0 #1 …    げました。これは [マドゥロ] 政権がコロンビア…
            2025-08-11    b0 #2 …    省は2020年に [マドゥロ] 氏を麻薬テロ関与…
            2025-08-11    b0 #3 …    ディ氏はSNSで [マドゥロ] 氏を「麻薬密売の…
            2023-12-05    b0 #0 …    票の結果を受け、 [マドゥーロ] 大統領はエセキボ…
            2023-12-05    b1 #1               [マドゥーロ] 政権はロシアと強…
            2023-12-05    b5 #2             ・ [マドゥーロ] 大統領は併合を宣…
        "#]],
    );
    check_concordance(
        "マドゥロ",
        KwicSort::Left,
        0,
        100,
        expect![[r#"
            16 occurrence(s)
            2023-12-05    b1 #1               [マドゥーロ] 政権はロシアと強…
            2023-12-05    b0 #0 …    票の結果を受け、 [マドゥーロ] 大統領はエセキボ…
            2025-10-21    b0 #1 …    大統領のもとで、 [マドゥロ] 政権に対する圧力…
            2025-10-21    b0 #2 …    を果たしており、 [マドゥロ] 大統領の失脚を実…
            2025-10-21    b3 #4 …    を求めています。 [マドゥロ] 政権の追放に向け…
            2025-11-03    b1 #2 …    る声明を出した。 [マドゥロ] 大統領はプーチン…
            2025-08-11    b0 #3 …    ディ氏はSNSで [マドゥロ] 氏を「麻薬密売の…
            2025-08-11    b0 #2 …    省は2020年に [マドゥロ] 氏を麻薬テロ関与…
            2025-11-03    b0 #0        ベネズエラの [マドゥロ] 大統領は、トラン…
            2025-11-03    b2 #0 …    らにベネズエラの [マドゥロ] 政権への地上攻撃…
            2025-11-03    b0 #1 …    ており、実際には [マドゥロ] 政権の打倒が狙い…
            2025-08-11    b0 #1 …    げました。これは [マドゥロ] 政権がコロンビア…
            2025-10-21    b1 #3 …    ましたが、現在は [マドゥロ] 氏に対し、制裁や…
            2023-12-05    b5 #2             ・ [マドゥーロ] 大統領は併合を宣…
            2025-08-11    b0 #0 …    エラのニコラス・ [マドゥロ] 大統領に対する懸…
            2025-10-21    b0 #0 …    指導者ニコラス・ [マドゥロ] 大統領の追放を強…
        "#]],
    );
    check_concordance(
        "マドゥロ",
        KwicSort::Right,
        0,
        100,
        expect![[r#"
            16 occurrence(s)
            2025-08-11    b0 #0 …    エラのニコラス・ [マドゥロ] 大統領に対する懸…
            2025-10-21    b0 #2 …    を果たしており、 [マドゥロ] 大統領の失脚を実…
            2025-10-21    b0 #0 …    指導者ニコラス・ [マドゥロ] 大統領の追放を強…
            2025-11-03    b0 #0        ベネズエラの [マドゥロ] 大統領は、トラン…
            2023-12-05    b0 #0 …    票の結果を受け、 [マドゥーロ] 大統領はエセキボ…
            2025-11-03    b1 #2 …    る声明を出した。 [マドゥロ] 大統領はプーチン…
            2023-12-05    b5 #2             ・ [マドゥーロ] 大統領は併合を宣…
            2025-08-11    b0 #1 …    げました。これは [マドゥロ] 政権がコロンビア…
            2025-10-21    b0 #1 …    大統領のもとで、 [マドゥロ] 政権に対する圧力…
            2025-11-03    b0 #1 …    ており、実際には [マドゥロ] 政権の打倒が狙い…
            2025-10-21    b3 #4 …    を求めています。 [マドゥロ] 政権の追放に向け…
            2023-12-05    b1 #1               [マドゥーロ] 政権はロシアと強…
            2025-11-03    b2 #0 …    らにベネズエラの [マドゥロ] 政権への地上攻撃…
            2025-10-21    b1 #3 …    ましたが、現在は [マドゥロ] 氏に対し、制裁や…
            2025-08-11    b0 #3 …    ディ氏はSNSで [マドゥロ] 氏を「麻薬密売の…
            2025-08-11    b0 #2 …    省は2020年に [マドゥロ] 氏を麻薬テロ関与…
        "#]],
    );
}

#[test]
fn concordance_pages_and_terms() {
    // Two terms, both lined up; a page from the middle.
    check_concordance(
        "制裁 原油",
        KwicSort::Date,
        0,
        100,
        expect![[r#"
        8 occurrence(s)
        2024-04-23 title #0 …    での決済拡大 米 [制裁] 再開で
        2024-04-23    b0 #1 …    Aは、米国による [制裁] 再開に対応して、…
        2024-04-23    b0 #2 …    再開に対応して、 [原油] と燃料の輸出決済…
        2024-04-23    b0 #3 …    れは、米財務省が [制裁] 緩和措置として認…
        2024-04-23    b1 #4 …    ています。米国の [制裁] 対象者リストに基…
        2024-04-23    b1 #5 …    、テザー社自身も [制裁] 対象者との取引を…
        2024-04-23    b1 #6 …    を凍結するなど、 [制裁] の影響は依然とし…
        2024-04-23    b2 #7 …    ズエラ政府が経済 [制裁] に対抗し、石油輸…
    "#]],
    );
    check_concordance(
        "ベネズエラ",
        KwicSort::Left,
        5,
        4,
        expect![[r#"
        26 occurrence(s)
        2025-08-11 title #0 …    引き上げに反発― [ベネズエラ]  「政治的プロパ…
        2025-11-03 title #0 …    軍事圧力を受け、 [ベネズエラ] がロシア・中国・…
        2025-11-03    b1 #2 …    違反」と非難し、 [ベネズエラ] の主権を支持する…
        2025-10-21    b3 #5      このような中で、 [ベネズエラ] の野党指導者マリ…
    "#]],
    );
}

#[test]
fn concordance_lines_are_the_readers_matches() {
    let index = index();
    let concordance =
        index.concordance(&request("マドゥロ OR 米"), KwicSort::Left, 0, usize::MAX, 4);
    assert!(concordance.total > 20);
    for line in &concordance.lines {
        let article = index.article(line.doc).unwrap();
        let blocks = article.blocks();
        // The line's match lies in the reader's mark it names.
        let (block, mark) = index.matches_in("マドゥロ OR 米", line.doc)[line.occurrence];
        assert_eq!(block, line.block, "{line:?}");
        let (text, block_start) = match line.block {
            None => (article.title.to_string(), 0),
            Some(b) => (blocks[b].text.to_string(), blocks[b].span.start),
        };
        let (start, end) = (line.span.start - block_start, line.span.end - block_start);
        assert!(
            mark.start <= start && end <= mark.end,
            "{line:?} in {mark:?}"
        );
        assert_eq!(&text[start..end], line.matched);
        // The context is the match's line (a bullet's marker included).
        let field = if line.block.is_some() {
            &article.body
        } else {
            &article.title
        };
        assert!(field.contains(&format!("{}{}{}", line.left, line.matched, line.right)));
    }
}

#[test]
fn hostile_requests_never_panic() {
    let index = index();
    let queries = [
        "",
        "   ",
        "-米",
        "-米 -中国",
        "\"",
        "OR",
        "- -",
        "\u{0}",
        "𠮷𠮷",
        "マドゥロ",
    ];
    for query in queries {
        for sort in [KwicSort::Left, KwicSort::Right, KwicSort::Date] {
            for (offset, limit, context) in [
                (0, 0, 0),
                (usize::MAX, usize::MAX, usize::MAX),
                (3, 1, 0),
                (1_000_000, 5, 3),
            ] {
                let c = index.concordance(&request(query), sort, offset, limit, context);
                assert!(c.lines.len() <= limit);
            }
        }
        for (offset, limit) in [(0, 0), (usize::MAX, usize::MAX), (1_000_000, 5)] {
            let c = index.chronology(&request(query), offset, limit);
            assert!(c.entries.len() <= limit);
        }
        for top in [0, 1, usize::MAX] {
            let co = index.cooccurrence(&request(query), top);
            assert!(co.entities.len() <= top);
        }
        let trends = index.trends(&request(query), &vec![query.to_string(); 6]);
        assert!(trends.series.len() <= 4);
    }
    // Exclusions only and the empty query line up nothing.
    assert_eq!(
        index
            .concordance(&request("-米"), KwicSort::Date, 0, 10, 5)
            .total,
        0
    );
    assert_eq!(
        index
            .concordance(&request(""), KwicSort::Date, 0, 10, 5)
            .total,
        0
    );
}

fn render_chronology(chronology: &kiroku_core::chronology::Chronology) -> String {
    let mut out = format!(
        "{} mention(s), by year {:?}\n",
        chronology.total, chronology.years
    );
    for e in &chronology.entries {
        out += &format!(
            "{} {:?} (published {}, block {}) {}{}[{}]{}{}\n",
            e.date,
            e.precision,
            e.published,
            e.block,
            if e.cut_before { "…" } else { "" },
            &e.sentence[..e.span.start],
            &e.sentence[e.span.range()],
            &e.sentence[e.span.end..],
            if e.cut_after { "…" } else { "" },
        );
    }
    out
}

#[test]
fn chronology_of_the_corpus() {
    let index = index();
    expect![[r#"
        4 mention(s), by year [(2013, 1), (2023, 1), (2024, 1), (2025, 1)]
        2013-03-05 Day (published 2013-03-07, block 0) [3月5日]、ベネズエラのウゴ・チャベス大統領が癌(がん)のため58歳で亡くなった。
        2023-12-03 Day (published 2023-12-05, block 0) ベネズエラで[2023年12月3日]に行われた国民投票では、隣国ガイアナのエセキボ地域の併合に関して、95%以上の賛成票が得られた。
        2024-05-31 Day (published 2024-04-23, block 0) これは、米財務省が制裁緩和措置として認めていた「一般ライセンス」の更新を停止し、[5月31日]までにこれに基づく取引を終了するよう求めたため、銀行口座凍結リスクを減らすための動きです。
        2025-08-07 Day (published 2025-08-11, block 0) アメリカ政府は[2025年08月7日]、ベネズエラのニコラス・マドゥロ大統領に対する懸賞金を従来の2倍となる5,000万ドル(約74億円)に引き上げました。
    "#]].assert_eq(&render_chronology(&index.chronology(&request(""), 0, 100)));
    // A page, and a query: only its results' mentions.
    expect![[r#"
        1 mention(s), by year [(2025, 1)]
        2025-08-07 Day (published 2025-08-11, block 0) アメリカ政府は[2025年08月7日]、ベネズエラのニコラス・マドゥロ大統領に対する懸賞金を従来の2倍となる5,000万ドル(約74億円)に引き上げました。
    "#]].assert_eq(&render_chronology(&index.chronology(&request("懸賞金"), 0, 1)));
}

#[test]
fn the_bounty_is_dated_to_the_day_it_was_raised() {
    let index = index();
    let chronology = index.chronology(&request(""), 0, usize::MAX);
    let entry = chronology
        .entries
        .iter()
        .find(|e| e.date == Date::new(2025, 8, 7).unwrap())
        .expect("2025年8月7日 is mentioned");
    assert_eq!(entry.published, Date::new(2025, 8, 11).unwrap());
    assert_eq!(&entry.sentence[entry.span.range()], "2025年08月7日");
    assert!(
        entry
            .sentence
            .contains("懸賞金を従来の2倍となる5,000万ドル"),
        "{entry:?}"
    );
}

#[test]
fn a_date_in_an_endless_line_gets_a_short_sentence() {
    let long = "長い".repeat(50_000);
    let src = format!("- 2025年1月2日 長\n2025年1月2日 長\n{long}2024年12月に{long}\n");
    let index = Index::build(parse::parse(&src).corpus, &Gazetteer::default());
    let chronology = index.chronology(&request(""), 0, 10);
    let entry = &chronology.entries[0];
    assert_eq!(&entry.sentence[entry.span.range()], "2024年12月");
    assert_eq!(entry.precision, kiroku_core::date::Precision::Month);
    assert!(entry.cut_before && entry.cut_after);
    assert_eq!(
        entry.sentence.chars().count(),
        120 + "2024年12月".chars().count() + 120
    );
}

fn render_cooccurrence(co: &kiroku_core::Cooccurrence) -> String {
    let mut out = format!("{} article(s)\n", co.articles);
    let entities: Vec<String> = co
        .entities
        .iter()
        .map(|e| format!("{}={}", e.name, e.count))
        .collect();
    out += &format!("entities: {}\n", entities.join(" "));
    for pair in &co.pairs {
        out += &format!(
            "{} + {} = {}\n",
            co.entities[pair.a].name, co.entities[pair.b].name, pair.count
        );
    }
    out
}

#[test]
fn cooccurrence_of_the_corpus() {
    let index = index();
    expect![[r#"
        8 article(s)
        entities: 米国=8 ベネズエラ=7 マドゥロ=5 麻薬=5 トランプ=4 カリブ海=3
        米国 + ベネズエラ = 7
        ベネズエラ + マドゥロ = 5
        米国 + マドゥロ = 5
        米国 + 麻薬 = 5
        ベネズエラ + 麻薬 = 4
        マドゥロ + 麻薬 = 4
        米国 + トランプ = 4
        麻薬 + トランプ = 4
        トランプ + カリブ海 = 3
        ベネズエラ + トランプ = 3
        マドゥロ + トランプ = 3
        米国 + カリブ海 = 3
        麻薬 + カリブ海 = 3
        ベネズエラ + カリブ海 = 2
        マドゥロ + カリブ海 = 2
    "#]]
    .assert_eq(&render_cooccurrence(&index.cooccurrence(&request(""), 6)));
    expect![[r#"
        4 article(s)
        entities: ベネズエラ=4 マドゥロ=4 米国=4 麻薬=4
        ベネズエラ + マドゥロ = 4
        ベネズエラ + 米国 = 4
        ベネズエラ + 麻薬 = 4
        マドゥロ + 米国 = 4
        マドゥロ + 麻薬 = 4
        米国 + 麻薬 = 4
    "#]]
    .assert_eq(&render_cooccurrence(&index.cooccurrence(
        &SearchRequest {
            years: vec![2025],
            ..request("マドゥロ")
        },
        4,
    )));
    // Nothing matches: nothing co-occurs.
    expect![[r#"
        0 article(s)
        entities: 
    "#]]
    .assert_eq(&render_cooccurrence(
        &index.cooccurrence(&request("存在しない語"), 5),
    ));
}

/// A CSV file with its invisible parts shown: the BOM and the CRLF record ends.
fn visible(csv: &str) -> String {
    csv.replace('\u{feff}', "<BOM>").replace("\r\n", "<CRLF>\n")
}

#[test]
fn exports_of_the_corpus() {
    use kiroku_core::export;
    let index = index();
    // Every result, not the requested page; a digest corpus has no source or url:
    // empty fields.
    let results = export::results(
        &index,
        &SearchRequest {
            limit: 1,
            offset: 1,
            ..request("懸賞金 OR チャベス OR ルビオ")
        },
        "ja",
    );
    expect![[r#"
        <BOM>date,title,source,url,entities,snippet,id<CRLF>
        2025-08-11,米の懸賞金引き上げに反発―ベネズエラ 「政治的プロパガンダ」,,,マドゥロ; ヒル; ボンディ; ベネズエラ; 米国; コロンビア; ニューヨーク; 米司法省; 麻薬; 懸賞金,"…ベネズエラのニコラス・マドゥロ大統領に対する懸賞金を従来の2倍となる5,000万ドル(約74億円)に引き上げました。これはマドゥロ政権がコロンビアの反政府武装組織と協力し、米国向けの麻薬密輸を支援し、米社会の混乱・弱体化をもたらした「麻薬テ…",2025-08-11-03440b<CRLF>
        2025-10-21,米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導,,,マドゥロ; ルビオ; トランプ; マチャド; ベネズエラ; 米国; カタール; CIA; 麻薬; 制裁,…国務長官兼国家安全保障担当大統領補佐官のマルコ・ルビオ氏は、上院議員時代から10年以上にわたり、ベネズエラの独裁指導者ニコラス・マドゥロ大統領の追放を強く求めてきました。現在、ルビオ氏はトランプ大統領のもとで、マドゥロ政権に対する圧力キャン…,2025-10-21-c9687c<CRLF>
        2013-03-07,原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞,,,チャベス; ベネズエラ; 米国; 原油,…ベネズエラのウゴ・チャベス大統領が癌(がん)のため58歳で亡くなった。原油大国ではあるが、住宅や食料、物資、電気が不足しており、国民は高いインフレ率と犯罪の横行に苦しんでいる。 チャベス氏が推し進めた孤立的な経済政策のため、広大な原油埋蔵地…,2013-03-07-1bcf27<CRLF>
    "#]].assert_eq(&visible(&results.to_csv()));
    expect![[r#"
        {"date":"2025-08-11","title":"米の懸賞金引き上げに反発―ベネズエラ 「政治的プロパガンダ」","source":null,"url":null,"entities":["マドゥロ","ヒル","ボンディ","ベネズエラ","米国","コロンビア","ニューヨーク","米司法省","麻薬","懸賞金"],"snippet":"…ベネズエラのニコラス・マドゥロ大統領に対する懸賞金を従来の2倍となる5,000万ドル(約74億円)に引き上げました。これはマドゥロ政権がコロンビアの反政府武装組織と協力し、米国向けの麻薬密輸を支援し、米社会の混乱・弱体化をもたらした「麻薬テ…","id":"2025-08-11-03440b"}
        {"date":"2025-10-21","title":"米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導","source":null,"url":null,"entities":["マドゥロ","ルビオ","トランプ","マチャド","ベネズエラ","米国","カタール","CIA","麻薬","制裁"],"snippet":"…国務長官兼国家安全保障担当大統領補佐官のマルコ・ルビオ氏は、上院議員時代から10年以上にわたり、ベネズエラの独裁指導者ニコラス・マドゥロ大統領の追放を強く求めてきました。現在、ルビオ氏はトランプ大統領のもとで、マドゥロ政権に対する圧力キャン…","id":"2025-10-21-c9687c"}
        {"date":"2013-03-07","title":"原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞","source":null,"url":null,"entities":["チャベス","ベネズエラ","米国","原油"],"snippet":"…ベネズエラのウゴ・チャベス大統領が癌(がん)のため58歳で亡くなった。原油大国ではあるが、住宅や食料、物資、電気が不足しており、国民は高いインフレ率と犯罪の横行に苦しんでいる。 チャベス氏が推し進めた孤立的な経済政策のため、広大な原油埋蔵地…","id":"2013-03-07-1bcf27"}
    "#]].assert_eq(&results.to_json_lines());
    let lines = index
        .concordance(&request("制裁"), KwicSort::Left, 0, usize::MAX, 6)
        .lines;
    expect![[r#"
        <BOM>date,title,left,match,right,id,occurrence<CRLF>
        2025-10-21,米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導,…ロ氏に対し、,制裁,や軍事力の行…,2025-10-21-c9687c,0<CRLF>
        2024-04-23,ベネズエラ国営石油、仮想通貨での決済拡大 米制裁再開で,…結するなど、,制裁,の影響は依然…,2024-04-23-77961d,5<CRLF>
        2024-04-23,ベネズエラ国営石油、仮想通貨での決済拡大 米制裁再開で,…、米財務省が,制裁,緩和措置とし…,2024-04-23-77961d,2<CRLF>
    "#]].assert_eq(&visible(&export::concordance(&lines[..3]).to_csv()));
    let chronology = index.chronology(&request(""), 0, usize::MAX).entries;
    expect![[r#"
        <BOM>date,sentence,published,title,id<CRLF>
        2013-03-05,3月5日、ベネズエラのウゴ・チャベス大統領が癌(がん)のため58歳で亡くなった。,2013-03-07,原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞,2013-03-07-1bcf27<CRLF>
        2023-12-03,ベネズエラで2023年12月3日に行われた国民投票では、隣国ガイアナのエセキボ地域の併合に関して、95%以上の賛成票が得られた。,2023-12-05,ベネズエラの背後にロシア=ブラジル北部侵略の可能性も?!,2023-12-05-b2ca5c<CRLF>
        2024-05-31,これは、米財務省が制裁緩和措置として認めていた「一般ライセンス」の更新を停止し、5月31日までにこれに基づく取引を終了するよう求めたため、銀行口座凍結リスクを減らすための動きです。,2024-04-23,ベネズエラ国営石油、仮想通貨での決済拡大 米制裁再開で,2024-04-23-77961d<CRLF>
        2025-08-07,"アメリカ政府は2025年08月7日、ベネズエラのニコラス・マドゥロ大統領に対する懸賞金を従来の2倍となる5,000万ドル(約74億円)に引き上げました。",2025-08-11,米の懸賞金引き上げに反発―ベネズエラ 「政治的プロパガンダ」,2025-08-11-03440b<CRLF>
    "#]].assert_eq(&visible(&export::chronology(&chronology).to_csv()));
    let trends = index.trends(
        &request(""),
        &[
            "マドゥロ".to_string(),
            "制裁".to_string(),
            "マドゥロ".to_string(),
        ],
    );
    expect![[r#"
        <BOM>start,end,articles,マドゥロ,マドゥロ share,制裁,制裁 share,マドゥロ (2),マドゥロ (2) share<CRLF>
        2013-01-01,2013-12-31,1,0,0,0,0,0,0<CRLF>
        2014-01-01,2014-12-31,0,0,,0,,0,<CRLF>
        2015-01-01,2015-12-31,0,0,,0,,0,<CRLF>
        2016-01-01,2016-12-31,0,0,,0,,0,<CRLF>
        2017-01-01,2017-12-31,0,0,,0,,0,<CRLF>
        2018-01-01,2018-12-31,0,0,,0,,0,<CRLF>
        2019-01-01,2019-12-31,0,0,,0,,0,<CRLF>
        2020-01-01,2020-12-31,0,0,,0,,0,<CRLF>
        2021-01-01,2021-12-31,0,0,,0,,0,<CRLF>
        2022-01-01,2022-12-31,0,0,,0,,0,<CRLF>
        2023-01-01,2023-12-31,1,1,1,1,1,1,1<CRLF>
        2024-01-01,2024-12-31,1,0,0,1,1,0,0<CRLF>
        2025-01-01,2025-12-31,5,4,0.8,1,0.2,4,0.8<CRLF>
    "#]].assert_eq(&visible(&export::trends(&trends).to_csv()));
    expect![[r#"{"start":"2025-01-01","end":"2025-12-31","articles":5,"マドゥロ":4,"マドゥロ share":0.8,"制裁":1,"制裁 share":0.2,"マドゥロ (2)":4,"マドゥロ (2) share":0.8}"#]].assert_eq(export::trends(&trends).to_json_lines().lines().last().unwrap_or_default());
    assert_eq!(
        export::file_name(export::ViewKind::Trends, "マドゥロ 制裁", "csv"),
        "kiroku-trends-マドゥロ_制裁.csv"
    );
}

#[test]
fn exported_entities_are_named_in_the_ui_language() {
    use kiroku_core::export;
    let index = index();
    let request = SearchRequest {
        limit: 1,
        ..request("チャベス")
    };
    let entities = |lang: &str| match &export::results(&index, &request, lang).rows[0][4] {
        export::Value::List(names) => names.join("; "),
        other => panic!("{other:?}"),
    };
    expect!["Chávez; Venezuela; United States; Oil"].assert_eq(&entities("en"));
    expect!["チャベス; ベネズエラ; 米国; 原油"].assert_eq(&entities("ja"));
    // A language without names keeps the corpus's.
    assert_eq!(entities("fr"), entities("ja"));
}

#[test]
fn a_hostile_corpus_exports_readable_files() {
    use kiroku_core::export;
    let src = include_str!("../../../tests/fixtures/hostile-corpus.jsonl");
    let index = Index::build(parse::parse(src).corpus, &Gazetteer::default());
    let table = export::results(&index, &request(""), "ja");
    assert_eq!(table.rows.len(), index.len());
    let csv = table.to_csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), index.len());
    let evil = records
        .iter()
        .find(|r| &r[2] == "<b>Evil</b> Wire")
        .expect("the source is exported as written");
    assert_eq!(&evil[3], "javascript:alert(9)");
    // A formula in the corpus stays text for a spreadsheet: apostrophed in CSV
    // (title, source, snippet), exact in JSON Lines.
    let formula = records
        .iter()
        .find(|r| r[1].contains("HYPERLINK"))
        .expect("the formula article");
    assert_eq!(
        &formula[1],
        "'=HYPERLINK(\"https://evil.example/\",\"数式\")"
    );
    assert_eq!(&formula[2], "'-Hostile Sheet");
    assert!(formula[5].starts_with("'@SUM"), "{:?}", &formula[5]);
    let json = table.to_json_lines();
    assert!(json.contains("\"title\":\"=HYPERLINK(\\\"https://evil.example/\\\",\\\"数式\\\")\""));
    for line in table.to_json_lines().lines() {
        let object: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(object["title"].is_string(), "{line}");
    }
}

#[test]
fn every_view_copes_with_hostile_text() {
    let src = include_str!("../../../tests/fixtures/hostile-corpus.jsonl");
    let long_line = format!(
        "{}末尾",
        "長文 <b>&amp;</b>\u{202E}\u{200B} ".repeat(60_000)
    );
    let long = format!(
        "{{\"date\":\"2025-01-02\",\"title\":\"長い行\",\"body\":\"{long_line}2025年1月1日\"}}\n"
    );
    let fixture_queries = ["", "長文", "b", "<", "-長文", "script", "\u{202E}"];
    for (src, queries) in [
        (src.to_string(), &fixture_queries[..]),
        (long, &["", "長文"][..]),
    ] {
        let index = Index::build(parse::parse(&src).corpus, &Gazetteer::default());
        for &query in queries {
            let request = request(query);
            for sort in [KwicSort::Left, KwicSort::Right, KwicSort::Date] {
                let concordance = index.concordance(&request, sort, 0, 20, 10);
                for line in &concordance.lines {
                    assert!(line.left.chars().count() <= 10 && line.right.chars().count() <= 10);
                }
            }
            let chronology = index.chronology(&request, 0, 20);
            for entry in &chronology.entries {
                assert!(entry.sentence.chars().count() <= 2 * 120 + 20);
            }
            let _ = index.cooccurrence(&request, 10);
            let _ = index.trends(&request, &[query.to_string(), "長".to_string()]);
            let _ = kiroku_core::export::results(&index, &request, "en").to_csv();
        }
    }
}
