//! Text with query matches in `<mark>`, built as nodes from the core's byte spans.
//!
//! The text is always rendered as text (yew escapes it). Spans that are out of
//! range, reversed, overlapping or not on char boundaries are skipped, so a bad span
//! costs a highlight, never a panic.

use kiroku_core::Span;
use yew::prelude::*;

/// `text` with `spans` (sorted or not) wrapped in `<mark>`.
pub fn marked(text: &str, spans: &[Span]) -> Html {
    let mut spans: Vec<Span> = spans.to_vec();
    spans.sort_unstable();
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
        nodes.push(html! { <mark>{ matched.to_string() }</mark> });
        at = span.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            nodes.push(html! { { rest.to_string() } });
        }
    }
    nodes.into_iter().collect::<Html>()
}
