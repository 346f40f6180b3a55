//! The reducer, natively: each case is a list of actions and the URL of the state
//! they lead to (the URL is the state's compact, readable form), and what the
//! browser history holds after a sequence of actions and renders.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kiroku::route;
use kiroku::state::{Action, HistoryMode, Measure, Model, State, View};
use kiroku_core::{Date, KwicSort, Sort};
use yew::Reducible;

fn model(hash: &str) -> Rc<Model> {
    Rc::new(Model::new(
        route::decode(hash),
        Default::default(),
        Default::default(),
    ))
}

fn date(s: &str) -> Date {
    s.parse().expect("a YYYY-MM-DD date")
}

fn run(start: &str, actions: Vec<Action>) -> Rc<Model> {
    actions
        .into_iter()
        .fold(model(start), |model, action| model.reduce(action))
}

#[track_caller]
fn check(start: &str, actions: Vec<Action>, expect: &str) {
    let model = run(start, actions);
    assert_eq!(route::encode(&model.view), expect, "{model:?}");
}

#[test]
fn actions_lead_to_states() {
    use Action::*;
    check(
        "",
        vec![SetQuery("マドゥロ".into())],
        "#/?q=%E3%83%9E%E3%83%89%E3%82%A5%E3%83%AD",
    );
    check("#/?q=x", vec![ClearQuery], "#/");
    check("", vec![Search("usdt".into())], "#/?q=usdt");
    check(
        "",
        vec![ToggleEntity("a".into()), ToggleEntity("b".into())],
        "#/?e=a&e=b",
    );
    check("#/?e=a&e=b", vec![ToggleEntity("a".into())], "#/?e=b");
    check("", vec![ToggleEntity(String::new())], "#/");
    check(
        "",
        vec![ToggleYear(2025), ToggleYear(2013)],
        "#/?y=2013&y=2025",
    );
    check("#/?y=2013&y=2025", vec![ToggleYear(2013)], "#/?y=2025");
    check(
        "",
        vec![SetRange(Some(date("2025-12-31")), Some(date("2025-01-01")))],
        "#/?from=2025-01-01&to=2025-12-31",
    );
    check(
        "",
        vec![SetRange(None, Some(date("2020-02-29")))],
        "#/?to=2020-02-29",
    );
    check("#/?from=2025-01-01&to=2025-12-31", vec![ClearRange], "#/");
    check(
        "#/?q=x&e=a&y=2025&from=2025-01-01&sort=old",
        vec![ClearFilters],
        "#/?q=x&sort=old",
    );
    check("", vec![SetSort(Sort::Newest)], "#/?sort=new");
    check("#/?sort=new", vec![SetSort(Sort::Relevance)], "#/");
    check("#/?q=x", vec![Open("id1".into())], "#/?q=x&a=id1");
    check("#/?q=x&a=id1", vec![Close], "#/?q=x");
    check("#/?q=x&a=id1", vec![ShowEntity("a".into())], "#/?q=x&e=a");
    check("#/?e=a&a=id1", vec![ShowEntity("a".into())], "#/?e=a");
    check("#/?q=x&e=a&y=2025&a=z&embed=1", vec![Reset], "#/?embed=1");
    check(
        "#/?q=x",
        vec![Sync(route::decode("#/?y=2024"))],
        "#/?y=2024",
    );
}

