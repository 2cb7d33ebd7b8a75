// Measures what a reader's first search downloads, in Chromium on a built site from disk
// (file://): each query runs from a fresh page, as the header box asks (8 results), and every
// search file it loads is counted (search.js, the manifest, term shards, rest files, page files,
// keyword files):
// bytes as stored, as sent by a host without compression (S3, a folder), and gzipped, as most
// hosts send them (GitHub Pages, Netlify).
//   npm install playwright-core      (benchmark tool only; not part of the product)
//   node bench/search-first-bytes.mjs /path/to/output "schema" "cache latency" ...
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [site, ...queries] = process.argv.slice(2);
if (!site || queries.length === 0) {
  console.error('usage: node bench/search-first-bytes.mjs <output-dir> <query> [<query> ...]');
  process.exit(2);
}
const root = path.resolve(site);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const kb = n => (n / 1024).toFixed(1).padStart(6) + ' KB';
for (const query of queries) {
  const page = await browser.newPage();
  const files = new Set();
  page.on('request', r => { if (r.url().startsWith('file:')) files.add(fileURLToPath(r.url())); });
  await page.goto(pathToFileURL(path.join(root, 'index.html')).href);
  const results = await page.evaluate(async q => (await window.SiteGenSearch.query(q, 8)).results.length, query);
  const loaded = [...files].filter(f => f.startsWith(path.join(root, 'search') + path.sep) || f.endsWith(`${path.sep}search.js`));
  let raw = 0, gzip = 0;
  const kinds = {};
  for (const f of loaded) {
    const bytes = fs.readFileSync(f);
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 6 }).length;
    const kind = f.endsWith('search.js') ? 'script' : path.basename(path.dirname(f)) === 'search' ? 'manifest'
      : { t: 'shards', r: 'rest', p: 'pages', k: 'keywords' }[path.basename(path.dirname(f))];
    kinds[kind] = (kinds[kind] || 0) + bytes.length;
  }
  const parts = Object.entries(kinds).map(([k, n]) => `${k} ${(n / 1024).toFixed(1)}`).join(', ');
  console.log(`${JSON.stringify(query).padEnd(24)} ${String(loaded.length).padStart(2)} files ${kb(raw)} stored, ${kb(gzip)} gzipped  (${parts})  ${results} results`);
  await page.close();
}
await browser.close();
