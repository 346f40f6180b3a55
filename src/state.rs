//! The model and its reducer: the view (everything the URL hash carries), how the
//! browser history records it, and the few choices that are not part of a link
//! (language, theme, pages shown). No view code.
//!
//! [`State`] is what a shared link reproduces (query, filters, date range, sort,
//! open article); [`crate::route`] is its serialized form. [`Model`] is what the app's
//! one reducer owns: the view plus everything else decided per action, the history
//! mode included, so the reducer always judges an action against the latest model
//! (two dispatches before a render see each other). Results are *derived* from the
//! view and the index, never stored here. Actions that change nothing return the
//! same `Rc`, so yew skips the re-render and nothing is recorded.
//!
//! ```
//! use std::rc::Rc;
//! use kiroku::state::{Action, Model, State};
//! use yew::Reducible;
//! let model = Rc::new(Model::new(State::default(), Default::default(), Default::default()));
//! let model = model.reduce(Action::ToggleYear(2025));
//! assert_eq!(model.view.years, [2025]);
//! assert_eq!(model.entry, 1); // a new history entry
//! let same = model.clone().reduce(Action::Close); // nothing open: no change
//! assert!(Rc::ptr_eq(&model, &same));
//! ```

use std::rc::Rc;

use kiroku_core::{Date, KwicSort, Sort};
use yew::Reducible;

use crate::i18n::Lang;
use crate::prefs::Theme;

/// Which view of the current results the main column shows. Every view reads the
/// same query, filters and date range; only its presentation differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The ranked list of articles (the start page).
    #[default]
    Articles,
    /// Compared queries counted over time.
    Trends,
    /// Every occurrence of the query's terms in context (keyword in context).
    Concordance,
    /// The dates the articles mention, in the order of the events.
    Chronology,
    /// Which entities appear together.
    Cooccurrence,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Articles,
        View::Trends,
        View::Concordance,
        View::Chronology,
        View::Cooccurrence,
    ];

    /// The view's name in the URL (`v=`); the default view has none.
    pub fn key(self) -> &'static str {
        match self {
            View::Articles => "articles",
            View::Trends => "trends",
            View::Concordance => "kwic",
            View::Chronology => "chronology",
            View::Cooccurrence => "cooccurrence",
        }
    }

    /// The view a URL names; `None` for anything else (ignored, not an error).
    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.key() == key)
    }
}

/// What the trends chart counts per bin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Matching articles.
    #[default]
    Articles,
    /// Matching articles as a share of all the bin's articles (under the filters).
    Share,
}

/// Queries compared in the trends view at most (the core's limit; the legend has
/// as many colours).
pub use kiroku_core::trends::MAX_SERIES;

/// The whole view, as a link reproduces it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// The query as typed (the core's query language).
    pub query: String,
    /// Selected entities (canonical names), in the order they were picked.
    pub entities: Vec<String>,
    /// Entities (canonical names) that must all appear, whatever their kinds: a
    /// co-occurrence pair's "both" (the entity filter ORs one kind's entities).
    pub together: Vec<String>,
    /// Selected publication years, ascending.
    pub years: Vec<i32>,
    /// Inclusive publication date range (timeline brush or bin).
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub sort: Sort,
    /// The article open in the reader, by its corpus id.
    pub article: Option<String>,
    /// The match the reader shows emphasized (1-based, in reading order), e.g. the
    /// occurrence a concordance line stands for.
    pub occurrence: Option<usize>,
    /// Which view of the results the main column shows.
    pub view: View,
    /// The trends view's compared queries (at most [`MAX_SERIES`]); empty, it
    /// charts the query.
    pub compare: Vec<String>,
    /// The trends view's measure.
    pub measure: Measure,
    /// The concordance's line order.
    pub line_sort: KwicSort,
    /// Compact chrome-less view for `<iframe>` embeds.
    pub embed: bool,
}

