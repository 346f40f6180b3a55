//! The timeline: an SVG histogram of matching articles per bin, with a second series
//! for the dates their bodies mention. Hover (or the arrow keys) shows a bin's counts
//! and titles; a click filters to the bin, a drag (or Shift+arrows) to a range.
//!
//! Bins come from the core, contiguous and with empty ones included, over the range
//! the view selected (or the matching articles' span), at a granularity that keeps
//! them readable: clicking 2025 shows 2025's months, and "zoom out" steps back to the
//! year, then to everything. When the bars are months or days, a row of years keeps
//! a year pick one click away. Bars live in an SVG stretched to the width
//! (`preserveAspectRatio="none"`); text stays in HTML so it never stretches. Each bin
//! is at least [`MIN_BIN_REM`] wide, a finger's tap target: on a phone a long axis
//! scrolls sideways instead of shrinking into slivers.
//!
//! The hover card opens *below* the plot (above it, it slid under the sticky
//! masthead), is placed by script so it stays inside the timeline at any width, and
//! describes the range while one is being dragged.

use std::rc::Rc;

use kiroku_core::timeline::{zoom_out, Bin, Granularity, Timeline as Bins};
use kiroku_core::Date;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::i18n::{text_lang, Lang};
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
/// The narrowest a bin may be, in rem: 24 px, the smallest comfortable tap target
/// (WCAG 2.2 target size). Mirrored by `.timeline-track` in the stylesheet.
pub const MIN_BIN_REM: f64 = 1.5;
/// Gap between the plot's bottom and the hover card, in CSS pixels.
const CARD_GAP: f64 = 4.0;

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

