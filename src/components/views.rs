//! The main column when no article is open: the view switcher, then what every
//! view shares (the timeline, the filters in force), then the chosen view of the
//! current results. The trends chart is a timeline of its own, so it replaces the
//! timeline there.

use std::rc::Rc;

use yew::prelude::*;

use super::active_filters::ActiveFilters;
use super::list_view::ListView;
use super::timeline::Timeline;
use super::use_shared;
use super::view_switcher::ViewSwitcher;
use crate::hooks::search::Searched;
use crate::state::{State, View};

#[derive(Properties)]
pub struct ViewsProps {
    pub view: Rc<State>,
    pub searched: Rc<Searched>,
    /// The empty state's suggested searches.
    pub suggestions: Rc<Vec<String>>,
}

/// The results compare by identity: each search is a new `Rc<Searched>`.
impl PartialEq for ViewsProps {
    fn eq(&self, other: &ViewsProps) -> bool {
        self.view == other.view
            && Rc::ptr_eq(&self.searched, &other.searched)
            && Rc::ptr_eq(&self.suggestions, &other.suggestions)
    }
}

#[component]
pub fn Views(props: &ViewsProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let view = &props.view;
    let searched = &props.searched;
    let body = match view.view {
        View::Articles => html! {
            <ListView
                view={view.clone()}
                searched={searched.clone()}
                suggestions={props.suggestions.clone()}
            />
        },
        View::Trends | View::Concordance | View::Chronology | View::Cooccurrence => html! {},
    };
    html! {
        <>
            // One page-level heading for the views (the reader's is the article
            // title), for screen readers' heading navigation.
            <h1 class="visually-hidden">{ format!("kiroku — {}", texts.tagline) }</h1>
            <ViewSwitcher view={view.clone()} />
            if view.view != View::Trends {
                <Timeline timeline={searched.timeline.clone()} from={view.from} to={view.to} />
            }
            <ActiveFilters
                entities={view.entities.clone()}
                years={view.years.clone()}
                from={view.from}
                to={view.to}
            />
            { body }
        </>
    }
}
