#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark case, prints one table of figures and ratios, and writes the run as
 * JSON to `bench/results/<timestamp>.json` (git-ignored). See bench/README.md for how to add a case.
 *
 *   npm run bench                 # all cases
 *   npm run bench -- size         # only cases whose file name contains "size"
 *
 * Node cases: `bench/cases/*.bench.mjs`, default export `async (context) => rows`.
 * Browser cases: `bench/browser/*.bench.ts`, default export `async () => rows`, bundled with esbuild (sources of
 * `@fallkit/*`, production builds of lit, Dexie's ES module build) and run in headless Chromium on a
 * loopback page, so IndexedDB works.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/browser.mjs';
import { bundleBrowserBench } from './lib/bench-bundle.mjs';
import { repoRoot } from './lib/paths.mjs';

/** @typedef {{ name: string, value: number, unit: string, baseline?: number, baselineName?: string, ratio?: number }} BenchRow */
/** @typedef {{ case: string, kind: 'node' | 'browser', seconds: number, rows: BenchRow[], error?: string }} CaseResult */

const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));

/** @param {string} dir @param {string} suffix */
function discover(dir, suffix) {
  let files;
  try {
    files = readdirSync(join(repoRoot, dir));
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith(suffix))
    .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
    .sort()
    .map((file) => join(dir, file));
}

/**
 * Completes and checks the rows a case returned.
 * @param {unknown} rows
 * @returns {BenchRow[]}
 */
function normalise(rows) {
  if (!Array.isArray(rows)) throw new Error('a benchmark case must return an array of rows');
  return rows.map((row) => {
    if (typeof row?.name !== 'string' || typeof row?.value !== 'number' || typeof row?.unit !== 'string') {
      throw new Error(`bad row ${JSON.stringify(row)}: needs { name, value, unit }`);
    }
    const ratio =
      row.ratio ?? (typeof row.baseline === 'number' && row.baseline !== 0 ? row.value / row.baseline : undefined);
    return ratio === undefined ? row : { ...row, ratio };
  });
}

/**
 * @param {string} file
 * @param {'node' | 'browser'} kind
 * @param {() => Promise<unknown>} run
 * @returns {Promise<CaseResult>}
 */
async function measure(file, kind, run) {
  const started = performance.now();
  process.stderr.write(`bench: ${file} …\n`);
  try {
    const rows = normalise(await run());
    return { case: file, kind, seconds: (performance.now() - started) / 1000, rows };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { case: file, kind, seconds: (performance.now() - started) / 1000, rows: [], error: message };
  }
}

/** @param {string} file */
async function runNodeCase(file) {
  const module = await import(pathToFileURL(join(repoRoot, file)).href);
  if (typeof module.default !== 'function') throw new Error(`${file} has no default export function`);
  return module.default({ repoRoot });
}

/**
 * Runs the browser cases in one Chromium, each on a fresh loopback page.
 * @param {string[]} files
 * @returns {Promise<CaseResult[]>}
 */
async function runBrowserCases(files) {
  if (files.length === 0) return [];
  /** @type {Map<string, string>} */
  const scripts = new Map();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const script = scripts.get(path);
    if (script !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>',
      );
    } else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  /** @type {CaseResult[]} */
  const results = [];
  try {
    for (const [index, file] of files.entries()) {
      results.push(
        await measure(file, 'browser', async () => {
          const path = `/case-${index}.js`;
          scripts.set(path, await bundleBrowserBench(join(repoRoot, file)));
          const page = await browser.newPage();
          try {
            /** @type {string[]} */
            const pageErrors = [];
            page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
            await page.goto(`${origin}/`);
            await page.addScriptTag({ url: path, type: 'module' });
            await page.waitForFunction('typeof globalThis.__fallkitBench === "function"', { timeout: 30_000 });
            const rows = await page.evaluate('globalThis.__fallkitBench()');
            if (pageErrors.length > 0) throw new Error(pageErrors.join('; '));
            return rows;
          } finally {
            await page.close();
          }
        }),
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

/** @param {number} value */
function formatNumber(value) {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 3 : 1 });
}

/** @param {CaseResult[]} results */
function printTable(results) {
  const header = ['case', 'figure', 'value', 'baseline', 'ratio'];
  /** @type {string[][]} */
  const lines = [];
  for (const result of results) {
    const caseName = result.case.replace(/^bench\//, '');
    if (result.error) lines.push([caseName, 'FAILED', result.error.split('\n')[0] ?? '', '', '']);
    for (const row of result.rows) {
      lines.push([
        caseName,
        row.name,
        `${formatNumber(row.value)} ${row.unit}`,
        row.baseline === undefined
          ? ''
          : `${formatNumber(row.baseline)} ${row.unit}${row.baselineName ? ` (${row.baselineName})` : ''}`,
        row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (/** @type {string[]} */ cells) =>
    cells
      .map((cell, column) => (column >= 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

const startedAt = new Date();
const nodeFiles = discover('bench/cases', '.bench.mjs');
const browserFiles = discover('bench/browser', '.bench.ts');
if (nodeFiles.length + browserFiles.length === 0) {
  console.error(`bench: no cases match ${filters.join(', ') || '(all)'}`);
  process.exit(1);
}

/** @type {CaseResult[]} */
const results = [];
for (const file of nodeFiles) results.push(await measure(file, 'node', () => runNodeCase(file)));
results.push(...(await runBrowserCases(browserFiles)));

console.log('');
printTable(results);

const resultsDir = join(repoRoot, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const outFile = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  outFile,
  JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      results,
    },
    null,
    2,
  ),
);
console.log(`\nwritten: ${outFile.slice(repoRoot.length)}`);
if (results.some((result) => result.error)) {
  for (const result of results.filter((r) => r.error)) console.error(`\n${result.case} failed:\n${result.error}`);
  process.exitCode = 1;
}
