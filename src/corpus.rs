//! The corpus and its loading. `start()` and `mount()` render [`Load`], which
//! parses the embedded corpus at once (so the newest articles are listed in its
//! first render, with a progress bar), then builds the index in slices of a few
//! milliseconds, each in a task of its own, so the page keeps painting and taking
//! keystrokes meanwhile. When the index is complete it renders `App` with it (an
//! `Rc<Index>` prop, never compared or rebuilt) and with the query typed while
//! loading, so no keystroke is lost.
//!
//! `kiroku:index` (see [`crate::perf`]) runs from the start of parsing to search
//! being ready.

use std::rc::Rc;

use kiroku_core::{parse, Corpus, Gazetteer, Index, IndexBuilder, Progress};
use yew::prelude::*;

use crate::app::App;
use crate::components::loading::{LoadingView, Preview};
use crate::host::Host;
use crate::i18n::Lang;
use crate::prefs::Theme;
use crate::state::State;

/// Parses and indexes a corpus; the articles borrow `corpus`. A gazetteer that does
/// not parse means no entity facets rather than no app (the build script already
/// rejects a bad embedded one).
pub fn build_index<'a>(corpus: &'a str, entities: &str) -> Index<'a> {
    builder(parse::parse(corpus).corpus, entities).finish()
}

/// [`build_index`] for a corpus given at run time: its text is copied into the
/// articles, so the index outlives the string.
pub fn build_owned_index(corpus: &str, entities: &str) -> Index<'static> {
    builder(parse::parse(corpus).corpus.into_owned(), entities).finish()
}

fn builder<'a>(corpus: Corpus<'a>, entities: &str) -> IndexBuilder<'a> {
    // The gazetteer's normalizer is the index's: queries and highlights fold with it.
    let normalizer = crate::nfkc::normalizer();
    let gazetteer =
        Gazetteer::from_toml(entities, normalizer).unwrap_or_else(|_| Gazetteer::empty(normalizer));
    IndexBuilder::new(corpus, &gazetteer)
}

/// The embedded corpus and gazetteer ([`crate::CORPUS`], [`crate::ENTITIES`]),
/// indexed at once (the app loads it in slices: [`Load`]). The articles borrow the
/// text embedded in the module: it is in memory once.
pub fn embedded_index() -> Rc<Index<'static>> {
    Rc::new(build_index(crate::CORPUS, crate::ENTITIES))
}

/// Drops URL values this corpus does not know (see [`State::retain_known`]).
pub fn sanitize(index: &Index<'_>, state: State) -> State {
    state.retain_known(|name| index.gazetteer().find(name).is_some())
}

/// How long one slice of index building runs before the browser gets the main
/// thread back: long enough that the per-task overhead is small, short enough that
/// a keystroke or a frame waits at most this long.
const SLICE_MS: f64 = 12.0;

/// Text indexed per [`IndexBuilder::index_some`] call (about a millisecond's
/// work), so a slice overshoots [`SLICE_MS`] by little.
const BYTES_PER_CALL: usize = 8 * 1024;

/// Articles listed while the index is built (the app's first page).
const PREVIEW_LEN: usize = crate::hooks::search::PAGE;

#[derive(Properties, PartialEq)]
pub struct LoadProps {
    /// The view to start with (from the URL, or the embed's options).
    pub initial: State,
    pub lang: Lang,
    pub theme: Theme,
    pub host: Host,
}

/// The index, once complete, and the view the app starts with.
struct Ready {
    index: Rc<Index<'static>>,
    initial: State,
    /// The search box had focus when search became ready.
    focused: bool,
}