#[test]
fn view_actions_lead_to_states() {
    use Action::*;
    check("#/?q=x", vec![SetView(View::Trends)], "#/?q=x&v=trends");
    check("#/?q=x&v=kwic", vec![SetView(View::Articles)], "#/?q=x");
    // The reader keeps the view it was opened from: closing returns to it.
    check(
        "#/?q=x&v=kwic",
        vec![OpenAt("id".into(), 3)],
        "#/?q=x&v=kwic&a=id&m=3",
    );
    check("#/?q=x&v=kwic&a=id&m=3", vec![Close], "#/?q=x&v=kwic");
    check(
        "#/?q=x&a=id&m=3",
        vec![ShowOccurrence(4)],
        "#/?q=x&a=id&m=4",
    );
    check("#/?q=x&a=id&m=3", vec![Open("id2".into())], "#/?q=x&a=id2");
    check("#/?q=x", vec![ShowOccurrence(2)], "#/?q=x");
    check(
        "#/?q=x&a=id",
        vec![OpenAt("id".into(), 0)],
        "#/?q=x&a=id&m=1",
    );
    // The first added query keeps the charted query as the first series.
    check(
        "#/?q=x&v=trends",
        vec![AddSeries(" y ".into())],
        "#/?q=x&c=x&c=y&v=trends",
    );
    check(
        "#/?v=trends",
        vec![
            AddSeries("a".into()),
            AddSeries("a".into()),
            AddSeries("".into()),
        ],
        "#/?c=a&v=trends",
    );
    check(
        "#/?c=a&c=b&c=c&c=d",
        vec![AddSeries("e".into())],
        "#/?c=a&c=b&c=c&c=d",
    );
    check("#/?c=a&c=b", vec![RemoveSeries(0)], "#/?c=b");
    check("#/?c=a&c=b", vec![RemoveSeries(7)], "#/?c=a&c=b");
    check(
        "#/?v=trends",
        vec![SetMeasure(Measure::Share)],
        "#/?v=trends&tm=share",
    );
    check(
        "#/?v=kwic",
        vec![SetLineSort(KwicSort::Left)],
        "#/?v=kwic&ks=left",
    );
    check(
        "#/?q=x&c=a&c=b&v=trends",
        vec![ShowPeriod(
            "b".into(),
            date("2025-12-31"),
            date("2025-01-01"),
        )],
        "#/?q=b&c=a&c=b&from=2025-01-01&to=2025-12-31",
    );
    // A pair keeps the query and the entity filter, and requires both.
    check(
        "#/?q=x&e=a&v=cooccurrence",
        vec![ShowPair("a".into(), "b".into())],
        "#/?q=x&e=a&b=a&b=b",
    );
    check(
        "#/?b=a&b=b&v=cooccurrence",
        vec![ShowPair("b".into(), "c".into())],
        "#/?b=a&b=b&b=c",
    );
    check(
        "#/?q=x&b=a&b=b&y=2025",
        vec![ClearTogether],
        "#/?q=x&y=2025",
    );
    check("#/?b=a&b=b&e=c", vec![ClearFilters], "#/");
}

#[test]
fn a_new_view_or_line_order_starts_again_at_one_page() {
    let more = run("#/?q=x&v=kwic", vec![Action::ShowMore]);
    assert_eq!(more.pages, 2);
    assert_eq!(
        more.clone()
            .reduce(Action::SetLineSort(KwicSort::Right))
            .pages,
        1
    );
    assert_eq!(
        more.clone().reduce(Action::SetView(View::Articles)).pages,
        1
    );
    assert_eq!(more.reduce(Action::OpenAt("a".into(), 2)).pages, 2);
}

#[test]
fn switching_views_pushes_and_stepping_through_matches_replaces() {
    let mut browser = Browser::open("#/?q=x");
    browser.dispatch([Action::SetView(View::Concordance)]);
    browser.dispatch([Action::OpenAt("a".into(), 2)]);
    browser.dispatch([Action::ShowOccurrence(3)]);
    browser.dispatch([Action::ShowOccurrence(4)]);
    assert_eq!(
        browser.history(),
        ["#/?q=x", "#/?q=x&v=kwic", "#/?q=x&v=kwic&a=a&m=4"]
    );
    assert_eq!(browser.back(), "#/?q=x&v=kwic", "Back leaves the article");
    assert_eq!(browser.model.view.view, View::Concordance);
    assert_eq!(browser.back(), "#/?q=x", "then returns to the list");
    assert_eq!(browser.model.view.view, View::Articles);
}

#[test]
fn an_action_that_changes_nothing_returns_the_same_model() {
    let start = model("#/?q=x&e=a&sort=new");
    for action in [
        Action::SetQuery("x".into()),
        Action::SetSort(Sort::Newest),
        Action::Close,
        Action::ClearRange,
        Action::Sync((*start.view).clone()),
    ] {
        let next = start.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&start, &next), "{action:?} made a new model");
    }
}

#[test]
fn a_new_search_starts_again_at_one_page_and_the_reader_keeps_the_pages() {
    let shown = run("#/?q=x", vec![Action::ShowMore, Action::ShowMore]);
    assert_eq!(shown.pages, 3);
    let read = run(
        "#/?q=x",
        vec![Action::ShowMore, Action::Open("a".into()), Action::Close],
    );
    assert_eq!(read.pages, 2, "back from the reader to the same list");
    let narrowed = run("#/?q=x", vec![Action::ShowMore, Action::ToggleYear(2025)]);
    assert_eq!(narrowed.pages, 1);
}

