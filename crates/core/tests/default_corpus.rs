//! What a reader of the default corpus would search for, as snapshots.
//!
//! Each case renders the hits (date, title with [highlights], the highlighted words
//! of the snippet) so a ranking or matching change shows up as a readable diff.
//! Update with `UPDATE_EXPECT=1 cargo test -p kiroku-core`, then read the diff.

use expect_test::{expect, Expect};
use kiroku_core::normalize::Normalizer;
use kiroku_core::{parse, Date, Gazetteer, Index, SearchRequest, SearchResults, Sort, Span};

const CORPUS: &str = include_str!("../../../corpus/corpus.txt");
const ENTITIES: &str = include_str!("../../../corpus/entities.toml");

fn index() -> Index {
    let parsed = parse::parse(CORPUS);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    Index::build(
        parsed.corpus,
        &Gazetteer::from_toml(ENTITIES, Normalizer::default())
            .expect("the shipped gazetteer reads"),
    )
}

fn marked(text: &str, spans: &[Span]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for s in spans {
        out += &text[at..s.start];
        out += "[";
        out += &text[s.range()];
        out += "]";
        at = s.end;
    }
    out + &text[at..]
}

fn render(results: &SearchResults) -> String {
    let mut out = format!("{} hit(s) for `{}`\n", results.total, results.query);
    for hit in &results.hits {
        let words: Vec<&str> = hit
            .snippet
            .highlights
            .iter()
            .map(|s| &hit.snippet.text[s.range()])
            .collect();
        out += &format!(
            "{} {} | {}\n",
            hit.date,
            marked(&hit.title, &hit.title_highlights),
            words.join(" ")
        );
    }
    out
}

fn check_request(request: SearchRequest, expect: Expect) {
    expect.assert_eq(&render(&index().search(&request)));
}

fn check(query: &str, expect: Expect) {
    check_request(
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        },
        expect,
    );
}

