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
    let chip = |label: String, onclick: Callback<MouseEvent>| {
        html! {
            <li>
                <button type="button" class="chip removable" aria-label={lang.remove(&label)} {onclick}>
                    { label }
                    <span class="chip-x" aria-hidden="true">{ "×" }</span>
                </button>
            </li>
        }
    };
    html! {
        <section class="active-filters" aria-label={texts.active_filters}>
            <ul>
                { for props.entities.iter().map(|name| {
                    let on_entity = props.on_entity.clone();
                    let value = name.clone();
                    chip(name.clone(), Callback::from(move |_| on_entity.emit(value.clone())))
                }) }
                { for props.years.iter().map(|&year| {
                    let on_year = props.on_year.clone();
                    chip(lang.year(year), Callback::from(move |_| on_year.emit(year)))
                }) }
                if has_range {
                    { chip(lang.range(props.from, props.to), props.on_range.reform(|_| ())) }
                }
            </ul>
            if count > 1 {
                <button type="button" class="link-button" onclick={props.on_clear.reform(|_| ())}>
                    { texts.clear_filters }
                </button>
            }
        </section>
    }
}