/// Which bin a pointer at `client_x` is over, given the plot element (of `n_bins`
/// equal columns: the trends chart's columns too).
pub fn bin_at(plot: &Element, client_x: i32, n_bins: usize) -> usize {
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
    let body_ref = use_node_ref();
    let track_ref = use_node_ref();
    // Positions go through the CSSOM, not a `style` attribute: a Content-Security-
    // Policy without 'unsafe-inline' styles blocks the attribute but not the CSSOM.
    {
        let track_ref = track_ref.clone();
        use_effect_with(n, move |&n| {
            if let Some(track) = track_ref.cast::<HtmlElement>() {
                let _ = track.style().set_property("--bins", &n.to_string());
            }
        });
    }
    {
        // After every render (the card's text, and so its width, follows the
        // hovered bin): under the hovered bin, below the plot, kept inside the body.
        let (body_ref, plot_ref, card_ref) = (body_ref.clone(), plot_ref.clone(), card_ref.clone());
        let at = view.brush.map_or(view.hover, |(a, b)| Some((a + b) / 2));
        use_effect(move || {
            if let (Some(body), Some(plot), Some(card), Some(at)) = (
                body_ref.cast::<Element>(),
                plot_ref.cast::<Element>(),
                card_ref.cast::<HtmlElement>(),
                at,
            ) {
                place_card(&body, &plot, &card, at, n);
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

    // Set by a press, so the focus that follows it (on a phone, after the finger
    // lifts and the range is applied) does not bring the card back: that card stuck.
    let pressed = use_mut_ref(|| false);
    let onpointerdown = {
        let update = update.clone();
        let plot_of = plot_of.clone();
        let pressed = pressed.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(plot) = plot_of(&event).filter(|_| event.button() == 0) else {
                return;
            };
            *pressed.borrow_mut() = true;
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
            // The bins are about to change: a card for the old ones would be wrong
            // (and after a tap on a phone, stuck, as nothing ends a touch "hover").
            update(&|c| *c = Cursor::default());
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
        let pressed = pressed.clone();
        Callback::from(move |_: FocusEvent| {
            if std::mem::take(&mut *pressed.borrow_mut()) {
                return; // focused by a press, not by the keyboard
            }
            if live.borrow().hover.is_none() {
                // Start at the newest bin that has articles.
                let newest = timeline.bins.iter().rposition(|b| !b.articles.is_empty());
                let start = newest.or(timeline.bins.len().checked_sub(1));
                update(&|c| c.hover = start);
            }
        })
    };
    let onblur = Callback::from(move |_: FocusEvent| *pressed.borrow_mut() = false);
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
                    update(&|c| *c = Cursor::default());
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

    // While a range is dragged the card describes the range; otherwise the bin.
    let card_bins = match brush {
        Some((a, b)) => Some((a.min(b), a.max(b))),
        None => hover.map(|i| (i, i)),
    };
    let card = card_bins
        .and_then(|(lo, hi)| Some((bins.get(lo)?, bins.get(hi)?, bins.get(lo..=hi)?)))
        .map(|(first, last, range)| {
            let heading = if std::ptr::eq(first, last) {
                bin_label(lang, granularity, first, true)
            } else {
                lang.range(Some(first.start), Some(last.end))
            };
            let n_articles: usize = range.iter().map(|b| b.articles.len()).sum();
            let n_mentions: usize = range.iter().map(|b| b.mentioned).sum();
            let titles: Vec<(String, Option<&'static str>)> = shared
                .as_ref()
                .map(|s| {
                    range
                        .iter()
                        .rev()
                        .flat_map(|b| b.articles.iter())
                        .take(MAX_TITLES)
                        .filter_map(|&doc| s.index.article(doc))
                        .map(|a| (a.title.to_string(), text_lang(&a.title)))
                        .collect()
                })
                .unwrap_or_default();
            let more = n_articles.saturating_sub(titles.len());
            html! {
                <div ref={card_ref.clone()} class="timeline-card" role="tooltip" id="timeline-card">
                    <strong>{ heading }</strong>
                    <span class="card-counts">
                        <span class="swatch articles"></span>{ lang.articles(n_articles) }
                        <span class="swatch mentions"></span>{ lang.mentions(n_mentions) }
                    </span>
                    if !titles.is_empty() {
                        <ul>
                            { for titles.into_iter().map(|(t, lang)| html! { <li {lang}>{ t }</li> }) }
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
    // One step out: a range inside a year → that year → everything.
    let on_zoom_out = {
        let (on_range, on_reset) = (on_range.clone(), on_reset.clone());
        let range = props.from.zip(props.to);
        Callback::from(
            move |_: MouseEvent| match range.and_then(|(from, to)| zoom_out(from, to)) {
                Some((from, to)) => on_range.emit((Some(from), Some(to))),
                None => on_reset.emit(()),
            },
        )
    };
    // Months or days on the axis: the years they lie in, each a one-click pick.
    let year_row = (granularity != Granularity::Year).then(|| {
        let mut years: Vec<i32> = bins.iter().map(|b| b.start.year).collect();
        years.dedup();
        let buttons = years.into_iter().filter_map(|year| {
            let (start, end) = Date::new(year, 1, 1).zip(Date::new(year, 12, 31))?;
            let picked = props.from == Some(start) && props.to == Some(end);
            let on_range = on_range.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_range.emit((Some(start), Some(end))));
            Some(html! {
                <button type="button" class="timeline-year" aria-pressed={picked.to_string()} {onclick}>
                    { lang.year(year) }
                </button>
            })
        });
        html! {
            <div class="timeline-years" role="group" aria-label={texts.timeline_years}>
                { for buttons }
            </div>
        }
    });

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
                    <button type="button" class="link-button timeline-zoom-out" onclick={on_zoom_out}>
                        { texts.timeline_zoom_out }
                    </button>
                    <button type="button" class="link-button timeline-reset" onclick={on_reset.reform(|_| ())}>
                        { texts.timeline_reset }
                    </button>
                }
            </div>
            <div class="timeline-body" ref={body_ref}>
                <div class="timeline-scroll">
                <div class="timeline-track" ref={track_ref}>
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
                    onfocusout={onblur}
                    {onkeydown}
                >
                    <svg viewBox={format!("0 0 {} {PLOT_HEIGHT}", n as u32 * BIN)} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <line class="baseline" x1="0" y1={PLOT_HEIGHT.to_string()} x2={(n as u32 * BIN).to_string()} y2={PLOT_HEIGHT.to_string()} />
                        <g class="bars">{ for bars }</g>
                        { brush_rect.unwrap_or_default() }
                    </svg>
                </div>
                <div class="timeline-axis" aria-hidden="true">
                    { for labels }
                </div>
                </div>
                </div>
                { card.unwrap_or_default() }
                { year_row.unwrap_or_default() }
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

/// Puts `card` under bin `at` of `n`, just below `plot`, moved sideways as far as it
/// takes to stay inside `body` (its containing block): at 360 px a card centred on
/// the first or last bar ran off the screen.
fn place_card(body: &Element, plot: &Element, card: &HtmlElement, at: usize, n: usize) {
    let (body_box, plot_box) = (
        body.get_bounding_client_rect(),
        plot.get_bounding_client_rect(),
    );
    let centre = plot_box.left() + plot_box.width() * (at as f64 + 0.5) / n.max(1) as f64;
    let width = f64::from(card.offset_width());
    let room = body_box.width() - width;
    let left = (centre - body_box.left() - width / 2.0).min(room).max(0.0);
    let top = plot_box.bottom() - body_box.top() + CARD_GAP;
    // Whole pixels: formatting an integer links no float-printing code into the wasm
    // (about 5 KB of gzip for `{:.1}`).
    let style = card.style();
    let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    let _ = style.set_property("top", &format!("{}px", top.round() as i64));
}
