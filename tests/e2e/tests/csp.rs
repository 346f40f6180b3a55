//! Content-Security-Policy: the hosted page and the single file (from `file://`) run
//! under their strict policies with no violation while a person uses them; and the
//! check can fail: an injected inline script and style attribute are blocked and
//! reported.

use kiroku_e2e::{dist_dir, Session};

/// Search, hover the timeline (its card is positioned through the CSSOM), open an
/// article, switch theme and language: everything that changes the page.
async fn use_the_app(session: &Session) {
    session.wait_for("#results > li").await;
    session.record_csp_violations().await;
    session.type_into("#search", "ベネズエラ").await;
    session
        .eventually("the query applies", || async {
            session.current_path().await.contains("q=")
                || session.text_contents("#results mark").await.len() > 1
        })
        .await;
    // A bar picked by keyboard shows the hover card.
    session
        .js("document.querySelector('.timeline-plot').focus()", vec![])
        .await;
    session.press("\u{E012}").await; // ArrowLeft
    session.wait_for(".timeline-card").await;
    session.click("#results a.result-link").await;
    session.wait_for("#reader-title").await;
    session.click(".theme-toggle").await;
    session.click(".lang-toggle").await;
    assert_eq!(session.csp_violations().await, Vec::<String>::new());
    let errors = session.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

/// Injects what the policy must refuse, and asserts both detectors see it: the
/// `securitypolicyviolation` events and the console log.
async fn a_violation_is_reported(session: &Session) {
    session
        .js(
            "const s = document.createElement('script');
             s.textContent = 'window.__injectedRan = true';
             document.body.append(s);
             document.body.setAttribute('style', 'outline: 3px solid red');",
            vec![],
        )
        .await;
    session
        .eventually("the violations are reported", || async {
            session.csp_violations().await.len() >= 2
        })
        .await;
    let ran = session
        .js("return window.__injectedRan === true", vec![])
        .await;
    assert_eq!(
        ran,
        serde_json::json!(false),
        "the inline script was blocked"
    );
    let violations = session.csp_violations().await;
    assert!(
        violations
            .iter()
            .any(|v| v.starts_with("script-src-elem blocked inline"))
            && violations
                .iter()
                .any(|v| v.starts_with("style-src-attr blocked inline")),
        "{violations:?}"
    );
    let errors = session.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("Content Security Policy")),
        "the console reports it too: {errors:?}"
    );
}

async fn policy(session: &Session) -> String {
    let policy = session
        .js(
            "return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content",
            vec![],
        )
        .await;
    policy.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hosted_page_runs_under_its_policy() {
    let session = Session::start().await;
    session.open("/").await;
    use_the_app(&session).await;
    assert_eq!(
        policy(&session).await,
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'none'"
    );
    // No inline script left on the page: every one is a file of our own origin.
    let inline = session
        .js(
            "return [...document.scripts].filter(s => !s.src).length",
            vec![],
        )
        .await;
    assert_eq!(inline, serde_json::json!(0));
    a_violation_is_reported(&session).await;
    session.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_single_file_runs_under_its_policy_from_file_urls() {
    let session = Session::browser_only().await;
    let file = dist_dir().join("kiroku.html");
    let file = file.canonicalize().expect("dist/kiroku.html");
    session
        .client
        .goto(&format!("file://{}", file.display()))
        .await
        .expect("open the single file");
    use_the_app(&session).await;
    let policy = policy(&session).await;
    assert!(
        policy.starts_with("default-src 'none'; script-src 'sha256-")
            && policy.contains("'wasm-unsafe-eval'; style-src 'sha256-")
            && !policy.contains("unsafe-inline")
            && !policy.contains("connect-src"),
        "{policy}"
    );
    a_violation_is_reported(&session).await;
    session.close().await;
}