/// The embedded corpus from parse to search-ready (see the module docs).
#[component]
pub fn Load(props: &LoadProps) -> Html {
    // Parsed in the first render: the newest-first order is known before anything
    // is indexed.
    let loading = use_mut_ref(|| {
        let started = crate::perf::now();
        let builder = builder(parse::parse(crate::CORPUS).corpus, crate::ENTITIES);
        (Some(builder), started)
    });
    let preview = use_memo((), {
        let loading = loading.clone();
        move |_| preview(loading.borrow().0.as_ref())
    });
    let progress = use_state(|| {
        let loading = loading.borrow();
        loading.0.as_ref().map(IndexBuilder::progress)
    });
    let ready: UseStateHandle<Option<Rc<Ready>>> = use_state(|| None);

    {
        let loading = loading.clone();
        let set_progress = progress.setter();
        let set_ready = ready.setter();
        let host = props.host.clone();
        let initial = props.initial.clone();
        use_effect_with((), move |_| {
            run_in_tasks(move || {
                let mut loading = loading.borrow_mut();
                let (builder, started) = &mut *loading;
                let Some(building) = builder.as_mut() else {
                    return false;
                };
                let slice_start = crate::perf::now();
                let mut progress = building.progress();
                while !progress.is_done() && crate::perf::now() - slice_start < SLICE_MS {
                    progress = building.index_some(BYTES_PER_CALL);
                }
                if !progress.is_done() {
                    set_progress.set(Some(progress));
                    return true;
                }
                let Some(building) = builder.take() else {
                    return false;
                };
                let index = Rc::new(building.finish());
                crate::perf::measure("kiroku:index", *started, None);
                // What was typed while loading is the query the app starts with.
                let typed = crate::dom::search_text(&host);
                let mut initial = initial.clone();
                if typed != initial.query {
                    initial.query = typed;
                }
                set_ready.set(Some(Rc::new(Ready {
                    index,
                    initial,
                    focused: crate::dom::search_has_focus(&host),
                })));
                false
            });
        });
    }
    {
        let host = props.host.clone();
        let focused = ready.as_ref().is_some_and(|ready| ready.focused);
        use_effect_with(focused, move |&focused| {
            // The app's search box replaced the loading one: typing goes on in it.
            if focused {
                crate::dom::focus_search_at_end(&host);
            }
        });
    }

    match &*ready {
        Some(ready) => html! {
            <App
                index={ready.index.clone()}
                initial={ready.initial.clone()}
                lang={props.lang}
                theme={props.theme}
                host={props.host.clone()}
            />
        },
        None => html! {
            <LoadingView
                articles={(*preview).clone()}
                progress={(*progress).unwrap_or(Progress { indexed: 0, total: 0 })}
                query={AttrValue::from(props.initial.query.clone())}
                lang={props.lang}
                theme={props.theme}
                host={props.host.clone()}
            />
        },
    }
}

/// The newest articles, for the list shown while loading.
fn preview(builder: Option<&IndexBuilder<'static>>) -> Rc<[Preview]> {
    let Some(builder) = builder else {
        return Rc::from([]);
    };
    let articles = builder.articles();
    builder
        .newest_first()
        .iter()
        .take(PREVIEW_LEN)
        .filter_map(|&doc| articles.get(doc as usize))
        .map(Preview::of)
        .collect()
}

/// Runs `slice` again and again, each time in a task of its own, until it returns
/// `false`; between two runs the browser handles input and paints. A message to
/// our own `MessageChannel` queues the next task at once: `setTimeout(0)` is
/// clamped to 4 ms once timeouts nest, a third of a slice lost each time.
fn run_in_tasks(slice: impl FnMut() -> bool + 'static) {
    imp::run_in_tasks(slice);
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;

    type Handler = Closure<dyn FnMut()>;

    pub fn run_in_tasks(mut slice: impl FnMut() -> bool + 'static) {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            // No channel (never in a browser that runs wasm): load in one go.
            while slice() {}
            return;
        };
        let (sender, receiver) = (channel.port1(), channel.port2());
        // The handler clears itself when done; `keep` holds it until then.
        let keep: Rc<RefCell<Option<Handler>>> = Rc::default();
        let on_message = Closure::<dyn FnMut()>::new({
            let keep = keep.clone();
            let receiver = receiver.clone();
            let sender = sender.clone();
            move || {
                if slice() {
                    let _ = sender.post_message(&JsValue::NULL);
                } else {
                    receiver.set_onmessage(None);
                    sender.close();
                    receiver.close();
                    // Freed after this call returns, not during it.
                    if let Some(done) = keep.borrow_mut().take() {
                        yew::platform::spawn_local(async move { drop(done) });
                    }
                }
            }
        });
        receiver.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        *keep.borrow_mut() = Some(on_message);
        let _ = sender.post_message(&JsValue::NULL);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// Natively (tests) there is no event loop to yield to.
    pub fn run_in_tasks(mut slice: impl FnMut() -> bool + 'static) {
        while slice() {}
    }
}
