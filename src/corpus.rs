//! The corpus and its loading. `start()` and `mount()` call [`load`], which reads
//! the embedded packed corpus at once (cheap: the build script parsed it, and the
//! articles borrow their text from the module), then builds the index in slices of
//! a few milliseconds, each in a task of its own, so the page keeps painting and
//! taking keystrokes meanwhile. What shows meanwhile is the pre-rendered start view
//! ([`crate::prerender`]; the boot screen for a link to another view; in the
//! script embed, the newest articles for its start view, else nothing) and a
//! progress bar ([`crate::loading`]). When the
//! index is complete the app hydrates the start view, or renders the view asked
//! for, with the query typed while loading: no keystroke is lost.
//!
//! `kiroku:index` (see [`crate::perf`]) runs from the start of reading the packed
//! corpus to search being ready.

use std::rc::Rc;

use kiroku_core::{parse, Corpus, Gazetteer, Index, IndexBuilder};

use crate::app::AppProps;
use crate::hooks::search::PAGE;
use crate::host::Host;
use crate::i18n::Lang;
use crate::loading::Loading;
use crate::prefs::Theme;
use crate::state::State;

/// Parses and indexes a corpus written in a text format (the build's prerenderer,
/// tests); the articles borrow `corpus`. A gazetteer that does not parse means no
/// entity facets rather than no app (the build script already rejects a bad
/// embedded one).
pub fn build_index<'a>(corpus: &'a str, entities: &str) -> Index<'a> {
    let normalizer = crate::nfkc::normalizer();
    let gazetteer =
        Gazetteer::from_toml(entities, normalizer).unwrap_or_else(|_| Gazetteer::empty(normalizer));
    Index::build(parse::parse(corpus).corpus, &gazetteer)
}

/// [`build_index`] for a corpus given at run time: its text is copied into the
/// articles, so the index outlives the string.
pub fn build_owned_index(corpus: &str, entities: &str) -> Index<'static> {
    let normalizer = crate::nfkc::normalizer();
    let gazetteer =
        Gazetteer::from_toml(entities, normalizer).unwrap_or_else(|_| Gazetteer::empty(normalizer));
    Index::build(parse::parse(corpus).corpus.into_owned(), &gazetteer)
}

/// Indexes a corpus and gazetteer in the packed form the build script wrote
/// ([`crate::PACKED`]); the articles borrow `packed`.
pub fn build_packed_index(packed: &str) -> Index<'_> {
    packed_builder(packed).finish()
}

/// Starts indexing the packed form ([`kiroku_core::parse::packed`]). Text that is
/// not that form (it cannot be, short of a mismatched build) gives an empty index
/// rather than no app.
fn packed_builder(packed: &str) -> IndexBuilder<'_> {
    // The gazetteer's normalizer is the index's: queries and highlights fold with it.
    let normalizer = crate::nfkc::normalizer();
    let (corpus, entities): (Corpus<'_>, _) = parse::packed::unpack(packed).unwrap_or_default();
    IndexBuilder::new(corpus, &Gazetteer::new(entities, normalizer))
}

/// The embedded corpus and gazetteer ([`crate::PACKED`]), indexed at once (the app
/// loads it in slices: [`load`]). The articles borrow the text embedded in the
/// module: it is in memory once.
pub fn embedded_index() -> Rc<Index<'static>> {
    Rc::new(build_packed_index(crate::PACKED))
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

/// How the app starts, once search is ready.
pub struct LoadProps {
    /// The view to start with (from the URL, or the embed's options).
    pub initial: State,
    pub lang: Lang,
    pub theme: Theme,
    pub host: Host,
}

/// Loads the embedded corpus into `root` (see the module docs): a progress bar
/// over whatever the page shows, the index in slices, then `App`.
pub fn load(root: web_sys::Element, props: LoadProps) {
    let started = crate::perf::now();
    crate::dom::set_root_attributes(&props.host, props.theme.as_str(), props.lang.tag());
    // On the start view's URL the page already shows the newest articles (the
    // pre-rendered copy in the app's language), and its search box takes typing.
    let lists_newest = props.host.owns_page()
        && crate::prerender::keep_shown_copy(&root, props.lang, props.initial == State::default())
            .is_some();
    // The script embed has no pre-rendered copy: opening on the start view, it
    // lists the newest articles itself (any other view would show them as if they
    // answered it, so the bar alone).
    let embed_lists_newest = !props.host.owns_page()
        && props.initial
            == (State {
                embed: true,
                ..State::default()
            });
    let loading = Loading::show(&root, props.lang, !props.host.owns_page());
    // The packed corpus is read in a task of its own: this one already
    // instantiated the module, whose data holds the whole corpus (at 50k articles
    // each of the two takes about a hundred milliseconds).
    let mut unread = Some((props, loading));
    let mut building = None;
    run_in_tasks(move || {
        if let Some((props, mut loading)) = unread.take() {
            let builder = packed_builder(crate::PACKED);
            if let Some(loading) = loading.as_mut().filter(|_| embed_lists_newest) {
                let newest: Vec<_> = builder
                    .newest_first()
                    .iter()
                    .take(PAGE)
                    .filter_map(|&doc| builder.articles().get(doc as usize))
                    .collect();
                loading.list_newest(props.lang, &newest);
            }
            building = Some((builder, props, loading));
            return true;
        }
        let Some((builder, _, loading)) = building.as_mut() else {
            return false;
        };
        let slice_start = crate::perf::now();
        let mut progress = builder.progress();
        while !progress.is_done() && crate::perf::now() - slice_start < SLICE_MS {
            progress = builder.index_some(BYTES_PER_CALL);
        }
        if !progress.is_done() {
            if let Some(loading) = loading {
                loading.set_progress(progress);
            }
            return true;
        }
        let Some((builder, props, loading)) = building.take() else {
            return false;
        };
        let index = Rc::new(builder.finish());
        crate::perf::measure("kiroku:index", started, None);
        let mut initial = props.initial;
        if props.host.owns_page() {
            // A pre-rendered link followed while loading is the view to open.
            initial = crate::route::decode(&crate::dom::hash());
        }
        // What was typed while loading is the query the app starts with.
        let typed = crate::dom::search_text(&props.host);
        if lists_newest && !typed.is_empty() {
            initial.query = typed;
        }
        let focused = crate::dom::search_has_focus(&props.host);
        if let Some(loading) = loading {
            loading.remove();
        }
        let host = props.host.clone();
        let app = AppProps {
            index,
            initial,
            lang: props.lang,
            theme: props.theme,
            host: props.host,
        };
        let hydrated = crate::prerender::mount(root.clone(), app);
        if focused && !hydrated {
            // The app's search box replaced the pre-rendered one: typing goes on
            // in it, once the app's first render is in the DOM.
            gloo_timers::callback::Timeout::new(0, move || {
                crate::dom::focus_search_at_end(&host);
            })
            .forget();
        }
        false
    });
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
