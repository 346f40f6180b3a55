//! The explorer: builds the index once, keeps the view [`State`] in one reducer
//! mirrored to the URL hash, derives results with `use_memo`, and lays out the
//! components. Everything shown is a function of (corpus, state, language).

use std::{cell::RefCell, rc::Rc};

use kiroku_core::{
    facet::Facets, parse, timeline::Timeline as TimelineBins, Gazetteer, Hit, Index, SearchRequest,
    SearchResults,
};
use yew::prelude::*;
use yew::Reducible;

use crate::components::{
    active_filters::ActiveFilters, facet_panel::FacetPanel, masthead::Masthead,
    no_results::NoResults, reader::Reader, result_list::ResultList,
    results_toolbar::ResultsToolbar, suggestions::Suggestions, timeline::Timeline,
};
use crate::i18n::Lang;
use crate::prefs::Theme;
use crate::state::{Action, HistoryMode, State};

/// Hits rendered per page (snippets are built only for these); "show more" adds a
/// page. Twenty, not a hundred: each keystroke builds and renders every shown hit,
/// and at 10k articles a hundred cards cost most of a keystroke's time.
pub const PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Corpus text (digest or JSON Lines); defaults to the embedded one.
    #[prop_or(AttrValue::Static(crate::CORPUS))]
    pub corpus: AttrValue,
    /// Gazetteer (`entities.toml`); defaults to the embedded one.
    #[prop_or(AttrValue::Static(crate::ENTITIES))]
    pub entities: AttrValue,
    /// The view to start with (decoded from the URL by [`crate::start`]).
    #[prop_or_default]
    pub initial: State,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// Set when mounted into a host page (`kiroku.mount`): the view stays in memory
    /// and the host's URL, `<html>`, scroll and keys are left alone.
    #[prop_or_default]
    pub mounted: Option<crate::embed::Mounted>,
}

/// What every component may read: the index and the UI language.
#[derive(Clone)]
pub struct Shared {
    pub index: Rc<Index>,
    pub lang: Lang,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Rc::ptr_eq(&self.index, &other.index) && self.lang == other.lang
    }
}

/// Parses and indexes a corpus. A gazetteer that does not parse means no entity
/// facets rather than no app (build.rs already rejects a bad embedded one).
pub fn build_index(corpus: &str, entities: &str) -> Index {
    // Every normalization (index, queries, highlights) follows the index build.
    crate::nfkc::install();
    let parsed = parse::parse(corpus);
    let gazetteer = Gazetteer::from_toml(entities).unwrap_or_default();
    Index::build(parsed.corpus, &gazetteer)
}

/// Drops URL values this corpus does not know (see [`State::retain_known`]).
pub fn sanitize(index: &Index, state: State) -> State {
    state.retain_known(
        |name| index.gazetteer().find(name).is_some(),
        |id| index.find_id(id).is_some(),
    )
}

/// The search a state asks for (the open article does not change results).
pub fn request(state: &State, limit: usize) -> SearchRequest {
    SearchRequest {
        query: state.query.clone(),
        from: state.from,
        to: state.to,
        years: state.years.clone(),
        entities: state.entities.clone(),
        sort: state.sort,
        offset: 0,
        limit,
    }
}

/// (1-based position, of how many), previous and next article ids around `doc`.
fn neighbours(
    index: &Index,
    searched: &Searched,
    doc: Option<kiroku_core::DocId>,
) -> (Option<(usize, usize)>, Option<String>, Option<String>) {
    let Some(doc) = doc else {
        return (None, None, None);
    };
    let id_at = |order: &[kiroku_core::DocId], at: usize| -> Option<String> {
        let doc = *order.get(at)?;
        Some(index.article(doc)?.id.clone())
    };
    if let Some(at) = searched.hits.iter().position(|hit| hit.doc == doc) {
        let hit_id = |at: usize| searched.hits.get(at).map(|hit| hit.id.clone());
        let previous = at.checked_sub(1).and_then(hit_id);
        return (Some((at + 1, searched.total)), previous, hit_id(at + 1));
    }
    let order = index.newest_first();
    match order.iter().position(|&d| d == doc) {
        Some(at) => (
            Some((at + 1, order.len())),
            at.checked_sub(1).and_then(|p| id_at(order, p)),
            id_at(order, at + 1),
        ),
        None => (None, None, None),
    }
}

