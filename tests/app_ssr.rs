//! The app rendered natively with yew's server renderer: what each view shows.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kiroku::app::{App, AppProps};
use kiroku::corpus::build_index;
use kiroku::host::Host;
use kiroku::i18n::Lang;
use kiroku::route;
use kiroku::state::State;
use yew::LocalServerRenderer;

const CORPUS: &str = "\
- 2024年1月2日 古い記事
- 2025年3月4日 新しい記事
2024年1月2日 古い記事
本文その一。マドゥロ大統領が語った。
2025年3月4日 新しい記事
概要
本文その二 <script>alert(1)</script> マドゥーロ
- 箇条書きの一
- 箇条書きの二
";

const ENTITIES: &str = "[[entity]]\nname = \"マドゥロ\"\nkind = \"person\"\n";

async fn render_with(corpus: &'static str, hash: &str, lang: Lang) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        index: Rc::new(build_index(corpus, ENTITIES)),
        initial: route::decode(hash),
        lang,
        theme: Default::default(),
        host: Host::Page,
    })
    .render()
    .await
}

async fn render(hash: &str) -> String {
    render_with(CORPUS, hash, Lang::Ja).await
}

fn id_of(title: &str) -> String {
    let index = build_index(CORPUS, ENTITIES);
    let article = index.articles().iter().find(|a| a.title == title);
    article.expect("article in the test corpus").id.clone()
}

