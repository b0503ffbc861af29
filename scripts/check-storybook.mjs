#!/usr/bin/env node
/**
 * Smoke test of the static Storybook (`npm run build-storybook` first): opens every story of
 * `storybook-static/index.json` in headless Chromium and fails when one does not render (an exception, an
 * error shown by Storybook, or an empty root). A story can build and still throw when it renders; this
 * catches that in CI.
 */
/* global document -- page callbacks run in the page */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { repoRoot } from './lib/paths.mjs';
import { serveDemo } from './lib/static-server.mjs';

const root = join(repoRoot, 'storybook-static');
if (!existsSync(join(root, 'index.json'))) {
  console.error('check-storybook: storybook-static/index.json is missing: run `npm run build-storybook` first');
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
/** @type {{ id: string, title: string, name: string }[]} */
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

const server = await serveDemo({ port: 0, root });
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchChromium();
/** @type {string[]} */
const failures = [];
try {
  const page = await browser.newPage();
  /** @type {string[]} */
  let errors = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  for (const story of stories) {
    errors = [];
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
    // Storybook marks <body> with sb-show-main once the story rendered, sb-show-errordisplay when it threw.
    const state = await page
      .waitForFunction(
        () => {
          const body = document.body.classList;
          if (body.contains('sb-show-errordisplay')) return 'error';
          if (body.contains('sb-show-main')) return 'main';
          return false;
        },
        { timeout: 15_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => 'timeout');
    const rendered = await page.evaluate(() => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0);
    if (state !== 'main' || !rendered || errors.length > 0) {
      const shown = await page.evaluate(() => document.querySelector('#error-message')?.textContent ?? '');
      failures.push(
        `${story.title} › ${story.name}: ${state}${rendered ? '' : ', empty'} ${[shown, ...errors].filter(Boolean).join('; ')}`,
      );
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length > 0) {
  console.error(`check-storybook: ${failures.length} of ${stories.length} stories failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-storybook ok: ${stories.length} stories render`);
