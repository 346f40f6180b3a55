//! The view state and its reducer: everything the URL hash carries, nothing else.
//!
//! `State` is what a shared link reproduces (query, filters, date range, sort, open
//! article); [`crate::route`] is its serialized form. Results are *derived* from it
//! and the index, never stored here. Actions that change nothing return the same
//! `Rc`, so yew skips the re-render and the URL is not rewritten.
//!
//! ```
//! use std::rc::Rc;
//! use kiroku::state::{Action, State};
//! use yew::Reducible;
//! let state = Rc::new(State::default()).reduce(Action::ToggleYear(2025));
//! assert_eq!(state.years, [2025]);
//! assert!(state.reduce(Action::ToggleYear(2025)).years.is_empty());
//! ```

use std::rc::Rc;

use kiroku_core::{Date, Sort};
use yew::Reducible;

/// The whole view, as a link reproduces it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// The query as typed (the core's query language).
    pub query: String,
    /// Selected entities (canonical names), in the order they were picked.
    pub entities: Vec<String>,
    /// Selected publication years, ascending.
    pub years: Vec<i32>,
    /// Inclusive publication date range (timeline brush or bin).
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub sort: Sort,
    /// The article open in the reader, by its corpus id.
    pub article: Option<String>,
    /// Compact chrome-less view for `<iframe>` embeds.
    pub embed: bool,
}

impl State {
    /// True when any filter (entities, years, date range) narrows the results.
    pub fn has_filters(&self) -> bool {
        !self.entities.is_empty()
            || !self.years.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// Drops what this corpus does not know (entities outside the gazetteer, an
    /// article id that no article has): a link from another corpus or a hand-edited
    /// URL degrades to the nearest valid view instead of an empty one.
    pub fn retain_known(
        mut self,
        is_entity: impl Fn(&str) -> bool,
        is_article: impl Fn(&str) -> bool,
    ) -> State {
        self.entities.retain(|name| is_entity(name));
        if self.article.as_deref().is_some_and(|id| !is_article(id)) {
            self.article = None;
        }
        self
    }
}

/// How an action should be recorded in the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry, so Back undoes it (discrete actions: a facet, a sort, opening).
    Push,
    /// Overwrite the current entry (typing: one entry per search, not per key).
    Replace,
}

/// Everything that can change the view.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The (debounced) search text, as typed.
    SetQuery(String),
    /// A search picked as a whole (a suggestion): recorded as its own history entry.
    Search(String),
    ClearQuery,
    ToggleEntity(String),
    /// Filters to one entity and closes the reader (an entity chip in an article).
    ShowEntity(String),
    ToggleYear(i32),
    /// A date range from the timeline (a bin click or a brush); `None` ends are open.
    SetRange(Option<Date>, Option<Date>),
    ClearRange,
    /// Drops entities, years and the date range, keeping the query.
    ClearFilters,
    SetSort(Sort),
    Open(String),
    Close,
    /// Back to the start: no query, no filters, no article.
    Reset,
    /// The URL changed from outside (Back/Forward, a pasted link): adopt its state.
    Sync(State),
}

impl Action {
    pub fn history_mode(&self) -> HistoryMode {
        match self {
            Action::SetQuery(_) | Action::Sync(_) => HistoryMode::Replace,
            _ => HistoryMode::Push,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetQuery(query) | Action::Search(query) => next.query = query,
            Action::ClearQuery => next.query.clear(),
            Action::ToggleEntity(name) => {
                if let Some(at) = next.entities.iter().position(|e| *e == name) {
                    next.entities.remove(at);
                } else if !name.is_empty() {
                    next.entities.push(name);
                }
            }
            Action::ShowEntity(name) => {
                if !name.is_empty() && !next.entities.contains(&name) {
                    next.entities.push(name);
                }
                next.article = None;
            }
            Action::ToggleYear(year) => match next.years.binary_search(&year) {
                Ok(at) => {
                    next.years.remove(at);
                }
                Err(at) => next.years.insert(at, year),
            },
            Action::SetRange(from, to) => {
                // A brush dragged right-to-left is still a range.
                let (from, to) = match (from, to) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    range => range,
                };
                next.from = from;
                next.to = to;
            }
            Action::ClearRange => {
                next.from = None;
                next.to = None;
            }
            Action::ClearFilters => {
                next.entities.clear();
                next.years.clear();
                next.from = None;
                next.to = None;
            }
            Action::SetSort(sort) => next.sort = sort,
            Action::Open(id) => next.article = Some(id),
            Action::Close => next.article = None,
            Action::Reset => {
                next = State {
                    embed: next.embed,
                    ..State::default()
                }
            }
            Action::Sync(state) => next = state,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
