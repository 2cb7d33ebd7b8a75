// Measures how well SiteGen's search ranks, on a test collection with relevance judged by people
// (Cranfield format: documents, queries, graded judgements), beside a textbook BM25 computed in the
// same run. Each document becomes one page of a site; the site is built with this repository's
// generator; every query runs through the real search.js in Chromium, from disk, as a reader's would.
//   npm install playwright-core      (benchmark tool only; not part of the product)
//   node bench/search-relevance.mjs <collection-folder> [work-folder]
// The collection folder holds cran.all.1400, cran.qry and cranqrel. Prints nDCG@10, P@10, MAP@100
// and the share of queries with no result, for the queries as written and for each query's three
// most informative words (highest IDF in the collection).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [collection, workArg] = process.argv.slice(2);
if (!collection) {
  console.error('usage: node bench/search-relevance.mjs <collection-folder> [work-folder]');
  process.exit(2);
}
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = path.resolve(workArg ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sitegen-relevance-')));

// ---- The collection ------------------------------------------------------------------------

function fields(text) {
  // Records start with ".I n"; fields with ".X" on a line of their own.
  const records = [];
  let current = null, field = null;
  for (const line of text.split('\n')) {
    const id = line.match(/^\.I\s+(\d+)/);
    if (id) { current = { id: +id[1] }; records.push(current); field = null; continue; }
    const tag = line.match(/^\.([TAWB])\s*$/);
    if (tag) { field = tag[1]; current[field] = ''; continue; }
    if (current && field) current[field] += line + '\n';
  }
  return records;
}

const documents = fields(fs.readFileSync(path.join(collection, 'cran.all.1400'), 'utf8'))
  .map(d => ({ id: d.id, title: (d.T ?? '').replace(/\s+/g, ' ').replace(/ \.$/, '').trim(), text: (d.W ?? '').replace(/\s+/g, ' ').trim() }));
// Queries are numbered by their position in the file (the .I numbers skip), as the judgements count them.
const queries = fields(fs.readFileSync(path.join(collection, 'cran.qry'), 'utf8'))
  .map((q, i) => ({ id: i + 1, text: (q.W ?? '').replace(/\s+/g, ' ').trim() }));
const judgements = new Map(); // query -> Map(document -> gain)
for (const line of fs.readFileSync(path.join(collection, 'cranqrel'), 'utf8').split('\n')) {
  const [q, d, code] = line.trim().split(/\s+/).map(Number);
  if (!q || !d || !(code >= 1 && code <= 4)) continue; // -1: judged not relevant
  if (!judgements.has(q)) judgements.set(q, new Map());
  judgements.get(q).set(d, 5 - code); // code 1 (complete answer) is the most relevant
}

// ---- The site: one page per document ---------------------------------------------------------

const input = path.join(work, 'input'), output = path.join(work, 'output');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(input, 'd'), { recursive: true });
fs.mkdirSync(path.join(input, '_partials'));
fs.writeFileSync(path.join(input, 'site.yml'), 'title: Cranfield\naudience: Researcher\nchecks:\n  heading-order: off\n');
fs.writeFileSync(path.join(input, '_partials', 'limitations.md'), 'A test collection.\n');
fs.writeFileSync(path.join(input, 'index.md'), '---\ntitle: Cranfield\n---\nThe Cranfield collection.\n');
fs.writeFileSync(path.join(input, 'd', 'index.md'), '---\ntitle: Documents\n---\nEvery document.\n');
const yaml = s => JSON.stringify(s || 'untitled');
for (const d of documents)
  fs.writeFileSync(path.join(input, 'd', `${String(d.id).padStart(4, '0')}.md`),
    `---\ntitle: ${yaml(d.title)}\norder: ${d.id}\n---\n${d.text.replace(/([\\`*_[\]<>#|!])/g, '\\$1')}\n`);
execFileSync('dotnet', ['run', '--project', path.join(repo, 'generator'), '-c', 'Release', '--', 'build', '--input', input, '--output', output],
  { stdio: ['ignore', 'ignore', 'inherit'] });

// ---- Running the queries ---------------------------------------------------------------------

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(pathToFileURL(path.join(output, 'index.html')).href);

// A textbook BM25 (k1 0.9, b 0.4), English stop words, Snowball stemming (the page's own stemmer,
// so the comparison is of ranking, not of word handling), over the same documents.
const STOP = 'a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves'.split(' ');
const runs = await page.evaluate(async ({ documents, queries, STOP }) => {
  const stem = w => window.SiteGenSearch.englishStem(w);
  const words = t => t.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '').split(/[^\p{L}\p{Nd}]+/u).filter(w => w.length > 1 && !STOP.includes(w));
  const docTerms = documents.map(d => { const m = new Map(); for (const w of words(d.text)) { const s = stem(w); m.set(s, (m.get(s) ?? 0) + 1); } return m; });
  const lengths = docTerms.map(m => [...m.values()].reduce((a, b) => a + b, 0));
  const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  const df = new Map();
  for (const m of docTerms) for (const s of m.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = s => Math.log(1 + (documents.length - (df.get(s) ?? 0) + 0.5) / ((df.get(s) ?? 0) + 0.5));
  const bm25 = text => {
    const terms = words(text).map(stem);
    const scores = documents.map((d, i) => {
      let score = 0;
      for (const s of terms) {
        const f = docTerms[i].get(s) ?? 0;
        if (f > 0) score += idf(s) * f * 1.9 / (f + 0.9 * (0.6 + 0.4 * lengths[i] / average));
      }
      return { id: d.id, score };
    });
    return scores.filter(s => s.score > 0).sort((a, b) => b.score - a.score || a.id - b.id).slice(0, 100).map(s => s.id);
  };
  // The three words of a query that are rarest in the collection (and in it at all), in query order.
  const informative = text => {
    const seen = [...new Set(words(text))].filter(w => df.has(stem(w)));
    const top = [...seen].sort((a, b) => idf(stem(b)) - idf(stem(a))).slice(0, 3);
    return seen.filter(w => top.includes(w)).join(' ');
  };
  const sitegen = async text => {
    const outcome = await window.SiteGenSearch.query(text, 100);
    const ids = [];
    for (const r of outcome.results) {
      const m = r.url.match(/^d\/(\d+)\.html$/);
      if (m && !ids.includes(+m[1])) ids.push(+m[1]);
    }
    return ids;
  };
  const out = [];
  for (const q of queries) {
    const short = informative(q.text);
    out.push({ id: q.id, short, sitegen: await sitegen(q.text), sitegenShort: await sitegen(short), bm25: bm25(q.text), bm25Short: bm25(short) });
  }
  return out;
}, { documents, queries, STOP });
await browser.close();

// ---- Scores ------------------------------------------------------------------------------------

function metrics(ranked, gains) {
  const dcg = ranked.slice(0, 10).reduce((sum, d, i) => sum + ((2 ** (gains.get(d) ?? 0)) - 1) / Math.log2(i + 2), 0);
  const ideal = [...gains.values()].sort((a, b) => b - a).slice(0, 10).reduce((sum, g, i) => sum + ((2 ** g) - 1) / Math.log2(i + 2), 0);
  const p10 = ranked.slice(0, 10).filter(d => gains.has(d)).length / 10;
  let hits = 0, ap = 0;
  ranked.slice(0, 100).forEach((d, i) => { if (gains.has(d)) { hits++; ap += hits / (i + 1); } });
  return { ndcg: ideal > 0 ? dcg / ideal : 0, p10, map: ap / gains.size, zero: ranked.length === 0 ? 1 : 0 };
}

function summary(key) {
  const rows = runs.filter(r => judgements.has(r.id)).map(r => metrics(r[key], judgements.get(r.id)));
  const mean = name => rows.reduce((s, r) => s + r[name], 0) / rows.length;
  return { queries: rows.length, ndcg: mean('ndcg'), p10: mean('p10'), map: mean('map'), zero: mean('zero') };
}

const table = [
  ['SiteGen, questions as written', summary('sitegen')],
  ['BM25, questions as written', summary('bm25')],
  ['SiteGen, 3 most informative words', summary('sitegenShort')],
  ['BM25, 3 most informative words', summary('bm25Short')],
];
console.log(`${documents.length} documents, ${table[0][1].queries} judged queries (site in ${work})`);
console.log('run'.padEnd(36) + 'nDCG@10   P@10  MAP@100  no result');
for (const [name, s] of table)
  console.log(name.padEnd(36) + s.ndcg.toFixed(3).padStart(7) + s.p10.toFixed(3).padStart(7) + s.map.toFixed(3).padStart(9) + `${(100 * s.zero).toFixed(1)}%`.padStart(11));
const ratio = (a, b) => `${((a / b - 1) * 100).toFixed(1)}%`;
console.log(`SiteGen against BM25, nDCG@10: ${ratio(table[0][1].ndcg, table[1][1].ndcg)} as written, ${ratio(table[2][1].ndcg, table[3][1].ndcg)} with 3 words`);
