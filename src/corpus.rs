//! The corpus, indexed before the component tree exists: `start()` and `mount()`
//! build the index once and hand it to `App` as an `Rc<Index>`, so no render ever
//! compares or rebuilds it.

use std::rc::Rc;

use kiroku_core::{parse, Corpus, Gazetteer, Index};

use crate::state::State;

/// Parses and indexes a corpus; the articles borrow `corpus`. A gazetteer that does
/// not parse means no entity facets rather than no app (the build script already
/// rejects a bad embedded one).
pub fn build_index<'a>(corpus: &'a str, entities: &str) -> Index<'a> {
    index_of(parse::parse(corpus).corpus, entities)
}

/// [`build_index`] for a corpus given at run time: its text is copied into the
/// articles, so the index outlives the string.
pub fn build_owned_index(corpus: &str, entities: &str) -> Index<'static> {
    index_of(parse::parse(corpus).corpus.into_owned(), entities)
}

fn index_of<'a>(corpus: Corpus<'a>, entities: &str) -> Index<'a> {
    // The gazetteer's normalizer is the index's: queries and highlights fold with it.
    let normalizer = crate::nfkc::normalizer();
    let gazetteer =
        Gazetteer::from_toml(entities, normalizer).unwrap_or_else(|_| Gazetteer::empty(normalizer));
    Index::build(corpus, &gazetteer)
}

/// The embedded corpus and gazetteer ([`crate::CORPUS`], [`crate::ENTITIES`]),
/// indexed, with the build recorded as `kiroku:index` (see [`crate::perf`]). The
/// articles borrow the text embedded in the module: it is in memory once.
pub fn embedded_index() -> Rc<Index<'static>> {
    let started = crate::perf::now();
    let index = build_index(crate::CORPUS, crate::ENTITIES);
    crate::perf::measure("kiroku:index", started, None);
    Rc::new(index)
}

/// Drops URL values this corpus does not know (see [`State::retain_known`]).
pub fn sanitize(index: &Index<'_>, state: State) -> State {
    state.retain_known(|name| index.gazetteer().find(name).is_some())
}