/// A text compared by identity (same bytes in memory), not content: `AttrValue`'s
/// `==` compares content, and the memo of the index compares its deps every render,
/// which for a 10k-article corpus was 13 MB of memcmp per render.
#[derive(Clone)]
struct SameText(AttrValue);

impl PartialEq for SameText {
    fn eq(&self, other: &SameText) -> bool {
        std::ptr::eq(self.0.as_str(), other.0.as_str())
    }
}

/// An `Rc` compared by identity, so memos and effects keyed on it are cheap: the
/// index is built once, and a new search is a new `Rc<SearchResults>`.
struct SameRc<T>(Rc<T>);

impl<T> Clone for SameRc<T> {
    fn clone(&self) -> Self {
        SameRc(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for SameRc<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One search's results, moved out of its [`SearchResults`] into the shares the
/// components take (one per search, compared by identity).
struct Searched {
    hits: Rc<[Rc<Hit>]>,
    total: usize,
    facets: Rc<Facets>,
    timeline: Rc<TimelineBins>,
    /// The query as understood (for the perf entries).
    query: String,
}

impl From<SearchResults> for Searched {
    fn from(results: SearchResults) -> Searched {
        let SearchResults {
            hits,
            total,
            facets,
            timeline,
            query,
        } = results;
        Searched {
            hits: hits.into_iter().map(Rc::new).collect(),
            total,
            facets: Rc::new(facets),
            timeline: Rc::new(timeline),
            query,
        }
    }
}

/// The children's callbacks into the reducer, made once per app.
struct Handlers {
    close: Callback<()>,
    show_entity: Callback<String>,
    toggle_entity: Callback<String>,
    toggle_year: Callback<i32>,
    set_range: Callback<(Option<kiroku_core::Date>, Option<kiroku_core::Date>)>,
    clear_range: Callback<()>,
    clear_filters: Callback<()>,
    clear_query: Callback<()>,
    search: Callback<String>,
    set_sort: Callback<kiroku_core::Sort>,
    set_query: Callback<String>,
    reset: Callback<()>,
}

impl Handlers {
    fn new(dispatch: &Callback<Action>) -> Handlers {
        Handlers {
            close: dispatch.reform(|_| Action::Close),
            show_entity: dispatch.reform(Action::ShowEntity),
            toggle_entity: dispatch.reform(Action::ToggleEntity),
            toggle_year: dispatch.reform(Action::ToggleYear),
            set_range: dispatch.reform(|(from, to)| Action::SetRange(from, to)),
            clear_range: dispatch.reform(|_| Action::ClearRange),
            clear_filters: dispatch.reform(|_| Action::ClearFilters),
            clear_query: dispatch.reform(|_| Action::ClearQuery),
            search: dispatch.reform(Action::Search),
            set_sort: dispatch.reform(Action::SetSort),
            set_query: dispatch.reform(Action::SetQuery),
            reset: dispatch.reform(|_| Action::Reset),
        }
    }
}

/// What the global keyboard handler needs to know about the current render.
#[derive(Default)]
struct KeyContext {
    article_open: bool,
    has_query: bool,
    previous: Option<String>,
    next: Option<String>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let index = use_memo(
        (
            SameText(props.corpus.clone()),
            SameText(props.entities.clone()),
        ),
        |(SameText(corpus), SameText(entities))| {
            let started = crate::perf::now();
            let index = build_index(corpus, entities);
            crate::perf::measure("kiroku:index", started, None);
            Rc::new(index)
        },
    );
    let index: Rc<Index> = Rc::clone(&index);
    let state = {
        let index = index.clone();
        let initial = props.initial.clone();
        use_reducer(move || sanitize(&index, initial))
    };
    let lang = use_state_eq(|| props.lang);
    let theme = use_state_eq(|| props.theme);

    // Every action goes through here, so the URL effect knows whether to push.
    // Actions that would change nothing are dropped: their history mode must not
    // linger and turn the next keystroke's replace into a push.
    let pending_history = use_mut_ref(|| None::<HistoryMode>);
    // One shared copy of the view per render, for the dispatcher and the components.
    let view = Rc::new((*state).clone());
    let current = use_mut_ref(|| Rc::new(State::default()));
    *current.borrow_mut() = view.clone();
    let dispatch = {
        let dispatcher = state.dispatcher();
        let pending_history = pending_history.clone();
        let current = current.clone();
        use_memo((), move |_| {
            Callback::from(move |action: Action| {
                let before = current.borrow().clone();
                if Rc::ptr_eq(&before, &before.clone().reduce(action.clone())) {
                    return;
                }
                let mode = action.history_mode();
                let mut pending = pending_history.borrow_mut();
                if *pending != Some(HistoryMode::Push) {
                    *pending = Some(mode);
                }
                drop(pending);
                dispatcher.dispatch(action);
            })
        })
    };
    let dispatch: Callback<Action> = (*dispatch).clone();
    // Made once, like `dispatch`: a callback made per render is a new `Rc`, unequal
    // to the last, so every child re-rendered on every keystroke even when its data
    // had not changed.
    let on = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| Handlers::new(&dispatch)
    });

    let base_request = request(&state, 0);
    let (limit, on_more) = use_pages(&base_request);
    // When the current search started, until its results are in the DOM (perf).
    let search_started = use_mut_ref(|| None::<f64>);
    // Facets, timeline and hits are shared out once per search, not copied per render.
    let searched: Rc<Searched> = {
        let request = SearchRequest {
            limit,
            ..base_request
        };
        let index = SameRc(index.clone());
        let search_started = search_started.clone();
        use_memo((index, request), move |(index, request)| {
            *search_started.borrow_mut() = Some(crate::perf::now());
            Searched::from(index.0.search(request))
        })
    };

    // Unfiltered facets give the empty state's suggested searches.
    let suggestions: Rc<Vec<String>> = {
        let memo = use_memo(SameRc(index.clone()), |index| {
            Rc::new(crate::components::suggestions::pick(&index.0))
        });
        Rc::clone(&memo)
    };

    // Prev/next follow the current results; an article outside them (a link whose
    // filters exclude it) steps through the whole corpus, newest first.
    let open_doc = state.article.as_deref().and_then(|id| index.find_id(id));
    let (position, previous, next) = neighbours(&index, &searched, open_doc);

    let owns_page = props.mounted.is_none();
    use_url_sync(&state, &index, pending_history, owns_page);
    let list_scroll = use_mut_ref(|| 0.0_f64);
    use_reader_scroll(state.article.clone(), list_scroll.clone(), owns_page);
    use_root_attributes(*theme, *lang, props.mounted.clone());
    // The open article's title leads the page title (history, tabs, bookmarks); the
    // page's own title (which `xtask dist --title` sets) follows it.
    let article_title = open_doc
        .and_then(|doc| index.article(doc))
        .map(|article| article.title.clone());
    use_document_title(article_title, owns_page);
    use_boot_screen_removal(owns_page);
    use_search_timing(search_started, &searched);

    let key_context = use_mut_ref(KeyContext::default);
    *key_context.borrow_mut() = KeyContext {
        article_open: state.article.is_some(),
        has_query: !state.query.is_empty(),
        previous: previous.clone(),
        next: next.clone(),
    };
    use_keyboard_shortcuts(key_context, dispatch.clone(), owns_page);

    let on_open: Callback<String> = {
        let dispatch = dispatch.clone();
        let current = current.clone();
        let memo = use_memo((), move |_| {
            Callback::from(move |id: String| {
                if current.borrow().article.is_none() {
                    *list_scroll.borrow_mut() = current_scroll();
                }
                dispatch.emit(Action::Open(id));
            })
        });
        (*memo).clone()
    };
    let on_toggle_lang = {
        let lang = lang.clone();
        Callback::from(move |_| {
            let next = lang.other();
            crate::prefs::save_lang(next);
            lang.set(next);
        })
    };
    let on_toggle_theme = {
        let theme = theme.clone();
        Callback::from(move |_| {
            let next = theme.next();
            crate::prefs::save_theme(next);
            theme.set(next);
        })
    };

    let shared = Shared {
        index: index.clone(),
        lang: *lang,
    };
    let texts = lang.texts();
    let idle = state.query.trim().is_empty() && !state.has_filters();
    // The skip link focuses <main> itself: following `#main` would change the hash,
    // which is the view (and, mounted, the host page's).
    let main_ref = use_node_ref();
    let on_skip = {
        let main_ref = main_ref.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        })
    };

    let main = if let Some(id) = state.article.clone() {
        html! {
            <Reader
                article_id={id}
                view={view.clone()}
                doc={open_doc}
                query={state.query.clone()}
                position={position}
                previous={previous}
                next={next}
                on_open={on_open.clone()}
                on_close={on.close.clone()}
                on_entity={on.show_entity.clone()}
            />
        }
    } else {
        let list = if searched.total == 0 {
            html! {
                <NoResults
                    query={state.query.clone()}
                    has_filters={state.has_filters()}
                    on_drop_filters={on.clear_filters.clone()}
                    on_clear_query={on.clear_query.clone()}
                />
            }
        } else {
            html! {
                <>
                    <ResultList
                        hits={searched.hits.clone()}
                        view={view.clone()}
                        on_open={on_open.clone()}
                        on_entity={on.toggle_entity.clone()}
                    />
                    if searched.hits.len() < searched.total {
                        <button type="button" class="link-button show-more" onclick={on_more}>
                            { texts.show_more }
                        </button>
                    }
                </>
            }
        };
        html! {
            <>
                // One page-level heading for the list views (the reader's is the
                // article title), for screen readers' heading navigation.
                <h1 class="visually-hidden">{ format!("kiroku — {}", texts.tagline) }</h1>
                <Timeline
                    timeline={searched.timeline.clone()}
                    from={state.from}
                    to={state.to}
                    on_range={on.set_range.clone()}
                    on_reset={on.clear_range.clone()}
                />
                <ActiveFilters
                    entities={state.entities.clone()}
                    years={state.years.clone()}
                    from={state.from}
                    to={state.to}
                    on_entity={on.toggle_entity.clone()}
                    on_year={on.toggle_year.clone()}
                    on_range={on.clear_range.clone()}
                    on_clear={on.clear_filters.clone()}
                />
                if idle {
                    <Suggestions
                        names={suggestions.clone()}
                        on_search={on.search.clone()}
                    />
                }
                <ResultsToolbar
                    total={searched.total}
                    shown={searched.hits.len()}
                    sort={state.sort}
                    has_query={!state.query.trim().is_empty()}
                    heading={if idle { texts.latest } else { texts.results_label }}
                    on_sort={on.set_sort.clone()}
                />
                { list }
            </>
        }
    };

    let class = classes!(
        "app",
        state.embed.then_some("embed"),
        state.article.is_some().then_some("reading"),
    );
    html! {
        <ContextProvider<Shared> context={shared}>
            <div {class}>
                <a class="skip-link" href="#main" onclick={on_skip}>{ texts.results_label }</a>
                <Masthead
                    query={AttrValue::from(state.query.clone())}
                    total={searched.total}
                    theme={*theme}
                    on_query={on.set_query.clone()}
                    on_clear={on.clear_query.clone()}
                    on_home={on.reset.clone()}
                    on_toggle_lang={on_toggle_lang}
                    on_toggle_theme={on_toggle_theme}
                    share={owns_page.then(|| (*state).clone())}
                />
                <div class="layout">
                    <aside class="sidebar" aria-label={texts.filters}>
                        <FacetPanel
                            facets={searched.facets.clone()}
                            total={searched.total}
                            n_active={state.entities.len() + state.years.len() + usize::from(state.from.is_some() || state.to.is_some())}
                            on_entity={on.toggle_entity.clone()}
                            on_year={on.toggle_year.clone()}
                        />
                    </aside>
                    <main class="main" id="main" ref={main_ref} tabindex="-1">
                        { main }
                    </main>
                </div>
                <footer class="footer">
                    <span class="hints" aria-hidden="true">{ texts.shortcuts }</span>
                    <span class="footer-count">{ lang.articles(index.len()) }</span>
                </footer>
            </div>
        </ContextProvider<Shared>>
    }
}

