// Measures search latency in Chromium on a built site, from disk (file://), as a reader would
// type: each query runs twice, cold (its index files not loaded yet) and warm.
//   npm install playwright-core      (benchmark tool only; not part of the product)
//   node bench/search-latency.mjs /path/to/output "cache latency" "schema" ...
import { chromium } from 'playwright-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [site, ...queries] = process.argv.slice(2);
if (!site || queries.length === 0) {
  console.error('usage: node bench/search-latency.mjs <output-dir> <query> [<query> ...]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(pathToFileURL(path.join(path.resolve(site), 'index.html')).href);
const rows = [];
for (const q of queries) {
  const timing = await page.evaluate(async (query) => {
    const run = async () => {
      const start = performance.now();
      const outcome = await window.SiteGenSearch.query(query, 10);
      return { ms: performance.now() - start, results: outcome.results.length };
    };
    const cold = await run();
    const warm = await run();
    return { cold: cold.ms, warm: warm.ms, results: warm.results };
  }, q);
  rows.push({ query: q, ...timing });
}
for (const r of rows) console.log(`${JSON.stringify(r.query).padEnd(24)} cold ${r.cold.toFixed(1).padStart(7)} ms   warm ${r.warm.toFixed(1).padStart(6)} ms   ${r.results} results`);
await browser.close();
