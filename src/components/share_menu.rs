//! The Share menu: the link to the current view and an `<iframe>` snippet for it,
//! each with a copy button, and the system share sheet (`navigator.share`, on
//! phones) where the browser has one.
//!
//! Opened from a file (`file://`, the single-file build), a link or an iframe would
//! point into the sender's own disk: the menu says so and offers what does work,
//! the file itself plus this view's code (the hash) to add to its address.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_shared;
use crate::{route, state::State};

#[derive(Properties, PartialEq)]
pub struct ShareMenuProps {
    /// The view to share.
    pub view: State,
}

/// Where the page is, read when the menu opens (never while rendering, which also
/// runs on the server).
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The page URL without its hash: where a link or an iframe should point.
    pub base: String,
    /// Opened from disk: its URL means nothing to anyone else.
    pub from_file: bool,
    /// The browser has a system share sheet (`navigator.share`).
    can_share: bool,
}

impl Page {
    pub fn here() -> Page {
        let window = web_sys::window();
        let location = window.as_ref().map(|w| w.location());
        let href = location
            .as_ref()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        let protocol = location
            .as_ref()
            .and_then(|l| l.protocol().ok())
            .unwrap_or_default();
        let can_share = window
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("share")).ok())
            .is_some_and(|share| share.is_function());
        Page {
            base: href.split('#').next().unwrap_or_default().to_string(),
            from_file: protocol == "file:",
            can_share,
        }
    }
}

/// Opens the system share sheet for `url` (`navigator.share`, called through
/// `Reflect`: web-sys has it only behind its unstable APIs). A refusal or a
/// dismissed sheet is fine: the menu stays open for copying.
fn system_share(title: &str, url: &str) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let Ok(share) = js_sys::Reflect::get(&navigator, &JsValue::from_str("share")) else {
        return;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &data,
        &JsValue::from_str("title"),
        &JsValue::from_str(title),
    );
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
    let Ok(promise) = share.call1(&navigator, &data) else {
        return;
    };
    // A dismissed sheet rejects: not an error to report, so it is caught. (A
    // closure that frees itself once called; one left over per resolved share.)
    let ignore = wasm_bindgen::closure::Closure::once_into_js(|_: JsValue| {});
    if let Some(catch) = js_sys::Reflect::get(&promise, &JsValue::from_str("catch"))
        .ok()
        .and_then(|catch| catch.dyn_into::<js_sys::Function>().ok())
    {
        let _ = catch.call1(&promise, &ignore);
    }
}

/// The link that reproduces `view` (never the compact embed view).
pub fn share_link(base: &str, view: &State) -> String {
    let view = State {
        embed: false,
        ..view.clone()
    };
    format!("{base}{}", route::encode(&view))
}

/// An `<iframe>` showing `view` in the compact embed view, attribute-escaped.
pub fn iframe_snippet(base: &str, view: &State) -> String {
    let view = State {
        embed: true,
        article: view.article.clone(),
        ..view.clone()
    };
    let src = format!("{base}{}", route::encode(&view))
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    format!(
        "<iframe src=\"{src}\" title=\"kiroku\" loading=\"lazy\" \
         style=\"width:100%;height:640px;border:1px solid #ddd\"></iframe>"
    )
}

#[component]
pub fn ShareMenu(props: &ShareMenuProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    // Where the page is, while the menu is open.
    let open = use_state_eq(|| None::<Page>);
    let copied = use_state_eq(|| None::<&'static str>);

    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            open.set(if open.is_some() {
                None
            } else {
                Some(Page::here())
            });
        })
    };
    let copy = |which: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |event: MouseEvent| {
            copy_text(&event, &text);
            copied.set(Some(which));
        })
    };
    let on_keydown = {
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                open.set(None);
            }
        })
    };

    // Both labels are rendered, one hidden, so the button keeps its width.
    let copy_button = |which: &'static str, text: String| {
        let done = *copied == Some(which);
        html! {
            <button type="button" class="share-copy" onclick={copy(which, text)}>
                <span hidden={done}>{ texts.copy }</span>
                <span hidden={!done}>{ texts.copied }</span>
            </button>
        }
    };
    let panel = |page: &Page| {
        if page.from_file {
            let code = share_link("", &props.view);
            return html! {
                <div class="share-panel" id="share-panel" role="dialog" aria-label={texts.share}>
                    <p class="share-note">{ texts.share_file_note }</p>
                    <label class="share-field">
                        <span>{ texts.share_view_code }</span>
                        <textarea id="share-link" readonly=true rows="2" value={code.clone()} />
                    </label>
                    { copy_button("link", code) }
                </div>
            };
        }
        let link = share_link(&page.base, &props.view);
        let iframe = iframe_snippet(&page.base, &props.view);
        let on_system_share = {
            let link = link.clone();
            Callback::from(move |_: MouseEvent| {
                let title = web_sys::window()
                    .and_then(|w| w.document())
                    .map(|d| d.title())
                    .unwrap_or_default();
                system_share(&title, &link);
            })
        };
        html! {
            <div class="share-panel" id="share-panel" role="dialog" aria-label={texts.share}>
                if page.can_share {
                    <button type="button" class="share-system" onclick={on_system_share}>
                        { texts.share_system }
                    </button>
                }
                <label class="share-field">
                    <span>{ texts.share_link }</span>
                    <textarea id="share-link" readonly=true rows="2" value={link.clone()} />
                </label>
                { copy_button("link", link) }
                <label class="share-field">
                    <span>{ texts.share_embed }</span>
                    <textarea id="share-iframe" readonly=true rows="3" value={iframe.clone()} />
                </label>
                { copy_button("iframe", iframe) }
            </div>
        }
    };

    html! {
        <div class="share" onkeydown={on_keydown}>
            <button
                type="button"
                class="pref share-toggle"
                aria-expanded={open.is_some().to_string()}
                aria-controls="share-panel"
                onclick={toggle}
            >
                { texts.share }
            </button>
            if let Some(page) = (*open).clone() {
                { panel(&page) }
            }
        </div>
    }
}

/// Copies through the Clipboard API where the page may (https, localhost), and also
/// selects the text beside the button, so a reader can copy by hand anywhere else
/// (file://, where the API is refused).
fn copy_text(event: &MouseEvent, text: &str) {
    crate::dom::write_clipboard(text);
    let field = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|target| target.closest("button").ok().flatten())
        .and_then(|button| button.previous_element_sibling())
        .and_then(|label| label.query_selector("textarea").ok().flatten())
        .and_then(|area| area.dyn_into::<HtmlTextAreaElement>().ok());
    if let Some(area) = field {
        area.select();
    }
}
