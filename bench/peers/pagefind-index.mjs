// Builds the Pagefind index of a benchmark corpus through Pagefind's Node API.
// Usage: node pagefind-index.mjs ARTICLES_JSON OUT_DIR
// ARTICLES_JSON: [{ "id": 0, "title": "…", "body": "…" }, …] (written by kiroku-bench).
// Writes OUT_DIR/pagefind/ (the bundle the page loads) and OUT_DIR/pagefind-ids.json,
// which maps each Pagefind page id to the article id so recall can be computed
// without fetching every fragment in the browser.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import * as pagefind from "pagefind";

const [articlesPath, outDir] = process.argv.slice(2);
const articles = JSON.parse(readFileSync(articlesPath, "utf8"));
const started = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: "ja" });
if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
for (const article of articles) {
  const response = await index.addCustomRecord({
    url: `/a/${article.id}`,
    content: `${article.title}\n${article.body}`,
    language: "ja",
    meta: { title: article.title },
  });
  if (response.errors.length) throw new Error(`pagefind: ${response.errors.join("; ")}`);
}
const out = join(outDir, "pagefind");
mkdirSync(outDir, { recursive: true });
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
const indexMs = performance.now() - started;

// Fragments are gzip'd "pagefind_dcd" + JSON with the page's url.
const { files } = await index.getFiles();
const ids = {};
for (const file of files) {
  if (!file.path.endsWith(".pf_fragment")) continue;
  let bytes = Buffer.from(file.content);
  try { bytes = gunzipSync(bytes); } catch { /* stored uncompressed */ }
  const text = bytes.toString("utf8").replace(/^pagefind_dcd/, "");
  const fragment = JSON.parse(text);
  const pageId = file.path.split("/").pop().replace(/\.pf_fragment$/, "");
  ids[pageId] = Number(fragment.url.split("/").pop());
}
if (Object.keys(ids).length !== articles.length) {
  throw new Error(`pagefind: ${Object.keys(ids).length} fragments for ${articles.length} articles`);
}
writeFileSync(join(outDir, "pagefind-ids.json"), JSON.stringify({ ids, indexMs }));
await pagefind.close();
console.log(`pagefind: ${articles.length} articles, ${Object.keys(ids).length} fragments, ${indexMs.toFixed(0)} ms -> ${out}`);