/// Mirrors the state into the URL hash and adopts the hash when it changes from
/// outside (Back/Forward, an edited or pasted URL).
#[hook]
fn use_url_sync(
    state: &UseReducerHandle<State>,
    index: &Rc<Index>,
    pending: Rc<RefCell<Option<HistoryMode>>>,
    enabled: bool,
) {
    // A replace (typing) is written in a task of its own, after the results are
    // painted: `history.replaceState` costs several milliseconds per keystroke in
    // Chromium. A newer state cancels a write not yet made; a push never waits.
    let scheduled = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    use_effect_with((**state).clone(), move |state| {
        let mode = pending.borrow_mut().take().unwrap_or(HistoryMode::Replace);
        if !enabled {
            return;
        }
        scheduled.borrow_mut().take();
        match mode {
            HistoryMode::Push => web::write_hash(state, mode),
            HistoryMode::Replace => {
                let state = state.clone();
                let write = move || web::write_hash(&state, HistoryMode::Replace);
                *scheduled.borrow_mut() = Some(gloo_timers::callback::Timeout::new(0, write));
            }
        }
    });
    let dispatcher = state.dispatcher();
    let index = index.clone();
    use_effect_with((), move |_| {
        let listeners = enabled.then(|| {
            web::take_scroll_restoration();
            web::on_url_change(move |hash| {
                dispatcher.dispatch(Action::Sync(sanitize(&index, crate::route::decode(&hash))));
            })
        });
        move || drop(listeners)
    });
}

