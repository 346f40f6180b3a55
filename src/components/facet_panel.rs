//! Facets: entities grouped by kind, then years, each value a toggle with its live
//! count. Counts come from the core and follow the query and the *other* filters.
//!
//! Wide, the facets are the sidebar. Folded (a narrow box, or a compact embed; the
//! stylesheet decides by the app's width), a toggle opens them as a drawer over
//! the results that ends with "show N results": opened inline they pushed the
//! first result 1,500 px down on a phone. The drawer's open state is this
//! component's own: it is not part of the view a link reproduces.

use std::rc::Rc;

use kiroku_core::facet::Facets;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{clicked_within, use_dispatch, use_entity_names, use_shared};
use crate::i18n::text_lang;
use crate::state::Action;

/// Values shown per group before "more".
const COLLAPSED: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub facets: Rc<Facets>,
    /// Matching articles, for the drawer's "show N results".
    pub total: usize,
    /// Filters in force, for the toggle's badge.
    pub n_active: usize,
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
    let open = use_state_eq(|| false);
    let toggle_ref = use_node_ref();
    let groups_ref = use_node_ref();
    {
        // Opening moves focus into the drawer (its first value); closing, back
        // to the toggle. Not on the first render: the page's focus is not ours.
        let (toggle_ref, groups_ref) = (toggle_ref.clone(), groups_ref.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(*open, move |&open| {
            if first.replace(false) {
                return;
            }
            let target = if open {
                groups_ref
                    .cast::<web_sys::Element>()
                    .and_then(|groups| groups.query_selector("button").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            } else {
                toggle_ref.cast::<web_sys::HtmlElement>()
            };
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    }
    let set_open = |value: bool| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(value))
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_keydown = {
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *open {
                // Closes the drawer only, not the reader or the query.
                event.stop_propagation();
                event.prevent_default();
                open.set(false);
            }
        })
    };
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
                                <span class="facet-label" lang={text_lang(&label)}>{ label }</span>
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

    let entity_names = use_entity_names();
    let entity_groups = props.facets.entities.iter().map(|facet| {
        let values = facet
            .values
            .iter()
            .map(|value| {
                let name = value.name.clone();
                (
                    entity_names.get(&name),
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
        <div class={classes!("facet-panel", (*open).then_some("open"))} onkeydown={on_keydown}>
            <button
                type="button"
                class="facets-toggle"
                aria-expanded={(*open).to_string()}
                aria-controls="facets"
                ref={toggle_ref}
                onclick={on_toggle}
            >
                { texts.filters_toggle }
                if props.n_active > 0 {
                    <span class="badge">{ props.n_active }</span>
                }
            </button>
            <div class="facets" id="facets">
                <div class="facets-head">
                    <h2 class="facets-heading">{ texts.filters }</h2>
                    <button type="button" class="facets-close" aria-label={texts.close_filters} title={texts.close_filters} onclick={set_open(false)}>
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                // Keyed groups and values: when counts reorder them, focus stays on the
                // value it was on instead of on whatever took its place.
                <div class="facet-groups" ref={groups_ref} {onclick}>
                    { for entity_groups.chain((!years.is_empty()).then(|| group("years", texts.years, years))) }
                </div>
                <div class="facets-foot">
                    <button type="button" class="button primary facets-done" onclick={set_open(false)}>
                        { lang.show_results(props.total) }
                    </button>
                </div>
            </div>
        </div>
    }
}
