//! The reducer, natively: each case is a list of actions and the URL of the state
//! they lead to (the URL is the state's compact, readable form).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use kiroku::route;
use kiroku::state::{Action, HistoryMode, State};
use kiroku_core::{Date, Sort};
use yew::Reducible;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn run(start: &str, actions: Vec<Action>) -> Rc<State> {
    actions
        .into_iter()
        .fold(Rc::new(route::decode(start)), |state, action| {
            state.reduce(action)
        })
}

#[track_caller]
fn check(start: &str, actions: Vec<Action>, expect: &str) {
    let state = run(start, actions);
    assert_eq!(route::encode(&state), expect, "{state:?}");
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
fn an_action_that_changes_nothing_returns_the_same_state() {
    let state = Rc::new(route::decode("#/?q=x&e=a&sort=new"));
    for action in [
        Action::SetQuery("x".into()),
        Action::SetSort(Sort::Newest),
        Action::Close,
        Action::ClearRange,
        Action::Sync((*state).clone()),
    ] {
        let next = state.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&state, &next), "{action:?} made a new state");
    }
}

#[test]
fn typing_replaces_history_and_discrete_actions_push() {
    assert_eq!(
        Action::SetQuery("x".into()).history_mode(),
        HistoryMode::Replace
    );
    assert_eq!(
        Action::Sync(State::default()).history_mode(),
        HistoryMode::Replace
    );
    for action in [
        Action::Search("x".into()),
        Action::ToggleEntity("a".into()),
        Action::ToggleYear(2025),
        Action::SetSort(Sort::Oldest),
        Action::Open("a".into()),
        Action::Close,
        Action::ClearFilters,
    ] {
        assert_eq!(action.history_mode(), HistoryMode::Push, "{action:?}");
    }
}

#[test]
fn unknown_entities_and_articles_are_dropped() {
    let state = route::decode("#/?e=known&e=unknown&a=nope")
        .retain_known(|name| name == "known", |_| false);
    assert_eq!(route::encode(&state), "#/?e=known");
}