/// Opening an article scrolls to its top; closing it returns to where the list was
/// and puts focus back on the article's link.
#[hook]
fn use_reader_scroll(article: Option<String>, list_scroll: Rc<RefCell<f64>>, enabled: bool) {
    let was_open = use_mut_ref(|| None::<String>);
    use_effect_with(article, move |article| {
        let previous = was_open.replace(article.clone());
        if !enabled {
            return; // the host page's scroll is the host's
        }
        match (previous, article) {
            (_, Some(_)) => web::scroll_to(0.0),
            (Some(closed), None) => {
                web::scroll_to(*list_scroll.borrow());
                web::focus_result(&closed);
            }
            (None, None) => {}
        }
    });
}

#[hook]
fn use_root_attributes(theme: Theme, lang: Lang, mounted: Option<crate::embed::Mounted>) {
    use_effect_with((theme, lang), move |(theme, lang)| match mounted {
        Some(mounted) => {
            let _ = mounted.root.set_attribute("data-theme", theme.as_str());
            let _ = mounted.root.set_attribute("lang", lang.tag());
        }
        None => web::set_root_attributes(theme.as_str(), lang.tag()),
    });
}

#[hook]
fn use_document_title(article_title: Option<String>, enabled: bool) {
    let base = use_mut_ref(|| None::<String>);
    use_effect_with(article_title, move |article_title| {
        if !enabled {
            return; // the host page's title is the host's
        }
        let mut base = base.borrow_mut();
        let base = base.get_or_insert_with(web::title);
        match article_title {
            Some(title) => web::set_title(&format!("{title} — {base}")),
            None => web::set_title(base),
        }
    });
}

