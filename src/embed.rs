//! The script embed: `kiroku.mount(element, options)` renders the explorer inside a
//! shadow root of a host page's element, so neither page's styles reach the other.
//!
//! A mounted explorer ([`Host::Mounted`]) keeps its view in memory: it does not
//! touch the host's URL, `<html>` attributes, window scroll or title, and reads
//! keys only inside its own root. `dist/embed.js` (written by
//! `cargo xtask dist`) loads the module and exposes `window.kiroku.mount`.

use wasm_bindgen::prelude::*;

use crate::{corpus, host::Host, i18n::Lang, prefs::Theme, route, state::State};

/// The app's stylesheet rewritten for a shadow root, at build time by a CSS parser
/// (`build/shadow_css.rs`): `:root` and `html` selectors become the mounted root
/// element (`.kiroku-root`), so variables, theme and base font apply inside and
/// nothing leaks out.
pub const SHADOW_STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/shadow.css"));

/// What a host page may pass to `mount`. Unknown keys and ill-typed values are ignored.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// A view as in a shared link (`#/?q=…&e=…`): the Share menu's URL hash works.
    pub view: Option<String>,
    /// A query, shorthand for a view with only `q`.
    pub query: Option<String>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
}

impl Options {
    /// The starting view: `view` decoded (invalid parts dropped), `query` on top.
    pub fn initial_state(&self) -> State {
        let mut state = self.view.as_deref().map(route::decode).unwrap_or_default();
        if let Some(query) = &self.query {
            state.query = query.clone();
        }
        state.embed = true;
        state
    }
}

/// Parses `lang` values: `ja`, `en` (and tags such as `en-GB`).
pub fn parse_lang(value: &str) -> Lang {
    Lang::from_tag(value)
}

/// Parses `theme` values; anything else means "follow the system".
pub fn parse_theme(value: &str) -> Theme {
    match value {
        "light" => Theme::Light,
        "dark" => Theme::Dark,
        _ => Theme::System,
    }
}

/// Renders the explorer into `element` (see the module docs). Fails, without touching
/// the element, if it already has a shadow root (e.g. mounted twice).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<(), JsValue> {
    let options = read_options(&options);
    let document = element
        .owner_document()
        .ok_or_else(|| JsValue::from_str("kiroku.mount: the element is not in a document"))?;
    let shadow = element
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .map_err(|_| {
            JsValue::from_str("kiroku.mount: cannot attach a shadow root to this element")
        })?;
    adopt_stylesheet(&document, &shadow)?;
    let root = document.create_element("div")?;
    root.set_class_name("kiroku-root");
    shadow.append_child(&root)?;

    let props = corpus::LoadProps {
        initial: options.initial_state(),
        lang: options.lang.unwrap_or_else(crate::prefs::load_lang),
        theme: options.theme.unwrap_or_default(),
        host: Host::Mounted(root.clone()),
    };
    corpus::load(root, props);
    Ok(())
}

/// Gives the shadow root our stylesheet. A constructed stylesheet goes through the
/// CSSOM, which a host page's Content-Security-Policy (`style-src` without
/// 'unsafe-inline') does not block, unlike a `<style>` element; browsers without
/// constructable stylesheets get the element.
fn adopt_stylesheet(
    document: &web_sys::Document,
    shadow: &web_sys::ShadowRoot,
) -> Result<(), JsValue> {
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        if sheet.replace_sync(SHADOW_STYLE).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
            return Ok(());
        }
    }
    let style = document.create_element("style")?;
    style.set_text_content(Some(SHADOW_STYLE));
    shadow.append_child(&style)?;
    Ok(())
}

fn read_options(options: &JsValue) -> Options {
    let string = |key: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
    };
    Options {
        view: string("view"),
        query: string("query"),
        lang: string("lang").as_deref().map(parse_lang),
        theme: string("theme").as_deref().map(parse_theme),
    }
}
