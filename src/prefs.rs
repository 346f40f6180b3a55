//! Preferences that are *not* part of a shared view: UI language and theme, kept in
//! localStorage (a link opens in the recipient's language and theme, not the sender's).

use gloo_storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const LANG_KEY: &str = "kiroku.lang";
const THEME_KEY: &str = "kiroku.theme";

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Option<Theme> {
        match s {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The toggle's cycle: system → light → dark → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

/// The stored language, else the browser's (`navigator.language`).
pub fn load_lang() -> Lang {
    if let Ok(tag) = LocalStorage::get::<String>(LANG_KEY) {
        return Lang::from_tag(&tag);
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    // Private browsing may refuse storage: the toggle still works for this visit.
    let _ = LocalStorage::set(LANG_KEY, lang.tag());
}

pub fn load_theme() -> Theme {
    LocalStorage::get::<String>(THEME_KEY)
        .ok()
        .and_then(|s| Theme::parse(&s))
        .unwrap_or_default()
}

pub fn save_theme(theme: Theme) {
    let _ = LocalStorage::set(THEME_KEY, theme.as_str());
}
