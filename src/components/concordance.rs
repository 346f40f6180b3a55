//! The concordance view (keyword in context): every occurrence of the query's
//! terms in the current results, one line each, aligned on the match — the left
//! context right-aligned against it, the right context after it — with the
//! article's date and title, sorted by date, left or right context (`ks=`).
//!
//! The occurrences are found and sorted once per request and order
//! (`Index::kwic`, no text copied); only the lines shown are cut from the text, a
//! page of [`LINES`] at a time ("show more"), so 100k occurrences cost one sort and
//! a hundred lines. A line links to the reader opened at its occurrence (`m=`).

use std::rc::Rc;

use kiroku_core::concordance::{Kwic, KwicSort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::masthead::plain_click;
use super::{clicked_within, use_dispatch, use_shared};
use crate::hooks::search::request;
use crate::i18n::text_lang;
use crate::route;
use crate::state::{Action, State};

/// Lines per page ("show more" adds as many): rendering them, not finding them, is
/// what a keystroke costs here. At 10k articles, 100 per page made typing in this
/// view several times slower than in the article list; 25 costs about the same
/// (BENCHMARKS.md, "Views of the results").
pub const LINES: usize = 25;
/// Characters of context on either side of a match.
pub const CONTEXT_CHARS: usize = 40;

#[derive(Properties)]
pub struct ConcordanceProps {
    pub view: Rc<State>,
    /// Pages of lines shown.
    pub pages: usize,
}

impl PartialEq for ConcordanceProps {
    fn eq(&self, other: &ConcordanceProps) -> bool {
        self.view == other.view && self.pages == other.pages
    }
}

/// The occurrences of `view`'s query in its results, in its line order, found
/// once per request and order.
#[hook]
pub fn use_kwic(view: &State) -> Rc<Kwic> {
    let index = use_shared().map(|s| s.index);
    let memo = use_memo(
        (
            index.as_ref().map(Rc::as_ptr),
            request(view, 0),
            view.line_sort,
        ),
        move |(_, request, sort)| {
            Rc::new(
                index
                    .map(|index| index.kwic(request, *sort))
                    .unwrap_or_default(),
            )
        },
    );
    Rc::clone(&memo)
}

#[component]
pub fn Concordance(props: &ConcordanceProps) -> Html {
    let shared = use_shared();
    let lang = shared.as_ref().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let kwic = use_kwic(&props.view);
    let shown = props.pages.max(1).saturating_mul(LINES);
    // Keyed on what the occurrences come from, not on their address: a new
    // `Kwic` may be allocated where the dropped one was, and a pointer key then
    // kept the previous query's lines under the new total.
    let lines = {
        let index = shared.as_ref().map(|s| s.index.clone());
        let kwic = kwic.clone();
        use_memo(
            (request(&props.view, 0), props.view.line_sort, shown),
            move |(_, _, shown)| {
                index
                    .map(|index| kwic.page(&index, 0, *shown, CONTEXT_CHARS))
                    .unwrap_or_default()
            },
        )
    };
    let total = kwic.len();
    // One handler for every line, made once (as the result list does).
    let onclick = use_callback(dispatch.clone(), |event: MouseEvent, dispatch| {
        let Some(line) = clicked_within(&event, "a.kwic-line") else {
            return;
        };
        let id = line.get_attribute("data-id");
        let n = line
            .get_attribute("data-occurrence")
            .and_then(|n| n.parse::<usize>().ok());
        if let (Some(id), Some(n)) = (id, n) {
            if plain_click(&event) {
                event.prevent_default();
                dispatch.emit(Action::OpenAt(id, n));
            }
        }
    });
    let onchange = dispatch.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Action::SetLineSort(match select.value().as_str() {
            "left" => KwicSort::Left,
            "right" => KwicSort::Right,
            _ => KwicSort::Date,
        })
    });
    let sort = props.view.line_sort;
    let option = |value: &'static str, label: &'static str, this: KwicSort| {
        html! { <option {value} selected={sort == this}>{ label }</option> }
    };
    let has_terms = !props.view.query.trim().is_empty();

    let items = lines.iter().map(|line| {
        // The core counts an article's matches from 0; the reader's `m=` from 1.
        let occurrence = line.occurrence + 1;
        let href = route::encode(&State {
            article: Some(line.id.clone()),
            occurrence: Some(occurrence),
            ..(*props.view).clone()
        });
        let line_lang = text_lang(&line.title)
            .or_else(|| text_lang(&line.left))
            .or_else(|| text_lang(&line.right));
        html! {
            <li>
                <a
                    class="kwic-line"
                    {href}
                    data-id={line.id.clone()}
                    data-occurrence={occurrence.to_string()}
                >
                    <span class="kwic-text" lang={line_lang}>
                        <span class="kwic-left"><span>{ if line.cut_left { "…" } else { "" } }{ line.left.clone() }</span></span>
                        <mark class="kwic-match">{ line.matched.clone() }</mark>
                        <span class="kwic-right">{ line.right.clone() }{ if line.cut_right { "…" } else { "" } }</span>
                    </span>
                    <span class="kwic-meta">
                        <time datetime={line.date.to_string()}>{ lang.date(line.date) }</time>
                        { " · " }
                        <span lang={text_lang(&line.title)}>{ line.title.clone() }</span>
                    </span>
                </a>
            </li>
        }
    });

    html! {
        <section class="concordance view-body" aria-labelledby="kwic-heading">
            <div class="toolbar">
                <h2 class="toolbar-heading" id="kwic-heading">
                    { texts.view_concordance }
                    <span class="toolbar-count kwic-total">{ lang.occurrences(total) }</span>
                </h2>
                if lines.len() < total {
                    <span class="toolbar-note">{ lang.showing_first(lines.len()) }</span>
                }
                <label class="sort">
                    <span>{ texts.sort_label }</span>
                    <select {onchange}>
                        { option("date", texts.sort_date, KwicSort::Date) }
                        { option("left", texts.sort_left, KwicSort::Left) }
                        { option("right", texts.sort_right, KwicSort::Right) }
                    </select>
                </label>
            </div>
            if !has_terms {
                <p class="view-empty">{ texts.kwic_needs_query }</p>
            } else {
                <ol class="kwic" {onclick}>{ for items }</ol>
                if lines.len() < total {
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
