//! The filters in force as removable chips, plus "clear all".

use kiroku_core::Date;
use yew::prelude::*;

use super::use_shared;

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    pub entities: Vec<String>,
    pub years: Vec<i32>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub on_entity: Callback<String>,
    pub on_year: Callback<i32>,
    pub on_range: Callback<()>,
    pub on_clear: Callback<()>,
}

#[component]
pub fn ActiveFilters(props: &ActiveFiltersProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let has_range = props.from.is_some() || props.to.is_some();
    let count = props.entities.len() + props.years.len() + usize::from(has_range);
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
        let on_entity = props.on_entity.clone();
        let value = name.clone();
        let onclick = Callback::from(move |_| on_entity.emit(value.clone()));
        chips.push(chip(format!("e:{name}"), name.clone(), onclick));
    }
    for &year in &props.years {
        let on_year = props.on_year.clone();
        let onclick = Callback::from(move |_| on_year.emit(year));
        chips.push(chip(format!("y:{year}"), lang.year(year), onclick));
    }
    if has_range {
        let label = lang.range(props.from, props.to);
        chips.push(chip("range".into(), label, props.on_range.reform(|_| ())));
    }
    html! {
        <section class="active-filters" aria-label={texts.active_filters}>
            <ul>{ for chips }</ul>
            if count > 1 {
                <button type="button" class="link-button" onclick={props.on_clear.reform(|_| ())}>
                    { texts.clear_filters }
                </button>
            }
        </section>
    }
}
