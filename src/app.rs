//! The first vertical slice: every article, newest first, narrowed by a plain
//! substring search. The real engine and UI replace it.

use std::rc::Rc;

use kiroku_core::{parse::parse, Article};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Corpus text; defaults to the embedded one.
    #[prop_or(AttrValue::Static(crate::CORPUS))]
    pub corpus: AttrValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let articles = use_memo(props.corpus.clone(), |corpus| {
        let mut articles = parse(corpus).corpus.articles;
        articles.sort_by_key(|article| std::cmp::Reverse(article.date));
        Rc::<[Article]>::from(articles)
    });
    let query = use_state(String::new);

    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
        })
    };

    let needle = query.trim();
    let shown: Vec<&Article> = articles
        .iter()
        .filter(|a| needle.is_empty() || a.title.contains(needle) || a.body.contains(needle))
        .collect();

    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "記録 kiroku" }</h1>
                <label class="search">
                    <span class="visually-hidden">{ "記事を検索 / Search articles" }</span>
                    <input id="search" type="search" placeholder="検索 / Search" value={(*query).clone()} {oninput} />
                </label>
                <p class="count" id="count">{ format!("{}件", shown.len()) }</p>
            </header>
            <ol class="results" id="results">
                { for shown.iter().map(|article| html! {
                    <li class="result" key={article.id.clone()}>
                        <time datetime={article.date.to_string()}>{ article.date.to_string() }</time>
                        <h2>{ &article.title }</h2>
                    </li>
                }) }
            </ol>
        </main>
    }
}
