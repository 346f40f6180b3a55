//! URL tampering: malformed, huge, random and hostile hashes never crash the app; it
//! shows the default view, keeping only the valid parts (unknown entities count as
//! invalid; an unknown article id opens the reader saying no article has it), with
//! a clean console.

use kiroku_e2e::Session;

/// The number in the count (`8件` or `8 results`).
async fn count(session: &Session) -> Option<usize> {
    let text = session.text("#count").await;
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Deterministic pseudo-random bytes (xorshift), so a failure reproduces.
fn random_hashes(n: usize) -> Vec<String> {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..n)
        .map(|_| {
            let len = (next() % 200) as usize;
            (0..len)
                .map(|_| match next() % 4 {
                    // Any byte, percent-encoded (most are not UTF-8 sequences).
                    0 => format!("%{:02X}", next() % 256),
                    // Structure characters of the hash.
                    1 => ["&", "=", "?", "/", "#", "%", "+", "q=", "e=", "a=", "y="]
                        [(next() % 11) as usize]
                        .to_string(),
                    // Printable ASCII and some kana.
                    2 => char::from(b'!' + (next() % 94) as u8).to_string(),
                    _ => char::from_u32(0x3041 + (next() % 80) as u32)
                        .unwrap_or('あ')
                        .to_string(),
                })
                .collect::<String>()
        })
        .map(|garbage| format!("#/?{garbage}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn tampered_hashes_fall_back_to_the_default_view() {
    let session = Session::start().await;
    session.open("/").await;
    session.wait_for("#results > li").await;
    assert_eq!(count(&session).await, Some(8));

    let mut default_views = vec![
        "#".to_string(),
        "#%".to_string(),
        "#%%%%zz".to_string(),
        "#/?q=%E3%81".to_string(),
        "#/?q=%zz%&q".to_string(),
        "#/?y=99999999999999999999&y=-1&from=2025-02-30&to=9999-99-99&sort=sideways&embed=2"
            .to_string(),
        "#/?unknown=1&__proto__=x&constructor=y&toString=z".to_string(),
        "#javascript:alert(1)".to_string(),
        "#/?e=".to_string(),
        // Values this corpus does not know are dropped like invalid ones; an article
        // it does not have is said to be missing.
        "#/?a=..%2F..%2Fetc%2Fpasswd&e=NoSuchEntity".to_string(),
        "#/?q=&&&&==&=&".to_string(),
        format!("#/?q={}", "%%zz%E3".repeat(15_000)), // 100 KB of broken escapes
        format!("#/?{}", "x=1&".repeat(25_000)),      // 100 KB of unknown keys
    ];
    default_views.extend(random_hashes(40));
    for hash in &default_views {
        session.open(&format!("/{hash}")).await;
        session
            .eventually(&format!("the default view for {:.80}…", hash), || async {
                let reader = session.texts("#reader").await.is_empty()
                    || !session.texts("#reader .not-found").await.is_empty();
                reader && count(&session).await == Some(8)
            })
            .await;
        assert_eq!(session.dialog().await, None);
    }
    let errors = session.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");

    // Bad parts are dropped, good parts kept (a fresh load, not only a hash change).
    session
        .open("/#/?q=%E3%81&y=2025&sort=sideways&from=nope")
        .await;
    session.client.refresh().await.expect("reload");
    session
        .eventually("only the year applies", || async {
            count(&session).await.is_some_and(|n| n > 0 && n < 8)
        })
        .await;
    let value = session
        .js("return document.querySelector('#search').value", vec![])
        .await;
    assert_eq!(value, serde_json::json!(""));

    // Hostile text in the hash is a query, shown as text; a 100 KB query is kept.
    session
        .open(
            "/#/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&e=%3Cscript%3Ealert(2)%3C%2Fscript%3E",
        )
        .await;
    session.wait_for(".no-results, #count").await;
    assert_eq!(session.dialog().await, None);
    let injected = session
        .js(
            "return document.querySelectorAll('#app img, #app script').length",
            vec![],
        )
        .await;
    assert_eq!(injected, serde_json::json!(0));
    let long_query = "ベネズエラ".repeat(7_000); // 105 KB once encoded
    let encoded: String = long_query.bytes().map(|b| format!("%{b:02X}")).collect();
    session.open(&format!("/#/?q={encoded}")).await;
    session.client.refresh().await.expect("reload");
    session
        .eventually("the long query fills the search box", || async {
            session
                .js(
                    "return document.querySelector('#search')?.value.length",
                    vec![],
                )
                .await
                == serde_json::json!(long_query.chars().count())
        })
        .await;

    session.finish().await;
}

/// A range written backwards is the same days written forwards: all its articles,
/// and a chip that reads forwards. Read as given, it showed 0 results.
#[tokio::test(flavor = "multi_thread")]
async fn a_backwards_range_reads_forwards() {
    let session = Session::start().await;
    session.open("/#/?from=2025-12-31&to=2013-01-01").await;
    session.wait_for("#results > li").await;
    assert_eq!(count(&session).await, Some(8));
    let chip = session
        .text_contents(".active-filters .chip")
        .await
        .join("");
    let (from, to) = (
        chip.find("2013").unwrap_or(usize::MAX),
        chip.find("2025").unwrap_or(0),
    );
    assert!(from < to, "the chip reads forwards: {chip}");
    session.finish().await;
}
