//! The filter panel beside the results. Folded (narrow, or a compact embed) it is
//! a toggle and a drawer; both, and the drawer's open state, live in
//! [`FacetPanel`], which also says "show N results".

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
    /// Matching articles, for the drawer's "show N results".
    pub total: usize,
}

#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    html! {
        <aside class="sidebar" aria-label={texts.filters}>
            <FacetPanel facets={props.facets.clone()} total={props.total} n_active={props.active} />
        </aside>
    }
}
