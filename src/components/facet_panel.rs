//! Facets: entities grouped by kind, then years, each value a toggle with its live
//! count. Counts come from the core and follow the query and the *other* filters.

use std::rc::Rc;

use kiroku_core::facet::Facets;
use yew::prelude::*;

use super::{clicked_within, use_dispatch, use_shared};
use crate::state::Action;

/// Values shown per group before "more".
const COLLAPSED: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub facets: Rc<Facets>,
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

/// What a facet value toggles: its `data-entity` or `data-year`.
enum Value {
    Entity(String),
    Year(i32),
}

impl Value {
    fn attributes(&self) -> (Option<String>, Option<String>) {
        match self {
            Value::Entity(name) => (Some(name.clone()), None),
            Value::Year(year) => (None, Some(year.to_string())),
        }
    }
}

/// The facet value button that `event` happened in.
fn clicked(event: &MouseEvent) -> Option<Value> {
    let button = clicked_within(event, "button.facet")?;
    if let Some(name) = button.get_attribute("data-entity") {
        return Some(Value::Entity(name));
    }
    let year = button.get_attribute("data-year")?.parse().ok()?;
    Some(Value::Year(year))
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let expanded = use_state_eq(Vec::<String>::new);
    // One handler for every value, made once (see `ResultList`: a closure per
    // value per render made yew re-register each button's listener).
    let dispatch = use_dispatch();
    let onclick = use_callback(dispatch, |event: MouseEvent, dispatch| {
        match clicked(&event) {
            Some(Value::Entity(name)) => dispatch.emit(Action::ToggleEntity(name)),
            Some(Value::Year(year)) => dispatch.emit(Action::ToggleYear(year)),
            None => {}
        }
    });

    let group = |key: &str, title: &str, values: Vec<(String, usize, bool, Value)>| {
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
                    { for values.into_iter().take(shown).map(|(label, count, selected, value)| {
                        let (entity, year) = value.attributes();
                        html! {
                        <li key={label.clone()}>
                            <button
                                type="button"
                                class={facet_class(selected, count)}
                                aria-pressed={if selected { "true" } else { "false" }}
                                data-entity={entity}
                                data-year={year}
                            >
                                <span class="facet-check" aria-hidden="true"></span>
                                <span class="facet-label">{ label }</span>
                                <span class="facet-count">{ count }</span>
                            </button>
                        </li>
                    }}) }
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
                let name = value.name.clone();
                (
                    name.clone(),
                    value.count,
                    value.selected,
                    Value::Entity(name),
                )
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
            let label = lang.year(value.year);
            (label, value.count, value.selected, Value::Year(value.year))
        })
        .collect();

    html! {
        <div class="facets" id="facets">
            <h2 class="facets-heading">{ texts.filters }</h2>
            // Keyed groups and values: when counts reorder them, focus stays on the
            // value it was on instead of on whatever took its place.
            <div class="facet-groups" {onclick}>
                { for entity_groups.chain((!years.is_empty()).then(|| group("years", texts.years, years))) }
            </div>
        </div>
    }
}
