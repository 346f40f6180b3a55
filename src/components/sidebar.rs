//! The filter panel beside the results, folded behind a toggle on narrow screens.

use std::rc::Rc;

use kiroku_core::facet::Facets;
use yew::prelude::*;

use super::facet_panel::FacetPanel;
use super::use_shared;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub facets: Rc<Facets>,
    /// Filters in force (entities, years, a date range), for the toggle's badge.
    pub active: usize,
}

#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let open = use_state_eq(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <aside class={classes!("sidebar", open.then_some("facets-open"))} aria-label={texts.filters}>
            <button
                type="button"
                class="facets-toggle"
                aria-expanded={open.to_string()}
                aria-controls="facets"
                onclick={on_toggle}
            >
                { texts.filters_toggle }
                if props.active > 0 {
                    <span class="badge">{ props.active }</span>
                }
            </button>
            <FacetPanel facets={props.facets.clone()} />
        </aside>
    }
}