#[test]
fn language_and_theme_are_not_part_of_the_view() {
    let start = model("#/?q=x");
    let toggled = start
        .clone()
        .reduce(Action::ToggleLang)
        .reduce(Action::ToggleTheme);
    assert_ne!(toggled.lang, start.lang);
    assert_ne!(toggled.theme, start.theme);
    assert!(Rc::ptr_eq(&toggled.view, &start.view));
    assert_eq!(toggled.entry, start.entry, "no history entry");
}

#[test]
fn unknown_entities_are_dropped_and_unknown_articles_kept() {
    // An unknown article stays, so the reader can say that no article has that id.
    let state = route::decode("#/?e=known&e=unknown&a=nope").retain_known(|name| name == "known");
    assert_eq!(route::encode(&state), "#/?e=known&a=nope");
}

/// The browser's session history as the app drives it: what `hooks::url` does
/// after each render (write the view with the mode the model asks for, nothing when
/// the URL already says it), and what Back does (the app adopts the URL: `Sync`).
struct Browser {
    entries: Vec<String>,
    at: usize,
    /// The model entry last written (the URL hook's record).
    written: u64,
    model: Rc<Model>,
}

impl Browser {
    /// Opens the page at `hash` (a shared link, or "" for the bare page), after
    /// `before` (another site) in the tab's history.
    fn open(hash: &str) -> Browser {
        let model = model(hash);
        let mut browser = Browser {
            entries: vec!["(another site)".into(), hash.into()],
            at: 1,
            written: model.entry,
            model,
        };
        browser.render();
        browser
    }

    /// Actions dispatched between two renders.
    fn dispatch(&mut self, actions: impl IntoIterator<Item = Action>) {
        for action in actions {
            self.model = self.model.clone().reduce(action);
        }
        self.render();
    }

    fn render(&mut self) {
        let mode = self.model.history_mode(self.written);
        self.written = self.model.entry;
        let hash = route::encode(&self.model.view);
        if route::decode(&self.entries[self.at]) == *self.model.view {
            return;
        }
        match mode {
            HistoryMode::Push => {
                self.entries.truncate(self.at + 1);
                self.entries.push(hash);
                self.at += 1;
            }
            HistoryMode::Replace => self.entries[self.at] = hash,
        }
    }

    /// Back: the URL of the previous entry, adopted by the app.
    fn back(&mut self) -> &str {
        self.at -= 1;
        if self.at > 0 {
            let view = route::decode(&self.entries[self.at]);
            self.dispatch([Action::Sync(view)]);
        }
        &self.entries[self.at]
    }

    fn history(&self) -> Vec<&str> {
        self.entries[1..].iter().map(String::as_str).collect()
    }
}

fn q(text: &str) -> String {
    route::encode(&State {
        query: text.into(),
        ..State::default()
    })
}

#[test]
fn discrete_actions_push_and_back_undoes_them() {
    let mut browser = Browser::open("");
    browser.dispatch([Action::ToggleYear(2025)]);
    browser.dispatch([Action::Open("a".into())]);
    browser.dispatch([Action::Close]);
    assert_eq!(
        browser.history(),
        ["", "#/?y=2025", "#/?y=2025&a=a", "#/?y=2025"]
    );
    assert_eq!(browser.back(), "#/?y=2025&a=a");
    assert_eq!(browser.model.view.article.as_deref(), Some("a"));
    assert_eq!(browser.back(), "#/?y=2025");
    assert_eq!(browser.history().len(), 4, "Back records nothing");
}

#[test]
fn a_typing_burst_is_one_entry_pushed_by_its_first_keystroke() {
    // A shared link, then three keystrokes (after the search box's pause each).
    let mut browser = Browser::open(&q("米国"));
    for typed in ["米国 制", "米国 制裁", "米国 制裁 "] {
        browser.dispatch([Action::SetQuery(typed.into())]);
    }
    assert_eq!(browser.history(), [q("米国"), q("米国 制裁 ")]);
    assert_eq!(browser.back(), q("米国"), "Back returns to the shared view");
    assert_eq!(browser.model.view.query, "米国");

    // From the bare page too: Back returns to it, not out of the app.
    let mut browser = Browser::open("");
    browser.dispatch([Action::SetQuery("制".into())]);
    browser.dispatch([Action::SetQuery("制裁".into())]);
    assert_eq!(browser.history(), [String::new(), q("制裁")]);
    assert_eq!(browser.back(), "");
    assert_eq!(browser.model.view.query, "");
}