#[tokio::test]
async fn lists_articles_newest_first_with_a_count() {
    let html = render("").await;
    let newer = html.find("新しい記事").expect("newer article listed");
    let older = html.find("古い記事").expect("older article listed");
    assert!(newer < older, "newest first: {html}");
    assert!(html.contains("2件"), "count shown: {html}");
    assert!(
        html.contains(r#"datetime="2025-03-04""#),
        "machine-readable date: {html}"
    );
    assert!(
        html.contains("最新の記事"),
        "the empty state's heading: {html}"
    );
    assert!(
        html.contains(r#"class="suggestion""#),
        "suggested searches: {html}"
    );
}

#[tokio::test]
async fn the_embedded_default_corpus_lists_all_eight_articles() {
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        index: kiroku::corpus::embedded_index(),
        initial: State::default(),
        lang: Lang::Ja,
        theme: Default::default(),
        host: Host::Page,
    })
    .render()
    .await;
    assert_eq!(html.matches("<li class=\"result\"").count(), 8, "{html}");
    assert!(html.contains("8件"));
    assert!(
        html.contains(r#"aria-expanded="false" class="link-button facet-more">ほか"#),
        "long facet groups fold: {html}"
    );
}

/// The suggestions come from the first view's facets when it is unfiltered (one
/// search of the corpus at start, not two): whatever its sort, they are the whole
/// corpus' top entities, as a search of their own finds them.
#[tokio::test]
async fn suggestions_are_the_whole_corpus_top_entities_in_any_unfiltered_view() {
    let index = kiroku::corpus::embedded_index();
    let whole = index.search(&kiroku_core::SearchRequest {
        limit: 0,
        ..Default::default()
    });
    let expected = kiroku::hooks::search::suggested(&whole.facets);
    assert!(expected.len() >= 4, "{expected:?}");
    for hash in ["", "#/?sort=old", "#/?sort=new"] {
        let html = LocalServerRenderer::<App>::with_props(AppProps {
            index: index.clone(),
            initial: route::decode(hash),
            lang: Lang::Ja,
            theme: Default::default(),
            host: Host::Page,
        })
        .render()
        .await;
        let shown: Vec<&str> = html
            .split(r#"class="suggestion""#)
            .skip(1)
            .filter_map(|after| after.split_once('>')?.1.split_once('<'))
            .map(|(label, _)| label.trim())
            .collect();
        assert_eq!(shown, expected, "{hash}: {html}");
    }
}

#[tokio::test]
async fn corpus_text_is_text_never_markup() {
    let html = render("#/?q=script").await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;"), "escaped: {html}");
}

#[tokio::test]
async fn a_query_marks_its_matches_and_narrows_the_count() {
    let html = render("#/?q=%E3%81%BE%E3%81%A9%E3%81%85%E3%82%8D").await; // まどぅろ
    assert!(html.contains("2件"), "{html}");
    assert!(html.contains("<mark>マドゥロ</mark>"), "{html}");
    assert!(html.contains("<mark>マドゥーロ</mark>"), "{html}");
    assert!(!html.contains("最新の記事"), "not the empty state: {html}");
}

#[tokio::test]
async fn facets_show_counts_and_selected_filters_show_as_chips() {
    let html = render("#/?e=%E3%83%9E%E3%83%89%E3%82%A5%E3%83%AD&y=2025").await;
    assert!(html.contains("1件"), "マドゥロ in 2025: {html}");
    assert!(html.contains(r#"aria-label="マドゥロ を解除""#), "{html}");
    assert!(html.contains(r#"aria-label="2025年 を解除""#), "{html}");
    assert!(html.contains(r#"aria-pressed="true""#), "{html}");
    assert!(html.contains("人物"), "people group: {html}");
}

#[tokio::test]
async fn no_results_offers_to_drop_the_filters() {
    let html = render("#/?q=%E5%8F%A4%E3%81%84&y=2025").await; // 古い in 2025
    assert!(
        html.contains("「古い」に一致する記事はありません"),
        "{html}"
    );
    assert!(html.contains("絞り込みを解除して再検索"), "{html}");
}

#[tokio::test]
async fn unknown_url_values_are_ignored() {
    let html = render("#/?e=nobody&y=soon&sort=sideways").await;
    assert!(html.contains("2件"), "{html}");
    assert!(!html.contains("nobody"), "{html}");
    assert!(!html.contains(r#"class="reader""#), "{html}");
}

#[tokio::test]
async fn an_unknown_article_says_it_is_not_in_this_corpus() {
    let html = render("#/?a=no-such-article").await;
    assert!(html.contains(r#"class="reader""#), "{html}");
    assert!(html.contains("この記事は収録されていません。"), "{html}");
    assert!(!html.contains(r#"class="results""#), "not the list: {html}");
    let html = render_with(CORPUS, "#/?a=no-such-article", Lang::En).await;
    assert!(
        html.contains("This article is not in the corpus."),
        "{html}"
    );
}

/// Twenty-five articles that all mention 米国, one a day: newest first.
fn many() -> &'static str {
    let articles: String = (1..=25)
        .map(|day| {
            format!("{{\"date\":\"2025-01-{day:02}\",\"title\":\"記事{day}\",\"body\":\"米国\"}}\n")
        })
        .collect();
    Box::leak(articles.into_boxed_str())
}

#[tokio::test]
async fn the_reader_steps_through_all_results_not_only_the_page_shown() {
    // Ranked newest first (equal scores): 記事25 … 記事1, so 記事6 is hit 20, the
    // last of the first page, and 記事5 (hit 21) is not on it.
    let corpus = many();
    let index = build_index(corpus, "");
    let id = |title: &str| {
        let article = index.articles().iter().find(|a| a.title == title);
        article.expect("article").id.clone()
    };
    let hash = route::encode(&State {
        query: "米国".into(),
        article: Some(id("記事6")),
        ..State::default()
    });
    let html = render_with(corpus, &hash, Lang::Ja).await;
    assert!(html.contains("25件中 20件目"), "{html}");
    let next = route::encode(&State {
        query: "米国".into(),
        article: Some(id("記事5")),
        ..State::default()
    });
    let next = format!(r#"href="{}""#, next.replace('&', "&amp;"));
    assert!(html.contains(&next), "next is hit 21: {html}");
    assert!(!html.contains("reader-step next disabled"), "{html}");
}

#[tokio::test]
async fn an_article_outside_the_results_is_not_counted_among_them() {
    // A link to the older article with a query that only the newer one matches.
    let hash = route::encode(&State {
        query: "概要".into(),
        article: Some(id_of("古い記事")),
        ..State::default()
    });
    let html = render(&hash).await;
    assert!(
        html.contains("現在の検索結果には含まれていません"),
        "{html}"
    );
    assert!(!html.contains("件目"), "no position among 1 result: {html}");
    assert!(html.contains("reader-step previous disabled"), "{html}");
    assert!(html.contains("reader-step next disabled"), "{html}");
}

#[tokio::test]
async fn the_reader_shows_structure_highlights_entities_and_position() {
    let id = id_of("新しい記事");
    let hash = route::encode(&State {
        query: "マドゥロ".into(),
        article: Some(id),
        ..State::default()
    });
    let html = render(&hash).await;
    assert!(html.contains(r#"class="reader""#), "{html}");
    assert!(html.contains("<h2>概要</h2>"), "a heading block: {html}");
    assert!(
        html.contains("<ul><li>箇条書きの一</li><li>箇条書きの二</li></ul>"),
        "consecutive bullets form one list: {html}"
    );
    assert!(
        html.contains(r#"<mark data-match="1">マドゥーロ</mark>"#),
        "matches numbered in reading order: {html}"
    );
    assert!(html.contains("– / 1"), "no match chosen yet: {html}");
    assert!(
        html.contains("2件中 2件目"),
        "position in results (relevance order): {html}"
    );
    assert!(html.contains("登場する固有名"), "entities: {html}");
}

#[tokio::test]
async fn the_reader_emphasizes_the_match_in_the_url() {
    let hash = route::encode(&State {
        query: "マドゥロ".into(),
        article: Some(id_of("新しい記事")),
        occurrence: Some(1),
        ..State::default()
    });
    let html = render(&hash).await;
    assert!(
        html.contains(
            r#"<mark data-match="1" aria-current="true" class="current">マドゥーロ</mark>"#
        ),
        "{html}"
    );
    assert!(html.contains(">1 / 1<"), "{html}");
}

#[tokio::test]
async fn english_ui() {
    let html = render_with(CORPUS, "", Lang::En).await;
    assert!(html.contains("2 results"), "{html}");
    assert!(html.contains("Latest articles"), "{html}");
    assert!(
        html.contains(r#"datetime="2025-03-04">4 Mar 2025"#),
        "{html}"
    );
}

#[tokio::test]
async fn the_reader_links_web_sources_only_and_without_opener_or_referrer() {
    const SOURCED: &str = concat!(
        r#"{"date":"2025-01-02","title":"web","body":"a","source":"Wire","url":"https://example.org/1"}"#,
        "\n",
        r#"{"date":"2025-01-03","title":"evil","body":"b","source":"<b>Evil</b>","url":" JavaScript:alert(1)"}"#,
        "\n",
    );
    let index = build_index(SOURCED, "");
    let id = |title: &str| {
        let article = index.articles().iter().find(|a| a.title == title);
        article.expect("article").id.clone()
    };
    let web = render_with(SOURCED, &format!("#/?a={}", id("web")), Lang::En).await;
    assert!(
        web.contains(r#"<a href="https://example.org/1" target="_blank" rel="noopener noreferrer" class="source">Wire</a>"#),
        "{web}"
    );
    let evil = render_with(SOURCED, &format!("#/?a={}", id("evil")), Lang::En).await;
    assert!(
        evil.contains(r#"<span class="source">&lt;b&gt;Evil&lt;/b&gt;</span>"#),
        "{evil}"
    );
    assert!(!evil.to_lowercase().contains("javascript:"), "{evil}");
}

/// The app indexes the packed form the build script writes (`kiroku::PACKED`); it
/// must hold exactly what reading the corpus and gazetteer text gives.
#[test]
fn the_packed_embedded_corpus_indexes_like_its_text() {
    let from_text = build_index(kiroku::CORPUS, kiroku::ENTITIES);
    let packed = kiroku::corpus::build_packed_index(kiroku::PACKED);
    assert_eq!(packed.articles().len(), 8);
    assert_eq!(packed.articles(), from_text.articles());
    assert_eq!(
        packed.gazetteer().entities(),
        from_text.gazetteer().entities()
    );
    assert!(!packed.gazetteer().entities().is_empty());
}
