//! The views of the current results, one link each: Articles · Trends ·
//! Concordance · Chronology · Co-occurrence (記事 · 推移 · 用例 · 年表 · 共起).
//!
//! A `<nav>` of real links with `aria-current="page"` on the one shown, rather
//! than an ARIA tablist: each view is a URL (a new tab or a copied link opens it),
//! Tab and Enter work as on any link, and nothing has to emulate tab semantics.
//! The row wraps instead of scrolling, so it fits a 360 px column.

use yew::prelude::*;

use super::masthead::plain_click;
use super::{use_dispatch, use_shared};
use crate::i18n::Texts;
use crate::route;
use crate::state::{Action, State, View};

#[derive(Properties, PartialEq)]
pub struct ViewSwitcherProps {
    /// The current view (for the links' other parameters).
    pub view: std::rc::Rc<State>,
}

/// A view's label.
pub fn view_name(texts: &Texts, view: View) -> &'static str {
    match view {
        View::Articles => texts.view_articles,
        View::Trends => texts.view_trends,
        View::Concordance => texts.view_concordance,
        View::Chronology => texts.view_chronology,
        View::Cooccurrence => texts.view_cooccurrence,
    }
}

#[component]
pub fn ViewSwitcher(props: &ViewSwitcherProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let links = View::ALL.into_iter().map(|view| {
        let current = props.view.view == view;
        let href = route::encode(&State {
            view,
            article: None,
            occurrence: None,
            ..(*props.view).clone()
        });
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            if plain_click(&event) {
                event.prevent_default();
                dispatch.emit(Action::SetView(view));
            }
        });
        html! {
            <li>
                <a
                    class="view-link"
                    data-view={view.key()}
                    {href}
                    {onclick}
                    aria-current={current.then_some("page")}
                >
                    { view_name(texts, view) }
                </a>
            </li>
        }
    });
    html! {
        <nav class="view-switcher" aria-label={texts.views}>
            <ul>{ for links }</ul>
        </nav>
    }
}
