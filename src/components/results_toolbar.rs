//! Above the list: what it shows, how many, and the sort order.
//!
//! With no query there is nothing to rank by relevance: the list is newest first
//! (and headed "latest articles"), so the menu says so and offers no "relevance".

use std::rc::Rc;

use kiroku_core::{Expansion, Sort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::i18n::text_lang;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ResultsToolbarProps {
    pub total: usize,
    /// Hits rendered (`app::PAGE` per page shown).
    pub shown: usize,
    pub sort: Sort,
    /// Whether a query ranks the list (else relevance is newest first).
    #[prop_or(true)]
    pub has_query: bool,
    pub heading: &'static str,
    /// Terms searched as an entity's spellings too: shown, so that the count is
    /// explainable (`Maduro → マドゥロ`).
    #[prop_or_default]
    pub expansions: Rc<[Expansion]>,
}

#[component]
pub fn ResultsToolbar(props: &ResultsToolbarProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let onchange = dispatch.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Action::SetSort(match select.value().as_str() {
            "new" => Sort::Newest,
            "old" => Sort::Oldest,
            _ => Sort::Relevance,
        })
    });
    // What the list is actually in: without a query, relevance order is newest.
    let shown_sort = match props.sort {
        Sort::Relevance if !props.has_query => Sort::Newest,
        sort => sort,
    };
    let option = |value: &'static str, label: &'static str, sort: Sort| {
        html! { <option {value} selected={shown_sort == sort}>{ label }</option> }
    };
    html! {
        <div class="toolbar">
            <h2 class="toolbar-heading">
                { props.heading }
                <span class="toolbar-count">{ lang.results(props.total) }</span>
            </h2>
            if props.shown < props.total {
                <span class="toolbar-note">{ lang.showing_first(props.shown) }</span>
            }
            if !props.expansions.is_empty() {
                <p class="toolbar-expansions">
                    { texts.searched_as }
                    { for props.expansions.iter().map(|expansion| {
                        let spellings = expansion.spellings.join(" · ");
                        html! {
                            <span class="expansion">
                                <span lang={text_lang(&expansion.term)}>{ expansion.term.clone() }</span>
                                { " → " }
                                <span lang={text_lang(&spellings)}>{ spellings.clone() }</span>
                            </span>
                        }
                    }) }
                </p>
            }
            <label class="sort">
                <span>{ texts.sort_label }</span>
                <select {onchange}>
                    if props.has_query {
                        { option("rel", texts.sort_relevance, Sort::Relevance) }
                    }
                    { option("new", texts.sort_newest, Sort::Newest) }
                    { option("old", texts.sort_oldest, Sort::Oldest) }
                </select>
            </label>
        </div>
    }
}
