//! The trends view: up to four queries compared over time, on the timeline's axis
//! (years, months or days by span), under the view's filters and date range.
//!
//! Drawn as an SVG line chart built from yew elements (no `style` attributes: the
//! CSP forbids them; colours and dashes come from classes). Long runs of bins
//! without any article (this corpus: 2014–2022) are drawn as one narrow break
//! instead of a flat stretch, so 2013 and 2023–2025 both stay readable; lines do
//! not cross a break. Numbers are exact and shown on hover or focus (←/→ pick a
//! period, ↑/↓ a series, Enter shows its articles), and a table below gives every
//! number with a link to the articles, for screen readers and for copying.
//!
//! The measure is matching articles per bin, or their share of the bin's articles
//! (per mille, integer arithmetic: no float formatting in the wasm).

use std::rc::Rc;

use kiroku_core::timeline::Granularity;
use kiroku_core::trends::{TrendBin, Trends as Chart};
use kiroku_core::{Date, Index};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::hooks::search::request;
use crate::i18n::{text_lang, Lang};
use crate::state::{Action, Measure, State, MAX_SERIES};

/// Width of one column (a bin, or a break) and the plot's height, in SVG units.
const COLUMN: u32 = 100;
const PLOT_HEIGHT: u32 = 1000;

#[derive(Properties, PartialEq)]
pub struct TrendsProps {
    pub view: Rc<State>,
}

/// One column of the chart: a bin, or a run of bins without articles.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Column {
    Bin(usize),
    Break(usize, usize),
}

/// The columns for `bins`: every bin, except runs of two or more without any
/// article, each of which becomes one break.
fn columns(chart: &Chart) -> Vec<Column> {
    let stretches = chart.empty_stretches();
    let mut columns = Vec::with_capacity(chart.bins.len());
    let mut i = 0;
    while i < chart.bins.len() {
        match stretches.iter().find(|s| s.start == i) {
            Some(stretch) => {
                columns.push(Column::Break(stretch.start, stretch.end - 1));
                i = stretch.end.max(i + 1);
            }
            None => {
                columns.push(Column::Bin(i));
                i += 1;
            }
        }
    }
    columns
}

/// A value to plot and to say: a count, or a share in per mille of the bin's
/// articles (`None` where the bin has none).
fn value(chart: &Chart, measure: Measure, series: Option<usize>, bin: usize) -> Option<u32> {
    let bin_info = chart.bins.get(bin)?;
    let count = match series {
        Some(s) => *chart.series.get(s)?.counts.get(bin)?,
        None => bin_info.articles,
    };
    match measure {
        Measure::Articles => Some(u32::try_from(count).unwrap_or(u32::MAX)),
        Measure::Share => (bin_info.articles > 0).then(|| {
            let per_mille = (count * 1000 + bin_info.articles / 2) / bin_info.articles;
            u32::try_from(per_mille).unwrap_or(1000)
        }),
    }
}

/// `123` per mille as `12.3%`.
pub fn percent(per_mille: u32) -> String {
    format!("{}.{}%", per_mille / 10, per_mille % 10)
}

/// A bin's name, long (the readout, the table) or short (the axis).
fn bin_label(lang: Lang, granularity: Granularity, bin: &TrendBin, long: bool) -> String {
    match (granularity, long) {
        (Granularity::Year, false) => bin.start.year.to_string(),
        (Granularity::Year, true) => lang.year(bin.start.year),
        (Granularity::Month, false) => format!("{}/{}", bin.start.year, bin.start.month),
        (Granularity::Month, true) => lang.month(bin.start.year, bin.start.month),
        (Granularity::Day, false) => format!("{}/{}", bin.start.month, bin.start.day),
        (Granularity::Day, true) => lang.date(bin.start),
    }
}

/// What one point says: `ベネズエラ: 3件 (42.9%)`.
fn point_text(lang: Lang, count: usize, articles: usize) -> String {
    let share = (articles > 0).then(|| {
        let per_mille = (count * 1000 + articles / 2) / articles;
        percent(u32::try_from(per_mille).unwrap_or(1000))
    });
    match share {
        Some(share) => format!("{} ({share})", lang.articles(count)),
        None => lang.articles(count),
    }
}

