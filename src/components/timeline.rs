//! The timeline: an SVG histogram of matching articles per bin, with a second series
//! for the dates their bodies mention. Hover (or the arrow keys) shows a bin's counts
//! and titles; a click filters to the bin, a drag (or Shift+arrows) to a range.
//!
//! Bins come from the core, contiguous and with empty ones included, at a granularity
//! that fits the span (years for 2013–2025), so sparse spans keep evenly spaced bars
//! instead of one squashed cluster. Filtering re-bins the narrower span: clicking a
//! year zooms into its months. Bars live in an SVG stretched to the width
//! (`preserveAspectRatio="none"`); text stays in HTML so it never stretches.

use std::rc::Rc;

use kiroku_core::timeline::{Bin, Granularity, Timeline as Bins};
use kiroku_core::Date;
use web_sys::Element;
use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::i18n::Lang;
use crate::state::Action;

/// Width of one bin and height of the plot in SVG user units. Whole numbers, so
/// the per-keystroke attributes are formatted as integers: float formatting was a
/// visible share of a 10k keystroke's wasm time (Display for f64, ~90 per render).
const BIN: u32 = 100;
const PLOT_HEIGHT: u32 = 1000;
/// Titles listed in the hover card.
const MAX_TITLES: usize = 4;
/// Axis labels at most, so they never collide at 360 px.
const MAX_LABELS: usize = 6;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub timeline: Rc<Bins>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A bin's label on the axis (short) or in the hover card (long).
fn bin_label(lang: Lang, granularity: Granularity, bin: &Bin, long: bool) -> String {
    match (granularity, long) {
        (Granularity::Year, false) => bin.start.year.to_string(),
        (Granularity::Year, true) => lang.year(bin.start.year),
        (Granularity::Month, false) => format!("{}/{}", bin.start.year, bin.start.month),
        (Granularity::Month, true) => lang.month(bin.start.year, bin.start.month),
        (Granularity::Day, false) => format!("{}/{}", bin.start.month, bin.start.day),
        (Granularity::Day, true) => lang.date(bin.start),
    }
}

/// A bin's classes as one static string (`classes!` hashes and joins them anew for
/// every bin on every render).
fn bin_class(active: bool, empty: bool) -> &'static str {
    match (active, empty) {
        (false, false) => "bin",
        (true, false) => "bin active",
        (false, true) => "bin empty",
        (true, true) => "bin active empty",
    }
}

/// Which bin a pointer at `client_x` is over, given the plot element.
fn bin_at(plot: &Element, client_x: i32, n_bins: usize) -> usize {
    let rect = plot.get_bounding_client_rect();
    if rect.width() <= 0.0 || n_bins == 0 {
        return 0;
    }
    let fraction = (f64::from(client_x) - rect.left()) / rect.width();
    ((fraction * n_bins as f64).floor().max(0.0) as usize).min(n_bins - 1)
}

