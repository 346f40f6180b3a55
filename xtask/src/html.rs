//! HTML editing through a real HTML parser (`lol_html`, a streaming rewriter): the
//! build's pages are changed element by element, never by searching for substrings,
//! so attribute order, quoting, whitespace or a `>` inside an attribute cannot make
//! an edit miss or land in the wrong place.
//!
//! ```ignore
//! let page = html::rewrite(page, vec![html::on_element("title", |title| {
//!     title.set_inner_content("My archive", ContentType::Text);
//!     Ok(())
//! })?])?;
//! ```

use std::{borrow::Cow, cell::RefCell};

use anyhow::{Context, Result};
use lol_html::{
    html_content::{Element, TextChunk},
    ElementContentHandlers, HandlerResult, RewriteStrSettings, Selector,
};

pub use lol_html::html_content::ContentType;

/// One selector and what to do with what it matches.
pub type Handler<'h> = (Cow<'static, Selector>, ElementContentHandlers<'h>);

/// Calls `handler` with every element that matches the CSS `selector`.
pub fn on_element<'h>(
    selector: &str,
    handler: impl FnMut(&mut Element) -> HandlerResult + 'h,
) -> Result<Handler<'h>> {
    Ok((
        Cow::Owned(parse_selector(selector)?),
        ElementContentHandlers::default().element(handler),
    ))
}

/// Calls `handler` with every chunk of text inside elements matching `selector`.
pub fn on_text<'h>(
    selector: &str,
    handler: impl FnMut(&mut TextChunk) -> HandlerResult + 'h,
) -> Result<Handler<'h>> {
    Ok((
        Cow::Owned(parse_selector(selector)?),
        ElementContentHandlers::default().text(handler),
    ))
}

fn parse_selector(selector: &str) -> Result<Selector> {
    selector
        .parse()
        .with_context(|| format!("bad selector {selector:?}"))
}

/// `html` with `handlers` applied, in document order.
pub fn rewrite(html: &str, handlers: Vec<Handler<'_>>) -> Result<String> {
    lol_html::rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: handlers,
            ..RewriteStrSettings::default()
        },
    )
    .context("cannot rewrite the page")
}

/// The text content of every element matching `selector`, in page order (for
/// `<script>` and `<style>`, exactly the bytes a browser hashes for the CSP).
pub fn texts(html: &str, selector: &str) -> Result<Vec<String>> {
    let texts = RefCell::new(Vec::<String>::new());
    rewrite(
        html,
        vec![
            on_element(selector, |_| {
                texts.borrow_mut().push(String::new());
                Ok(())
            })?,
            on_text(selector, |chunk| {
                if let Some(text) = texts.borrow_mut().last_mut() {
                    text.push_str(chunk.as_str());
                }
                Ok(())
            })?,
        ],
    )?;
    Ok(texts.into_inner())
}

/// Values of `attribute` on every element matching `selector`, in page order.
pub fn attributes(html: &str, selector: &str, attribute: &str) -> Result<Vec<String>> {
    let mut values = Vec::new();
    rewrite(
        html,
        vec![on_element(selector, |element| {
            values.extend(element.get_attribute(attribute));
            Ok(())
        })?],
    )?;
    Ok(values)
}

/// `text` for an attribute value that `lol_html` writes between double quotes: it
/// escapes the quotes itself, and an `&` must not start a character reference.
pub fn attribute_value(text: &str) -> String {
    text.replace('&', "&amp;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_of_nested_and_split_elements_come_whole_and_in_order() {
        let page = "<head><script>a < b && c</script><script src=x></script>\
                    <style>p{}</style></head><body><script type=module>1</script></body>";
        assert_eq!(
            texts(page, "script:not([src])").unwrap(),
            ["a < b && c", "1"]
        );
        assert_eq!(texts(page, "style").unwrap(), ["p{}"]);
        assert_eq!(attributes(page, "script[src]", "src").unwrap(), ["x"]);
    }

    #[test]
    fn attribute_values_keep_their_text() {
        let page = rewrite(
            "<meta name=description content=old>",
            vec![on_element("meta", |meta| {
                meta.set_attribute("content", &attribute_value("A & \"B\" <C>"))?;
                Ok(())
            })
            .unwrap()],
        )
        .unwrap();
        assert_eq!(
            page,
            "<meta name=description content=\"A &amp; &quot;B&quot; <C>\">"
        );
    }
}
