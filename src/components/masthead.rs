//! The top bar: brand (home), search, language and theme toggles.

use yew::prelude::*;

use super::search_box::SearchBox;
use super::share_menu::ShareMenu;
use super::use_shared;
use crate::prefs::Theme;

#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    pub query: AttrValue,
    pub total: usize,
    pub theme: Theme,
    pub on_query: Callback<String>,
    pub on_clear: Callback<()>,
    pub on_home: Callback<()>,
    pub on_toggle_lang: Callback<()>,
    pub on_toggle_theme: Callback<()>,
    /// The view for the Share menu; none when the app does not own the page
    /// (mounted into a host, whose URL is not ours to share).
    #[prop_or_default]
    pub share: Option<crate::state::State>,
}

#[component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let on_home = {
        let on_home = props.on_home.clone();
        Callback::from(move |event: MouseEvent| {
            if plain_click(&event) {
                event.prevent_default();
                on_home.emit(());
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
            <SearchBox
                value={props.query.clone()}
                total={props.total}
                on_query={props.on_query.clone()}
                on_clear={props.on_clear.clone()}
            />
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
                    onclick={props.on_toggle_lang.reform(|_| ())}
                >
                    { texts.lang_toggle }
                </button>
                <button
                    type="button"
                    class="pref theme-toggle"
                    aria-label={format!("{}: {}", texts.theme_toggle, theme_name)}
                    title={format!("{}: {}", texts.theme_toggle, theme_name)}
                    onclick={props.on_toggle_theme.reform(|_| ())}
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
