//! The co-occurrence view: which entities the current results mention together,
//! as a ranked table of pairs (the accessible form: real table semantics) and a
//! small matrix of the most mentioned entities. A pair's count leads to the
//! articles that mention both: the pair joins `State::together`, which the core
//! applies as "every one of these entities" (`SearchRequest::together`), not the
//! entity filter, which ORs two entities of one kind as a facet does.

use std::rc::Rc;

use kiroku_core::cooccurrence::Cooccurrence as Counts;
use yew::prelude::*;

use super::{use_dispatch, use_entity_names, use_shared};
use crate::hooks::search::request;
use crate::i18n::text_lang;
use crate::state::{Action, State};

/// Entities whose pairs the table ranks.
pub const TOP: usize = 20;
/// Entities in the matrix (rows and columns): it must fit a phone.
pub const MATRIX: usize = 8;

#[derive(Properties, PartialEq)]
pub struct CooccurrenceProps {
    pub view: Rc<State>,
}

/// How strong a matrix cell is, as one of five classes (no inline style: CSP).
fn level(count: usize, max: usize) -> &'static str {
    match (count * 4).div_ceil(max.max(1)) {
        0 => "cell level-0",
        1 => "cell level-1",
        2 => "cell level-2",
        3 => "cell level-3",
        _ => "cell level-4",
    }
}

#[component]
pub fn Cooccurrence(props: &CooccurrenceProps) -> Html {
    let shared = use_shared();
    let lang = shared.as_ref().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let shown_names = use_entity_names();
    let index = shared.as_ref().map(|s| s.index.clone());
    let counts = {
        let index = index.clone();
        use_memo(
            (index.as_ref().map(Rc::as_ptr), request(&props.view, 0)),
            move |(_, request)| {
                index
                    .map(|index| index.cooccurrence(request, TOP))
                    .unwrap_or_default()
            },
        )
    };
    if index.is_none() {
        return html! {};
    }
    let counts: &Counts = &counts;
    let show = |a: usize, b: usize| {
        let (Some(first), Some(second)) = (counts.entities.get(a), counts.entities.get(b)) else {
            return Callback::noop();
        };
        let (a, b) = (first.name.clone(), second.name.clone());
        dispatch.reform(move |_: MouseEvent| Action::ShowPair(a.clone(), b.clone()))
    };
    // Shown in the UI language; the filter and the URL keep canonical names.
    let name = |i: usize| {
        counts
            .entities
            .get(i)
            .map(|e| shown_names.get(&e.name))
            .unwrap_or_default()
    };

    let rows = counts.pairs.iter().map(|pair| {
        let (a, b) = (name(pair.a), name(pair.b));
        html! {
            <tr>
                <td lang={text_lang(&a)}>{ a.clone() }</td>
                <td lang={text_lang(&b)}>{ b.clone() }</td>
                <td class="number">
                    <button
                        type="button"
                        class="link-button pair-count"
                        aria-label={lang.show_pair(&a, &b, pair.count)}
                        onclick={show(pair.a, pair.b)}
                    >
                        { pair.count.to_string() }
                    </button>
                </td>
            </tr>
        }
    });

    let shown = counts.entities.len().min(MATRIX);
    let max = counts
        .pairs
        .iter()
        .filter(|p| p.a < shown && p.b < shown)
        .map(|p| p.count)
        .max()
        .unwrap_or(0);
    let matrix_rows = (0..shown).map(|row| {
        let row_name = name(row);
        let cells = (0..shown).map(|column| {
            let count = counts.count(row, column);
            if row == column {
                html! { <td class="cell self">{ "–" }</td> }
            } else if count == 0 {
                html! { <td class={level(0, max)}></td> }
            } else {
                let label = lang.show_pair(&row_name, &name(column), count);
                html! {
                    <td class={level(count, max)}>
                        <button type="button" class="cell-button" aria-label={label.clone()} title={label} onclick={show(row, column)}>
                            { count.to_string() }
                        </button>
                    </td>
                }
            }
        });
        html! {
            <tr>
                <th scope="row" lang={text_lang(&row_name)}>{ row_name.clone() }</th>
                { for cells }
            </tr>
        }
    });

    html! {
        <section class="cooccurrence view-body" aria-labelledby="cooc-heading">
            <div class="toolbar">
                <h2 class="toolbar-heading" id="cooc-heading">
                    { texts.view_cooccurrence }
                    <span class="toolbar-count">{ lang.articles(counts.articles) }</span>
                </h2>
            </div>
            if counts.pairs.is_empty() {
                <p class="view-empty">{ texts.cooc_empty }</p>
            } else {
                <div class="cooc-layout">
                    <table class="cooc-pairs">
                        <caption>{ texts.cooc_pairs }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ texts.cooc_entity_a }</th>
                                <th scope="col">{ texts.cooc_entity_b }</th>
                                <th scope="col" class="number">{ texts.cooc_count }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    <div class="cooc-matrix-scroll">
                        <table class="cooc-matrix">
                            <caption>{ texts.cooc_matrix }</caption>
                            <thead>
                                <tr>
                                    <td></td>
                                    { for (0..shown).map(|c| {
                                        let n = name(c);
                                        html! { <th scope="col" lang={text_lang(&n)}><span>{ n }</span></th> }
                                    }) }
                                </tr>
                            </thead>
                            <tbody>{ for matrix_rows }</tbody>
                        </table>
                    </div>
                </div>
            }
        </section>
    }
}
