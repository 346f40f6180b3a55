//! One component per file. Each reads the index and language from the
//! [`crate::context::Shared`] context and reports user intent by dispatching an
//! [`crate::state::Action`] ([`use_dispatch`]).

pub mod active_filters;
pub mod chronology;
pub mod citation;
pub mod concordance;
pub mod cooccurrence;
pub mod entity_chips;
pub mod export;
pub mod facet_panel;
pub mod list_view;
pub mod marked;
pub mod masthead;
pub mod no_results;
pub mod query_help;
pub mod reader;
pub mod result_card;
pub mod result_list;
pub mod results_toolbar;
pub mod search_box;
pub mod share_menu;
pub mod sidebar;
pub mod suggestions;
pub mod timeline;
pub mod trends;
pub mod view_switcher;
pub mod views;

pub use crate::context::{use_dispatch, use_entity_names, use_shared};
pub use crate::dom::clicked_within;
