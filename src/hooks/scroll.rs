//! Scroll and focus around the reader: opening an article starts at its top;
//! closing it returns to where the list was and puts focus back on the article's
//! link, so the keys go on from there. Mounted, the window's scroll is the host
//! page's: only the focus moves.

use yew::prelude::*;

use crate::host::Host;

#[hook]
pub fn use_reader_scroll(article: Option<String>, host: &Host) {
    let owns_page = host.owns_page();
    let list_scroll = use_mut_ref(|| 0.0_f64);
    // Read while rendering the change that opens the reader: the DOM still holds the
    // list then (the render is committed after this), whatever opened it (a click,
    // a key, Back), and an effect would run only after the reader replaced it.
    let was_reading = use_mut_ref(|| article.is_some());
    let reading = article.is_some();
    let opened = reading && !was_reading.replace(reading);
    if owns_page && opened {
        *list_scroll.borrow_mut() = crate::dom::scroll_y();
    }

    let was_open = use_mut_ref(|| None::<String>);
    let host = host.clone();
    use_effect_with(article, move |article| {
        let previous = was_open.replace(article.clone());
        match (previous, article) {
            (_, Some(_)) if owns_page => crate::dom::scroll_to(0.0),
            (Some(closed), None) => {
                if owns_page {
                    crate::dom::scroll_to(*list_scroll.borrow());
                }
                crate::dom::focus_result(&host, &closed);
            }
            _ => {}
        }
    });
}
