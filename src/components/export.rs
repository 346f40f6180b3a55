//! Downloads of what a view shows: the results (CSV, JSON Lines), the concordance,
//! the chronology and the trends table (CSV), built by `kiroku_core::export` from
//! the same request the view renders, and handed to the browser as a file made in
//! the page ([`crate::dom::download`]: a Blob, an object URL, `<a download>`), so
//! it works offline and from `file://`. Files are named by `export::file_name`
//! (the view and the query).

use std::rc::Rc;

use kiroku_core::export::{self, ViewKind};
use kiroku_core::Index;
use yew::prelude::*;

use super::concordance::CONTEXT_CHARS;
use super::use_shared;
use crate::hooks::search::request;
use crate::i18n::Lang;
use crate::state::State;

/// One download a view offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    ResultsCsv,
    ResultsJsonLines,
    Concordance,
    Chronology,
    Trends,
}

impl Export {
    /// Its name in the page (`data-export`), for tests and styles.
    pub fn key(self) -> &'static str {
        match self {
            Export::ResultsCsv => "results-csv",
            Export::ResultsJsonLines => "results-jsonl",
            Export::Concordance => "concordance",
            Export::Chronology => "chronology",
            Export::Trends => "trends",
        }
    }

    /// The downloads of a view.
    pub fn of(view: crate::state::View) -> &'static [Export] {
        use crate::state::View;
        match view {
            View::Articles => &[Export::ResultsCsv, Export::ResultsJsonLines],
            View::Trends => &[Export::Trends],
            View::Concordance => &[Export::Concordance],
            View::Chronology => &[Export::Chronology],
            View::Cooccurrence => &[],
        }
    }
}

/// The file for `export` of `view`: name, MIME type and content, with entities
/// named as the UI in `lang` shows them.
pub fn file(
    index: &Index<'_>,
    view: &State,
    export: Export,
    lang: Lang,
) -> (String, &'static str, String) {
    const CSV: &str = "text/csv;charset=utf-8";
    let request = request(view, 0);
    let name = |kind: ViewKind, ext: &str| export::file_name(kind, &view.query, ext);
    match export {
        Export::ResultsCsv => (
            name(ViewKind::Results, "csv"),
            CSV,
            export::results(index, &request, lang.tag()).to_csv(),
        ),
        Export::ResultsJsonLines => (
            name(ViewKind::Results, "jsonl"),
            "application/jsonl;charset=utf-8",
            export::results(index, &request, lang.tag()).to_json_lines(),
        ),
        Export::Concordance => {
            let lines =
                index
                    .kwic(&request, view.line_sort)
                    .page(index, 0, usize::MAX, CONTEXT_CHARS);
            (
                name(ViewKind::Concordance, "csv"),
                CSV,
                export::concordance(&lines).to_csv(),
            )
        }
        Export::Chronology => {
            let entries = index.chronology(&request, 0, usize::MAX).entries;
            (
                name(ViewKind::Chronology, "csv"),
                CSV,
                export::chronology(&entries).to_csv(),
            )
        }
        Export::Trends => {
            let queries: Vec<String> = view
                .series()
                .into_iter()
                .filter(|q| !q.trim().is_empty())
                .collect();
            let chart = index.trends(&request, &queries);
            (
                name(ViewKind::Trends, "csv"),
                CSV,
                export::trends(&chart).to_csv(),
            )
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub view: Rc<State>,
}

#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let Some(shared) = use_shared() else {
        return html! {};
    };
    let texts = shared.lang.texts();
    let exports = Export::of(props.view.view);
    if exports.is_empty() {
        return html! {};
    }
    let buttons = exports.iter().map(|&export| {
        let label = match export {
            Export::ResultsCsv => texts.export_results_csv,
            Export::ResultsJsonLines => texts.export_results_jsonl,
            Export::Concordance | Export::Chronology | Export::Trends => texts.export_csv,
        };
        let (index, view, lang) = (shared.index.clone(), props.view.clone(), shared.lang);
        let onclick = Callback::from(move |_: MouseEvent| {
            let (name, mime, content) = file(&index, &view, export, lang);
            crate::dom::download(&name, mime, content.as_bytes());
        });
        html! {
            <button type="button" class="export-button" data-export={export.key()} {onclick}>
                { label }
            </button>
        }
    });
    html! {
        <div class="export" role="group" aria-labelledby="export-label">
            <span id="export-label" class="export-label">{ texts.export }</span>
            { for buttons }
        </div>
    }
}
