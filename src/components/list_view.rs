//! The articles view of the current results: suggested searches (with nothing
//! asked yet), the toolbar and the hits (or what to do when there are none), with
//! "show more". The timeline and the filters in force above it belong to every
//! view (`views.rs`).

use std::rc::Rc;

use yew::prelude::*;

use super::no_results::NoResults;
use super::result_list::ResultList;
use super::results_toolbar::ResultsToolbar;
use super::suggestions::Suggestions;
use super::{use_dispatch, use_shared};
use crate::hooks::search::Searched;
use crate::state::{Action, State};

#[derive(Properties)]
pub struct ListViewProps {
    pub view: Rc<State>,
    pub searched: Rc<Searched>,
    /// The empty state's suggested searches.
    pub suggestions: Rc<Vec<String>>,
}

/// The results compare by identity: each search is a new `Rc<Searched>`.
impl PartialEq for ListViewProps {
    fn eq(&self, other: &ListViewProps) -> bool {
        self.view == other.view
            && Rc::ptr_eq(&self.searched, &other.searched)
            && Rc::ptr_eq(&self.suggestions, &other.suggestions)
    }
}

#[component]
pub fn ListView(props: &ListViewProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let view = &props.view;
    let searched = &props.searched;
    let idle = view.query.trim().is_empty() && !view.has_filters();
    let list = if searched.total == 0 {
        html! {
            <NoResults query={view.query.clone()} has_filters={view.has_filters()} />
        }
    } else {
        html! {
            <>
                <ResultList hits={searched.hits.clone()} view={view.clone()} />
                if searched.hits.len() < searched.total {
                    <button
                        type="button"
                        class="link-button show-more"
                        onclick={dispatch.reform(|_| Action::ShowMore)}
                    >
                        { texts.show_more }
                    </button>
                }
            </>
        }
    };
    html! {
        <>
            if idle {
                <Suggestions names={props.suggestions.clone()} />
            }
            <ResultsToolbar
                total={searched.total}
                shown={searched.hits.len()}
                sort={view.sort}
                has_query={!view.query.trim().is_empty()}
                heading={if idle { texts.latest } else { texts.results_label }}
                expansions={searched.expansions.clone()}
            />
            { list }
        </>
    }
}
