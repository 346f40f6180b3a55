//! "Copy citation" in the reader: the article's title, source, date and the link
//! to this view (the article with the current query), copied as one line.
//!
//! Copying works as in the Share menu: through the Clipboard API where the page
//! may, and the citation is also shown, selected, in a field beside the button,
//! so it can be copied by hand where the API is refused (`file://`). Opened from a
//! file the link would point into the reader's own disk, so the citation carries
//! the view's code (`#/?a=…`) instead, as the Share menu does; mounted into a
//! host's page, whose address is not ours, it carries the corpus's own URL of the
//! article when there is one, and no kiroku link.

use std::rc::Rc;

use kiroku_core::DocId;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::reader::is_web_url;
use super::share_menu::{share_link, Page};
use super::use_shared;
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct CitationProps {
    pub view: Rc<State>,
    pub doc: DocId,
}

#[component]
pub fn Citation(props: &CitationProps) -> Html {
    let shared = use_shared();
    // The citation, once asked for (read from the page's address at that moment).
    let shown = use_state_eq(|| None::<String>);
    let field = use_node_ref();
    {
        // Selected once shown, for copying by hand.
        let field = field.clone();
        use_effect_with((*shown).clone(), move |shown| {
            if shown.is_some() {
                if let Some(area) = field.cast::<HtmlTextAreaElement>() {
                    area.select();
                }
            }
        });
    }
    let Some(shared) = shared else {
        return html! {};
    };
    let texts = shared.lang.texts();
    let onclick = {
        let (shown, shared, view, doc) =
            (shown.clone(), shared.clone(), props.view.clone(), props.doc);
        Callback::from(move |_: MouseEvent| {
            let Some(article) = shared.index.article(doc) else {
                return;
            };
            let view = State {
                occurrence: None,
                ..(*view).clone()
            };
            let link = if shared.host.owns_page() {
                let page = Page::here();
                share_link(if page.from_file { "" } else { &page.base }, &view)
            } else {
                article
                    .url
                    .as_deref()
                    .map(str::trim)
                    .filter(|url| is_web_url(url))
                    .unwrap_or_default()
                    .to_string()
            };
            let source = article
                .source
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            let text = shared
                .lang
                .citation(&article.title, source, article.date, &link);
            crate::dom::write_clipboard(&text);
            shown.set(Some(text));
        })
    };
    html! {
        <div class="citation">
            <button type="button" class="button citation-copy" {onclick}>
                { if shown.is_some() { texts.citation_copied } else { texts.copy_citation } }
            </button>
            if let Some(text) = (*shown).clone() {
                <label class="citation-field">
                    <span class="visually-hidden">{ texts.citation_label }</span>
                    <textarea ref={field} id="citation" readonly=true rows="3" value={text} />
                </label>
            }
        </div>
    }
}
