//! What shows while the index is built ([`crate::corpus::Load`]): the masthead's
//! search box (already typable), a progress bar, and the newest articles. It has
//! no index, so it reads no context and searches nothing; the query typed into its
//! box becomes the app's query when search is ready.

use std::rc::Rc;

use kiroku_core::{Article, Date, Progress};
use yew::prelude::*;

use crate::host::Host;
use crate::i18n::{text_lang, Lang};
use crate::prefs::Theme;

/// Characters of body text shown under a listed title.
const PREVIEW_CHARS: usize = 120;

/// One listed article.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub date: Date,
    pub title: AttrValue,
    pub opening: AttrValue,
}

impl Preview {
    pub fn of(article: &Article<'_>) -> Preview {
        let mut opening: String = article.body.chars().take(PREVIEW_CHARS).collect();
        if opening.len() < article.body.len() {
            opening.push('…');
        }
        Preview {
            date: article.date,
            title: AttrValue::from(article.title.to_string()),
            opening: AttrValue::from(opening),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LoadingViewProps {
    /// The newest articles, newest first.
    pub articles: Rc<[Preview]>,
    pub progress: Progress,
    /// The query the view starts with (from the URL or the embed's options).
    pub query: AttrValue,
    pub lang: Lang,
    pub theme: Theme,
    pub host: Host,
}

#[component]
pub fn LoadingView(props: &LoadingViewProps) -> Html {
    let texts = props.lang.texts();
    {
        // The theme and language the app will set, and our page's boot screen gone:
        // this is the first thing rendered.
        let (host, theme, lang) = (props.host.clone(), props.theme, props.lang);
        use_effect_with((), move |_| {
            crate::dom::set_root_attributes(&host, theme.as_str(), lang.tag());
            if host.owns_page() {
                crate::dom::remove_element("boot");
            }
        });
    }
    // The box is uncontrolled (as the app's): its starting text is written once,
    // and what is typed stays the browser's until search is ready.
    let input = use_node_ref();
    {
        let input = input.clone();
        let query = props.query.clone();
        use_effect_with((), move |_| {
            if let Some(element) = input.cast::<web_sys::HtmlInputElement>() {
                element.set_value(&query);
            }
        });
    }
    // From the first render, as the app does (see `hooks::search`): this list is
    // the first one in the DOM.
    use_memo((), |_| crate::perf::mark_interactive());

    let Progress { indexed, total } = props.progress;
    let percent = (indexed * 100).checked_div(total).unwrap_or(0);
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let class = classes!(
        "app",
        "loading",
        (!props.host.owns_page()).then_some("embed")
    );
    html! {
        <div {class}>
            <header class="masthead">
                <span class="brand">
                    <span class="brand-mark" lang="ja">{ "記録" }</span>
                    <span class="brand-name">{ "kiroku" }</span>
                    <span class="brand-tagline">{ texts.tagline }</span>
                </span>
                <form class="search" role="search" {onsubmit}>
                    <label for="search" class="visually-hidden">{ texts.search_label }</label>
                    <span class="search-icon" aria-hidden="true">
                        <svg viewBox="0 0 20 20" width="18" height="18"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
                    </span>
                    <input
                        ref={input}
                        id="search"
                        type="search"
                        name="q"
                        autocomplete="off"
                        spellcheck="false"
                        enterkeyhint="search"
                        placeholder={texts.search_placeholder}
                    />
                </form>
            </header>
            <div class="layout">
                <main class="main" id="main" tabindex="-1">
                    <h1 class="visually-hidden">{ format!("kiroku — {}", texts.tagline) }</h1>
                    <div class="index-progress" role="status">
                        <label for="index-progress">{ texts.preparing_search }</label>
                        <progress
                            id="index-progress"
                            max={total.max(1).to_string()}
                            value={indexed.to_string()}
                            aria-valuetext={format!("{percent}%")}
                        >
                            { format!("{percent}%") }
                        </progress>
                    </div>
                    <div class="toolbar">
                        <h2 class="toolbar-heading">{ texts.latest }</h2>
                    </div>
                    <ol class="results" id="results" aria-label={texts.latest}>
                        { for props.articles.iter().map(|article| html! {
                            <li class="result">
                                <article>
                                    <p class="result-meta">
                                        <time datetime={article.date.to_string()}>{ props.lang.date(article.date) }</time>
                                    </p>
                                    <h2 class="result-title" lang={text_lang(&article.title)}>
                                        { article.title.clone() }
                                    </h2>
                                    <p class="snippet" lang={text_lang(&article.opening)}>
                                        { article.opening.clone() }
                                    </p>
                                </article>
                            </li>
                        }) }
                    </ol>
                </main>
            </div>
        </div>
    }
}
