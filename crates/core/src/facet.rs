//! Filters and facet counts: entities (grouped by kind) and years, disjunctive.
//!
//! Within a group, selected values are ORed (ルビオ or マドゥロ); groups are ANDed
//! (a person and a place). A group's counts are computed over the articles that pass
//! every *other* group's filter, so selecting ルビオ does not zero the other people:
//! their counts say how many articles you would get by adding them.

use serde::Serialize;

use crate::entity::{EntityId, EntityKind};
use crate::index::{DocId, Index};

/// The facet counts shown beside the results.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Facets {
    /// One group per entity kind that has a value to show, in [`EntityKind::ALL`] order.
    pub entities: Vec<EntityFacet>,
    /// Years ascending.
    pub years: Vec<YearCount>,
}

/// The entity values of one kind, most frequent first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityFacet {
    pub kind: EntityKind,
    pub values: Vec<EntityCount>,
}

/// One entity value of a facet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityCount {
    /// Canonical name (what [`crate::SearchRequest::entities`] takes).
    pub name: String,
    /// Matching articles mentioning it, counted without this kind's own filter.
    pub count: usize,
    /// Whether it is in the request's filter (selected values are listed even at 0).
    pub selected: bool,
}

/// One year value of the year facet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearCount {
    pub year: i32,
    /// Matching articles published that year, counted without the year filter.
    pub count: usize,
    /// Whether it is in the request's year filter.
    pub selected: bool,
}

/// What the user has selected, resolved against the gazetteer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Selection {
    /// Selected entities per kind, index = position in [`EntityKind::ALL`].
    pub by_kind: [Vec<EntityId>; 4],
    pub years: Vec<i32>,
}

const YEAR_GROUP: usize = 4;

impl Selection {
    /// Nothing selected: every doc passes.
    fn is_empty(&self) -> bool {
        self.by_kind.iter().all(Vec::is_empty) && self.years.is_empty()
    }

    /// Which groups `doc` fails, as a bit set (bits 0–3 kinds, bit 4 years).
    fn failures(&self, index: &Index, doc: DocId) -> u8 {
        let info = &index.docs[doc as usize];
        let mut failed = 0u8;
        for (group, selected) in self.by_kind.iter().enumerate() {
            if !selected.is_empty()
                && !selected
                    .iter()
                    .any(|e| info.entities.binary_search(e).is_ok())
            {
                failed |= 1 << group;
            }
        }
        if !self.years.is_empty() {
            let year = index.dates[doc as usize].year;
            if !self.years.contains(&year) {
                failed |= 1 << YEAR_GROUP;
            }
        }
        failed
    }
}

/// The first and last publication years of the corpus ((0, 0) when it is empty).
fn year_span(index: &Index) -> (i32, i32) {
    let year_of = |doc: Option<&DocId>| doc.map_or(0, |&doc| index.dates[doc as usize].year);
    let newest_first = index.newest_first();
    (year_of(newest_first.last()), year_of(newest_first.first()))
}

fn kind_group(kind: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Keeps the candidates that pass every filter and counts facets disjunctively.
pub(crate) fn filter_and_count(
    index: &Index,
    candidates: &[(DocId, f32)],
    selection: &Selection,
) -> (Vec<(DocId, f32)>, Facets) {
    let group_of: Vec<usize> = index
        .gazetteer
        .entities()
        .iter()
        .map(|e| kind_group(e.kind))
        .collect();
    let mut entity_counts = vec![0usize; group_of.len()];
    // Years count into a dense array over the corpus' years, not a hash map, and an
    // empty selection skips the filter test: this loop runs once per candidate,
    // thousands of times per keystroke at 10k articles.
    let (first_year, last_year) = year_span(index);
    let mut year_counts = vec![0usize; (last_year - first_year) as usize + 1];
    let filtering = !selection.is_empty();
    let mut kept = Vec::with_capacity(candidates.len());
    for &(doc, score) in candidates {
        let failed = if filtering {
            selection.failures(index, doc)
        } else {
            0
        };
        let entities = &index.docs[doc as usize].entities;
        let year = index.dates[doc as usize].year;
        if failed == 0 {
            kept.push((doc, score));
            for &e in entities {
                entity_counts[e as usize] += 1;
            }
            year_counts[(year - first_year) as usize] += 1;
        } else if failed.count_ones() == 1 {
            // Failing exactly one group, the doc still counts in that group's facet.
            let only = failed.trailing_zeros() as usize;
            if only == YEAR_GROUP {
                year_counts[(year - first_year) as usize] += 1;
            } else {
                for &e in entities {
                    if group_of[e as usize] == only {
                        entity_counts[e as usize] += 1;
                    }
                }
            }
        }
    }

    let mut entities = Vec::new();
    for (group, &kind) in EntityKind::ALL.iter().enumerate() {
        let mut values: Vec<EntityCount> = index
            .gazetteer
            .entities()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter_map(|(id, e)| {
                let selected = selection.by_kind[group].contains(&(id as EntityId));
                let count = entity_counts[id];
                (count > 0 || selected).then(|| EntityCount {
                    name: e.name.clone(),
                    count,
                    selected,
                })
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        crate::order::sort_by_dyn(&mut values, &|a, b| {
            b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))
        });
        entities.push(EntityFacet { kind, values });
    }
    // Years with a count, and the selected ones even at 0 (or outside the corpus).
    let count_of = |year: i32| {
        let at = usize::try_from(year - first_year).ok();
        at.and_then(|at| year_counts.get(at)).copied().unwrap_or(0)
    };
    let mut listed: Vec<i32> = (first_year..)
        .zip(&year_counts)
        .filter(|&(_, &count)| count > 0)
        .map(|(year, _)| year)
        .collect();
    for &year in &selection.years {
        if !listed.contains(&year) {
            listed.push(year);
        }
    }
    crate::order::sort_by_dyn(&mut listed, &|a, b| a.cmp(b));
    let years = listed
        .into_iter()
        .map(|year| YearCount {
            year,
            count: count_of(year),
            selected: selection.years.contains(&year),
        })
        .collect();
    (kept, Facets { entities, years })
}
