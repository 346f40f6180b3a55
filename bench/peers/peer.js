// The peers' side of `cargo xtask bench`: loads one library, the corpus as JSON
// (articles.json, written by kiroku-bench from the parsed corpus), builds its index
// and exposes window.benchSearch(q) -> Promise<{ ids, ms }>: every hit's article id
// (no cap, for recall) and the time of search + rendering the first 20 titles.
// performance.mark("peer:interactive") is set once the index is ready, and
// "peer:painted" once the frame showing it is painted.
"use strict";

const lib = new URLSearchParams(location.search).get("lib");
const list = document.getElementById("results");
let titles = [];

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

// The first 20 results as a plain list (textContent only, as a minimal UI would).
function render(shown) {
  const items = document.createDocumentFragment();
  for (const title of shown) {
    const li = document.createElement("li");
    li.textContent = title;
    items.append(li);
  }
  list.replaceChildren(items);
}

// Character bigrams for CJK runs (a lone character stays a unigram), words for the
// rest, after NFKC and lowercasing: the usual dictionary-free setup for Japanese
// (Lucene's CJKBigramFilter), used for indexing and querying alike.
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆ヶ";
const RUNS = new RegExp(`[${CJK}]+|[^${CJK}]+`, "gu");
const IS_CJK = new RegExp(`^[${CJK}]`, "u");
function bigrams(text) {
  const tokens = [];
  for (const word of text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}ー々〆ヶ]+/u)) {
    if (!word) continue;
    for (const run of word.match(RUNS)) {
      if (!IS_CJK.test(run)) {
        tokens.push(run);
        continue;
      }
      const chars = [...run];
      if (chars.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
    }
  }
  return tokens;
}

async function articles() {
  const response = await fetch("articles.json");
  return response.json();
}

const peers = {
  // MiniSearch 7: bigram tokenizer, prefix search on the last term, all terms ANDed.
  async minisearch() {
    await loadScript("lib/minisearch.js");
    const docs = await articles();
    titles = docs.map((d) => d.title);
    const started = performance.now();
    const index = new MiniSearch({
      fields: ["title", "body"],
      tokenize: bigrams,
      searchOptions: { combineWith: "AND", prefix: true, boost: { title: 2 } },
    });
    index.addAll(docs);
    performance.measure("peer:index", { start: started });
    return (q) => index.search(q).map((hit) => hit.id);
  },
  // FlexSearch 0.8: the CJK charset preset (documented for Chinese, Japanese,
  // Korean), default tokenizer, a limit above any corpus size.
  async flexsearch() {
    await loadScript("lib/flexsearch.js");
    const docs = await articles();
    titles = docs.map((d) => d.title);
    const started = performance.now();
    const index = new FlexSearch.Index({ encoder: FlexSearch.Charset.CJK });
    for (const doc of docs) index.add(doc.id, `${doc.title}\n${doc.body}`);
    performance.measure("peer:index", { start: started });
    return (q) => index.search(q, { limit: 1_000_000 });
  },
  // Pagefind 1.6: the index built ahead of time by its Node API (language ja);
  // the browser loads it lazily, chunk by chunk, during searches.
  async pagefind() {
    const pagefind = await import("./pagefind/pagefind.js");
    await pagefind.init();
    const ids = (await (await fetch("pagefind-ids.json")).json()).ids;
    return async (q, show) => {
      const search = await pagefind.search(q);
      const results = search ? search.results : [];
      await show(results.slice(0, 20));
      return results.map((r) => ids[r.id] ?? -1);
    };
  },
};

window.benchReady = (async () => {
  const search = await peers[lib]();
  window.benchSearch = async (q) => {
    const started = performance.now();
    let ids;
    if (lib === "pagefind") {
      ids = await search(q, async (top) => {
        const data = await Promise.all(top.map((r) => r.data()));
        render(data.map((d) => d.meta.title));
      });
    } else {
      ids = search(q);
      render(ids.slice(0, 20).map((id) => titles[id]));
    }
    const ms = performance.now() - started;
    return { ids, ms };
  };
  // First (empty) result list in the DOM, as kiroku's "interactive" mark. Pagefind
  // has no empty-query listing; it is interactive once initialized.
  if (lib !== "pagefind") await window.benchSearch("");
  performance.mark("peer:interactive");
  // That list painted, as kiroku's "painted" mark: a task queued from the next
  // frame's callback runs after the frame.
  requestAnimationFrame(() => setTimeout(() => performance.mark("peer:painted"), 0));
})();