#[component]
pub fn Trends(props: &TrendsProps) -> Html {
    let shared = use_shared();
    let lang = shared.as_ref().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let index: Option<Rc<Index<'static>>> = shared.as_ref().map(|s| s.index.clone());
    let queries: Vec<String> = props
        .view
        .series()
        .into_iter()
        .filter(|q| !q.trim().is_empty())
        .collect();
    let chart = use_memo(
        (
            index.as_ref().map(Rc::as_ptr),
            request(&props.view, 0),
            queries.clone(),
        ),
        move |(_, request, queries)| {
            index
                .map(|index| index.trends(request, queries))
                .unwrap_or_else(|| Chart {
                    granularity: Granularity::Year,
                    bins: Vec::new(),
                    series: Vec::new(),
                })
        },
    );
    // (column, series) under the pointer or the keyboard; series `None` is the
    // "all articles" line drawn when no query is charted.
    let cursor = use_state_eq(|| None::<(usize, usize)>);
    let plot_ref = use_node_ref();
    let input_ref = use_node_ref();

    let measure = props.view.measure;
    let columns = Rc::new(columns(&chart));
    let n_columns = columns.len();
    // The lines drawn: the compared queries, or every article when none is.
    let lines: Vec<Option<usize>> = if chart.series.is_empty() {
        vec![None]
    } else {
        (0..chart.series.len()).map(Some).collect()
    };
    let n_lines = lines.len();

    let max = columns
        .iter()
        .filter_map(|c| match c {
            Column::Bin(b) => Some(*b),
            Column::Break(..) => None,
        })
        .flat_map(|b| {
            let chart = &chart;
            lines
                .iter()
                .filter_map(move |&s| value(chart, measure, s, b))
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let y = move |v: u32| {
        PLOT_HEIGHT - (u64::from(v) * u64::from(PLOT_HEIGHT) * 9 / 10 / u64::from(max)) as u32
    };
    let x = |column: usize| column as u32 * COLUMN + COLUMN / 2;

    // Period and series of a column, for the click and the keys.
    let show = {
        let chart = chart.clone();
        let columns = columns.clone();
        let dispatch = dispatch.clone();
        Rc::new(move |column: usize, line: usize| {
            let Some(Column::Bin(bin)) = columns.get(column).copied() else {
                return;
            };
            let Some(bin) = chart.bins.get(bin) else {
                return;
            };
            let query = chart
                .series
                .get(line)
                .map(|s| s.query.clone())
                .unwrap_or_default();
            dispatch.emit(Action::ShowPeriod(query, bin.start, bin.end));
        })
    };
    let column_at =
        move |plot: &Element, client_x: i32| super::timeline::bin_at(plot, client_x, n_columns);
    // The line nearest the pointer's height in that column.
    let nearest_line = {
        let chart = chart.clone();
        let columns = columns.clone();
        let lines = lines.clone();
        move |plot: &Element, column: usize, client_y: i32| -> usize {
            let Some(Column::Bin(bin)) = columns.get(column).copied() else {
                return 0;
            };
            let rect = plot.get_bounding_client_rect();
            if rect.height() <= 0.0 {
                return 0;
            }
            let at = ((f64::from(client_y) - rect.top()) / rect.height() * f64::from(PLOT_HEIGHT))
                as i64;
            (0..lines.len())
                .min_by_key(|&l| {
                    value(&chart, measure, lines[l], bin)
                        .map_or(i64::MAX, |v| (i64::from(y(v)) - at).abs())
                })
                .unwrap_or(0)
        }
    };
    let onpointermove = {
        let (cursor, plot_ref, nearest_line) =
            (cursor.clone(), plot_ref.clone(), nearest_line.clone());
        Callback::from(move |event: PointerEvent| {
            if let Some(plot) = plot_ref.cast::<Element>() {
                let column = column_at(&plot, event.client_x());
                cursor.set(Some((
                    column,
                    nearest_line(&plot, column, event.client_y()),
                )));
            }
        })
    };
    let onpointerleave = {
        let cursor = cursor.clone();
        Callback::from(move |_: PointerEvent| cursor.set(None))
    };
    let onclick = {
        let (plot_ref, show) = (plot_ref.clone(), show.clone());
        Callback::from(move |event: MouseEvent| {
            if let Some(plot) = plot_ref.cast::<Element>() {
                let column = column_at(&plot, event.client_x());
                show(column, nearest_line(&plot, column, event.client_y()));
            }
        })
    };
    let onkeydown = {
        let (cursor, show, columns) = (cursor.clone(), show.clone(), columns.clone());
        Callback::from(move |event: KeyboardEvent| {
            if n_columns == 0 {
                return;
            }
            let (column, line) = cursor.unwrap_or((n_columns - 1, 0));
            let next = match event.key().as_str() {
                "ArrowLeft" => (column.saturating_sub(1), line),
                "ArrowRight" => ((column + 1).min(n_columns - 1), line),
                "ArrowUp" => (column, line.saturating_sub(1)),
                "ArrowDown" => (column, (line + 1).min(n_lines - 1)),
                "Home" => (0, line),
                "End" => (n_columns - 1, line),
                "Enter" | " " => {
                    if matches!(columns.get(column), Some(Column::Bin(_))) {
                        show(column, line);
                    }
                    (column, line)
                }
                _ => return,
            };
            event.prevent_default();
            event.stop_propagation();
            cursor.set(Some(next));
        })
    };
    let onfocus = {
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| {
            if cursor.is_none() && n_columns > 0 {
                cursor.set(Some((n_columns - 1, 0)));
            }
        })
    };
    let onblur = {
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| cursor.set(None))
    };

    // Controls: the series with their colours and × buttons, the add form, the measure.
    let on_add = {
        let (dispatch, input_ref) = (dispatch.clone(), input_ref.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                dispatch.emit(Action::AddSeries(input.value()));
                input.set_value("");
            }
        })
    };
    let full = props.view.compare.len() >= MAX_SERIES;
    let legend = lines.iter().enumerate().map(|(l, &series)| {
        let name = series
            .and_then(|s| chart.series.get(s))
            .map(|s| s.query.clone())
            .unwrap_or_else(|| texts.series_all.to_string());
        let total = series
            .and_then(|s| chart.series.get(s))
            .map_or_else(|| chart.bins.iter().map(|b| b.articles).sum(), |s| s.total);
        let removable = series.is_some() && !props.view.compare.is_empty();
        let at = props.view.compare.iter().position(|q| *q == name);
        html! {
            <li class={format!("series series-{}", l + 1)}>
                <span class="series-swatch" aria-hidden="true"></span>
                <span class="series-name" lang={text_lang(&name)}>{ name.clone() }</span>
                <span class="series-total">{ lang.articles(total) }</span>
                if let (true, Some(at)) = (removable, at) {
                    <button
                        type="button"
                        class="series-remove"
                        aria-label={lang.remove_series(&name)}
                        title={lang.remove_series(&name)}
                        onclick={dispatch.reform(move |_| Action::RemoveSeries(at))}
                    >
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                }
            </li>
        }
    });
    let measure_button = |m: Measure, label: &'static str| {
        html! {
            <button
                type="button"
                class="measure"
                aria-pressed={(measure == m).to_string()}
                onclick={dispatch.reform(move |_| Action::SetMeasure(m))}
            >
                { label }
            </button>
        }
    };

    // The chart: breaks, then each line's segments (broken at breaks and at bins
    // without a value), then the points.
    let width = n_columns as u32 * COLUMN;
    let bands = columns.iter().enumerate().filter_map(|(c, column)| match column {
        Column::Break(..) => Some(html! {
            <rect class="trend-break" x={(c as u32 * COLUMN).to_string()} y="0" width={COLUMN.to_string()} height={PLOT_HEIGHT.to_string()} />
        }),
        Column::Bin(_) => None,
    });
    let cursor_band = cursor.and_then(|(c, _)| {
        matches!(columns.get(c), Some(Column::Bin(_))).then(|| html! {
            <rect class="trend-cursor" x={(c as u32 * COLUMN).to_string()} y="0" width={COLUMN.to_string()} height={PLOT_HEIGHT.to_string()} />
        })
    });
    let series_paths = lines.iter().enumerate().map(|(l, &series)| {
        let mut paths: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut points: Vec<Html> = Vec::new();
        for (c, column) in columns.iter().enumerate() {
            let point = match column {
                Column::Bin(b) => value(&chart, measure, series, *b),
                Column::Break(..) => None,
            };
            match point {
                Some(v) => {
                    let (px, py) = (x(c), y(v));
                    current.push_str(&format!("{}{px} {py}", if current.is_empty() { "M" } else { " L" }));
                    let active = *cursor == Some((c, l));
                    points.push(html! {
                        <line
                            class={if active { "trend-point active" } else { "trend-point" }}
                            x1={px.to_string()} y1={py.to_string()} x2={px.to_string()} y2={py.to_string()}
                        />
                    });
                }
                None => {
                    if !current.is_empty() {
                        paths.push(std::mem::take(&mut current));
                    }
                }
            }
        }
        if !current.is_empty() {
            paths.push(current);
        }
        html! {
            <g class={format!("series-{}", l + 1)}>
                { for paths.into_iter().map(|d| html! { <path class="trend-line" {d} /> }) }
                { for points }
            </g>
        }
    });
    let axis = columns.iter().map(|column| {
        let text = match *column {
            Column::Bin(b) => chart
                .bins
                .get(b)
                .map(|bin| bin_label(lang, chart.granularity, bin, false))
                .unwrap_or_default(),
            Column::Break(..) => "⋯".to_string(),
        };
        html! { <span class={if matches!(column, Column::Break(..)) { "axis-label break" } else { "axis-label" }}>{ text }</span> }
    });

    // The readout: what the cursor's period holds, every line.
    let readout = cursor.and_then(|(c, line)| {
        let column = columns.get(c)?;
        let text = match *column {
            Column::Break(first, last) => {
                let (first, last) = (chart.bins.get(first)?, chart.bins.get(last)?);
                format!(
                    "{}: {}",
                    lang.range(Some(first.start), Some(last.end)),
                    lang.articles(0)
                )
            }
            Column::Bin(b) => {
                let bin = chart.bins.get(b)?;
                let mut parts = vec![format!(
                    "{} ({})",
                    bin_label(lang, chart.granularity, bin, true),
                    lang.articles(bin.articles)
                )];
                for (l, &series) in lines.iter().enumerate() {
                    if let Some(s) = series.and_then(|s| chart.series.get(s)) {
                        let count = s.counts.get(b).copied().unwrap_or(0);
                        let marker = if l == line { "▸ " } else { "" };
                        parts.push(format!(
                            "{marker}{}: {}",
                            s.query,
                            point_text(lang, count, bin.articles)
                        ));
                    }
                }
                parts.join(" · ")
            }
        };
        Some(text)
    });

    // The table: every period with articles, every series, each count a link to
    // its articles.
    let table_rows = chart
        .bins
        .iter()
        .enumerate()
        .filter(|(_, b)| b.articles > 0)
        .map(|(b, bin)| {
            let cells = chart.series.iter().map(|s| {
                let count = s.counts.get(b).copied().unwrap_or(0);
                let (query, from, to) = (s.query.clone(), bin.start, bin.end);
                let onclick = dispatch.reform(move |_| Action::ShowPeriod(query.clone(), from, to));
                html! {
                    <td>
                        if count > 0 {
                            <button type="button" class="link-button trend-count" {onclick}>
                                { point_text(lang, count, bin.articles) }
                            </button>
                        } else {
                            { point_text(lang, 0, bin.articles) }
                        }
                    </td>
                }
            });
            html! {
                <tr>
                    <th scope="row">{ bin_label(lang, chart.granularity, bin, true) }</th>
                    { for cells }
                    <td>{ bin.articles.to_string() }</td>
                </tr>
            }
        });

    html! {
        <section class="trends view-body" aria-labelledby="trends-heading">
            <div class="trends-head">
                <h2 id="trends-heading">{ texts.view_trends }</h2>
                <div class="measures" role="group" aria-label={texts.trends_measure}>
                    { measure_button(Measure::Articles, texts.measure_articles) }
                    { measure_button(Measure::Share, texts.measure_share) }
                </div>
            </div>
            <ul class="series-list">{ for legend }</ul>
            <form class="series-add" onsubmit={on_add}>
                <label for="series-input">{ texts.series_add }</label>
                <input ref={input_ref} id="series-input" type="search" autocomplete="off" disabled={full} />
                <button type="submit" class="button" disabled={full}>{ texts.series_add_button }</button>
                if full {
                    <span class="series-full">{ texts.trends_full }</span>
                }
            </form>
            if n_columns > 0 {
                <div
                    ref={plot_ref}
                    class="trends-plot"
                    tabindex="0"
                    role="group"
                    aria-label={texts.view_trends}
                    aria-describedby="trends-hint"
                    {onpointermove}
                    {onpointerleave}
                    {onclick}
                    {onkeydown}
                    onfocusin={onfocus}
                    onfocusout={onblur}
                >
                    <svg viewBox={format!("0 0 {width} {PLOT_HEIGHT}")} preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        { for bands }
                        { cursor_band.unwrap_or_default() }
                        <line class="baseline" x1="0" y1={PLOT_HEIGHT.to_string()} x2={width.to_string()} y2={PLOT_HEIGHT.to_string()} />
                        { for series_paths }
                    </svg>
                </div>
                <div class="timeline-axis trends-axis" aria-hidden="true">{ for axis }</div>
                <p class="trends-readout" aria-live="polite">{ readout.unwrap_or_default() }</p>
                <p class="timeline-hint" id="trends-hint">{ texts.trends_hint }</p>
                <table class="trends-table">
                    <caption>{ texts.trends_table }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ texts.trends_period }</th>
                            { for chart.series.iter().map(|s| html! { <th scope="col" lang={text_lang(&s.query)}>{ s.query.clone() }</th> }) }
                            <th scope="col">{ texts.series_all }</th>
                        </tr>
                    </thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            }
        </section>
    }
}

/// A period's dates, for tests and the export: `(start, end)` of bin `b`.
pub fn period(chart: &Chart, b: usize) -> Option<(Date, Date)> {
    chart.bins.get(b).map(|bin| (bin.start, bin.end))
}
