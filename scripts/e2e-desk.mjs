#!/usr/bin/env node
/**
 * The desk end-to-end test (issue 21 items 5-7, 11; issue 22): a new person taken into the BUILT demo through
 * the UI only (`packages/demo/dist`, run `npm run build` first), in headless Chromium, at 1280 and 375 px:
 * unlock with the password field → open a new case with the form (name, birth date, case number) → a second
 * try for the same person is held back by the duplicate check → the intake form is typed into → the page is
 * RELOADED mid-form and unlocked again: the draft is back → the person is found by name with the case search
 * → the team lead's overview. It fails on any page error or console error, on any raw code or rule id shown
 * outside the administrators' details, and on any horizontal scroll at 375 px. It counts the clicks and
 * keystrokes of the walk and writes a screenshot of each stage at both widths to `E2E_SHOTS` (default
 * `/tmp/fallkit-e2e-desk`). `.ci/run` runs it after the build.
 */
/* global document, window -- page.evaluate() callbacks run in the page */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { repoRoot } from './lib/paths.mjs';
import { serveDemo } from './lib/static-server.mjs';
import { RAW, visibleWordsInPage, watchPage } from './lib/ui-walk.mjs';

if (!existsSync(join(repoRoot, 'packages', 'demo', 'dist', 'main.js'))) {
  console.error('e2e-desk: packages/demo/dist/main.js is missing: run `npm run build` first');
  process.exit(1);
}

const PASSWORD = 'Musterstadt-Demo 2026, Akten!';
const SHOTS = process.env.E2E_SHOTS ?? '/tmp/fallkit-e2e-desk';
mkdirSync(SHOTS, { recursive: true });
const server = await serveDemo({ port: 0 });
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const browser = await launchChromium();
/** @type {string[]} */
const problems = [];
const counts = { clicks: 0, keystrokes: 0 };

