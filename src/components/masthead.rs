//! The top bar: brand (home), search with its help, share, language and theme
//! toggles.

use yew::prelude::*;

use super::query_help::QueryHelp;
use super::search_box::SearchBox;
use super::share_menu::ShareMenu;
use super::{use_dispatch, use_shared};
use crate::prefs::Theme;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub query: AttrValue,
    pub total: usize,
    pub theme: Theme,
    /// The view for the Share menu; none when the app does not own the page
    /// (mounted into a host, whose URL is not ours to share).
    #[prop_or_default]
    pub share: Option<crate::state::State>,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let on_home = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            if plain_click(&event) {
                event.prevent_default();
                dispatch.emit(Action::Reset);
            }
        })
    };
    let (theme_icon, theme_name) = match props.theme {
        Theme::System => ("◐", texts.theme_system),
        Theme::Light => ("☀", texts.theme_light),
        Theme::Dark => ("☾", texts.theme_dark),
    };
    html! {
        <header class="masthead">
            <a class="brand" href="#/" onclick={on_home}>
                <span class="brand-mark" lang="ja">{ "記録" }</span>
                <span class="brand-name">{ "kiroku" }</span>
                <span class="brand-tagline">{ texts.tagline }</span>
            </a>
            <div class="search-row">
                <SearchBox
                    value={props.query.clone()}
                    total={props.total}
                />
                <QueryHelp />
            </div>
            <div class="prefs">
                if let Some(view) = props.share.clone() {
                    <ShareMenu {view} />
                }
                <button
                    type="button"
                    class="pref lang-toggle"
                    lang={lang.other().tag()}
                    // The visible text ("EN") leads the name: speech input users
                    // say what they see (axe: label-content-name-mismatch).
                    aria-label={format!("{} — {}", texts.lang_toggle, texts.lang_toggle_label)}
                    title={texts.lang_toggle_label}
                    onclick={dispatch.reform(|_| Action::ToggleLang)}
                >
                    { texts.lang_toggle }
                </button>
                <button
                    type="button"
                    class="pref theme-toggle"
                    aria-label={format!("{}: {}", texts.theme_toggle, theme_name)}
                    title={format!("{}: {}", texts.theme_toggle, theme_name)}
                    onclick={dispatch.reform(|_| Action::ToggleTheme)}
                >
                    <span aria-hidden="true">{ theme_icon }</span>
                </button>
            </div>
        </header>
    }
}

/// A left click without modifiers: anything else (new tab, new window) is left to
/// the browser, which follows the link's real `href`.
pub fn plain_click(event: &MouseEvent) -> bool {
    event.button() == 0
        && !event.ctrl_key()
        && !event.meta_key()
        && !event.shift_key()
        && !event.alt_key()
}
