//! The pre-rendered start view: `cargo xtask dist` renders [`start_view`] in each UI
//! language with yew's server renderer (`kiroku-prerender`) into the page, so the
//! newest articles are readable before (and without) the wasm. [`mount`] then
//! hydrates the copy in the app's language, when the app is about to render exactly
//! that view, and otherwise removes the copies and renders from scratch.
//!
//! The page's head script (`index.html`) shows the copy in the language the app will
//! choose, and none while the URL asks for another view (a shared link): the boot
//! screen stands there until the app has rendered that view, so a link never shows
//! the start view as if it were its answer.

use std::rc::Rc;

use kiroku_core::Index;

use crate::app::AppProps;
use crate::host::Host;
use crate::i18n::Lang;
use crate::prefs::Theme;
use crate::state::State;

/// Class of each pre-rendered copy; its `data-lang` says which language it is in.
pub const COPY_CLASS: &str = "prerendered";

/// The start view's props: no query, filters or open article, the system theme.
pub fn start_view(index: Rc<Index>, lang: Lang) -> AppProps {
    AppProps {
        index,
        initial: State::default(),
        lang,
        theme: Theme::System,
        host: Host::Page,
    }
}

/// Whether `props` render what [`start_view`] rendered in their language (hydration
/// needs the same tree: yew adopts the page's nodes one by one).
pub fn is_start_view(props: &AppProps) -> bool {
    props.initial == State::default() && props.theme == Theme::System && props.host == Host::Page
}

/// Mounts the app into our page's root: hydrates the pre-rendered copy in the
/// props' language when they ask for the start view, else renders from scratch.
pub fn mount(root: web_sys::Element, props: AppProps) {
    let chosen = is_start_view(&props)
        .then(|| {
            let selector = format!(".{COPY_CLASS}[data-lang=\"{}\"]", props.lang.tag());
            root.query_selector(&selector).ok().flatten()
        })
        .flatten();
    if let Ok(copies) = root.query_selector_all(&format!(".{COPY_CLASS}")) {
        for copy in (0..copies.length()).filter_map(|i| copies.get(i)) {
            let is_chosen = chosen
                .as_ref()
                .is_some_and(|chosen| copy.is_same_node(Some(chosen)));
            if !is_chosen {
                if let Some(parent) = copy.parent_node() {
                    let _ = parent.remove_child(&copy);
                }
            }
        }
    }
    match chosen {
        Some(copy) => {
            // From here on it is the app's root, whatever language it switches to.
            let _ = copy.remove_attribute("class");
            if let Some(page) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                // The head script's guess said another view; the app knows better.
                let _ = page.remove_attribute("data-boot");
            }
            yew::Renderer::<crate::app::App>::with_root_and_props(copy, props).hydrate();
        }
        None => {
            yew::Renderer::<crate::app::App>::with_root_and_props(root, props).render();
        }
    }
}
