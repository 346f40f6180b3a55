//! The app's custom hooks (yew `examples/function_todomvc/src/hooks/`): each one
//! concern of the shell, called from `App`.

pub mod document;
pub mod keyboard;
pub mod scroll;
pub mod search;
pub mod url;
