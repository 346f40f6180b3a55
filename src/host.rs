//! Where the explorer lives: on its own page, or mounted into a host page's element
//! (the script embed, `kiroku.mount`).
//!
//! Whatever belongs to the page (the URL hash and history, `<html>` attributes, the
//! window's scroll, the document title, global keys) is the explorer's only when it
//! owns the page; mounted, it keeps its view in memory and touches only its root.

/// The explorer's place, given to `App` by `start()` or `mount()` and shared with
/// every component through the context.
#[derive(Clone, Debug, PartialEq)]
pub enum Host {
    /// Our own page (`index.html`, `kiroku.html`, the iframe embed).
    Page,
    /// Mounted into a host page: the element inside our shadow root that carries
    /// the theme and language.
    Mounted(web_sys::Element),
}

impl Host {
    /// Whether the page (URL, scroll, title, `<html>`, document keys) is ours.
    pub fn owns_page(&self) -> bool {
        matches!(self, Host::Page)
    }
}