/// How many hits to show for `base` (a request without its limit): one page, plus one
/// per "show more" (the returned callback); a new search starts again at one page.
#[hook]
fn use_pages(base: &SearchRequest) -> (usize, Callback<MouseEvent>) {
    let pages = use_mut_ref(|| (SearchRequest::default(), 1_usize));
    let rerender = use_force_update();
    {
        let mut pages = pages.borrow_mut();
        if pages.0 != *base {
            *pages = (base.clone(), 1);
        }
    }
    let limit = pages.borrow().1 * PAGE;
    let on_more = Callback::from(move |_: MouseEvent| {
        pages.borrow_mut().1 += 1;
        rerender.force_update();
    });
    (limit, on_more)
}

/// Records each search, from its start to the commit of its results to the DOM
/// (effects run after the tree is rendered), and the first results: in the DOM
/// (`kiroku:interactive`) and painted (`kiroku:painted`).
#[hook]
fn use_search_timing(started: Rc<RefCell<Option<f64>>>, searched: &Rc<Searched>) {
    // From the first render, before the tree is committed: yew commits the whole
    // first tree before it yields, so the next frame's callbacks run with the
    // results in the DOM. Not from an effect: after a render over 16 ms yew runs
    // effects only after yielding to the browser, i.e. after that frame's paint.
    use_memo((), |_| {
        crate::perf::mark_next_frame("kiroku:interactive", "kiroku:painted")
    });
    use_effect_with(SameRc(searched.clone()), move |searched| {
        if let Some(start) = started.borrow_mut().take() {
            let query = searched.0.query.as_str();
            crate::perf::measure("kiroku:search", start, Some((query, searched.0.total)));
        }
    });
}

