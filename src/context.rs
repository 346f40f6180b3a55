//! What every component may read without props: the index, the UI language, the
//! [`Host`] and the dispatcher of the app's one reducer (yew `examples/contexts`).
//! Children report intent by dispatching an [`Action`]; nothing hands them bundles
//! of callbacks.

use std::rc::Rc;

use kiroku_core::Index;
use yew::prelude::*;

use crate::host::Host;
use crate::i18n::Lang;
use crate::state::{Action, Model};

/// The context `App` provides. It changes only with the language: the index, the
/// host and the dispatcher are the same for the app's whole life, so a keystroke
/// re-renders no consumer through it.
#[derive(Clone)]
pub struct Shared {
    pub index: Rc<Index>,
    pub lang: Lang,
    pub host: Host,
    pub dispatch: UseReducerDispatcher<Model>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.lang == other.lang
            && self.host == other.host
            && self.dispatch == other.dispatch
    }
}

/// The shared context, or `None` when a component is rendered alone (tests):
/// components never panic for want of it.
#[hook]
pub fn use_shared() -> Option<Shared> {
    use_context::<Shared>()
}

/// The UI language (the default one when rendered alone).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Shared>().map(|s| s.lang).unwrap_or_default()
}

/// A callback that dispatches actions to the app's reducer, made once per
/// component (it goes into `use_callback` deps and props, where a new one per
/// render would re-register listeners and defeat equality). Rendered alone, it
/// does nothing.
#[hook]
pub fn use_dispatch() -> Callback<Action> {
    let dispatcher = use_context::<Shared>().map(|s| s.dispatch);
    let callback = use_memo(dispatcher, |dispatcher| match dispatcher {
        Some(dispatcher) => dispatcher.to_callback(),
        None => Callback::noop(),
    });
    (*callback).clone()
}

/// What the UI calls entities, by canonical name ([`crate::i18n::entity_name`]).
#[derive(Clone)]
pub struct EntityNames(Option<Shared>);

impl EntityNames {
    /// The entity's name in the UI language; its canonical name when rendered
    /// alone or when the gazetteer has none in that language.
    pub fn get(&self, canonical: &str) -> String {
        match &self.0 {
            Some(shared) => crate::i18n::entity_name(&shared.index, shared.lang, canonical),
            None => canonical.to_string(),
        }
    }
}

/// The UI language's entity names (re-rendering with the language, through the
/// context).
#[hook]
pub fn use_entity_names() -> EntityNames {
    EntityNames(use_context::<Shared>())
}
