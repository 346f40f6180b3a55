//! Preferences that are *not* part of a shared view: UI language and theme, kept in
//! localStorage (a link opens in the recipient's language and theme, not the sender's).

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
    if let Some(tag) = load(LANG_KEY) {
        return Lang::from_tag(&tag);
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

pub fn save_lang(lang: Lang) {
    // Private browsing may refuse storage: the toggle still works for this visit.
    save(LANG_KEY, lang.tag());
}

pub fn load_theme() -> Theme {
    load(THEME_KEY)
        .and_then(|s| Theme::parse(&s))
        .unwrap_or_default()
}

pub fn save_theme(theme: Theme) {
    save(THEME_KEY, theme.as_str());
}

/// Values are stored as JSON strings (`"dark"`), as they always were: the page's
/// theme-before-paint script reads them with `JSON.parse`. Our values are plain
/// ASCII words, so the quotes are all the JSON there is; written by hand, because a
/// JSON library would weigh more in the wasm than everything else here.
fn load(key: &str) -> Option<String> {
    let stored = local_storage()?.get_item(key).ok()??;
    let word = stored.strip_prefix('"')?.strip_suffix('"')?;
    word.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        .then(|| word.to_string())
}

fn save(key: &str, word: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, &format!("\"{word}\""));
    }
}

/// `None` where storage is refused (private browsing, sandboxed frames) or absent
/// (natively).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