#[hook]
fn use_boot_screen_removal(enabled: bool) {
    use_effect_with((), move |_| {
        if enabled {
            web::remove_element("boot");
        }
    });
}

#[hook]
fn use_keyboard_shortcuts(
    context: Rc<RefCell<KeyContext>>,
    dispatch: Callback<Action>,
    enabled: bool,
) {
    use_effect_with((), move |_| {
        // A mounted explorer leaves the host page's keys alone.
        let listener = enabled.then(|| {
            web::on_keydown(move |key| {
                let context = context.borrow();
                match key {
                    web::Key::Escape if context.article_open => {
                        dispatch.emit(Action::Close);
                        true
                    }
                    web::Key::Escape if context.has_query => {
                        dispatch.emit(Action::ClearQuery);
                        true
                    }
                    web::Key::Left if context.article_open => match &context.previous {
                        Some(id) => {
                            dispatch.emit(Action::Open(id.clone()));
                            true
                        }
                        None => false,
                    },
                    web::Key::Right if context.article_open => match &context.next {
                        Some(id) => {
                            dispatch.emit(Action::Open(id.clone()));
                            true
                        }
                        None => false,
                    },
                    web::Key::Down if !context.article_open => web::move_result_focus(1),
                    web::Key::Up if !context.article_open => web::move_result_focus(-1),
                    _ => false,
                }
            })
        });
        move || drop(listener)
    });
}

fn current_scroll() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// The few places the app touches the page beyond its own tree. Everything here
/// degrades to doing nothing when the browser refuses.
mod web {
    use gloo_events::{EventListener, EventListenerOptions};
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{HtmlElement, KeyboardEvent};

    use crate::route;
    use crate::state::{HistoryMode, State};

