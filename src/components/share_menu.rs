//! The Share menu: the link to the current view and an `<iframe>` snippet for it,
//! each with a copy button.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_shared;
use crate::{route, state::State};

#[derive(Properties, PartialEq)]
pub struct ShareMenuProps {
    /// The view to share.
    pub view: State,
}

/// The page URL without its hash: where a link or an iframe should point. Read when
/// the menu opens (never while rendering, which also runs on the server).
fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
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
    // The page base while the menu is open.
    let open = use_state_eq(|| None::<String>);
    let copied = use_state_eq(|| None::<&'static str>);

    let toggle = {
        let (open, copied) = (open.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            open.set(if open.is_some() {
                None
            } else {
                Some(page_base())
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

    let panel = |base: &str| {
        let link = share_link(base, &props.view);
        let iframe = iframe_snippet(base, &props.view);
        html! {
            <div class="share-panel" id="share-panel" role="dialog" aria-label={texts.share}>
                <label class="share-field">
                    <span>{ texts.share_link }</span>
                    <textarea id="share-link" readonly=true rows="2" value={link.clone()} />
                </label>
                <button type="button" class="share-copy" onclick={copy("link", link)}>
                    { if *copied == Some("link") { texts.copied } else { texts.copy } }
                </button>
                <label class="share-field">
                    <span>{ texts.share_embed }</span>
                    <textarea id="share-iframe" readonly=true rows="3" value={iframe.clone()} />
                </label>
                <button type="button" class="share-copy" onclick={copy("iframe", iframe)}>
                    { if *copied == Some("iframe") { texts.copied } else { texts.copy } }
                </button>
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
            if let Some(base) = (*open).clone() {
                { panel(&base) }
            }
        </div>
    }
}

/// Copies through the Clipboard API where the page may (https, localhost), and also
/// selects the text beside the button, so a reader can copy by hand anywhere else
/// (file://, where the API is refused).
fn copy_text(event: &MouseEvent, text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
    let field = event
        .target_dyn_into::<web_sys::Element>()
        .and_then(|button| button.previous_element_sibling())
        .and_then(|label| label.query_selector("textarea").ok().flatten())
        .and_then(|area| area.dyn_into::<HtmlTextAreaElement>().ok());
    if let Some(area) = field {
        area.select();
    }
}
