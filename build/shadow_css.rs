//! The stylesheet of the script embed: `static/style.css` with its document-level
//! selectors rewritten for a shadow root, by a CSS parser (lightningcss) at build
//! time. Inside a shadow root `:root`, `html` and `body` match nothing, so the
//! variables, theme and base font would be lost; they become the mounted root element
//! (`.kiroku-root`, which carries `data-theme` and `lang`) and `.kiroku-body`.
//! Everything is rewritten wherever it stands: in `@media` blocks, in `:not()`, in
//! selector lists. Nothing else of the sheet changes meaning.
//!
//! ```text
//! :root[data-theme="dark"] { … }   →   .kiroku-root[data-theme="dark"] { … }
//! html { font-family: … }          →   .kiroku-root { font-family: … }
//! ```

use std::convert::Infallible;

use anyhow::{anyhow, Result};
use lightningcss::{
    selector::{Component, Selector},
    stylesheet::{ParserOptions, PrinterOptions, StyleSheet},
    visit_types,
    visitor::{Visit, VisitTypes, Visitor},
};

/// The class of the element that `kiroku.mount` renders into (`src/embed.rs`).
pub const ROOT_CLASS: &str = "kiroku-root";
/// What `body` selectors become (no element of the mounted app has it: the page
/// margins the `body` rules set have no meaning inside someone else's page).
const BODY_CLASS: &str = "kiroku-body";

/// `css` (named `file` in errors) rewritten for a shadow root.
pub fn rewrite(css: &str, file: &str) -> Result<String> {
    let mut sheet = StyleSheet::parse(
        css,
        ParserOptions {
            filename: file.to_string(),
            ..ParserOptions::default()
        },
    )
    .map_err(|err| anyhow!("{err}"))?;
    // The visitor's error type is `Infallible`: visiting cannot fail.
    let Ok(()) = sheet.visit(&mut DocumentSelectors);
    let printed = sheet
        .to_css(PrinterOptions {
            // The sheet ships inside the wasm: whitespace is download size.
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|err| anyhow!("cannot print the rewritten {file}: {err}"))?;
    Ok(printed.code)
}

/// Replaces `:root`, `html` and `body` in every selector.
struct DocumentSelectors;

impl<'i> Visitor<'i> for DocumentSelectors {
    type Error = Infallible;

    fn visit_types(&self) -> VisitTypes {
        visit_types!(SELECTORS)
    }

    fn visit_selector(&mut self, selector: &mut Selector<'i>) -> Result<(), Infallible> {
        rewrite_selector(selector);
        Ok(())
    }
}

fn rewrite_selector(selector: &mut Selector<'_>) {
    for component in selector.iter_mut_raw_match_order() {
        match component {
            Component::Root => *component = Component::Class(ROOT_CLASS.into()),
            Component::LocalName(name) if name.lower_name.as_ref() == "html" => {
                *component = Component::Class(ROOT_CLASS.into());
            }
            Component::LocalName(name) if name.lower_name.as_ref() == "body" => {
                *component = Component::Class(BODY_CLASS.into());
            }
            Component::Negation(inner)
            | Component::Is(inner)
            | Component::Where(inner)
            | Component::Has(inner)
            | Component::Any(_, inner) => inner.iter_mut().for_each(rewrite_selector),
            Component::Slotted(inner) => rewrite_selector(inner),
            Component::Host(Some(inner)) => rewrite_selector(inner),
            _ => {}
        }
    }
}
