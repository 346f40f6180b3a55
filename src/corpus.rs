//! The corpus, indexed before the component tree exists: `start()` and `mount()`
//! build the index once and hand it to `App` as an `Rc<Index>`, so no render ever
//! compares or rebuilds it.

use std::rc::Rc;

use kiroku_core::{parse, Gazetteer, Index};

use crate::state::State;

/// Parses and indexes a corpus. A gazetteer that does not parse means no entity
/// facets rather than no app (the build script already rejects a bad embedded one).
pub fn build_index(corpus: &str, entities: &str) -> Index {
    // The gazetteer's normalizer is the index's: queries and highlights fold with it.
    let normalizer = crate::nfkc::normalizer();
    let parsed = parse::parse(corpus);
    let gazetteer =
        Gazetteer::from_toml(entities, normalizer).unwrap_or_else(|_| Gazetteer::empty(normalizer));
    Index::build(parsed.corpus, &gazetteer)
}

/// Indexes a corpus and gazetteer in the packed form the build script wrote
/// ([`crate::PACKED`]). Text that is not that form (it cannot be, short of a
/// mismatched build) gives an empty index rather than no app.
pub fn build_packed_index(packed: &str) -> Index {
    let normalizer = crate::nfkc::normalizer();
    let (corpus, entities) = kiroku_core::parse::packed::unpack(packed).unwrap_or_default();
    Index::build(corpus, &Gazetteer::new(entities, normalizer))
}

/// The embedded corpus and gazetteer ([`crate::PACKED`]), indexed, with the build
/// recorded as `kiroku:index` (see [`crate::perf`]).
pub fn embedded_index() -> Rc<Index> {
    let started = crate::perf::now();
    let index = build_packed_index(crate::PACKED);
    crate::perf::measure("kiroku:index", started, None);
    Rc::new(index)
}

/// Drops URL values this corpus does not know (see [`State::retain_known`]).
pub fn sanitize(index: &Index, state: State) -> State {
    state.retain_known(|name| index.gazetteer().find(name).is_some())
}