    pub fn write_hash(state: &State, mode: HistoryMode) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let current = window.location().hash().unwrap_or_default();
        if route::decode(&current) == *state {
            return; // already there: e.g. the state came from this URL
        }
        let Ok(history) = window.history() else {
            return;
        };
        let hash = route::encode(state);
        let _ = match mode {
            HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&hash)),
            HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&hash)),
        };
    }

    /// The app restores the scroll position itself (the reader opens at its top,
    /// closing it returns to the list where it was), so the browser must not: on
    /// Back, Chromium restored the list entry's saved position (the top) after the
    /// app had already scrolled to where the list was.
    pub fn take_scroll_restoration() {
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
    }

    /// Calls `changed(hash)` on Back/Forward and on hash edits.
    pub fn on_url_change(changed: impl Fn(String) + 'static) -> Vec<EventListener> {
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        let changed = std::rc::Rc::new(changed);
        ["popstate", "hashchange"]
            .into_iter()
            .map(|event| {
                let changed = changed.clone();
                EventListener::new(&window, event, move |_| {
                    let hash = web_sys::window()
                        .and_then(|w| w.location().hash().ok())
                        .unwrap_or_default();
                    changed(hash);
                })
            })
            .collect()
    }

    pub fn scroll_to(y: f64) {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    fn result_links() -> Vec<HtmlElement> {
        let Some(list) =
            document().and_then(|d| d.query_selector_all("#results a.result-link").ok())
        else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
            .collect()
    }

    /// Focuses the result link of article `id`, if it is listed.
    pub fn focus_result(id: &str) {
        if let Some(link) = result_links()
            .into_iter()
            .find(|link| link.get_attribute("data-id").as_deref() == Some(id))
        {
            let _ = link.focus();
        }
    }

    /// Moves focus to the next (`step` 1) or previous (-1) result link; from the
    /// search box, Down enters the list. Returns whether it moved.
    pub fn move_result_focus(step: isize) -> bool {
        let links = result_links();
        if links.is_empty() {
            return false;
        }
        let active = document().and_then(|d| d.active_element());
        let current = active
            .as_ref()
            .and_then(|a| links.iter().position(|l| l.is_same_node(Some(a))));
        let target = match current {
            Some(at) => at as isize + step,
            None if step > 0 => 0,
            None => return false,
        };
        match usize::try_from(target).ok().and_then(|t| links.get(t)) {
            Some(link) => {
                let _ = link.focus();
                true
            }
            None if target < 0 => {
                // Up from the first result goes back to the search box.
                focus_search();
                true
            }
            None => false,
        }
    }

    pub fn focus_search() {
        if let Some(input) = document()
            .and_then(|d| d.get_element_by_id("search"))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    }

    pub fn set_root_attributes(theme: &str, lang: &str) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-theme", theme);
            let _ = root.set_attribute("lang", lang);
        }
    }

    pub fn title() -> String {
        document().map(|d| d.title()).unwrap_or_default()
    }

    pub fn set_title(title: &str) {
        if let Some(document) = document() {
            document.set_title(title);
        }
    }

    pub fn remove_element(id: &str) {
        if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
            element.remove();
        }
    }

    /// Keys the app handles globally.
    pub enum Key {
        Escape,
        Up,
        Down,
        Left,
        Right,
    }

    /// `/` focuses search; other keys go to `handle`, which returns whether it used
    /// them. Keys typed into a field (or a select, or with modifiers) are left alone,
    /// except Escape and Up/Down from the search box.
    pub fn on_keydown(handle: impl Fn(Key) -> bool + 'static) -> Option<EventListener> {
        let document = document()?;
        let options = EventListenerOptions::enable_prevent_default();
        Some(EventListener::new_with_options(
            &document,
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.default_prevented()
                    || event.alt_key()
                    || event.ctrl_key()
                    || event.meta_key()
                    || event.is_composing()
                {
                    return;
                }
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
                let in_search = target.as_ref().is_some_and(|t| t.id() == "search");
                let in_field = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || target
                        .as_ref()
                        .is_some_and(|t| t.has_attribute("contenteditable"));
                let key = match event.key().as_str() {
                    "/" if !in_field => {
                        event.prevent_default();
                        focus_search();
                        return;
                    }
                    "Escape" => Key::Escape,
                    "ArrowDown" if !in_field || in_search => Key::Down,
                    "ArrowUp" if !in_field || in_search => Key::Up,
                    "ArrowLeft" if !in_field => Key::Left,
                    "ArrowRight" if !in_field => Key::Right,
                    _ => return,
                };
                if handle(key) {
                    event.prevent_default();
                }
            },
        ))
    }
}
