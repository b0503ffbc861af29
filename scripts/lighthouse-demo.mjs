#!/usr/bin/env node
/**
 * Lighthouse on the built demo (issue 21 item 12; not in CI: it takes a minute and its scores move with the
 * machine's load). Serves `packages/demo/dist` on loopback with the demo's static server (compressed, as
 * `npm start` serves it), opens the system Chromium (CHROME_PATH, else the one `scripts/ensure-browser.mjs`
 * finds) and runs Lighthouse's mobile profile for performance, accessibility and best practices on the unlock
 * page, the first screen a visitor sees. Prints the scores and the biggest losses.
 *
 *   npm run build && node scripts/lighthouse-demo.mjs [--runs 3]
 *
 * Writes the last report to `.tmp/lighthouse/demo.html`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { ensureBrowser } from './ensure-browser.mjs';
import { CHROMIUM_ARGS } from './lib/browser.mjs';
import { repoRoot } from './lib/paths.mjs';
import { serveDemo } from './lib/static-server.mjs';

if (!existsSync(join(repoRoot, 'packages', 'demo', 'dist', 'main.js'))) {
  console.error('lighthouse-demo: packages/demo/dist/main.js is missing: run `npm run build` first');
  process.exit(1);
}
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 1) : 1;

const server = await serveDemo({ port: 0 });
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const port = 9300 + Math.floor(Math.random() * 500);
const browser = await puppeteer.launch({
  executablePath: ensureBrowser(),
  headless: true,
  args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
});
const categories = ['performance', 'accessibility', 'best-practices'];
/** @type {Record<string, number[]>} */
const scores = Object.fromEntries(categories.map((c) => [c, []]));
let last;
try {
  for (let run = 0; run < runs; run += 1) {
    const result = await lighthouse(url, {
      port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: categories,
      formFactor: 'mobile',
      screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
    });
    if (!result) throw new Error('Lighthouse returned no result');
    last = result;
    for (const c of categories) scores[c].push(Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
  }
} finally {
  await browser.close();
  server.close();
}
const lhr = last.lhr;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`lighthouse-demo: ${url} (mobile, ${runs} run${runs > 1 ? 's' : ''}, Lighthouse ${lhr.lighthouseVersion})`);
for (const c of categories)
  console.log(`  ${c}: ${median(scores[c])}${runs > 1 ? ` (runs: ${scores[c].join(', ')})` : ''}`);
const metric = (id) => lhr.audits[id]?.displayValue ?? '-';
console.log(
  `  FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')} · transfer ${metric('total-byte-weight')}`,
);
const losses = Object.values(lhr.audits)
  .filter(
    (a) =>
      a.score !== null &&
      a.score < 0.9 &&
      a.scoreDisplayMode !== 'informative' &&
      a.scoreDisplayMode !== 'notApplicable',
  )
  .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
console.log(`  below 90: ${losses.length > 0 ? losses.join('; ') : 'none'}`);
const outDir = join(repoRoot, '.tmp', 'lighthouse');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'demo.html'), /** @type {string} */ (last.report));