impl State {
    /// True when any filter (entities, years, date range) narrows the results.
    pub fn has_filters(&self) -> bool {
        !self.entities.is_empty()
            || !self.together.is_empty()
            || !self.years.is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// How many filters are in force (each entity, the entities required
    /// together, each year, a date range).
    pub fn n_filters(&self) -> usize {
        self.entities.len()
            + usize::from(!self.together.is_empty())
            + self.years.len()
            + usize::from(self.from.is_some() || self.to.is_some())
    }

    /// Drops entities this corpus does not know (a link from another corpus or a
    /// hand-edited URL degrades to the nearest valid view instead of an empty one).
    /// An unknown article id stays: the reader says that no article has it, rather
    /// than silently showing the list.
    pub fn retain_known(mut self, is_entity: impl Fn(&str) -> bool) -> State {
        self.entities.retain(|name| is_entity(name));
        self.together.retain(|name| is_entity(name));
        self
    }

    /// The trends view's series: the compared queries, or the query alone.
    pub fn series(&self) -> Vec<String> {
        if self.compare.is_empty() {
            vec![self.query.clone()]
        } else {
            self.compare.clone()
        }
    }

    /// Whether `other` asks for the same search (everything but the open article,
    /// the view's presentation and the embed flag), i.e. shows the same list.
    pub fn same_search(&self, other: &State) -> bool {
        self.query == other.query
            && self.entities == other.entities
            && self.together == other.together
            && self.years == other.years
            && self.from == other.from
            && self.to == other.to
            && self.sort == other.sort
    }

    /// The view after `action`, or `None` when it changes nothing. Actions that are
    /// not about the view (language, theme, paging) change nothing here.
    pub fn apply(&self, action: &Action) -> Option<State> {
        let mut next = self.clone();
        match action {
            Action::SetQuery(query) | Action::Search(query) => next.query = query.clone(),
            Action::ClearQuery => next.query.clear(),
            Action::ToggleEntity(name) => {
                if let Some(at) = next.entities.iter().position(|e| e == name) {
                    next.entities.remove(at);
                } else if !name.is_empty() {
                    next.entities.push(name.clone());
                }
            }
            Action::ShowEntity(name) => {
                if !name.is_empty() && !next.entities.contains(name) {
                    next.entities.push(name.clone());
                }
                next.article = None;
            }
            Action::ToggleYear(year) => match next.years.binary_search(year) {
                Ok(at) => {
                    next.years.remove(at);
                }
                Err(at) => next.years.insert(at, *year),
            },
            Action::SetRange(from, to) => {
                // A brush dragged right-to-left is still a range.
                let (from, to) = match (*from, *to) {
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
            Action::ClearTogether => next.together.clear(),
            Action::ClearFilters => {
                next.entities.clear();
                next.together.clear();
                next.years.clear();
                next.from = None;
                next.to = None;
            }
            Action::SetSort(sort) => next.sort = *sort,
            Action::Open(id) => {
                next.article = Some(id.clone());
                next.occurrence = None;
            }
            Action::OpenAt(id, occurrence) => {
                next.article = Some(id.clone());
                next.occurrence = Some((*occurrence).max(1));
            }
            Action::ShowOccurrence(occurrence) => {
                if next.article.is_some() {
                    next.occurrence = Some((*occurrence).max(1));
                }
            }
            Action::Close => {
                next.article = None;
                next.occurrence = None;
            }
            Action::SetView(view) => next.view = *view,
            Action::AddSeries(query) => {
                let query = query.trim();
                // The chart so far was the query alone: it stays, as the first series.
                if next.compare.is_empty() && !next.query.trim().is_empty() {
                    next.compare.push(next.query.trim().to_string());
                }
                if !query.is_empty()
                    && next.compare.len() < MAX_SERIES
                    && !next.compare.iter().any(|q| q == query)
                {
                    next.compare.push(query.to_string());
                }
            }
            Action::RemoveSeries(at) => {
                if *at < next.compare.len() {
                    next.compare.remove(*at);
                }
            }
            Action::SetMeasure(measure) => next.measure = *measure,
            Action::SetLineSort(sort) => next.line_sort = *sort,
            Action::ShowPeriod(query, from, to) => {
                next.query = query.clone();
                next.from = Some(*from.min(to));
                next.to = Some(*from.max(to));
                next.view = View::Articles;
                next.article = None;
                next.occurrence = None;
            }
            Action::ShowPair(a, b) => {
                for name in [a, b] {
                    if !name.is_empty() && !next.together.contains(name) {
                        next.together.push(name.clone());
                    }
                }
                next.view = View::Articles;
                next.article = None;
                next.occurrence = None;
            }
            Action::Reset => {
                next = State {
                    embed: next.embed,
                    ..State::default()
                }
            }
            Action::Sync(state) => next = state.clone(),
            Action::ShowMore | Action::ToggleLang | Action::ToggleTheme => {}
        }
        (next != *self).then_some(next)
    }
}

/// How a view is written to the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry, so Back undoes it (discrete actions: a facet, a sort, opening;
    /// the first keystroke of a typing burst).
    Push,
    /// Overwrite the current entry (the rest of a typing burst: one entry per
    /// search, not per key; a view adopted from the URL).
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
    /// Opens an article at one of its matches (1-based, reading order): a
    /// concordance line.
    OpenAt(String, usize),
    /// Moves the open article's emphasized match (the reader's next/previous match).
    ShowOccurrence(usize),
    Close,
    /// Switches the view of the results (articles, trends, …).
    SetView(View),
    /// Adds a query to the trends comparison.
    AddSeries(String),
    /// Removes the trends comparison's query at this position.
    RemoveSeries(usize),
    SetMeasure(Measure),
    SetLineSort(KwicSort),
    /// The articles of one query in one period (a point of the trends chart): the
    /// list with that query and date range.
    ShowPeriod(String, Date, Date),
    /// The articles of the current results that mention both entities (a
    /// co-occurrence pair): both join [`State::together`], the query and the
    /// other filters stay.
    ShowPair(String, String),
    /// Drops the entities required together (their chip).
    ClearTogether,
    /// Back to the start: no query, no filters, no article.
    Reset,
    /// The URL changed from outside (Back/Forward, a pasted link): adopt its state.
    Sync(State),
    /// One more page of hits ("show more"); a new search starts again at one.
    ShowMore,
    ToggleLang,
    /// The theme toggle's cycle (system → light → dark).
    ToggleTheme,
}

/// What the app's reducer owns: the view and everything else decided per action.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The view, shared: a new `Rc` only when it changed, so cards and effects keyed
    /// on it compare a pointer.
    pub view: Rc<State>,
    /// The history entry the view belongs to. A change that starts a new entry (a
    /// discrete action, or the first keystroke of a typing burst) counts it up; the
    /// URL hook pushes when it sees a number it has not written yet and replaces
    /// otherwise (see [`Model::history_mode`]).
    pub entry: u64,
    /// Whether the last change was typing ([`Action::SetQuery`]): the next keystroke
    /// then continues the burst in the same entry. Any other change ends it.
    typing: bool,
    /// Pages of hits shown (see `hooks::search::PAGE`).
    pub pages: usize,
    pub lang: Lang,
    pub theme: Theme,
}

impl Model {
    /// The model a visit starts with: `view` (from the URL or the embed options),
    /// one page, and the entry the page was opened on.
    pub fn new(view: State, lang: Lang, theme: Theme) -> Model {
        Model {
            view: Rc::new(view),
            entry: 0,
            typing: false,
            pages: 1,
            lang,
            theme,
        }
    }