#[test]
fn maduro_in_both_spellings() {
    // 2023 article writes マドゥーロ, the others マドゥロ.
    check(
        "マドゥロ",
        expect![[r#"
            5 hit(s) for `マドゥロ`
            2025-08-11 米の懸賞金引き上げに反発―ベネズエラ 「政治的プロパガンダ」 | マドゥロ マドゥロ
            2025-10-21 米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導 | マドゥロ マドゥロ マドゥロ
            2025-11-03 トランプ政権の軍事圧力を受け、ベネズエラがロシア・中国・イランに「SOS」 | マドゥロ マドゥロ
            2023-12-05 ベネズエラの背後にロシア=ブラジル北部侵略の可能性も?! | マドゥーロ マドゥー
            2025-11-03 米「裏庭」戦争のしわ寄せ トランプ政権、中国対応に遅れも | マドゥロ
        "#]],
    );
    check(
        "まどぅーろ",
        expect![[r#"
            5 hit(s) for `マドゥロ`
            2025-08-11 米の懸賞金引き上げに反発―ベネズエラ 「政治的プロパガンダ」 | マドゥロ マドゥロ
            2025-10-21 米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導 | マドゥロ マドゥロ マドゥロ
            2025-11-03 トランプ政権の軍事圧力を受け、ベネズエラがロシア・中国・イランに「SOS」 | マドゥロ マドゥロ
            2023-12-05 ベネズエラの背後にロシア=ブラジル北部侵略の可能性も?! | マドゥーロ マドゥー
            2025-11-03 米「裏庭」戦争のしわ寄せ トランプ政権、中国対応に遅れも | マドゥロ
        "#]],
    );
}

#[test]
fn people_and_topics() {
    check(
        "ルビオ",
        expect![[r#"
        1 hit(s) for `ルビオ`
        2025-10-21 米、ベネズエラ大統領の追放もくろむ [ルビオ]氏が主導 | ルビオ ルビオ
    "#]],
    );
    check(
        "フェンタニル",
        expect![[r#"
        1 hit(s) for `フェンタニル`
        2025-11-07 図でみる麻薬密輸ネットワーク 中南米から米国へ | フェンタニル フェンタニル
    "#]],
    );
    check(
        "空母",
        expect![[r#"
        2 hit(s) for `空母`
        2025-11-03 米「裏庭」戦争のしわ寄せ トランプ政権、中国対応に遅れも | 空母
        2025-11-03 トランプ政権の軍事圧力を受け、ベネズエラがロシア・中国・イランに「SOS」 | 空母
    "#]],
    );
    check(
        "チャベス",
        expect![[r#"
        1 hit(s) for `チャベス`
        2013-03-07 原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞 | チャベス チャベス
    "#]],
    );
    check(
        "エセキボ",
        expect![[r#"
        1 hit(s) for `エセキボ`
        2023-12-05 ベネズエラの背後にロシア=ブラジル北部侵略の可能性も?! | エセキボ エセキボ
    "#]],
    );
}

#[test]
fn latin_words_any_width_and_case() {
    check(
        "ＵＳＤＴ",
        expect![[r#"
        1 hit(s) for `usdt*`
        2024-04-23 ベネズエラ国営石油、仮想通貨での決済拡大 米制裁再開で | USDT USDT
    "#]],
    );
    check(
        "usdt",
        expect![[r#"
        1 hit(s) for `usdt*`
        2024-04-23 ベネズエラ国営石油、仮想通貨での決済拡大 米制裁再開で | USDT USDT
    "#]],
    );
    check(
        "pdv",
        expect![[r#"
        1 hit(s) for `pdv*`
        2024-04-23 ベネズエラ国営石油、仮想通貨での決済拡大 米制裁再開で | PDVSA
    "#]],
    );
    check(
        "pdv ",
        expect![[r#"
        0 hit(s) for `pdv`
    "#]],
    );
}

#[test]
fn phrases_exclusions_and_or() {
    check(
        "\"国営 石油\"",
        expect![[r#"
        2 hit(s) for `"国営 石油"`
        2024-04-23 ベネズエラ[国営石油]、仮想通貨での決済拡大 米制裁再開で | 国営石油
        2023-12-05 ベネズエラの背後にロシア=ブラジル北部侵略の可能性も?! | 国営石油
    "#]],
    );
    check(
        "ベネズエラ -マドゥロ",
        expect![[r#"
        2 hit(s) for `ベネズエラ -マドゥロ`
        2013-03-07 原油埋蔵量世界1位、[ベネズエラ]の今後 原油埋蔵地の開発は停滞 | ベネズエラ
        2024-04-23 [ベネズエラ]国営石油、仮想通貨での決済拡大 米制裁再開で | ベネズエラ
    "#]],
    );
    check(
        "チャベス OR ルビオ",
        expect![[r#"
        2 hit(s) for `チャベス OR ルビオ`
        2025-10-21 米、ベネズエラ大統領の追放もくろむ [ルビオ]氏が主導 | ルビオ ルビオ
        2013-03-07 原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞 | チャベス チャベス
    "#]],
    );
    check(
        "サイバー",
        expect![[r#"
        0 hit(s) for `サイバ`
    "#]],
    );
}

#[test]
fn date_range_and_sort() {
    check_request(
        SearchRequest {
            query: "ベネズエラ".into(),
            from: Some(Date::new(2024, 1, 1).unwrap()),
            to: Some(Date::new(2025, 9, 30).unwrap()),
            sort: Sort::Oldest,
            ..SearchRequest::default()
        },
        expect![[r#"
            2 hit(s) for `ベネズエラ`
            2024-04-23 [ベネズエラ]国営石油、仮想通貨での決済拡大 米制裁再開で | ベネズエラ
            2025-08-11 米の懸賞金引き上げに反発―[ベネズエラ] 「政治的プロパガンダ」 | ベネズエラ
        "#]],
    );
}

fn render_facets(results: &SearchResults) -> String {
    let mut out = String::new();
    for group in &results.facets.entities {
        let values: Vec<String> = group
            .values
            .iter()
            .map(|v| {
                format!(
                    "{}{}={}",
                    if v.selected { "*" } else { "" },
                    v.name,
                    v.count
                )
            })
            .collect();
        out += &format!("{:?}: {}\n", group.kind, values.join(" "));
    }
    let years: Vec<String> = results
        .facets
        .years
        .iter()
        .map(|y| format!("{}={}", y.year, y.count))
        .collect();
    out + &format!("years: {}\n", years.join(" "))
}

#[test]
fn entity_facets_are_disjunctive() {
    let index = index();
    let all = index.search(&SearchRequest::default());
    expect![[r#"
        Person: マドゥロ=5 トランプ=4 ガルシア=1 クーパー=1 ザハロワ=1 チャベス=1 ヒル=1 プーチン=1 ボンディ=1 マチャド=1 ルビオ=1 習近平=1
        Place: 米国=8 ベネズエラ=7 カリブ海=3 ロシア=2 中国=2 アリゾナ州=1 イラン=1 エセキボ=1 カタール=1 ガイアナ=1 コロンビア=1 ニューヨーク=1 ブラジル=1 メキシコ=1 中南米=1 台湾=1 日本=1 韓国=1
        Organization: CIA=2 PDVSA=1 アメリカン・エンタープライズ研究所=1 テザー社=1 国際司法裁判所=1 米司法省=1 米財務省=1 米麻薬取締局=1
        Topic: 麻薬=5 制裁=3 原油=3 空母=2 軍事行動=2 フェンタニル=1 モンロー主義=1 仮想通貨=1 国民投票=1 懸賞金=1
        years: 2013=1 2023=1 2024=1 2025=5
    "#]].assert_eq(&render_facets(&all));
    let rubio = index.search(&SearchRequest {
        entities: vec!["ルビオ".into()],
        ..SearchRequest::default()
    });
    expect![[r#"
        1 hit(s) for ``
        2025-10-21 米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導 | 
        Person: マドゥロ=5 トランプ=4 ガルシア=1 クーパー=1 ザハロワ=1 チャベス=1 ヒル=1 プーチン=1 ボンディ=1 マチャド=1 *ルビオ=1 習近平=1
        Place: カタール=1 ベネズエラ=1 米国=1
        Organization: CIA=1
        Topic: 制裁=1 麻薬=1
        years: 2025=1
    "#]].assert_eq(&(render(&rubio) + &render_facets(&rubio)));
}

#[test]
fn timeline_of_the_corpus() {
    let index = index();
    let results = index.search(&SearchRequest::default());
    let bins: Vec<String> = results
        .timeline
        .bins
        .iter()
        .filter(|b| !b.articles.is_empty() || b.mentioned > 0)
        .map(|b| {
            format!(
                "{}: {} article(s), {} mention(s)",
                b.start.year,
                b.articles.len(),
                b.mentioned
            )
        })
        .collect();
    expect![[r#"
        (
            Year,
            [
                "2013: 1 article(s), 1 mention(s)",
                "2023: 1 article(s), 1 mention(s)",
                "2024: 1 article(s), 1 mention(s)",
                "2025: 5 article(s), 1 mention(s)",
            ],
            0,
        )
    "#]]
    .assert_debug_eq(&(
        results.timeline.granularity,
        bins,
        results.timeline.mentions_outside,
    ));
}

#[test]
fn reader_helpers() {
    let index = index();
    let doc = index.find_id(&index.articles()[2].id).unwrap();
    let dates: Vec<String> = index
        .newest_first()
        .iter()
        .map(|&d| index.articles()[d as usize].date.to_string())
        .collect();
    assert_eq!(dates.first().map(String::as_str), Some("2025-11-07"));
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let article = index.article(doc).unwrap();
    let blocks: Vec<String> = article
        .blocks()
        .iter()
        .take(3)
        .map(|b| format!("{:?}: {}", b.kind, b.text))
        .collect();
    let entities: Vec<&str> = index
        .entities_of(doc)
        .iter()
        .map(|&e| index.gazetteer().entity(e).unwrap().name.as_str())
        .collect();
    expect![[r#"
        (
            [
                "Heading: 概要と背景",
                "Bullet: トランプ大統領は最近、日本と韓国を訪問し同盟関係を確認したが、その直後に「裏庭」とみなすカリブ海で麻薬組織を標的に軍事行動を開始。",
                "Bullet: 米軍は10回以上の爆撃を実施し、さらにベネズエラのマドゥロ政権への地上攻撃の可能性も示唆している。",
            ],
            [
                "マドゥロ",
                "トランプ",
                "クーパー",
                "ベネズエラ",
                "米国",
                "中国",
                "カリブ海",
                "台湾",
                "日本",
                "韓国",
                "CIA",
                "アメリカン・エンタープライズ研究所",
                "麻薬",
                "空母",
                "軍事行動",
                "モンロー主義",
            ],
        )
    "#]].assert_debug_eq(&(blocks, entities));
}

#[test]
fn pages_are_slices_of_the_full_order() {
    let index = index();
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        for query in ["", "米", "ベネズエラ", "制裁 OR 原油"] {
            let request = |offset, limit| SearchRequest {
                query: query.into(),
                sort,
                offset,
                limit,
                ..SearchRequest::default()
            };
            let ids = |r: SearchResults| r.hits.into_iter().map(|h| h.id).collect::<Vec<_>>();
            let all = ids(index.search(&request(0, usize::MAX)));
            for (offset, limit) in [(0, 1), (0, 3), (2, 3), (7, 5), (20, 5)] {
                let page = ids(index.search(&request(offset, limit)));
                let expected: Vec<String> = all.iter().skip(offset).take(limit).cloned().collect();
                assert_eq!(page, expected, "{query:?} {sort:?} {offset} {limit}");
            }
        }
    }
}

/// An English reader's query: the entity's English name finds what its Japanese
/// spellings find, and says so.
#[test]
fn english_names_search_their_entity() {
    check(
        "Maduro ",
        expect![[r#"
            5 hit(s) for `maduro OR マドゥロ`
            2025-08-11 米の懸賞金引き上げに反発―ベネズエラ 「政治的プロパガンダ」 | マドゥロ マドゥロ
            2025-10-21 米、ベネズエラ大統領の追放もくろむ ルビオ氏が主導 | マドゥロ マドゥロ マドゥロ
            2025-11-03 トランプ政権の軍事圧力を受け、ベネズエラがロシア・中国・イランに「SOS」 | マドゥロ マドゥロ
            2023-12-05 ベネズエラの背後にロシア=ブラジル北部侵略の可能性も?! | マドゥーロ マドゥー
            2025-11-03 米「裏庭」戦争のしわ寄せ トランプ政権、中国対応に遅れも | マドゥロ
        "#]],
    );
    let index = index();
    let request = |query: &str| SearchRequest {
        query: query.into(),
        limit: usize::MAX,
        ..SearchRequest::default()
    };
    let english = index.search(&request("Maduro"));
    assert_eq!(english.total, index.search(&request("マドゥロ")).total);
    let shown: Vec<String> = english
        .expansions
        .iter()
        .map(|e| format!("{} → {}", e.term, e.spellings.join(" · ")))
        .collect();
    assert_eq!(shown, ["Maduro → マドゥロ"]);
    // A Japanese spelling is searched as itself: no expansion.
    assert!(index.search(&request("アメリカ")).expansions.is_empty());
    assert_eq!(
        index.search(&request("\"United States\"")).expansions[0].spellings,
        ["アメリカ", "米", "合衆国"]
    );
}
