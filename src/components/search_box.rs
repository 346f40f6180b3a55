//! The search input: results follow typing after a short pause, but never while an
//! IME composition is open (Japanese is typed through one: the half-converted text
//! is not what the user means to search for).
//!
//! The `<input>` is uncontrolled: yew never writes its value while the user types
//! (rewriting it mid-composition breaks the IME). It is written only when the query
//! changes from outside (Back, a cleared filter, a suggestion).

use std::{cell::RefCell, rc::Rc};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{use_dispatch, use_shared};
use crate::state::Action;

/// Pause after the last keystroke before searching.
pub const DEBOUNCE_MS: u32 = 160;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query in the view state.
    pub value: AttrValue,
    pub total: usize,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let lang = use_shared().map(|s| s.lang).unwrap_or_default();
    let texts = lang.texts();
    let dispatch = use_dispatch();
    let input = use_node_ref();
    let composing = use_mut_ref(|| false);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    // The last query this box sent: a `value` equal to it is our own echo.
    let sent = use_mut_ref(|| props.value.to_string());
    let has_text = use_state_eq(|| !props.value.is_empty());

    {
        let input = input.clone();
        let sent = sent.clone();
        let has_text = has_text.clone();
        let timer = timer.clone();
        use_effect_with(props.value.clone(), move |value| {
            let echo = *sent.borrow() == value.as_str();
            if let Some(element) = input.cast::<HtmlInputElement>() {
                if !echo || (element.value().is_empty() && !value.is_empty()) {
                    timer.borrow_mut().take();
                    element.set_value(value);
                    has_text.set(!value.is_empty());
                }
            }
            *sent.borrow_mut() = value.to_string();
        });
    }

    let send = {
        let sent = sent.clone();
        let dispatch = dispatch.clone();
        Rc::new(move |text: String| {
            *sent.borrow_mut() = text.clone();
            dispatch.emit(Action::SetQuery(text));
        })
    };
    let schedule = {
        let timer = timer.clone();
        let send = send.clone();
        Rc::new(move |text: String| {
            let send = send.clone();
            // Replacing the handle drops (cancels) the previous timeout.
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || send(text)));
        })
    };

    let oninput = {
        let composing = composing.clone();
        let schedule = schedule.clone();
        let has_text = has_text.clone();
        Callback::from(move |event: InputEvent| {
            let element: HtmlInputElement = event.target_unchecked_into();
            has_text.set(!element.value().is_empty());
            if event.is_composing() || *composing.borrow() {
                return;
            }
            schedule(element.value());
        })
    };
    {
        // yew has no composition listeners: attach them to the element directly.
        let input = input.clone();
        let composing = composing.clone();
        let timer = timer.clone();
        let schedule = schedule.clone();
        use_effect_with((), move |_| {
            let listeners = input.cast::<HtmlInputElement>().map(|element| {
                let start = {
                    let composing = composing.clone();
                    EventListener::new(&element, "compositionstart", move |_| {
                        *composing.borrow_mut() = true;
                        timer.borrow_mut().take();
                    })
                };
                let end = {
                    let target = element.clone();
                    EventListener::new(&element, "compositionend", move |_| {
                        *composing.borrow_mut() = false;
                        schedule(target.value());
                    })
                };
                [start, end]
            });
            move || drop(listeners)
        });
    }
    let clear = {
        let input = input.clone();
        let timer = timer.clone();
        let sent = sent.clone();
        let has_text = has_text.clone();
        let dispatch = dispatch.clone();
        Rc::new(move || {
            timer.borrow_mut().take();
            if let Some(element) = input.cast::<HtmlInputElement>() {
                element.set_value("");
                let _ = element.focus();
            }
            has_text.set(false);
            sent.borrow_mut().clear();
            dispatch.emit(Action::ClearQuery);
        })
    };
    let onkeydown = {
        let composing = composing.clone();
        let timer = timer.clone();
        let send = send.clone();
        let clear = clear.clone();
        Callback::from(move |event: KeyboardEvent| {
            // Enter and Escape inside a composition belong to the IME.
            if event.is_composing() || *composing.borrow() || event.key_code() == 229 {
                return;
            }
            let element: HtmlInputElement = event.target_unchecked_into();
            match event.key().as_str() {
                "Enter" => {
                    timer.borrow_mut().take();
                    send(element.value());
                }
                "Escape" if !element.value().is_empty() => {
                    event.prevent_default();
                    clear();
                }
                _ => {}
            }
        })
    };
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());

    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="search" class="visually-hidden">{ texts.search_label }</label>
            <span class="search-icon" aria-hidden="true">
                <svg viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
            </span>
            <input
                ref={input}
                id="search"
                type="search"
                name="q"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                placeholder={texts.search_placeholder}
                aria-describedby="count"
                {oninput}
                {onkeydown}
            />
            if *has_text {
                <button
                    type="button"
                    class="search-clear"
                    aria-label={texts.clear_search}
                    title={texts.clear_search}
                    onclick={move |_| clear()}
                >
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            }
            <output id="count" class="count" aria-live="polite">{ lang.results(props.total) }</output>
            <kbd class="slash-hint" aria-hidden="true">{ "/" }</kbd>
        </form>
    }
}