    /// How to write the view when `written` is the last entry written: a push for
    /// an entry not written yet, else a replace. Two changes before a render (one
    /// write) that start one entry give one push.
    pub fn history_mode(&self, written: u64) -> HistoryMode {
        if self.entry == written {
            HistoryMode::Replace
        } else {
            HistoryMode::Push
        }
    }
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match &action {
            Action::ToggleLang => next.lang = next.lang.other(),
            Action::ToggleTheme => next.theme = next.theme.next(),
            Action::ShowMore => next.pages += 1,
            _ => {
                let Some(view) = self.view.apply(&action) else {
                    return self;
                };
                if !view.same_search(&self.view)
                    || view.view != self.view.view
                    || view.line_sort != self.view.line_sort
                {
                    next.pages = 1;
                }
                // A Sync comes from the URL, which already has its entry; the first
                // keystroke of a burst, and every discrete action (switching views
                // included: Back returns to the previous view), make a new one.
                // Stepping through an article's matches does not: Back leaves the
                // article instead of walking back through its eleven matches.
                let new_entry = match action {
                    Action::Sync(_) | Action::ShowOccurrence(_) => false,
                    Action::SetQuery(_) => !self.typing,
                    _ => true,
                };
                next.entry += u64::from(new_entry);
                next.view = Rc::new(view);
            }
        }
        next.typing = matches!(action, Action::SetQuery(_));
        Rc::new(next)
    }
}
