// Measures how well SiteGen's search ranks, on a test collection with relevance judged by people
// (documents, queries, graded judgements; SMART or BEIR layout), beside a textbook BM25 computed in
// the same run. Each document becomes one page of a site; the site is built with this repository's
// generator; every query runs through the real search.js in Chromium, from disk, as a reader's would.
//   npm install playwright-core      (benchmark tool only; not part of the product)
//   node bench/search-relevance.mjs <collection-folder> [work-folder]
// The collection folder holds, e.g., cran.all.1400, cran.qry and cranqrel (see "The collection"
// below for the layouts read). Prints nDCG@10, P@10, MAP@100
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
// Two layouts are read, so that the collections held aside can be run as they are distributed:
// - SMART (Cranfield, MED, CISI, CACM, NPL): a documents file (*.all*, *.ALL), a queries file
//   (*.qry, *.QRY) and a judgements file (*qrel*, *.REL). Queries are numbered by their position
//   in the file, as the judgements count them (Cranfield's .I numbers skip). Judgements are
//   "query document code" (Cranfield: code 1 most relevant .. 4, -1 not relevant), "query 0
//   document grade" (TREC style, MED) or "query document 0 0" (CISI, CACM: relevant or not).
// - BEIR (NFCorpus, TREC-COVID, SciFact...): corpus.jsonl, queries.jsonl, qrels/test.tsv.
// Every reader gives documents { id, title, text } (text is what BM25 reads: the title and the
// body), queries { id, text } and judgements: query id -> Map(document id -> gain, above 0).

function smartRecords(text) {
  // Records start with ".I n"; fields with ".X" on a line of their own.
  const records = [];
  let current = null, field = null;
  for (const line of text.split(/\r?\n/)) {
    const id = line.match(/^\.I\s+(\d+)/);
    if (id) { current = { id: +id[1] }; records.push(current); field = null; continue; }
    const tag = line.match(/^\.([A-Z])\s*$/);
    if (tag) { field = tag[1]; current[field] = ''; continue; }
    if (current && field) current[field] += line + '\n';
  }
  return records;
}

const clean = s => (s ?? '').replace(/\s+/g, ' ').trim();

function readSmart(folder) {
  const files = fs.readdirSync(folder);
  const pick = (pattern, what) => {
    const found = files.filter(f => pattern.test(f) && !/readme/i.test(f));
    if (found.length !== 1) throw new Error(`${folder}: expected one ${what} file, found ${found.length ? found.join(', ') : 'none'}`);
    return fs.readFileSync(path.join(folder, found[0]), 'latin1');
  };
  const documents = smartRecords(pick(/\.all|\.ALL|^all/i, 'documents')).map(d => {
    const title = clean(d.T).replace(/ \.$/, '');
    const body = clean(d.W);
    // Cranfield's text repeats the title; elsewhere the title is read before the text.
    const text = title && !body.toLowerCase().startsWith(title.toLowerCase().slice(0, 20)) ? `${title} ${body}` : body;
    return { id: String(d.id), title: title || "–", body, text }; // no title: no words in it, as for BM25
  });
  const queries = smartRecords(pick(/\.qry$|\.QRY$|^query/i, 'queries')).map((q, i) => ({ id: String(i + 1), text: clean(q.W) }));
  const lines = pick(/qrel|\.REL$/i, 'judgements').split(/\r?\n/).map(l => l.trim().split(/\s+/)).filter(f => f.length >= 3 && f[0] !== '');
  const trec = lines.length > 0 && lines.every(f => f.length >= 4 && f[1] === '0');
  const cranfield = !trec && lines.every(f => f.length === 3);
  const judgements = new Map();
  for (const f of lines) {
    const [q, d, gain] = trec ? [f[0], f[2], +f[3]] : cranfield ? [f[0], f[1], +f[2] >= 1 && +f[2] <= 4 ? 5 - +f[2] : 0] : [f[0], f[1], 1];
    if (!(gain > 0)) continue;
    const query = String(+q), doc = String(+d);
    if (!judgements.has(query)) judgements.set(query, new Map());
    judgements.get(query).set(doc, gain);
  }
  return { documents, queries, judgements };
}

function readBeir(folder) {
  const jsonl = file => fs.readFileSync(path.join(folder, file), 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
  const documents = jsonl('corpus.jsonl').map(d => {
    const title = clean(d.title), body = clean(d.text);
    return { id: String(d._id), title: title || `Document ${d._id}`, body, text: title ? `${title} ${body}` : body };
  });
  const judgements = new Map();
  const qrels = fs.readFileSync(path.join(folder, 'qrels', 'test.tsv'), 'utf8').split('\n').slice(1);
  for (const line of qrels) {
    const [q, d, score] = line.trim().split('\t');
    if (!q || !(+score > 0)) continue;
    if (!judgements.has(q)) judgements.set(q, new Map());
    judgements.get(q).set(String(d), +score);
  }
  const queries = jsonl('queries.jsonl').filter(q => judgements.has(String(q._id))).map(q => ({ id: String(q._id), text: clean(q.text) }));
  return { documents, queries, judgements };
}

const { documents, queries, judgements } = fs.existsSync(path.join(collection, 'corpus.jsonl')) ? readBeir(collection) : readSmart(collection);

// ---- The site: one page per document ---------------------------------------------------------

const input = path.join(work, 'input'), output = path.join(work, 'output');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(input, 'd'), { recursive: true });
fs.mkdirSync(path.join(input, '_partials'));
fs.writeFileSync(path.join(input, 'site.yml'), 'title: Test collection\naudience: Researcher\nchecks:\n  heading-order: off\n');
fs.writeFileSync(path.join(input, '_partials', 'limitations.md'), 'A test collection.\n');
fs.writeFileSync(path.join(input, 'index.md'), '---\ntitle: Test collection\n---\nThe collection\'s documents, one page each.\n');
fs.writeFileSync(path.join(input, 'd', 'index.md'), '---\ntitle: Documents\n---\nEvery document.\n');
const yaml = s => JSON.stringify(s || 'untitled');
// Pages are named by position (d/000001.md ...); a result's page number gives back the document.
documents.forEach((d, i) =>
  fs.writeFileSync(path.join(input, 'd', `${String(i + 1).padStart(6, '0')}.md`),
    `---\ntitle: ${yaml(d.title)}\norder: ${i + 1}\n---\n${d.body.replace(/([\\`*_[\]<>#|!])/g, '\\$1')}\n`));
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
      return { id: d.id, at: i, score };
    });
    return scores.filter(s => s.score > 0).sort((a, b) => b.score - a.score || a.at - b.at).slice(0, 100).map(s => s.id);
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
      if (m && !ids.includes(documents[+m[1] - 1].id)) ids.push(documents[+m[1] - 1].id);
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
if (process.env.RELEVANCE_RUNS) fs.writeFileSync(process.env.RELEVANCE_RUNS, JSON.stringify(runs)); // each query's ranked lists, to compare two builds

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
