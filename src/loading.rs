//! The progress bar while the index is built ([`crate::corpus::load`]). On our
//! page it lies over the top edge (fixed, so nothing under it moves: the
//! pre-rendered start view, or the boot screen of a link to another view); in the
//! script embed, which shows nothing before the app, it stands in the mounted
//! element.
//!
//! Built with a few DOM calls rather than as a yew component: it lives for a
//! second or two before `App` replaces it, and a component's rendering code would
//! cost the app shell's download budget several times as much. Its width is the
//! `<progress>` element's own (`value`/`max` attributes): no `style` attribute,
//! which the page's CSP forbids.

use gloo_events::{EventListener, EventListenerOptions};
use kiroku_core::Progress;
use web_sys::Element;

use crate::i18n::Lang;

/// The progress bar in the page (see the module docs).
pub struct Loading {
    status: Element,
    progress: Element,
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
            _no_submit: no_submit,
        };
        shown.set_progress(Progress {
            indexed: 0,
            total: 1,
        });
        Some(shown)
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
    }
}
