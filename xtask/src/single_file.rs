//! `dist/kiroku.html`: the whole app in one HTML file (wasm as base64, the
//! wasm-bindgen glue and CSS inlined), for opening from `file://` with no network.

use std::path::Path;

use anyhow::{Context, Result};
use base64::Engine;

use crate::{
    files,
    html::{self, ContentType},
    trunk::AppFiles,
};

pub const NAME: &str = "kiroku.html";

/// Elements that load something: all of it is inlined, so they go. `data:` links (the
/// icon) and plain inline scripts (the theme script) stay.
const LOADING: &str = "link:not([href^=\"data:\"]), script[src], script[type=\"module\"]";

/// Builds the single file from a Trunk release build in `dist` and its `index.html`.
pub fn build(dist: &Path, index_html: &str) -> Result<String> {
    let AppFiles { glue, wasm } = AppFiles::find(dist)?;
    let base64 = base64::engine::general_purpose::STANDARD;
    // Gzipped before base64: a corpus inside the module compresses 3-4x, and a file
    // opened from disk gets no transfer compression. The page inflates it with the
    // browser's DecompressionStream while compiling.
    let wasm = base64.encode(gzip(&files::read(&dist.join(&wasm))?)?);
    let glue = String::from_utf8_lossy(&files::read(&dist.join(&glue))?).into_owned();
    let mut css = String::new();
    for href in html::attributes(index_html, "link[rel=\"stylesheet\"]", "href")? {
        let sheet = files::read(&dist.join(href.trim_start_matches("./")))?;
        css.push_str(&String::from_utf8_lossy(&sheet));
        css.push('\n');
    }
    let style = format!("<style>\n{}</style>\n", escape_raw_text(&css, "style"));
    // Instantiated asynchronously (streaming, as it inflates): Chromium refuses
    // synchronous compilation of modules over 8 MB on the main thread, and a large
    // corpus lives inside the module.
    let script = format!(
        "<script type=\"module\">\n{}\nconst wasmBase64 = \"{wasm}\";\n\
         const wasmGzip = Uint8Array.fromBase64\n  ? Uint8Array.fromBase64(wasmBase64)\n  \
         : Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));\n\
         const wasmResponse = new Response(\n  \
         new Blob([wasmGzip]).stream().pipeThrough(new DecompressionStream(\"gzip\")),\n  \
         {{ headers: {{ \"Content-Type\": \"application/wasm\" }} }},\n);\n\
         await __wbg_init({{ module_or_path: wasmResponse }});\n</script>\n",
        escape_raw_text(&glue, "script")
    );
    inline(index_html, &style, &script)
}

/// `page` without the elements that load something, with `style` at the end of the
/// head and `script` at the end of the body.
fn inline(page: &str, style: &str, script: &str) -> Result<String> {
    html::rewrite(
        page,
        vec![
            html::on_element(LOADING, |element| {
                element.remove();
                Ok(())
            })?,
            html::on_element("head", |head| {
                head.append(style, ContentType::Html);
                Ok(())
            })?,
            html::on_element("body", |body| {
                body.append(script, ContentType::Html);
                Ok(())
            })?,
        ],
    )
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .context("cannot gzip the wasm module")
}

/// Raw text elements end at `</tag`: break that sequence so inlined code cannot close
/// its element early (`<\/script` means the same inside JS strings and CSS).
fn escape_raw_text(text: &str, tag: &str) -> String {
    text.replace(&format!("</{tag}"), &format!("<\\/{tag}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_every_loading_element_and_inlines_at_the_ends() {
        let page = "<head><title>t</title><link rel=\"stylesheet\" href=\"./a.css\"/>\n\
                    <script type=\"module\">import x from './x.js';</script>\
                    <script>var theme = 1;</script><link rel=\"icon\" href=\"data:x\">\
                    <script src=\"./register-sw.js\" defer></script>\
                    <link rel=\"modulepreload\" href=\"./x.js\"></head><body><p>keep</p></body>";
        assert_eq!(
            inline(page, "<style>s</style>", "<script>j</script>").unwrap(),
            "<head><title>t</title>\n<script>var theme = 1;</script><link rel=\"icon\" href=\"data:x\">\
             <style>s</style></head><body><p>keep</p><script>j</script></body>"
        );
        assert_eq!(
            html::attributes(page, "link[rel=\"stylesheet\"]", "href").unwrap(),
            ["./a.css"]
        );
    }

    #[test]
    fn inlined_code_cannot_close_its_element() {
        assert_eq!(
            escape_raw_text("s = '</script><img>'", "script"),
            "s = '<\\/script><img>'"
        );
    }
}
