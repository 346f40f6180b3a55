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
    cell::Cell,
    collections::hash_map::DefaultHasher,
    hash::{Hash, Hasher},
    path::Path,
};

use anyhow::Result;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::{
    files,
    html::{self, ContentType},
};

/// The hosted build's policy.
pub const HOSTED: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'";

/// Inline scripts: the ones without `src`.
const INLINE_SCRIPT: &str = "script:not([src])";

/// The single file's policy, allowing exactly its inline scripts and styles.
pub fn single_file_policy(page: &str) -> Result<String> {
    let hashes = |selector: &str| -> Result<String> {
        Ok(html::texts(page, selector)?
            .iter()
            .map(|block| format!("'{}'", sha256(block)))
            .collect::<Vec<_>>()
            .join(" "))
    };
    Ok(format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'",
        hashes(INLINE_SCRIPT)?,
        hashes("style")?
    ))
}

/// Puts the policy right after `<meta charset>` (or first in `<head>`), before
/// anything it governs.
pub fn add_meta(page: &str, policy: &str) -> Result<String> {
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        html::attribute_value(policy).replace('"', "&quot;")
    );
    let placed = Cell::new(false);
    let page = html::rewrite(
        page,
        vec![html::on_element("meta[charset]", |charset| {
            if !placed.replace(true) {
                charset.after(&meta, ContentType::Html);
            }
            Ok(())
        })?],
    )?;
    if placed.get() {
        return Ok(page);
    }
    let first_in_head = html::on_element("head", |head| {
        head.prepend(&meta, ContentType::Html);
        Ok(())
    })?;
    html::rewrite(&page, vec![first_in_head])
}

/// Moves every inline `<script>` of `page` into a file of `dist` named after its
/// content (`script-<hash>.js`, so a cached old copy is never run with a new page) and
/// loads it from there, keeping its type and order.
pub fn externalize_scripts(dist: &Path, page: &str) -> Result<String> {
    let mut names = Vec::new();
    for body in html::texts(page, INLINE_SCRIPT)? {
        let mut hasher = DefaultHasher::new();
        body.hash(&mut hasher);
        let name = format!("script-{:016x}.js", hasher.finish());
        files::write(&dist.join(&name), &body)?;
        names.push(name);
    }
    let mut names = names.into_iter();
    let load_from_file = html::on_element(INLINE_SCRIPT, |script| {
        let name = names.next().ok_or("the page changed between two reads")?;
        script.set_attribute("src", &format!("./{name}"))?;
        script.set_inner_content("", ContentType::Text);
        Ok(())
    })?;
    html::rewrite(page, vec![load_from_file])
}

/// The CSP source expression for `text`: `sha256-<base64>`.
fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
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
        let page = "<head><script>alert(1)</script><script src=\"x.js\"></script>\
                    <style>p{}</style></head>";
        let policy = single_file_policy(page).unwrap();
        assert!(policy.starts_with(
            "default-src 'none'; script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'wasm-unsafe-eval'; style-src 'sha256-"
        ), "{policy}");
        assert_eq!(policy.matches("sha256-").count(), 2, "{policy}");
    }

    #[test]
    fn inline_scripts_move_to_files_and_loaded_ones_stay() {
        let dist = std::env::temp_dir().join(format!("kiroku-csp-{}", std::process::id()));
        let page = "<head><script>var t = '</scr' + 'ipt>';</script>\
                    <script type=\"module\">import init from './app.js';</script>\
                    <script src=\"./register-sw.js\" defer></script></head>";
        let out = externalize_scripts(&dist, page).unwrap();
        assert!(
            html::texts(&out, INLINE_SCRIPT).unwrap().is_empty(),
            "{out}"
        );
        let sources = html::attributes(&out, "script", "src").unwrap();
        assert_eq!(sources.len(), 3, "{out}");
        assert_eq!(sources[2], "./register-sw.js");
        assert!(
            out.contains(&format!(
                "<script type=\"module\" src=\"{}\"></script>",
                sources[1]
            )),
            "{out}"
        );
        assert!(out.contains("<script src=\"./register-sw.js\" defer></script>"));
        let first = sources[0].trim_start_matches("./");
        assert_eq!(
            std::fs::read_to_string(dist.join(first)).unwrap(),
            "var t = '</scr' + 'ipt>';"
        );
        std::fs::remove_dir_all(&dist).ok();
    }

    #[test]
    fn the_policy_comes_before_anything_it_governs() {
        let page = add_meta(
            "<html><head><meta charset=\"utf-8\" /><script></script></head>",
            "x",
        )
        .unwrap();
        assert_eq!(
            page,
            "<html><head><meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"x\" /><script></script></head>"
        );
        let without_charset = add_meta("<html><head><title>t</title></head></html>", "y").unwrap();
        assert!(
            without_charset.starts_with("<html><head>\n    <meta http-equiv=\"Content-Security-Policy\" content=\"y\" /><title>"),
            "{without_charset}"
        );
    }
}
