//! The start view pre-rendered into the page: `kiroku-prerender` renders it natively
//! with the app's own components (yew's server renderer), once per UI language, and
//! [`insert`] puts the copies into the page's `[data-kiroku-page]` element. The app
//! hydrates the copy in its language (`src/prerender.rs`); the page's head script
//! and stylesheet show only that copy, and none while a link asks for another view.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::{
    files,
    html::{self, ContentType},
    shell,
};

/// The UI languages, the default first: the copy a page without JavaScript shows.
const LANGS: [&str; 2] = ["ja", "en"];

/// The start view of `corpus` (with the gazetteer `entities`, if any) in each
/// language, as `(language tag, HTML)`.
pub fn render(corpus: &Path, entities: Option<&Path>) -> Result<Vec<(&'static str, String)>> {
    let root = shell::root();
    let out = root.join("target/prerender");
    let entities = entities.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
    // The debug profile: rendering the start view is quick even unoptimized, and its
    // dependencies are the ones the native tests compile anyway.
    shell::run(
        shell::cargo()
            .current_dir(&root)
            .args(["run", "--quiet", "-p", "kiroku-prerender", "--"])
            .arg(corpus)
            .arg(entities)
            .arg(&out),
    )?;
    LANGS
        .iter()
        .map(|&lang| {
            Ok((
                lang,
                files::read_to_string(&out.join(format!("start-{lang}.html")))?,
            ))
        })
        .collect()
}

/// `page` with `views` inside its `[data-kiroku-page]` element, each in a
/// `<div class="prerendered" data-lang="…">`, and `data-prerendered` on `<body>` (the
/// stylesheet then hides the boot screen, unless the link asks for another view).
pub fn insert(page: &str, views: &[(&str, String)]) -> Result<String> {
    // yew's server renderer escapes every text and attribute; its output goes in as is.
    let copies: String = views
        .iter()
        .map(|(lang, view)| format!("<div class=\"prerendered\" data-lang=\"{lang}\">{view}</div>"))
        .collect();
    let handlers = vec![
        html::on_element("[data-kiroku-page]", |root| {
            root.set_inner_content(&copies, ContentType::Html);
            Ok(())
        })?,
        html::on_element("body", |body| {
            body.set_attribute("data-prerendered", "")?;
            Ok(())
        })?,
    ];
    html::rewrite(page, handlers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_go_into_the_app_root_only() {
        let page = "<body><div id=\"boot\"></div><div id=\"app\" data-kiroku-page></div></body>";
        let out = insert(
            page,
            &[("ja", "<p>a &amp; b</p>".into()), ("en", "<p>c</p>".into())],
        )
        .unwrap();
        assert_eq!(
            out,
            "<body data-prerendered=\"\"><div id=\"boot\"></div><div id=\"app\" data-kiroku-page>\
             <div class=\"prerendered\" data-lang=\"ja\"><p>a &amp; b</p></div>\
             <div class=\"prerendered\" data-lang=\"en\"><p>c</p></div></div></body>"
        );
    }
}
