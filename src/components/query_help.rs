//! Help for the query language, opened from a button beside the search box: what
//! each operator does, each with an example that runs when clicked.
//!
//! A disclosure (a button with `aria-expanded` and the panel it controls), not a
//! modal: the search box stays usable beside it. Escape closes it and returns focus
//! to the button; running an example closes it too.

use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::state::Action;

/// (example query, what it shows) — the examples search the default corpus's
/// words; the syntax is the same for any corpus.
fn examples(texts: &crate::i18n::Texts) -> [(&'static str, &'static str); 5] {
    [
        ("ベネズエラ 制裁", texts.help_and),
        ("ロシア OR 中国", texts.help_or),
        ("\"ベネズエラ国営石油\"", texts.help_phrase),
        ("ベネズエラ -石油", texts.help_exclude),
        ("まどぅーろ", texts.help_fold),
    ]
}

#[component]
pub fn QueryHelp() -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let open = use_state_eq(|| false);
    let button = use_node_ref();

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_keydown = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *open {
                // The app's Escape (clear the search) must not fire as well.
                event.stop_propagation();
                event.prevent_default();
                open.set(false);
                if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    let rows = examples(texts).into_iter().map(|(query, meaning)| {
        let open = open.clone();
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            open.set(false);
            dispatch.emit(Action::Search(query.to_string()));
        });
        html! {
            <li>
                <button type="button" class="help-example" lang="ja" {onclick}>
                    <code>{ query }</code>
                </button>
                <span class="help-meaning">{ meaning }</span>
            </li>
        }
    });
    html! {
        <div class="query-help" onkeydown={on_keydown}>
            <button
                ref={button}
                type="button"
                class="pref help-toggle"
                aria-expanded={(*open).to_string()}
                aria-controls="query-help"
                aria-label={texts.help_toggle}
                title={texts.help_toggle}
                onclick={toggle}
            >
                <span aria-hidden="true">{ "?" }</span>
            </button>
            if *open {
                <section class="help-panel" id="query-help" aria-labelledby="query-help-title">
                    <h2 id="query-help-title">{ texts.help_toggle }</h2>
                    <p>{ texts.help_intro }</p>
                    <ul>{ for rows }</ul>
                </section>
            }
        </div>
    }
}
