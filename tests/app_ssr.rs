//! The app rendered natively with yew's server renderer.
#![cfg(not(target_arch = "wasm32"))]

use kiroku::app::{App, AppProps};
use yew::{AttrValue, LocalServerRenderer};

const CORPUS: &str = "\
- 2024年1月2日 古い記事
- 2025年3月4日 新しい記事
2024年1月2日 古い記事
本文その一
2025年3月4日 新しい記事
本文その二 <script>alert(1)</script>
";

async fn render(corpus: &'static str) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        corpus: AttrValue::Static(corpus),
    })
    .render()
    .await
}

#[tokio::test]
async fn lists_articles_newest_first_with_a_count() {
    let html = render(CORPUS).await;
    let newer = html.find("新しい記事").expect("newer article listed");
    let older = html.find("古い記事").expect("older article listed");
    assert!(newer < older, "newest first: {html}");
    assert!(html.contains("2件"), "count shown: {html}");
    assert!(
        html.contains(r#"datetime="2025-03-04""#),
        "machine-readable date: {html}"
    );
}

#[tokio::test]
async fn the_embedded_default_corpus_lists_all_eight_articles() {
    let html = render(kiroku::CORPUS).await;
    assert_eq!(html.matches("<li class=\"result\"").count(), 8, "{html}");
    assert!(html.contains("8件"));
}
