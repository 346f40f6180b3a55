//! Facets: entities grouped by kind, then years, each value a toggle with its live
//! count. Counts come from the core and follow the query and the *other* filters.

use std::rc::Rc;

use kiroku_core::facet::Facets;
use yew::prelude::*;

use super::use_shared;

/// Values shown per group before "more".
const COLLAPSED: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub facets: Rc<Facets>,
    pub on_entity: Callback<String>,
    pub on_year: Callback<i32>,
}

/// A value's classes as one static string: `classes!` hashes and joins them anew
/// for each of the values on every render.
fn facet_class(selected: bool, count: usize) -> &'static str {
    match (selected, count == 0) {
        (false, false) => "facet",
        (true, false) => "facet selected",
        (false, true) => "facet empty",
        (true, true) => "facet selected empty",
    }
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let expanded = use_state_eq(Vec::<String>::new);

    let group = |key: &str,
                 title: &str,
                 values: Vec<(String, usize, bool, Callback<MouseEvent>)>| {
        let open = expanded.contains(&key.to_string());
        let hidden = values.len().saturating_sub(COLLAPSED);
        let shown = if open { values.len() } else { COLLAPSED };
        let toggle = {
            let expanded = expanded.clone();
            let key = key.to_string();
            Callback::from(move |_| {
                let mut next = (*expanded).clone();
                match next.iter().position(|k| *k == key) {
                    Some(at) => {
                        next.remove(at);
                    }
                    None => next.push(key.clone()),
                }
                expanded.set(next);
            })
        };
        html! {
            <section class="facet-group" key={key.to_string()} aria-label={title.to_string()}>
                <h3>{ title.to_string() }</h3>
                <ul>
                    { for values.into_iter().take(shown).map(|(label, count, selected, onclick)| html! {
                        <li key={label.clone()}>
                            <button
                                type="button"
                                class={facet_class(selected, count)}
                                aria-pressed={if selected { "true" } else { "false" }}
                                {onclick}
                            >
                                <span class="facet-check" aria-hidden="true"></span>
                                <span class="facet-label">{ label }</span>
                                <span class="facet-count">{ count }</span>
                            </button>
                        </li>
                    }) }
                </ul>
                if hidden > 0 {
                    <button type="button" class="link-button facet-more" aria-expanded={open.to_string()} onclick={toggle}>
                        { if open { texts.show_less.to_string() } else { lang.more(hidden) } }
                    </button>
                }
            </section>
        }
    };

    let entity_groups = props.facets.entities.iter().map(|facet| {
        let values = facet
            .values
            .iter()
            .map(|value| {
                let on_entity = props.on_entity.clone();
                let name = value.name.clone();
                let onclick = Callback::from(move |_| on_entity.emit(name.clone()));
                (value.name.clone(), value.count, value.selected, onclick)
            })
            .collect();
        group(facet.kind.as_str(), lang.kind(facet.kind), values)
    });
    let years: Vec<_> = props
        .facets
        .years
        .iter()
        .rev()
        .map(|value| {
            let on_year = props.on_year.clone();
            let year = value.year;
            let onclick = Callback::from(move |_| on_year.emit(year));
            (lang.year(value.year), value.count, value.selected, onclick)
        })
        .collect();

    html! {
        <div class="facets" id="facets">
            <h2 class="facets-heading">{ texts.filters }</h2>
            // Keyed groups and values: when counts reorder them, focus stays on the
            // value it was on instead of on whatever took its place.
            <div class="facet-groups">
                { for entity_groups.chain((!years.is_empty()).then(|| group("years", texts.years, years))) }
            </div>
        </div>
    }
}