try {
  const page = await browser.newPage();
  watchPage(page, problems);

  /** The checks of every stage: no raw code outside the admin details, no horizontal scroll at 375 px; screenshots. */
  const stage = async (name) => {
    console.log(`e2e-desk: stage ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (const width of [1280, 375]) {
      await page.setViewport({ width, height: 900 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width === 375 && scroll > 375) problems.push(`${name}: horizontal scroll at 375 px (${scroll} px wide)`);
      const raw = (await page.evaluate(visibleWordsInPage)).match(RAW);
      if (raw) problems.push(`${name} at ${width}: raw codes shown: ${[...new Set(raw)].join(', ')}`);
    }
    await page.setViewport({ width: 1280, height: 900 });
  };
  const click = async (selector) => {
    counts.clicks += 1;
    await page.click(selector);
  };
  const type = async (selector, text) => {
    await page.click(selector);
    counts.clicks += 1;
    await page.type(selector, text);
    counts.keystrokes += text.length;
  };
  const unlock = async () => {
    await page.waitForSelector('#passphrase', { timeout: 60_000 });
    await type('#passphrase', PASSWORD);
    await page.keyboard.press('Enter');
    counts.keystrokes += 1;
  };

  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#passphrase', { timeout: 60_000 });
  const unlockText = await page.evaluate(() => document.querySelector('section.unlock')?.textContent ?? '');
  if (/IndexedDB|AES|PBKDF2|Kennwort/.test(unlockText))
    problems.push(`unlock page speaks of storage internals: ${unlockText}`);
  await stage('01-unlock');
  await unlock();
  await page.waitForSelector('table.caseload', { timeout: 90_000 });
  await stage('02-caseload');

  // A new person: the form of the caseload, typed.
  await click('details.new-case > summary');
  await type('.new-case-form input[name="givenName"]', 'Mira');
  await type('.new-case-form input[name="familyName"]', 'Sommerfeld');
  await page.$eval('.new-case-form input[name="birthDate"]', (input) => {
    input.value = '1991-04-23';
  });
  counts.clicks += 1;
  counts.keystrokes += 8;
  await type('.new-case-form input[name="label"]', 'KIM-2026-0101');
  await stage('03-new-case-form');
  await click('.new-case-form button[type="submit"]');
  await page.waitForFunction(() => window.location.hash.includes('/intake'), { timeout: 30_000 });
  const caseHash = await page.evaluate(() => window.location.hash);
  await page.waitForSelector('fk-intake-screening', { timeout: 30_000 });
  await stage('04-intake');

  // The same person again: the duplicate check holds it back and names the case.
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.waitForSelector('table.caseload', { timeout: 30_000 });
  await click('details.new-case > summary');
  await type('.new-case-form input[name="givenName"]', 'Mira');
  await type('.new-case-form input[name="familyName"]', 'Sommerfeld');
  await page.$eval('.new-case-form input[name="birthDate"]', (input) => {
    input.value = '1991-04-23';
  });
  counts.clicks += 1;
  counts.keystrokes += 8;
  await click('.new-case-form button[type="submit"]');
  await page.waitForFunction(
    () => {
      const box = document.querySelector('.new-case-form .duplicates');
      return box && !box.hidden && box.textContent.includes('KIM-2026-0101');
    },
    { timeout: 30_000 },
  );
  await stage('05-duplicate-held-back');

  // Back to the intake form: type a note, then reload mid-form.
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, caseHash);
  const area = await page.waitForFunction(
    () => {
      const host = document.querySelector('fk-intake-screening');
      const find = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.tagName === 'TEXTAREA') return el;
          if (el.shadowRoot) {
            const inner = find(el.shadowRoot);
            if (inner) return inner;
          }
        }
        return null;
      };
      return host?.shadowRoot ? find(host.shadowRoot) : null;
    },
    { timeout: 30_000 },
  );
  const draftText = 'Zuweisung durch das Sozialamt, Rückruf am Freitag vereinbart';
  await area.asElement().click();
  counts.clicks += 1;
  await area.asElement().type(draftText);
  counts.keystrokes += draftText.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await page.reload({ waitUntil: 'load' });
  await stage('06-reloaded-locked');
  await unlock();
  await page
    .waitForFunction(
      (text) => {
        const host = document.querySelector('fk-intake-screening');
        const find = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.tagName === 'TEXTAREA' && el.value === text) return el;
            if (el.shadowRoot) {
              const inner = find(el.shadowRoot);
              if (inner) return inner;
            }
          }
          return null;
        };
        return host?.shadowRoot ? find(host.shadowRoot) : null;
      },
      { timeout: 60_000 },
      draftText,
    )
    .catch(() => problems.push('the draft typed before the reload is not back after unlocking'));
  await stage('07-draft-restored');

  // Find the person by name.
  await page.evaluate(() => {
    window.location.hash = '#/';
  });
  await page.waitForSelector('table.caseload', { timeout: 30_000 });
  await click('details.case-search-panel > summary');
  const search = await page.waitForFunction(
    () => document.querySelector('fk-case-search')?.shadowRoot?.querySelector('input[name="text"]'),
    { timeout: 30_000 },
  );
  await search.asElement().click();
  counts.clicks += 1;
  await search.asElement().type('sommerfeld');
  counts.keystrokes += 'sommerfeld'.length + 1;
  await page.keyboard.press('Enter');
  await page
    .waitForFunction(
      () => {
        const rows = document.querySelector('fk-case-search')?.shadowRoot?.querySelectorAll('tbody tr') ?? [];
        return rows.length === 1 && rows[0].textContent.includes('Mira Sommerfeld');
      },
      { timeout: 30_000 },
    )
    .catch(() => problems.push('the case search does not find "Mira Sommerfeld" by name'));
  await stage('08-search');

  // The team lead.
  await page.select('select.actor-switch', 'teamlead');
  counts.clicks += 2;
  await page
    .waitForFunction(
      () => document.querySelector('fk-team-overview')?.shadowRoot?.textContent.includes('Teamübersicht'),
      {
        timeout: 30_000,
      },
    )
    .catch(() => problems.push('the team lead sees no team overview'));
  const teamText = await page.evaluate(() => document.querySelector('fk-team-overview')?.shadowRoot?.textContent ?? '');
  if (teamText.includes('Sommerfeld')) problems.push("the team overview shows a client's name (DP-23)");
  await stage('09-team-lead');
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  server.close();
}

console.log(`e2e-desk: ${counts.clicks} clicks, ${counts.keystrokes} keystrokes; screenshots in ${SHOTS}`);
if (problems.length > 0) {
  console.error(`e2e-desk FAILED on ${url}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `e2e-desk ok: ${url} new person opened, duplicate held back, draft back after a reload, found by name, team view`,
);
