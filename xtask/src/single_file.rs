//! `dist/kiroku.html`: the whole app in one HTML file (wasm as base64, the
//! wasm-bindgen glue and CSS inlined), for opening from `file://` with no network.

use std::{fs, path::Path};

use base64::Engine;

use crate::shell::Result;

pub const NAME: &str = "kiroku.html";

/// The hashed file names Trunk gave the app's wasm module and its JS glue.
pub struct AppFiles {
    pub glue: String,
    pub wasm: String,
}

pub fn app_files(dist: &Path) -> Result<AppFiles> {
    let names: Vec<String> = fs::read_dir(dist)
        .map_err(|err| format!("cannot list {}: {err}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    let wasm = names
        .iter()
        .find(|name| name.ends_with("_bg.wasm"))
        .cloned()
        .ok_or_else(|| format!("no wasm module in {}", dist.display()))?;
    let glue = format!("{}.js", wasm.trim_end_matches("_bg.wasm"));
    if !names.contains(&glue) {
        return Err(format!("no {glue} beside {wasm} in {}", dist.display()));
    }
    Ok(AppFiles { glue, wasm })
}

/// Builds the single file from a Trunk release build in `dist` and its `index.html`.
pub fn build(dist: &Path, index_html: &str) -> Result<String> {
    let AppFiles {
        glue: glue_name,
        wasm: wasm_name,
    } = app_files(dist)?;
    let read = |name: &str| fs::read(dist.join(name)).map_err(|err| format!("{name}: {err}"));

    let base64 = base64::engine::general_purpose::STANDARD;
    // Gzipped before base64: a corpus inside the module compresses 3-4x, and a file
    // opened from disk gets no transfer compression. The page inflates it with the
    // browser's DecompressionStream while compiling.
    let wasm = base64.encode(gzip(&read(&wasm_name)?)?);
    let glue = String::from_utf8_lossy(&read(&glue_name)?).into_owned();
    let mut css = String::new();
    for href in stylesheets(index_html) {
        css.push_str(&String::from_utf8_lossy(&read(
            href.trim_start_matches("./"),
        )?));
        css.push('\n');
    }
    let head_extra = format!("<style>\n{}</style>\n", escape_raw_text(&css, "style"));
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
    let page = strip_elements(index_html);
    Ok(page
        .replacen("</head>", &format!("{head_extra}</head>"), 1)
        .replacen("</body>", &format!("{script}</body>"), 1))
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_err(|err| format!("gzip: {err}"))
}

/// `href`s of the stylesheet links, in page order.
fn stylesheets(html: &str) -> Vec<&str> {
    let mut hrefs = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |i| start + i);
        let tag = &rest[start..tag_end];
        if tag.contains("rel=\"stylesheet\"") {
            if let Some(href) = attribute(tag, "href") {
                hrefs.push(href);
            }
        }
        rest = &rest[tag_end..];
    }
    hrefs
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

/// Removes every element that loads something (`<link>`s other than `data:` ones,
/// module and `src` scripts): all of it is inlined. Plain inline scripts stay.
fn strip_elements(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = [rest.find("<link"), rest.find("<script")]
        .into_iter()
        .flatten()
        .min()
    {
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |i| start + i + 1);
        let tag = &rest[start..tag_end];
        let (loads, end) = if tag.starts_with("<link") {
            (!tag.contains("href=\"data:"), tag_end)
        } else {
            let end = rest[start..]
                .find("</script>")
                .map_or(rest.len(), |i| start + i + "</script>".len());
            (
                tag.contains(" src=") || tag.contains("type=\"module\""),
                end,
            )
        };
        out.push_str(&rest[..if loads { start } else { end }]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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
    fn strips_every_loaded_element_and_keeps_the_rest() {
        let html = "<head><title>t</title><link rel=\"stylesheet\" href=\"./a.css\"/>\n\
                    <script type=\"module\">import x from './x.js';</script>\
                    <script>var theme = 1;</script><link rel=\"icon\" href=\"data:x\">\
                    <script src=\"./register-sw.js\" defer></script>\
                    <link rel=\"modulepreload\" href=\"./x.js\"></head><body><p>keep</p></body>";
        assert_eq!(
            strip_elements(html),
            "<head><title>t</title>\n<script>var theme = 1;</script><link rel=\"icon\" href=\"data:x\">\
             </head><body><p>keep</p></body>"
        );
        assert_eq!(stylesheets(html), ["./a.css"]);
    }

    #[test]
    fn inlined_code_cannot_close_its_element() {
        assert_eq!(
            escape_raw_text("s = '</script><img>'", "script"),
            "s = '<\\/script><img>'"
        );
    }
}