/// The keyboard/pointer cursor and a selection in progress, as bin indices.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Cursor {
    hover: Option<usize>,
    /// (anchor, current) while dragging or Shift+arrowing.
    brush: Option<(usize, usize)>,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let shared = use_shared();
    let lang = shared.as_ref().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let on_range =
        dispatch.reform(|(from, to): (Option<Date>, Option<Date>)| Action::SetRange(from, to));
    let on_reset = dispatch.reform(|_: ()| Action::ClearRange);
    // Handlers read the live cursor (pointer events can arrive faster than renders,
    // so state captured at the last render may be stale); renders show `view`.
    let live = use_mut_ref(Cursor::default);
    let view = use_state_eq(Cursor::default);
    let update = {
        let live = live.clone();
        let view = view.clone();
        Rc::new(move |change: &dyn Fn(&mut Cursor)| {
            let mut cursor = live.borrow_mut();
            change(&mut cursor);
            view.set(*cursor);
        })
    };
    let plot_ref = use_node_ref();
    let card_ref = use_node_ref();

    let bins = &props.timeline.bins;
    let n = bins.len();
    {
        // The card's position goes through the CSSOM, not a `style` attribute: a
        // Content-Security-Policy without 'unsafe-inline' styles blocks the attribute
        // but not the CSSOM.
        let card_ref = card_ref.clone();
        let at = view
            .hover
            .filter(|&i| i < n)
            .map(|i| (i as f64 + 0.5) / n as f64 * 100.0);
        use_effect_with(at.map(f64::to_bits), move |_| {
            if let (Some(card), Some(at)) = (card_ref.cast::<web_sys::HtmlElement>(), at) {
                let _ = card.style().set_property("--at", &format!("{at:.2}%"));
            }
        });
    }
    let has_range = props.from.is_some() || props.to.is_some();
    let granularity = props.timeline.granularity;

    let emit_range = {
        let on_range = on_range.clone();
        let timeline = props.timeline.clone();
        Rc::new(move |a: usize, b: usize| {
            let (lo, hi) = (a.min(b), a.max(b));
            if let (Some(first), Some(last)) = (timeline.bins.get(lo), timeline.bins.get(hi)) {
                on_range.emit((Some(first.start), Some(last.end)));
            }
        })
    };
    // Not `event.current_target()`: yew delegates events, so that is its root element.
    let plot_of = {
        let plot_ref = plot_ref.clone();
        move |_: &PointerEvent| plot_ref.cast::<Element>()
    };

    let onpointerdown = {
        let update = update.clone();
        let plot_of = plot_of.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(plot) = plot_of(&event).filter(|_| event.button() == 0) else {
                return;
            };
            let _ = plot.set_pointer_capture(event.pointer_id());
            let at = bin_at(&plot, event.client_x(), n);
            update(&|c| {
                c.brush = Some((at, at));
                c.hover = Some(at);
            });
        })
    };
    let onpointermove = {
        let update = update.clone();
        let plot_of = plot_of.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(plot) = plot_of(&event) else {
                return;
            };
            let at = bin_at(&plot, event.client_x(), n);
            update(&|c| {
                if let Some((anchor, _)) = c.brush {
                    c.brush = Some((anchor, at));
                }
                c.hover = Some(at);
            });
        })
    };
    let onpointerup = {
        let live = live.clone();
        let update = update.clone();
        let emit_range = emit_range.clone();
        Callback::from(move |event: PointerEvent| {
            let brush = live.borrow().brush;
            let Some((anchor, _)) = brush else {
                return;
            };
            // The release point ends the range, even if no move was reported.
            let at = plot_of(&event).map_or(anchor, |plot| bin_at(&plot, event.client_x(), n));
            update(&|c| c.brush = None);
            emit_range(anchor, at);
        })
    };
    let onpointercancel = {
        let update = update.clone();
        Callback::from(move |_: PointerEvent| update(&|c| c.brush = None))
    };
    let onpointerleave = {
        let update = update.clone();
        Callback::from(move |_: PointerEvent| {
            update(&|c| {
                if c.brush.is_none() {
                    c.hover = None;
                }
            })
        })
    };
    let onfocus = {
        let live = live.clone();
        let update = update.clone();
        let timeline = props.timeline.clone();
        Callback::from(move |_: FocusEvent| {
            if live.borrow().hover.is_none() {
                // Start at the newest bin that has articles.
                let newest = timeline.bins.iter().rposition(|b| !b.articles.is_empty());
                let start = newest.or(timeline.bins.len().checked_sub(1));
                update(&|c| c.hover = start);
            }
        })
    };
    let onkeydown = {
        let live = live.clone();
        let update = update.clone();
        let on_reset = on_reset.clone();
        Callback::from(move |event: KeyboardEvent| {
            if n == 0 {
                return;
            }
            let Cursor { hover, brush } = *live.borrow();
            let cursor = hover.unwrap_or(n - 1).min(n - 1);
            let moved = match event.key().as_str() {
                "ArrowLeft" => Some(cursor.saturating_sub(1)),
                "ArrowRight" => Some((cursor + 1).min(n - 1)),
                "Home" => Some(0),
                "End" => Some(n - 1),
                "Enter" | " " => {
                    let (anchor, at) = brush.unwrap_or((cursor, cursor));
                    update(&|c| c.brush = None);
                    emit_range(anchor, at);
                    None
                }
                "Escape" => {
                    if brush.is_some() {
                        update(&|c| c.brush = None);
                    } else if has_range {
                        on_reset.emit(());
                    } else {
                        return; // let Escape reach the app (clear the query)
                    }
                    None
                }
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            if let Some(at) = moved {
                let extend = event.shift_key();
                update(&|c| {
                    c.brush = extend.then(|| (brush.map_or(cursor, |(anchor, _)| anchor), at));
                    c.hover = Some(at);
                });
            }
        })
    };
    let Cursor { hover, brush } = *view;

    if n == 0 {
        return html! {};
    }

    let max_articles = bins.iter().map(|b| b.articles.len()).max().unwrap_or(0);
    let max_mentions = bins.iter().map(|b| b.mentioned).max().unwrap_or(0);
    let scale = max_articles.max(max_mentions).max(1) as f64;
    // Bars fill at most 90% of the plot, and a non-empty bin shows at least 4%.
    let height = |value: usize| -> u32 {
        if value == 0 {
            0
        } else {
            (value as f64 / scale * PLOT_HEIGHT as f64 * 0.9)
                .round()
                .max(PLOT_HEIGHT as f64 * 0.04) as u32
        }
    };

    let bars = bins.iter().enumerate().map(|(i, bin)| {
        let x = i as u32 * BIN;
        let h_articles = height(bin.articles.len());
        let h_mentions = height(bin.mentioned);
        let active = hover == Some(i);
        html! {
            <g class={bin_class(active, bin.articles.is_empty())}>
                <rect class="bin-hit" x={x.to_string()} y="0" width={BIN.to_string()} height={PLOT_HEIGHT.to_string()} />
                <rect class="bar-mentions" x={(x + 56).to_string()} y={(PLOT_HEIGHT - h_mentions).to_string()} width="26" height={h_mentions.to_string()} />
                <rect class="bar-articles" x={(x + 14).to_string()} y={(PLOT_HEIGHT - h_articles).to_string()} width="44" height={h_articles.to_string()} />
            </g>
        }
    });
    let brush_rect = brush.map(|(a, b)| {
        let (lo, hi) = (a.min(b), a.max(b));
        html! {
            <rect class="brush" x={(lo as u32 * BIN).to_string()} y="0" width={((hi - lo + 1) as u32 * BIN).to_string()} height={PLOT_HEIGHT.to_string()} />
        }
    });

    let step = n.div_ceil(MAX_LABELS).max(1);
    let labels = bins.iter().enumerate().map(|(i, bin)| {
        let text = if i % step == 0 {
            bin_label(lang, granularity, bin, false)
        } else {
            String::new()
        };
        html! { <span class="axis-label">{ text }</span> }
    });

    let card = hover.and_then(|i| bins.get(i).map(|bin| (i, bin))).map(|(i, bin)| {
        let titles: Vec<String> = shared
            .as_ref()
            .map(|s| {
                bin.articles
                    .iter()
                    .take(MAX_TITLES)
                    .filter_map(|&doc| s.index.article(doc).map(|a| a.title.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let more = bin.articles.len().saturating_sub(titles.len());
        let side = if i * 3 < n { "left" } else if i * 3 >= n * 2 { "right" } else { "center" };
        html! {
            <div ref={card_ref.clone()} class={classes!("timeline-card", side)} role="tooltip" id="timeline-card">
                <strong>{ bin_label(lang, granularity, bin, true) }</strong>
                <span class="card-counts">
                    <span class="swatch articles"></span>{ lang.articles(bin.articles.len()) }
                    <span class="swatch mentions"></span>{ lang.mentions(bin.mentioned) }
                </span>
                if !titles.is_empty() {
                    <ul>
                        { for titles.into_iter().map(|t| html! { <li>{ t }</li> }) }
                        if more > 0 { <li class="more">{ format!("+{more}") }</li> }
                    </ul>
                }
            </div>
        }
    });
    let live = hover
        .and_then(|i| bins.get(i))
        .map(|bin| {
            format!(
                "{}: {}, {}",
                bin_label(lang, granularity, bin, true),
                lang.articles(bin.articles.len()),
                lang.mentions(bin.mentioned)
            )
        })
        .unwrap_or_default();
    let span = match (bins.first(), bins.last()) {
        (Some(first), Some(last)) => lang.range(Some(first.start), Some(last.end)),
        _ => String::new(),
    };

    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h2 id="timeline-heading">{ texts.timeline }</h2>
                <span class="legend">
                    <span class="swatch articles"></span>{ texts.timeline_articles }
                    <span class="swatch mentions"></span>{ texts.timeline_mentions }
                </span>
                <span class="timeline-span">{ span }</span>
                if has_range {
                    <button type="button" class="link-button timeline-reset" onclick={on_reset.reform(|_| ())}>
                        { texts.timeline_reset }
                    </button>
                }
            </div>
            <div class="timeline-body">
                <div
                    ref={plot_ref}
                    class="timeline-plot"
                    tabindex="0"
                    role="group"
                    aria-label={texts.timeline}
                    aria-describedby="timeline-hint"
                    {onpointerdown}
                    {onpointermove}
                    {onpointerup}
                    {onpointercancel}
                    {onpointerleave}
                    onfocusin={onfocus}
                    {onkeydown}
                >
                    <svg viewBox={format!("0 0 {} {PLOT_HEIGHT}", n as u32 * BIN)} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <line class="baseline" x1="0" y1={PLOT_HEIGHT.to_string()} x2={(n as u32 * BIN).to_string()} y2={PLOT_HEIGHT.to_string()} />
                        <g class="bars">{ for bars }</g>
                        { brush_rect.unwrap_or_default() }
                    </svg>
                </div>
                { card.unwrap_or_default() }
                <div class="timeline-axis" aria-hidden="true">
                    { for labels }
                </div>
            </div>
            <p class="timeline-hint" id="timeline-hint">
                { texts.timeline_hint }
                if props.timeline.mentions_outside > 0 {
                    { format!(" · +{} {}", props.timeline.mentions_outside, texts.timeline_outside) }
                }
            </p>
            <p class="visually-hidden" aria-live="polite">{ live }</p>
        </section>
    }
}
