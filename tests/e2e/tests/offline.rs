//! The ways people use kiroku without a network: the single file from `file://`, and the
//! hosted build after one visit.

use std::time::Duration;

use kiroku_e2e::{dist_dir, own_dist_dir, Session};

async fn assert_all_articles_and_search_work(session: &Session) {
    session.wait_for("#results li").await;
    assert_eq!(session.texts("#results li").await.len(), 8);
    session.type_into("#search", "チャベス").await;
    session
        .eventually("search narrows to the チャベス article", || async {
            session.texts("#results li h2").await
                == ["原油埋蔵量世界1位、ベネズエラの今後 原油埋蔵地の開発は停滞"]
        })
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn single_file_works_from_file_url_with_no_network() {
    let page = dist_dir().join("kiroku.html");
    assert!(
        page.is_file(),
        "no single file at {} (cargo xtask dist)",
        page.display()
    );
    let session = Session::browser_only().await;
    session.go_offline().await;
    session.open(&format!("file://{}", page.display())).await;
    assert_all_articles_and_search_work(&session).await;

    let requests = session.requested_urls().await;
    assert!(
        requests.is_empty(),
        "the single file requests nothing: {requests:?}"
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn hosted_build_works_offline_after_the_first_visit() {
    let mut session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results li").await;
    // No request leaves the page's origin: no CDN fonts, no analytics.
    let requests = session.requested_urls().await;
    assert!(!requests.is_empty(), "the hosted page loads its assets");
    for url in &requests {
        assert!(
            url.starts_with(&format!("{}/", session.base_url)),
            "request off the origin: {url}"
        );
    }
    // The service worker has cached every asset once it controls the page.
    session.wait_for_service_worker().await;

    session.stop_server();
    tokio::time::sleep(Duration::from_millis(100)).await;
    session
        .client
        .refresh()
        .await
        .expect("reload with the server gone");
    assert_all_articles_and_search_work(&session).await;
    // The page's own title, after the search that leads it.
    let title = session.client.title().await.expect("title");
    assert_eq!(title, "チャベス — kiroku 記録");
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_deploy_replaces_the_old_cache() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results li").await;
    session.wait_for_service_worker().await;
    let old_caches = session.cache_names().await;
    assert_eq!(old_caches.len(), 1, "one cache per build: {old_caches:?}");

    // Another build at the same origin; the browser checks sw.js for updates.
    session.deploy(own_dist_dir());
    session
        .client
        .execute_async(
            "navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => arguments[0](true))",
            vec![],
        )
        .await
        .expect("update check");
    session
        .eventually(
            "the new worker takes over and deletes the old cache",
            || async {
                let caches = session.cache_names().await;
                caches.len() == 1 && caches != old_caches
            },
        )
        .await;

    session.client.refresh().await.expect("reload");
    session
        .eventually("the page is the new build", || async {
            session
                .texts("#results li h2")
                .await
                .first()
                .map(String::as_str)
                == Some("Andes rail line reopens")
        })
        .await;
    session.close().await;
}
