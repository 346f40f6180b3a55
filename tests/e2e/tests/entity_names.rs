//! English readers of a Japanese corpus: facets, chips and the reader name entities
//! in the UI's language, and an English name finds the entity's articles, with the
//! expansion shown so the count stays explainable. Filters and URLs keep the
//! canonical (corpus) name, so a shared link means the same in either language.

use kiroku_e2e::Session;

async fn decoded_hash(session: &Session) -> String {
    let hash = session
        .js("return decodeURIComponent(location.hash)", vec![])
        .await;
    hash.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn english_names_show_and_search_in_the_english_ui() {
    let session = Session::start().await;
    session.open("/").await;
    session.set_ui_lang("en").await;
    session.wait_for("#results > li").await;

    let facets = session.texts(".facet-label").await;
    assert!(facets.iter().any(|f| f == "Maduro"), "{facets:?}");
    assert!(facets.iter().any(|f| f == "Venezuela"), "{facets:?}");
    assert!(!facets.iter().any(|f| f == "マドゥロ"), "{facets:?}");
    let chips = session.texts("#results .chip").await;
    assert!(chips.iter().any(|c| c == "Venezuela"), "{chips:?}");

    // "Maduro" finds what マドゥロ finds, and says what it searched.
    session.type_into("#search", "Maduro").await;
    session
        .eventually("the English name finds the entity's articles", || async {
            session.count().await == 5
        })
        .await;
    let expansion = session.text(".toolbar-expansions").await;
    assert!(expansion.contains("Maduro → マドゥロ"), "{expansion:?}");
    let marks = session.texts("#results mark").await;
    assert!(
        marks.iter().any(|m| m.contains("マドゥ")),
        "the Japanese spelling is highlighted: {marks:?}"
    );

    // The facet shows the English name and filters by the canonical one.
    session.click(".facet[data-entity='マドゥロ']").await;
    session.wait_for(".active-filters .chip").await;
    let chip = session.text(".active-filters .chip").await;
    assert!(chip.starts_with("Maduro"), "{chip:?}");
    session
        .eventually("the URL keeps the canonical name", || async {
            decoded_hash(&session).await.contains("e=マドゥロ")
        })
        .await;

    // The reader's entity chips too.
    session.click("#results a.result-link").await;
    session.wait_for("#reader-title").await;
    let reader_chips = session.texts(".reader-foot .chip").await;
    assert!(
        reader_chips.iter().any(|c| c == "Maduro"),
        "{reader_chips:?}"
    );
    assert!(
        !reader_chips.iter().any(|c| c == "マドゥロ"),
        "{reader_chips:?}"
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_japanese_ui_keeps_japanese_names_and_explains_english_queries() {
    let session = Session::start().await;
    session.open("/").await;
    session.set_ui_lang("ja").await;
    session.wait_for("#results > li").await;
    let facets = session.texts(".facet-label").await;
    assert!(facets.iter().any(|f| f == "マドゥロ"), "{facets:?}");
    assert!(!facets.iter().any(|f| f == "Maduro"), "{facets:?}");

    session.type_into("#search", "Maduro").await;
    session
        .eventually("an English name finds the entity here too", || async {
            session.count().await == 5
        })
        .await;
    let expansion = session.text(".toolbar-expansions").await;
    assert!(expansion.contains("別名も検索"), "{expansion:?}");
    assert!(expansion.contains("Maduro → マドゥロ"), "{expansion:?}");

    // A Japanese spelling is searched as itself: nothing to explain.
    session.open("/#/?q=アメリカ").await;
    session.wait_for("#results > li").await;
    assert!(session.texts(".toolbar-expansions").await.is_empty());
    session.finish().await;
}