#[test]
fn any_other_action_ends_a_burst_and_the_next_keystroke_starts_one() {
    let mut browser = Browser::open("");
    browser.dispatch([Action::SetQuery("米".into())]);
    browser.dispatch([Action::SetQuery("米国".into())]);
    browser.dispatch([Action::ToggleYear(2025)]);
    browser.dispatch([Action::SetQuery("米国 制裁".into())]);
    browser.dispatch([Action::SetQuery("米国 制裁 ".into())]);
    assert_eq!(
        browser.history(),
        [
            "",
            "#/?q=%E7%B1%B3%E5%9B%BD",
            "#/?q=%E7%B1%B3%E5%9B%BD&y=2025",
            "#/?q=%E7%B1%B3%E5%9B%BD%20%E5%88%B6%E8%A3%81%20&y=2025",
        ]
    );
    // Back (a Sync) ends a burst as well: typing after it starts a new entry.
    browser.back();
    browser.dispatch([Action::SetQuery("米国 石油".into())]);
    assert_eq!(browser.history().len(), 4, "the forward entry is replaced");
    assert_eq!(
        browser.history()[3],
        "#/?q=%E7%B1%B3%E5%9B%BD%20%E7%9F%B3%E6%B2%B9&y=2025"
    );
}

#[test]
fn no_op_actions_record_nothing_even_twice_before_a_render() {
    let mut browser = Browser::open("#/?q=x");
    // Typing, then twice an action that changes nothing, then more typing: the
    // burst goes on in its entry (a no-op does not end it, nor push).
    browser.dispatch([Action::SetQuery("xy".into())]);
    browser.dispatch([Action::Close, Action::Close]);
    browser.dispatch([Action::ClearRange, Action::SetSort(Sort::Relevance)]);
    browser.dispatch([Action::SetQuery("xyz".into())]);
    assert_eq!(browser.history(), ["#/?q=x", "#/?q=xyz"]);

    // The same action twice before a render: the second sees the first's result
    // (the reducer judges against the latest model), so one entry.
    browser.dispatch([
        Action::ToggleEntity("a".into()),
        Action::ToggleEntity("b".into()),
    ]);
    browser.dispatch([Action::Open("id".into()), Action::Open("id".into())]);
    assert_eq!(
        browser.history(),
        [
            "#/?q=x",
            "#/?q=xyz",
            "#/?q=xyz&e=a&e=b",
            "#/?q=xyz&e=a&e=b&a=id"
        ]
    );
    // A push and then a keystroke before one render: one pushed entry.
    browser.dispatch([Action::Close, Action::SetQuery("w".into())]);
    assert_eq!(browser.history().len(), 5);
    assert_eq!(browser.history()[4], "#/?q=w&e=a&e=b");
}

#[test]
fn which_actions_start_an_entry() {
    let start = model("#/?q=x&b=p&b=q");
    let entry = |action: Action| start.clone().reduce(action).entry - start.entry;
    for action in [
        Action::Search("y".into()),
        Action::ClearQuery,
        Action::ToggleEntity("a".into()),
        Action::ShowEntity("a".into()),
        Action::ToggleYear(2025),
        Action::SetRange(None, Some(Date::new(2025, 1, 1).unwrap())),
        Action::SetSort(Sort::Oldest),
        Action::Open("a".into()),
        Action::Reset,
        Action::SetView(View::Trends),
        Action::AddSeries("y".into()),
        Action::SetMeasure(Measure::Share),
        Action::SetLineSort(KwicSort::Left),
        Action::OpenAt("a".into(), 2),
        Action::ShowPeriod("y".into(), date("2025-01-01"), date("2025-12-31")),
        Action::ShowPair("a".into(), "b".into()),
        Action::ClearTogether,
        // The first keystroke of a burst.
        Action::SetQuery("xy".into()),
    ] {
        assert_eq!(entry(action.clone()), 1, "{action:?} pushes");
    }
    for action in [
        Action::Sync(route::decode("#/?y=2024")),
        Action::ShowMore,
        Action::ToggleLang,
        Action::ToggleTheme,
    ] {
        assert_eq!(entry(action.clone()), 0, "{action:?} records no entry");
    }
    let reading = start.clone().reduce(Action::OpenAt("a".into(), 1));
    assert_eq!(
        reading.clone().reduce(Action::ShowOccurrence(2)).entry,
        reading.entry,
        "the next match replaces"
    );
    let typing = start.reduce(Action::SetQuery("xy".into()));
    let more = typing.clone().reduce(Action::SetQuery("xyz".into()));
    assert_eq!(more.entry, typing.entry, "later keystrokes replace");
}
