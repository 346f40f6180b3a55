//! What shows while the index is built ([`crate::corpus::load`]): the masthead's
//! search box (already typable), a progress bar, and the newest articles.
//!
//! Built with a few DOM calls rather than as a yew component: it lives for a
//! second or two before `App` replaces it, and a component's rendering code would
//! cost the app shell's download budget several times as much. Corpus text goes
//! in only through `textContent`, never as markup.

use gloo_events::{EventListener, EventListenerOptions};
use kiroku_core::{Article, Progress};
use web_sys::Element;

use crate::i18n::{text_lang, Lang};

/// Characters of body text shown under a listed title.
const OPENING_CHARS: usize = 120;

/// The magnifier of the app's search box (our own static markup, no corpus text).
const SEARCH_ICON: &str = r#"<svg viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>"#;

/// The loading view in the page (see the module docs).
pub struct LoadingView {
    view: Element,
    progress: Element,
    /// Enter in the box must not submit the form (a navigation).
    _no_submit: EventListener,
}

impl LoadingView {
    /// Shows the view in `root` (the element the app will render into): `query` in
    /// the search box, `articles` listed in the order given.
    pub fn show<'a>(
        root: &Element,
        articles: impl Iterator<Item = &'a Article<'a>>,
        query: &str,
        lang: Lang,
        embedded: bool,
    ) -> Option<LoadingView> {
        let document = root.owner_document()?;
        let texts = lang.texts();
        let el = |parent: &Element, tag: &str, class: &str| -> Option<Element> {
            let element = document.create_element(tag).ok()?;
            if !class.is_empty() {
                element.set_class_name(class);
            }
            parent.append_child(&element).ok()?;
            Some(element)
        };
        let view = document.create_element("div").ok()?;
        view.set_class_name(if embedded {
            "app loading embed"
        } else {
            "app loading"
        });

        let masthead = el(&view, "header", "masthead")?;
        let brand = el(&masthead, "span", "brand")?;
        let mark = el(&brand, "span", "brand-mark")?;
        mark.set_text_content(Some("記録"));
        let _ = mark.set_attribute("lang", "ja");
        el(&brand, "span", "brand-name")?.set_text_content(Some("kiroku"));
        el(&brand, "span", "brand-tagline")?.set_text_content(Some(texts.tagline));
        let form = el(&masthead, "form", "search")?;
        let _ = form.set_attribute("role", "search");
        let no_submit = EventListener::new_with_options(
            &form,
            "submit",
            EventListenerOptions::enable_prevent_default(),
            |event| event.prevent_default(),
        );
        let label = el(&form, "label", "visually-hidden")?;
        let _ = label.set_attribute("for", "search");
        label.set_text_content(Some(texts.search_label));
        let icon = el(&form, "span", "search-icon")?;
        let _ = icon.set_attribute("aria-hidden", "true");
        icon.set_inner_html(SEARCH_ICON);
        let input = el(&form, "input", "")?;
        for (name, value) in [
            ("id", "search"),
            ("type", "search"),
            ("name", "q"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
            ("enterkeyhint", "search"),
            ("placeholder", texts.search_placeholder),
            ("value", query),
        ] {
            let _ = input.set_attribute(name, value);
        }

        let main = el(&el(&view, "div", "layout")?, "main", "main")?;
        let _ = main.set_attribute("id", "main");
        let status = el(&main, "div", "index-progress")?;
        let _ = status.set_attribute("role", "status");
        let label = el(&status, "label", "")?;
        let _ = label.set_attribute("for", "index-progress");
        label.set_text_content(Some(texts.preparing_search));
        let progress = el(&status, "progress", "")?;
        let _ = progress.set_attribute("id", "index-progress");
        let toolbar = el(&main, "div", "toolbar")?;
        el(&toolbar, "h2", "toolbar-heading")?.set_text_content(Some(texts.latest));
        let list = el(&main, "ol", "results")?;
        let _ = list.set_attribute("id", "results");
        let _ = list.set_attribute("aria-label", texts.latest);
        for article in articles {
            let card = el(&el(&list, "li", "result")?, "article", "")?;
            let time = el(&el(&card, "p", "result-meta")?, "time", "")?;
            let _ = time.set_attribute("datetime", &article.date.to_string());
            time.set_text_content(Some(&lang.date(article.date)));
            text(&el(&card, "h2", "result-title")?, &article.title);
            let mut opening: String = article.body.chars().take(OPENING_CHARS).collect();
            if opening.len() < article.body.len() {
                opening.push('…');
            }
            text(&el(&card, "p", "snippet")?, &opening);
        }

        let _ = root.append_child(&view);
        let shown = LoadingView {
            view,
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

    /// Takes the view out of the page.
    pub fn remove(self) {
        self.view.remove();
    }
}

/// Corpus text as text, marked Japanese when it is (for screen readers).
fn text(element: &Element, text: &str) {
    element.set_text_content(Some(text));
    if let Some(lang) = text_lang(text) {
        let _ = element.set_attribute("lang", lang);
    }
}
