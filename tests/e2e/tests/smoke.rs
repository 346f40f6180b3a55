//! What a person does first: open the page, see every article, search.

use fantoccini::Locator;
use kiroku_e2e::Session;

#[tokio::test(flavor = "multi_thread")]
async fn lists_every_article_and_narrows_by_search() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results li").await;

    let titles = session.texts("#results li h2").await;
    assert_eq!(
        titles.len(),
        8,
        "all 8 default articles are listed: {titles:?}"
    );
    assert_eq!(
        titles[0], "図でみる麻薬密輸ネットワーク 中南米から米国へ",
        "newest first"
    );
    assert_eq!(
        titles[7], "原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞",
        "oldest last"
    );

    let search = session
        .client
        .find(Locator::Css("#search"))
        .await
        .expect("search box");
    search.send_keys("ベネズエラ").await.expect("type");
    session
        .eventually(
            "the list narrows to articles mentioning ベネズエラ",
            || async {
                let n = session.texts("#results li").await.len();
                n > 0 && n < 8
            },
        )
        .await;
    for title in session.texts("#results li h2").await {
        assert_ne!(
            title, "図でみる麻薬密輸ネットワーク 中南米から米国へ",
            "it never mentions ベネズエラ"
        );
    }

    session.finish().await;
}
