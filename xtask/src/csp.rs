//! Content-Security-Policy for both builds, as a `<meta http-equiv>` (a static host
//! cannot be relied on to send headers).
//!
//! - Hosted (`index.html`): every script is a file from our own origin, so the policy
//!   names no hash and does not change between builds. [`externalize_scripts`] moves
//!   the inline scripts (the theme-before-paint script of `index.html` and Trunk's
//!   module loader) into content-hashed files. `frame-ancestors` cannot be set from a
//!   `<meta>` (browsers ignore it there and say so in the console); framing stays
//!   allowed, which the iframe embed needs.
//! - Single file (`kiroku.html`): nothing can come from elsewhere, so `default-src
//!   'none'` and the inline script and style blocks are allowed by their SHA-256
//!   hashes ([`single_file_policy`]); no `connect-src` at all: it never fetches.
//!
//! `'wasm-unsafe-eval'` is what compiling WebAssembly needs, and nothing more (it does
//! not allow `eval` of JavaScript).

use std::{
    collections::hash_map::DefaultHasher,
    hash::{Hash, Hasher},
    path::Path,
};

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::{dist::write, shell::Result};

/// The hosted build's policy.
pub const HOSTED: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'";

/// The single file's policy, given the exact text of its inline scripts and styles.
pub fn single_file_policy(scripts: &[&str], styles: &[&str]) -> String {
    let hashes = |blocks: &[&str]| {
        blocks
            .iter()
            .map(|block| format!("'{}'", sha256(block)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'",
        hashes(scripts),
        hashes(styles)
    )
}

/// Puts the policy right after `<meta charset>` (or first in `<head>`), before
/// anything it governs.
pub fn add_meta(html: &str, policy: &str) -> String {
    let meta =
        format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let at = html
        .find("<meta charset")
        .and_then(|start| html[start..].find('>').map(|i| start + i + 1))
        .or_else(|| html.find("<head>").map(|i| i + "<head>".len()));
    match at {
        Some(at) => format!("{}{meta}{}", &html[..at], &html[at..]),
        None => html.to_string(),
    }
}

/// Moves every inline `<script>` of `html` into a file of `dist` named after its
/// content (`script-<hash>.js`, so a cached old copy is never run with a new page) and
/// loads it from there, keeping its type and order.
pub fn externalize_scripts(dist: &Path, html: &str) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_len) = rest[start..].find('>').map(|i| i + 1) else {
            break;
        };
        let tag = &rest[start..start + tag_len];
        let body_start = start + tag_len;
        let Some(body_len) = rest[body_start..].find("</script>") else {
            break;
        };
        let end = body_start + body_len + "</script>".len();
        out.push_str(&rest[..start]);
        if tag.contains(" src=") {
            out.push_str(&rest[start..end]);
        } else {
            let body = &rest[body_start..body_start + body_len];
            let mut hasher = DefaultHasher::new();
            body.hash(&mut hasher);
            let name = format!("script-{:016x}.js", hasher.finish());
            write(&dist.join(&name), body)?;
            let module = if tag.contains("type=\"module\"") {
                " type=\"module\""
            } else {
                ""
            };
            out.push_str(&format!("<script{module} src=\"./{name}\"></script>"));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The CSP source expression for `text`: `sha256-<base64>`.
fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The contents of every inline `<tag>` element (no `src`), in page order.
pub fn inline_blocks<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let Some(tag_len) = rest[start..].find('>').map(|i| i + 1) else {
            break;
        };
        let body_start = start + tag_len;
        let Some(body_len) = rest[body_start..].find(&close) else {
            break;
        };
        if !rest[start..body_start].contains(" src=") {
            blocks.push(&rest[body_start..body_start + body_len]);
        }
        rest = &rest[body_start + body_len + close.len()..];
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_the_ones_browsers_compute() {
        // `echo -n "alert(1)" | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            sha256("alert(1)"),
            "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
        let policy = single_file_policy(&["alert(1)"], &["p{}"]);
        assert!(policy.starts_with(
            "default-src 'none'; script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'wasm-unsafe-eval'; style-src 'sha256-"
        ));
    }

    #[test]
    fn inline_scripts_move_to_files_and_loaded_ones_stay() {
        let dist = std::env::temp_dir().join(format!("kiroku-csp-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        let html = "<head><script>var t = 1;</script>\
                    <script type=\"module\">import init from './app.js';</script>\
                    <script src=\"./register-sw.js\" defer></script></head>";
        let out = externalize_scripts(&dist, html).unwrap();
        assert!(inline_blocks(&out, "script").is_empty(), "{out}");
        assert!(out.contains("<script src=\"./register-sw.js\" defer></script>"));
        let names: Vec<&str> = out
            .split("src=\"./")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(names.len(), 3, "{out}");
        assert!(out.contains(&format!("<script type=\"module\" src=\"./{}\">", names[1])));
        assert_eq!(
            std::fs::read_to_string(dist.join(names[0])).unwrap(),
            "var t = 1;"
        );
        std::fs::remove_dir_all(&dist).ok();
    }

    #[test]
    fn the_policy_comes_before_anything_it_governs() {
        let html = add_meta(
            "<html><head><meta charset=\"utf-8\" /><script></script></head>",
            "x",
        );
        assert_eq!(
            html,
            "<html><head><meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"x\" /><script></script></head>"
        );
    }
}
