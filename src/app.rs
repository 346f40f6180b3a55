//! The explorer's root: one reducer ([`Model`]), the context every component reads
//! ([`Shared`]: index, language, host, dispatcher), the shell's hooks, and the
//! layout. Everything shown is a function of (index, model).
//!
//! The index is built before the tree exists (`start()`, `mount()`) and comes in
//! as a prop; the host page's URL, scroll, title and keys are touched only through
//! the hooks, and only as [`Host`] allows.

use std::rc::Rc;

use kiroku_core::Index;
use yew::prelude::*;

use crate::components::{masthead::Masthead, reader::Reader, sidebar::Sidebar, views::Views};
use crate::context::Shared;
use crate::hooks::{document, keyboard, scroll, search, url};
use crate::host::Host;
use crate::i18n::Lang;
use crate::prefs::Theme;
use crate::state::{Model, State};

#[derive(Properties)]
pub struct AppProps {
    /// The corpus, indexed (`corpus::embedded_index`, or any other in tests).
    pub index: Rc<Index<'static>>,
    /// The view to start with (from the URL, or the embed's options). Values the
    /// index does not know are dropped before the first render.
    #[prop_or_default]
    pub initial: State,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// Our own page, or mounted into a host's element (`kiroku.mount`).
    #[prop_or(Host::Page)]
    pub host: Host,
}

/// The index compares by identity (it is built once; comparing its contents would
/// read megabytes).
impl PartialEq for AppProps {
    fn eq(&self, other: &AppProps) -> bool {
        Rc::ptr_eq(&self.index, &other.index)
            && self.initial == other.initial
            && self.lang == other.lang
            && self.theme == other.theme
            && self.host == other.host
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let index = props.index.clone();
    let host = props.host.clone();
    let model = use_reducer({
        let initial = crate::corpus::sanitize(&index, props.initial.clone());
        let (lang, theme) = (props.lang, props.theme);
        move || Model::new(initial, lang, theme)
    });
    let view = model.view.clone();
    let shared = Shared {
        index: index.clone(),
        lang: model.lang,
        host: host.clone(),
        dispatch: model.dispatcher(),
    };

    let searched = search::use_search(&index, &view, model.pages);
    let suggestions = search::use_suggestions(&index, &view, &searched);
    let open_doc = view.article.as_deref().and_then(|id| index.find_id(id));
    let position = search::use_position(&index, &view, open_doc);

    url::use_url_sync(&model, &index, &host);
    scroll::use_reader_scroll(view.article.clone(), &host);
    document::use_preferences(model.theme, model.lang, &host);
    document::use_document_title(
        open_doc
            .and_then(|doc| index.article(doc))
            .map(|article| article.title.to_string()),
        &view.query,
        &host,
    );
    document::use_boot_screen_removal(&host);
    keyboard::use_keyboard_shortcuts(&host, model.dispatcher().to_callback());

    let texts = model.lang.texts();
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
    let main = match view.article.clone() {
        Some(id) => html! {
            <Reader
                article_id={id}
                view={view.clone()}
                doc={open_doc}
                query={view.query.clone()}
                occurrence={view.occurrence}
                position={position.at}
                previous={position.previous.clone()}
                next={position.next.clone()}
            />
        },
        None => html! {
            <Views view={view.clone()} searched={searched.clone()} {suggestions} pages={model.pages} />
        },
    };
    let class = classes!(
        "app",
        view.embed.then_some("embed"),
        view.article.is_some().then_some("reading"),
    );
    html! {
        <ContextProvider<Shared> context={shared}>
            <div {class}>
                <a class="skip-link" href="#main" onclick={on_skip}>{ texts.results_label }</a>
                <Masthead
                    query={AttrValue::from(view.query.clone())}
                    total={searched.total}
                    theme={model.theme}
                    share={host.owns_page().then(|| (*view).clone())}
                />
                <div class="layout">
                    <Sidebar facets={searched.facets.clone()} active={view.n_filters()} total={searched.total} />
                    <main class="main" id="main" ref={main_ref} tabindex="-1">
                        { main }
                    </main>
                </div>
                <footer class="footer">
                    <span class="hints" aria-hidden="true">{ texts.shortcuts }</span>
                    <span class="footer-count">{ model.lang.articles(index.len()) }</span>
                </footer>
            </div>
        </ContextProvider<Shared>>
    }
}
