//! The page around the app: theme and language on the root element, the stored
//! preferences, the document title, the boot screen.

use yew::prelude::*;

use crate::host::Host;
use crate::i18n::Lang;
use crate::prefs::Theme;

/// Theme and language on `<html>` (or, mounted, on the explorer's root), and
/// stored when the person changes them (not the ones the visit started with: a
/// host's `lang` option is the host's choice, not the person's).
#[hook]
pub fn use_preferences(theme: Theme, lang: Lang, host: &Host) {
    let started_with = use_mut_ref(|| (theme, lang));
    use_effect_with((theme, lang, host.clone()), move |(theme, lang, host)| {
        crate::dom::set_root_attributes(host, theme.as_str(), lang.tag());
        let mut stored = started_with.borrow_mut();
        if stored.0 != *theme {
            crate::prefs::save_theme(*theme);
        }
        if stored.1 != *lang {
            crate::prefs::save_lang(*lang);
        }
        *stored = (*theme, *lang);
    });
}

/// What leads the page title (history entries, tabs, bookmarks): the open
/// article's title, else the query; the page's own title (which `xtask dist
/// --title` sets) follows it, and stands alone on the start view.
#[hook]
pub fn use_document_title(article_title: Option<String>, query: &str, host: &Host) {
    let owns_page = host.owns_page();
    let base = use_mut_ref(|| None::<String>);
    let lead = article_title.or_else(|| {
        let query = query.trim();
        (!query.is_empty()).then(|| query.to_string())
    });
    use_effect_with(lead, move |lead| {
        if !owns_page {
            return; // the host page's title is the host's
        }
        let mut base = base.borrow_mut();
        let base = base.get_or_insert_with(crate::dom::title);
        match lead {
            Some(lead) => crate::dom::set_title(&format!("{lead} — {base}")),
            None => crate::dom::set_title(base),
        }
    });
}

/// Removes our page's boot screen once the app has rendered.
#[hook]
pub fn use_boot_screen_removal(host: &Host) {
    let owns_page = host.owns_page();
    use_effect_with((), move |_| {
        if owns_page {
            crate::dom::remove_element("boot");
        }
    });
}
