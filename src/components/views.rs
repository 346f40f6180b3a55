//! The main column when no article is open: what every view shares (the
//! timeline, the filters in force), the view switcher, then the chosen view of the
//! current results. The trends chart is a timeline of its own, so it replaces the
//! timeline there.

use std::rc::Rc;

use yew::prelude::*;

use super::active_filters::ActiveFilters;
use super::chronology::Chronology;
use super::concordance::Concordance;
use super::cooccurrence::Cooccurrence;
use super::export::ExportBar;
use super::list_view::ListView;
use super::timeline::Timeline;
use super::trends::Trends;
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
    /// Pages shown (of hits, or of concordance lines).
    pub pages: usize,
}

/// The results compare by identity: each search is a new `Rc<Searched>`.
impl PartialEq for ViewsProps {
    fn eq(&self, other: &ViewsProps) -> bool {
        self.view == other.view
            && Rc::ptr_eq(&self.searched, &other.searched)
            && Rc::ptr_eq(&self.suggestions, &other.suggestions)
            && self.pages == other.pages
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
        View::Trends => html! { <Trends view={view.clone()} /> },
        View::Concordance => html! { <Concordance view={view.clone()} pages={props.pages} /> },
        View::Chronology => html! { <Chronology view={view.clone()} pages={props.pages} /> },
        View::Cooccurrence => html! { <Cooccurrence view={view.clone()} /> },
    };
    html! {
        <>
            // One page-level heading for the views (the reader's is the article
            // title), for screen readers' heading navigation.
            <h1 class="visually-hidden">{ format!("kiroku — {}", texts.tagline) }</h1>
            // What every view shares comes first (the timeline, the filters in
            // force), then the switcher just above the view itself: on a phone the
            // timeline and its card stay where they were. Both parts are keyed by
            // the view, so switching views replaces them instead of patching one
            // view's tree into another's (yew failed to insert the timeline before
            // a sibling that had changed kind, and stopped). The switcher is not:
            // its focused link survives the switch.
            <div class="view-top">
                { std::iter::once(html! {
                    <div key={view.view.key()}>
                        if view.view != View::Trends {
                            <Timeline timeline={searched.timeline.clone()} from={view.from} to={view.to} />
                        }
                        <ActiveFilters
                            entities={view.entities.clone()}
                            together={view.together.clone()}
                            years={view.years.clone()}
                            from={view.from}
                            to={view.to}
                        />
                    </div>
                }).collect::<Html>() }
            </div>
            <ViewSwitcher view={view.clone()} />
            <div class="view-panel">
                { std::iter::once(html! {
                    <div key={view.view.key()}>
                        <ExportBar view={view.clone()} />
                        { body }
                    </div>
                }).collect::<Html>() }
            </div>
        </>
    }
}
