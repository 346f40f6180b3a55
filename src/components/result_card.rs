//! One hit: date, title linking to the article, snippet with `<mark>`s, entity chips.

use std::rc::Rc;

use kiroku_core::Hit;
use yew::prelude::*;

use super::entity_chips::EntityChips;
use super::marked::marked;
use super::use_shared;
use crate::i18n::text_lang;
use crate::route;
use crate::state::State;

#[derive(Properties)]
pub struct ResultCardProps {
    pub hit: Rc<Hit>,
    pub view: Rc<State>,
}

/// The hit compares by identity, as in `ResultListProps`.
impl PartialEq for ResultCardProps {
    fn eq(&self, other: &ResultCardProps) -> bool {
        Rc::ptr_eq(&self.hit, &other.hit) && self.view == other.view
    }
}

/// Clicks on the title link (`data-id`) and on the chips are handled by the list.
#[component]
pub fn ResultCard(props: &ResultCardProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let hit = &props.hit;
    // A real link to this view with the article open, so "open in new tab" and
    // "copy link" work; a plain click opens it in place instead.
    let href = route::encode(&State {
        article: Some(hit.id.clone()),
        ..(*props.view).clone()
    });
    let snippet = &hit.snippet;
    html! {
        <li class="result">
            <article>
                <p class="result-meta">
                    <time datetime={hit.date.to_string()}>{ lang.date(hit.date) }</time>
                </p>
                <h2 class="result-title" lang={text_lang(&hit.title)}>
                    <a class="result-link" {href} data-id={hit.id.clone()}>
                        { marked(&hit.title, &hit.title_highlights) }
                    </a>
                </h2>
                if !snippet.text.is_empty() {
                    <p class="snippet" lang={text_lang(&snippet.text)}>
                        if snippet.cut_before { { "…" } }
                        { marked(&snippet.text, &snippet.highlights) }
                        if snippet.cut_after { { "…" } }
                    </p>
                }
                <EntityChips hit={hit.clone()} view={props.view.clone()} />
            </article>
        </li>
    }
}
