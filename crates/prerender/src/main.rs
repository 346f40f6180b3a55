//! `kiroku-prerender CORPUS ENTITIES OUT_DIR`: renders the app's start view (no
//! query, no filters, no open article, the system theme) once per UI language, with
//! the same components the app runs, into `OUT_DIR/start-<lang>.html`.
//!
//! `cargo xtask dist` puts both into the page; the app hydrates the one in its
//! language instead of rendering from scratch (`kiroku::start`). `ENTITIES` may be
//! `-` for a corpus without a gazetteer.

use std::{fs, path::PathBuf, rc::Rc};

use anyhow::{bail, Context, Result};
use kiroku::{app::App, corpus::build_index, i18n::Lang, prerender};
use yew::LocalServerRenderer;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, entities, out_dir] = args.as_slice() else {
        bail!("usage: kiroku-prerender CORPUS ENTITIES|- OUT_DIR");
    };
    let corpus = fs::read(corpus).with_context(|| format!("cannot read corpus {corpus}"))?;
    let entities = match entities.as_str() {
        "-" => String::new(),
        path => fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?,
    };
    // The build script has validated the corpus; lossy decoding changes nothing here.
    let index = Rc::new(build_index(&String::from_utf8_lossy(&corpus), &entities));
    let out_dir = PathBuf::from(out_dir);
    fs::create_dir_all(&out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("cannot start a runtime for the server renderer")?;
    for lang in [Lang::Ja, Lang::En] {
        let props = prerender::start_view(index.clone(), lang);
        let html = runtime.block_on(LocalServerRenderer::<App>::with_props(props).render());
        let path = out_dir.join(format!("start-{}.html", lang.tag()));
        fs::write(&path, html).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
