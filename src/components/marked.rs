//! Text with query matches in `<mark>`, built as nodes from the core's byte spans.
//!
//! The text is always rendered as text (yew escapes it). Spans that are out of
//! range, reversed, overlapping or not on char boundaries are skipped, so a bad span
//! costs a highlight, never a panic.

use kiroku_core::Span;
use yew::prelude::*;

/// `text` with `spans` (sorted or not) wrapped in `<mark>`.
pub fn marked(text: &str, spans: &[Span]) -> Html {
    with_marks(
        text,
        spans,
        &mut |matched| html! { <mark>{ matched }</mark> },
    )
}

/// Like [`marked`], numbering the marks as it goes (the reader's matches, counted
/// across the article's blocks in reading order: `counter` is the count so far).
/// Each mark carries its 1-based number in `data-match`; the `current` one is
/// emphasized (`class="current"`), for the reader's next/previous match.
pub fn marked_counting(
    text: &str,
    spans: &[Span],
    counter: &mut usize,
    current: Option<usize>,
) -> Html {
    with_marks(text, spans, &mut |matched| {
        *counter += 1;
        let is_current = current == Some(*counter);
        html! {
            <mark
                class={is_current.then_some("current")}
                data-match={counter.to_string()}
                aria-current={is_current.then_some("true")}
            >
                { matched }
            </mark>
        }
    })
}

/// `text` as text nodes, with each valid span's text made into a node by `mark`.
/// `mark` is a `dyn` so that both kinds of marks share one copy of this loop in
/// the wasm; the sort is the core's shared one (`order::sort_by_dyn`), which the
/// snippets use too (equal spans are identical, so stability changes nothing).
fn with_marks(text: &str, spans: &[Span], mark: &mut dyn FnMut(String) -> Html) -> Html {
    let mut spans: Vec<Span> = spans.to_vec();
    kiroku_core::order::sort_by_dyn(&mut spans, &|a, b| a.cmp(b));
    let mut nodes: Vec<Html> = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0;
    for span in spans {
        if span.start < at || span.start >= span.end {
            continue;
        }
        let (Some(before), Some(matched)) = (text.get(at..span.start), text.get(span.range()))
        else {
            continue;
        };
        if !before.is_empty() {
            nodes.push(html! { { before.to_string() } });
        }
        nodes.push(mark(matched.to_string()));
        at = span.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            nodes.push(html! { { rest.to_string() } });
        }
    }
    nodes.into_iter().collect::<Html>()
}
