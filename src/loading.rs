//! The progress bar while the index is built ([`crate::corpus::load`]). On our
//! page it lies over the top edge (fixed, so nothing under it moves: the
//! pre-rendered start view, or the boot screen of a link to another view); in the
//! script embed, which has no pre-rendered view, it stands in the mounted element,
//! above the newest articles when the embed opens on the start view.
//!
//! Built with a few DOM calls rather than as a yew component: it lives for a
//! second or two before `App` replaces it, and a component's rendering code would
//! cost the app shell's download budget several times as much. Its width is the
//! `<progress>` element's own (`value`/`max` attributes): no `style` attribute,
//! which the page's CSP forbids.

use gloo_events::{EventListener, EventListenerOptions};
use kiroku_core::{Article, Progress};
use web_sys::{Document, Element};

use crate::i18n::{text_lang, Lang};

/// The progress bar in the page (see the module docs).
pub struct Loading {
    status: Element,
    progress: Element,
    /// The newest articles listed under the bar (the script embed's start view).
    newest: Option<Element>,
    /// Enter in the pre-rendered search box must not submit its form (a
    /// navigation) before the app handles it.
    _no_submit: EventListener,
}

impl Loading {
    /// Shows the bar in `root` (the element the app will render into); `in_flow`
    /// in the script embed, over the page's top edge otherwise.
    pub fn show(root: &Element, lang: Lang, in_flow: bool) -> Option<Loading> {
        let document = root.owner_document()?;
        let status = document.create_element("div").ok()?;
        status.set_class_name(if in_flow {
            "index-status in-flow"
        } else {
            "index-status"
        });
        let _ = status.set_attribute("role", "status");
        let label = document.create_element("label").ok()?;
        label.set_class_name("visually-hidden");
        let _ = label.set_attribute("for", "index-progress");
        label.set_text_content(Some(lang.texts().preparing_search));
        let progress = document.create_element("progress").ok()?;
        let _ = progress.set_attribute("id", "index-progress");
        status.append_child(&label).ok()?;
        status.append_child(&progress).ok()?;
        root.append_child(&status).ok()?;
        let no_submit = EventListener::new_with_options(
            root,
            "submit",
            EventListenerOptions::enable_prevent_default(),
            |event| event.prevent_default(),
        );
        let shown = Loading {
            status,
            progress,
            newest: None,
            _no_submit: no_submit,
        };
        shown.set_progress(Progress {
            indexed: 0,
            total: 1,
        });
        Some(shown)
    }

    /// Lists `articles` under the bar, date and title, until the app replaces them.
    pub fn list_newest(&mut self, lang: Lang, articles: &[&Article<'_>]) {
        if articles.is_empty() || self.newest.is_some() {
            return;
        }
        let (Some(document), Some(root)) =
            (self.status.owner_document(), self.status.parent_element())
        else {
            return;
        };
        if let Some(list) = newest_list(&document, lang, articles) {
            if root.append_child(&list).is_ok() {
                self.newest = Some(list);
            }
        }
    }

    pub fn set_progress(&self, Progress { indexed, total }: Progress) {
        let percent = format!("{}%", (indexed * 100).checked_div(total).unwrap_or(0));
        let _ = self
            .progress
            .set_attribute("max", &total.max(1).to_string());
        let _ = self.progress.set_attribute("value", &indexed.to_string());
        let _ = self.progress.set_attribute("aria-valuetext", &percent);
        self.progress.set_text_content(Some(&percent));
    }

    /// Takes the bar out of the page (and lets forms submit to the app again).
    pub fn remove(self) {
        self.status.remove();
        if let Some(list) = self.newest {
            list.remove();
        }
    }
}

/// The newest articles as the app's cards show them, without snippets or links
/// (they open once search is ready): corpus text set as text, never as markup.
fn newest_list(document: &Document, lang: Lang, articles: &[&Article<'_>]) -> Option<Element> {
    let element = |tag: &str, class: &str| {
        let element = document.create_element(tag).ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        Some(element)
    };
    let section = element("section", "loading-list")?;
    let _ = section.set_attribute("aria-labelledby", "loading-list-heading");
    let heading = element("h2", "toolbar-heading")?;
    let _ = heading.set_attribute("id", "loading-list-heading");
    heading.set_text_content(Some(lang.texts().latest));
    let list = element("ol", "results")?;
    for article in articles {
        let item = element("li", "result")?;
        let meta = element("p", "result-meta")?;
        let time = element("time", "")?;
        let _ = time.set_attribute("datetime", &article.date.to_string());
        time.set_text_content(Some(&lang.date(article.date)));
        let title = element("h3", "result-title")?;
        if let Some(tag) = text_lang(&article.title) {
            let _ = title.set_attribute("lang", tag);
        }
        title.set_text_content(Some(&article.title));
        meta.append_child(&time).ok()?;
        item.append_child(&meta).ok()?;
        item.append_child(&title).ok()?;
        list.append_child(&item).ok()?;
    }
    section.append_child(&heading).ok()?;
    section.append_child(&list).ok()?;
    Some(section)
}
