//! The reader: one whole article with its structure (headings, paragraphs, bullet
//! lists), the query's matches marked, its entities and the dates it mentions, and
//! previous/next within the current results.
//!
//! The matches (title, then body) are numbered in reading order; ‹ › beside "3 / 11" step
//! through them (the URL's `m=`, so a concordance line opens the reader at its
//! occurrence), and the current one is emphasized and scrolled to. "Copy citation"
//! copies title, date, source and the link to this view.

use std::rc::Rc;

use kiroku_core::{date::Precision, BlockKind, DocId};
use yew::prelude::*;

use super::citation::Citation;
use super::marked::marked_counting;
use super::masthead::plain_click;
use super::{use_dispatch, use_shared};
use crate::i18n::text_lang;
use crate::route;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub article_id: AttrValue,
    /// The current view, for real links (back, previous, next).
    pub view: Rc<State>,
    /// `None` when no article has this id (the reader says so).
    pub doc: Option<DocId>,
    /// Highlighted in title and body.
    pub query: AttrValue,
    /// The emphasized match (1-based, reading order), from the URL's `m=`.
    pub occurrence: Option<usize>,
    /// (1-based position, total) within all the current results; `None` for an
    /// article outside them (the reader says so).
    pub position: Option<(usize, usize)>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let Some(shared) = use_shared() else {
        return html! {};
    };
    let lang = shared.lang;
    let texts = lang.texts();
    let index = &shared.index;
    let dispatch = use_dispatch();
    let article_ref = use_node_ref();
    {
        // The emphasized match is brought into view once the article is rendered.
        // In a task: the app's own scroll to the top of a newly opened article
        // runs in an effect after this one.
        let article_ref = article_ref.clone();
        use_effect_with(
            (props.article_id.clone(), props.occurrence),
            move |(_, occurrence)| {
                if occurrence.is_some() {
                    gloo_timers::callback::Timeout::new(0, move || {
                        crate::dom::scroll_to_current_match(&article_ref);
                    })
                    .forget();
                }
            },
        );
    }
    {
        // Focus moves to the article region, whose first controls are back, ‹ and ›:
        // Tab reaches them next (focused on the title, they were behind it), and a
        // screen reader announces the article by its title (`aria-labelledby`).
        let article_ref = article_ref.clone();
        use_effect_with(props.article_id.clone(), move |_| {
            if let Some(article) = article_ref.cast::<web_sys::HtmlElement>() {
                let _ = article.focus();
            }
        });
    }

    let back = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            if plain_click(&event) {
                event.prevent_default();
                dispatch.emit(Action::Close);
            }
        })
    };
    let nav_link = |target: &Option<String>,
                    class: &'static str,
                    label: &'static str,
                    arrow: &'static str| {
        let Some(id) = target.clone() else {
            return html! { <span class={classes!("reader-step", class, "disabled")} aria-hidden="true">{ arrow }</span> };
        };
        let title = index
            .find_id(&id)
            .and_then(|doc| index.article(doc))
            .map(|a| a.title.clone())
            .unwrap_or_default();
        let href = route::encode(&State {
            article: Some(id.clone()),
            ..(*props.view).clone()
        });
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            if plain_click(&event) {
                event.prevent_default();
                dispatch.emit(Action::Open(id.clone()));
            }
        });
        html! {
            <a class={classes!("reader-step", class)} {href} {onclick} title={title.clone()} aria-label={format!("{label}: {title}")}>
                { arrow }
            </a>
        }
    };

    let back_href = route::encode(&State {
        article: None,
        ..(*props.view).clone()
    });
    let toolbar = html! {
        <nav class="reader-nav" aria-label={texts.back}>
            <a class="button back" href={back_href} onclick={back}>
                <span aria-hidden="true">{ "←" }</span>{ texts.back }
            </a>
            <span class="reader-position">
                { match (props.position, props.doc) {
                    (Some((n, of)), _) => lang.position(n, of),
                    // Not counted among results it is not part of (a link whose
                    // query or filters exclude it).
                    (None, Some(_)) => texts.not_in_results.to_string(),
                    (None, None) => String::new(),
                } }
            </span>
            { nav_link(&props.previous, "previous", texts.previous, "‹") }
            { nav_link(&props.next, "next", texts.next, "›") }
        </nav>
    };

    let Some(article) = props.doc.and_then(|doc| index.article(doc)) else {
        return html! {
            <article class="reader" id="reader" tabindex="-1" ref={article_ref}>
                { toolbar }
                <p class="not-found" role="status">{ texts.not_found }</p>
            </article>
        };
    };
    let doc = props.doc.unwrap_or_default();
    // The corpus's language, not the UI's (see `text_lang`).
    let corpus_lang = text_lang(&article.title).or_else(|| {
        article
            .blocks()
            .iter()
            .find_map(|block| text_lang(block.text))
    });
    let query = props.query.as_str();
    let current = props.occurrence;

    // The matches are numbered in reading order, title first (as the concordance
    // numbers its lines' occurrences). Consecutive bullets form one list.
    let mut n_matches = 0;
    let title = marked_counting(
        &article.title,
        &index.highlight(query, &article.title),
        &mut n_matches,
        current,
    );
    let mut body: Vec<Html> = Vec::new();
    let mut bullets: Vec<Html> = Vec::new();
    let flush = |bullets: &mut Vec<Html>, body: &mut Vec<Html>| {
        if !bullets.is_empty() {
            body.push(html! { <ul>{ for bullets.drain(..) }</ul> });
        }
    };
    for block in article.blocks() {
        let text = marked_counting(
            block.text,
            &index.highlight(query, block.text),
            &mut n_matches,
            current,
        );
        match block.kind {
            BlockKind::Bullet => bullets.push(html! { <li>{ text }</li> }),
            BlockKind::Heading => {
                flush(&mut bullets, &mut body);
                body.push(html! { <h2>{ text }</h2> });
            }
            BlockKind::Paragraph => {
                flush(&mut bullets, &mut body);
                body.push(html! { <p>{ text }</p> });
            }
        }
    }
    flush(&mut bullets, &mut body);

    // ‹ 3 / 11 ›: steps through the matches (none chosen yet: ‹ goes to the
    // last, › to the first).
    let match_nav = (n_matches > 0).then(|| {
        let at = current.filter(|&n| n <= n_matches);
        let step = |target: usize, class: &'static str, label: &'static str, arrow: &'static str| {
            let onclick = dispatch.reform(move |_| Action::ShowOccurrence(target));
            html! {
                <button type="button" class={classes!("match-step", class)} aria-label={label} title={label} {onclick}>
                    <span aria-hidden="true">{ arrow }</span>
                </button>
            }
        };
        let previous = match at {
            Some(n) if n > 1 => n - 1,
            Some(_) | None => n_matches,
        };
        let next = match at {
            Some(n) if n < n_matches => n + 1,
            Some(_) | None => 1,
        };
        html! {
            <div class="match-nav" role="group" aria-label={texts.matches_label}>
                { step(previous, "match-previous", texts.match_previous, "‹") }
                <span class="match-position" aria-live="polite">
                    { match at {
                        Some(n) => lang.match_position(n, n_matches),
                        None => format!("– / {n_matches}"),
                    } }
                </span>
                { step(next, "match-next", texts.match_next, "›") }
            </div>
        }
    });

    // (canonical name for the filter, name shown, kind).
    let entities: Vec<(String, String, &'static str)> = index
        .entities_of(doc)
        .iter()
        .filter_map(|&id| index.gazetteer().entity(id))
        .map(|e| {
            (
                e.name.clone(),
                e.name_in(lang.tag()).to_string(),
                lang.kind(e.kind),
            )
        })
        .collect();
    let mut mentioned: Vec<(kiroku_core::Date, Precision)> = index
        .mentioned_dates_of(doc)
        .iter()
        .map(|m| (m.date, m.precision))
        .collect();
    kiroku_core::order::sort_by_dyn(&mut mentioned, &|a, b| a.cmp(b));
    mentioned.dedup();

    html! {
        <article class="reader" id="reader" aria-labelledby="reader-title" tabindex="-1" ref={article_ref}>
            { toolbar }
            <header class="reader-head">
                <p class="result-meta">
                    <time datetime={article.date.to_string()}>{ lang.date(article.date) }</time>
                    { source_line(article.source.as_deref(), article.url.as_deref()) }
                </p>
                <h1 id="reader-title" lang={corpus_lang}>{ title }</h1>
                <div class="reader-tools">
                    { match_nav.unwrap_or_default() }
                    <Citation view={props.view.clone()} {doc} />
                </div>
            </header>
            <div class="reader-body" lang={corpus_lang}>
                { for body }
            </div>
            <footer class="reader-foot">
                if !entities.is_empty() {
                    <section>
                        <h2>{ texts.entities }</h2>
                        <div class="chips">
                            { for entities.into_iter().map(|(name, label, kind)| {
                                let onclick = dispatch.reform(move |_| Action::ShowEntity(name.clone()));
                                html! {
                                    <button type="button" class="chip" title={kind} lang={text_lang(&label)} {onclick}>
                                        { label }
                                    </button>
                                }
                            }) }
                        </div>
                    </section>
                }
                if !mentioned.is_empty() {
                    <section>
                        <h2>{ texts.mentioned_dates }</h2>
                        <ul class="mentioned">
                            { for mentioned.into_iter().map(|(date, precision)| {
                                let label = match precision {
                                    Precision::Month => lang.month(date.year, date.month),
                                    _ => lang.date(date),
                                };
                                html! { <li><time datetime={date.to_string()}>{ label }</time></li> }
                            }) }
                        </ul>
                    </section>
                }
            </footer>
        </article>
    }
}

/// The article's source: a link when the corpus gives an `http(s)` URL (opened in a
/// new tab that gets neither `window.opener` nor a referrer), plain text otherwise —
/// a `javascript:` or `data:` URL from a corpus is never made clickable.
fn source_line(source: Option<&str>, url: Option<&str>) -> Html {
    let url = url.map(str::trim).filter(|url| is_web_url(url));
    let name = source
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .or(url);
    let Some(name) = name else {
        return html! {};
    };
    let name = name.to_string();
    html! {
        <>
            { " · " }
            if let Some(url) = url {
                <a class="source" href={url.to_string()} target="_blank" rel="noopener noreferrer">{ name }</a>
            } else {
                <span class="source">{ name }</span>
            }
        </>
    }
}

/// `http:` and `https:` URLs only (scheme case-insensitive, as browsers read it).
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
