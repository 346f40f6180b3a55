//! The chronology view (年表): every date the current results' bodies mention,
//! with the sentence that mentions it, in the order of the dates mentioned (not of
//! publication), grouped by year, each linking to its article. The event timeline
//! people otherwise build by hand, derived from the text.
//!
//! Paged like the concordance ([`ENTRIES`] at a time, "show more"); the year
//! headings carry the year's count over every page.

use std::rc::Rc;

use kiroku_core::chronology::Chronology as Entries;
use kiroku_core::date::Precision;
use kiroku_core::Span;
use yew::prelude::*;

use super::marked::marked;
use super::masthead::plain_click;
use super::{clicked_within, use_dispatch, use_shared};
use crate::hooks::search::request;
use crate::i18n::text_lang;
use crate::route;
use crate::state::{Action, State};

/// Entries per page ("show more" adds as many): rendering them, not finding them, is
/// what a keystroke costs here. At 10k articles, 100 per page made typing in this
/// view several times slower than in the article list; 25 costs about the same
/// (BENCHMARKS.md, "Views of the results").
pub const ENTRIES: usize = 25;

#[derive(Properties, PartialEq)]
pub struct ChronologyProps {
    pub view: Rc<State>,
    /// Pages of entries shown.
    pub pages: usize,
}

/// The chronology of `view`'s results, `pages` pages of it.
#[hook]
pub fn use_chronology(view: &State, pages: usize) -> Rc<Entries> {
    let index = use_shared().map(|s| s.index);
    let limit = pages.max(1).saturating_mul(ENTRIES);
    let memo = use_memo(
        (index.as_ref().map(Rc::as_ptr), request(view, 0), limit),
        move |(_, request, limit)| {
            Rc::new(
                index
                    .map(|index| index.chronology(request, 0, *limit))
                    .unwrap_or_default(),
            )
        },
    );
    Rc::clone(&memo)
}

#[component]
pub fn Chronology(props: &ChronologyProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let chronology = use_chronology(&props.view, props.pages);
    // One handler for every article link, made once.
    let onclick = use_callback(dispatch.clone(), |event: MouseEvent, dispatch| {
        let Some(link) = clicked_within(&event, "a.chronology-article") else {
            return;
        };
        if let Some(id) = link.get_attribute("data-id") {
            if plain_click(&event) {
                event.prevent_default();
                dispatch.emit(Action::Open(id));
            }
        }
    });

    // Entries grouped by the year of the date mentioned.
    let mut groups: Vec<(i32, Vec<Html>)> = Vec::new();
    for entry in &chronology.entries {
        let year = entry.date.year;
        if groups.last().map(|(y, _)| *y) != Some(year) {
            groups.push((year, Vec::new()));
        }
        let when = match entry.precision {
            Precision::Month => lang.month(entry.date.year, entry.date.month),
            _ => lang.date(entry.date),
        };
        let href = route::encode(&State {
            article: Some(entry.id.clone()),
            occurrence: None,
            ..(*props.view).clone()
        });
        let sentence = html! {
            <>
                { if entry.cut_before { "…" } else { "" } }
                { marked(&entry.sentence, &[Span::new(entry.span.start, entry.span.end)]) }
                { if entry.cut_after { "…" } else { "" } }
            </>
        };
        if let Some((_, items)) = groups.last_mut() {
            items.push(html! {
                <li class="chronology-entry">
                    <time class="chronology-date" datetime={entry.date.to_string()}>{ when }</time>
                    <p class="chronology-sentence" lang={text_lang(&entry.sentence)}>{ sentence }</p>
                    <a class="chronology-article" {href} data-id={entry.id.clone()}>
                        <span lang={text_lang(&entry.title)}>{ entry.title.clone() }</span>
                        { " · " }
                        <time datetime={entry.published.to_string()}>{ lang.date(entry.published) }</time>
                    </a>
                </li>
            });
        }
    }
    let year_count = |year: i32| {
        chronology
            .years
            .iter()
            .find(|(y, _)| *y == year)
            .map_or(0, |(_, n)| *n)
    };
    let sections = groups.into_iter().map(|(year, items)| {
        html! {
            <section class="chronology-year" aria-labelledby={format!("chronology-{year}")}>
                <h3 id={format!("chronology-{year}")}>
                    { lang.year(year) }
                    <span class="toolbar-count">{ lang.dates_mentioned(year_count(year)) }</span>
                </h3>
                <ol>{ for items }</ol>
            </section>
        }
    });
    let shown = chronology.entries.len();
    html! {
        <section class="chronology view-body" aria-labelledby="chronology-heading">
            <div class="toolbar">
                <h2 class="toolbar-heading" id="chronology-heading">
                    { texts.view_chronology }
                    <span class="toolbar-count chronology-total">{ lang.dates_mentioned(chronology.total) }</span>
                </h2>
                if shown < chronology.total {
                    <span class="toolbar-note">{ lang.showing_first(shown) }</span>
                }
            </div>
            if chronology.total == 0 {
                <p class="view-empty">{ texts.chronology_empty }</p>
            } else {
                <div class="chronology-years" {onclick}>{ for sections }</div>
                if shown < chronology.total {
                    <button
                        type="button"
                        class="link-button show-more"
                        onclick={dispatch.reform(|_| Action::ShowMore)}
                    >
                        { texts.more_lines }
                    </button>
                }
            }
        </section>
    }
}
