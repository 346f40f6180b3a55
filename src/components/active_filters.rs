//! The filters in force as removable chips, plus "clear all".

use kiroku_core::Date;
use yew::prelude::*;

use super::{use_dispatch, use_entity_names, use_shared};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    pub entities: Vec<String>,
    /// Entities required together (one chip for all: a pair's "both").
    pub together: Vec<String>,
    pub years: Vec<i32>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

#[component]
pub fn ActiveFilters(props: &ActiveFiltersProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let shown = use_entity_names();
    let has_range = props.from.is_some() || props.to.is_some();
    let count = props.entities.len()
        + usize::from(!props.together.is_empty())
        + props.years.len()
        + usize::from(has_range);
    if count == 0 {
        return html! {};
    }
    let chip = |key: String, label: String, onclick: Callback<MouseEvent>| {
        html! {
            <li {key}>
                <button type="button" class="chip removable" aria-label={lang.remove(&label)} {onclick}>
                    { label }
                    <span class="chip-x" aria-hidden="true">{ "×" }</span>
                </button>
            </li>
        }
    };
    let mut chips: Vec<Html> = Vec::with_capacity(count);
    for name in &props.entities {
        let value = name.clone();
        let onclick = dispatch.reform(move |_| Action::ToggleEntity(value.clone()));
        chips.push(chip(format!("e:{name}"), shown.get(name), onclick));
    }
    if !props.together.is_empty() {
        let names: Vec<String> = props.together.iter().map(|name| shown.get(name)).collect();
        chips.push(chip(
            "together".into(),
            lang.together(&names),
            dispatch.reform(|_| Action::ClearTogether),
        ));
    }
    for &year in &props.years {
        let onclick = dispatch.reform(move |_| Action::ToggleYear(year));
        chips.push(chip(format!("y:{year}"), lang.year(year), onclick));
    }
    if has_range {
        let label = lang.range(props.from, props.to);
        chips.push(chip(
            "range".into(),
            label,
            dispatch.reform(|_| Action::ClearRange),
        ));
    }
    html! {
        <section class="active-filters" aria-label={texts.active_filters}>
            <ul>{ for chips }</ul>
            if count > 1 {
                <button type="button" class="link-button" onclick={dispatch.reform(|_| Action::ClearFilters)}>
                    { texts.clear_filters }
                </button>
            }
        </section>
    }
}
