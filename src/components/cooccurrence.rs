//! The co-occurrence view: which entities the current results mention together,
//! as a ranked table of pairs (the accessible form: real table semantics) and a
//! small matrix of the most mentioned entities. A pair's count leads to the
//! articles that mention both.
//!
//! "Both": the entity filter ORs entities of one kind (two people give articles
//! with either) and ANDs kinds. So a pair of different kinds is the filter alone;
//! a pair of one kind also puts both names' spellings into the query
//! ([`pair_query`]), which requires each name in the text. The gazetteer finds an
//! entity only where one of its spellings stands, so every article mentioning both
//! passes; one that has a spelling where the gazetteer saw a longer name or an
//! excluded word would pass too, which the default corpus has no case of (the e2e
//! test checks that the list has exactly the pair's count).

use std::rc::Rc;

use kiroku_core::cooccurrence::Cooccurrence as Counts;
use kiroku_core::Index;
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

/// The query that, with both entities in the filter, selects the articles that
/// mention both: `query` itself for entities of different kinds (the filter ANDs
/// kinds); for one kind, `query` plus one clause per entity, its spellings ORed —
/// only those not containing another of its spellings once normalized (マドゥロ
/// covers マドゥーロ and ニコラス・マドゥロ), quoted where the query language would
/// read them otherwise.
pub fn pair_query(index: &Index, query: &str, a: &str, b: &str) -> String {
    let gazetteer = index.gazetteer();
    let entity = |name: &str| gazetteer.find(name).and_then(|id| gazetteer.entity(id));
    let (Some(first), Some(second)) = (entity(a), entity(b)) else {
        return query.to_string();
    };
    if first.kind != second.kind {
        return query.to_string();
    }
    let normalizer = index.normalizer();
    let clause = |entity: &kiroku_core::entity::Entity| {
        let spellings: Vec<(String, String)> = std::iter::once(&entity.name)
            .chain(&entity.variants)
            .map(|s| (s.clone(), normalizer.normalize(s)))
            .collect();
        let mut kept: Vec<&str> = Vec::new();
        for (i, (spelling, normalized)) in spellings.iter().enumerate() {
            let covered = spellings.iter().enumerate().any(|(j, (_, other))| {
                j != i && normalized.contains(other.as_str()) && (normalized != other || j < i)
            });
            if !covered && !normalized.is_empty() {
                kept.push(spelling);
            }
        }
        kept.iter()
            .map(|s| {
                if s.contains([' ', '"', '\u{3000}']) || s.starts_with('-') || *s == "OR" {
                    format!("\"{}\"", s.replace('"', ""))
                } else {
                    s.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    let mut combined = query.trim().to_string();
    for part in [clause(first), clause(second)] {
        if !part.is_empty() {
            if !combined.is_empty() {
                combined.push(' ');
            }
            combined.push_str(&part);
        }
    }
    combined
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
    let Some(index) = index else {
        return html! {};
    };
    let counts: &Counts = &counts;
    let show = |a: usize, b: usize| {
        let (Some(first), Some(second)) = (counts.entities.get(a), counts.entities.get(b)) else {
            return Callback::noop();
        };
        let (a, b) = (first.name.clone(), second.name.clone());
        let query = pair_query(&index, &props.view.query, &a, &b);
        dispatch.reform(move |_: MouseEvent| Action::ShowPair(a.clone(), b.clone(), query.clone()))
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
