#!/usr/bin/env node
/**
 * End-to-end smoke test of what `npm start` serves: the BUILT demo (`packages/demo/dist`, run `npm run build`
 * or `npm start` first) on the same static server, opened in headless Chromium. Passes when the page shows its
 * caseload (unlocked with the demo's printed passphrase, example cases seeded) and logs no error. `.ci/run` runs it after the build.
 */
/* global document -- page.evaluate() callbacks run in the page */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { repoRoot } from './lib/paths.mjs';
import { serveDemo } from './lib/static-server.mjs';

if (!existsSync(join(repoRoot, 'packages', 'demo', 'dist', 'main.js'))) {
  console.error('e2e-demo: packages/demo/dist/main.js is missing: run `npm run build` first');
  process.exit(1);
}

const server = await serveDemo({ port: 0 });
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await launchChromium();
/** @type {string[]} */
const problems = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) =>
    problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(`${url}?demo-passphrase=${encodeURIComponent('Musterstadt-Demo 2026, Akten!')}`, {
    waitUntil: 'load',
  });
  await page.waitForSelector('table.caseload', { timeout: 60_000 });
  const seen = await page.evaluate(() => ({
    title: document.title,
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
    rows: document.querySelectorAll('table.caseload tbody tr').length,
    store: document.querySelector('.store-note')?.textContent ?? '',
  }));
  if (seen.title !== 'Fallkit Demo – Kommunales Integrationsmanagement Musterstadt')
    problems.push(`title is "${seen.title}"`);
  if (seen.h1.length !== 1 || seen.h1[0] !== 'Fallübersicht') problems.push(`h1 is ${JSON.stringify(seen.h1)}`);
  if (seen.rows === 0) problems.push('the caseload shows no seeded case');
  // The bundle must carry the Dexie store (not the in-memory fallback).
  // Plain words since issue 21 item 5: it says the files are encrypted, not how.
  if (!seen.store.includes('„fallkit-demo“') || !seen.store.includes('verschlüsselt in diesem Browser'))
    problems.push(`store note is "${seen.store}"`);
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  server.close();
}

if (problems.length > 0) {
  console.error(`e2e-demo FAILED on ${url}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`e2e-demo ok: ${url} shows the seeded caseload on the encrypted Dexie store`);
