#!/usr/bin/env node
/**
 * End-to-end test of `npm start` with its server part: starts scripts/start.mjs (built-in identity provider,
 * sync server on a fresh PGlite in a temporary data folder, the demo) on ports 7330/7331, then drives two
 * browser contexts of headless Chromium as two people of two agencies: the KIM case manager (Sabine Krüger)
 * and the Jobcenter case manager (Murat Demir). Each signs in through the provider's page (the person picker,
 * a click, the code flow with PKCE back to the demo); the page then names the person as the server sees them.
 * With each person's own token it reads the server's feed: the Jobcenter receives the Rahimi case as a cut
 * without its health data (DP-01, DP-24), the KIM case manager, whose access ended with the handover, receives
 * the revocation. Screenshots of both contexts go to .tmp/e2e-sync/. Prints N passed, N failed.
 *
 * Not covered yet (the synced store of @fallkit/sync is not on main): recording in one context and seeing it
 * in the other after sync, the offline edits of one goal and their conflict, the raw IndexedDB of the
 * Jobcenter's device.
 *
 *   node scripts/e2e-sync.mjs            # builds the demo first when it is older than its sources
 */
/* global document, location -- page.evaluate() callbacks run in the page */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { repoRoot } from './lib/paths.mjs';

const PORT = Number(process.env.E2E_SYNC_PORT ?? 7330);
const IDP_PORT = PORT + 1;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PASSPHRASE = 'Musterstadt-Demo 2026, Akten!';
const SHOTS = join(repoRoot, '.tmp', 'e2e-sync');
const RAHIMI = 'kim-2026-0001';

/** @type {{ name: string, ok: boolean, detail?: string }[]} */
const results = [];
/** @param {string} name @param {boolean} ok @param {string} [detail] */
function check(name, ok, detail) {
  results.push({ name, ok, ...(detail === undefined ? {} : { detail }) });
  console.log(`${ok ? '  ✔' : '  ✘'} ${name}${ok || detail === undefined ? '' : `: ${detail}`}`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'fallkit-e2e-sync-'));
mkdirSync(SHOTS, { recursive: true });

/** Starts npm start's script and resolves when it prints the demo's address. */
function startServer() {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(PORT), IDP_PORT: String(IDP_PORT), FALLKIT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up in 240 s:\n${output}`)), 240_000);
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString();
      if (output.includes(`Fallkit Demo: ${ORIGIN}/`)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start ended (exit ${code}):\n${output}`));
    });
  });
}

/**
 * One person in their own browser context: opens the demo, signs in through the provider's page.
 * @param {import('puppeteer-core').Browser} browser
 * @param {{ key: string, sub: string, name: string }} person
 */
async function signedInContext(browser, person) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error instanceof Error ? error.message : error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${ORIGIN}/?demo-passphrase=${encodeURIComponent(PASSPHRASE)}`, { waitUntil: 'load' });
  await page.waitForSelector('table.caseload', { timeout: 60_000 });
  await page.waitForSelector('.sign-in-button', { timeout: 20_000 });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.sign-in-button')]);
  const atProvider = new URL(page.url());
  check(
    `${person.key}: the sign-in page is the provider's (${atProvider.origin})`,
    atProvider.port === String(IDP_PORT),
  );
  const pickerLang = await page.evaluate(() => document.documentElement.lang);
  check(`${person.key}: the provider's page speaks German`, pickerLang === 'de', pickerLang);
  await page.click(`input[name="sub"][value="${person.sub}"]`);
  await page.screenshot({ path: join(SHOTS, `${person.key}-0-provider.png`) });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[value="sign-in"]')]);
  await page.waitForSelector('.signed-in-name', { timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const state = document.querySelector('.sync-server-state')?.textContent ?? '';
      return state.length > 0 && !state.includes('geprüft');
    },
    { timeout: 30_000 },
  );
  // Back from the provider the address carries no passphrase: the person unlocks the device's store.
  await page.waitForSelector('input[type="password"]', { timeout: 30_000 });
  await page.type('input[type="password"]', PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.waitForSelector('table.caseload', { timeout: 60_000 });
  return { context, page, problems };
}

let server;
let browser;
try {
  console.log(`e2e-sync: npm start on ${ORIGIN} (identity provider ${IDP_PORT}), data in ${dataDir}`);
  server = await startServer();
  browser = await launchChromium();
  const people = [
    { key: 'kim', sub: 'u-kim-krueger', name: 'Sabine Krüger' },
    { key: 'jobcenter', sub: 'u-jc-demir', name: 'Murat Demir' },
  ];
  /** @type {Record<string, { page: import('puppeteer-core').Page, problems: string[], token: string }>} */
  const contexts = {};
  for (const person of people) {
    const { page, problems } = await signedInContext(browser, person);
    const seen = await page.evaluate(() => ({
      name: document.querySelector('.signed-in-name')?.textContent ?? '',
      server: document.querySelector('.sync-server-state')?.textContent ?? '',
      actor: /** @type {HTMLSelectElement | null} */ (document.querySelector('select.actor-switch'))?.value ?? '',
      address: location.href,
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage).filter((key) => key.includes('sign-in')),
      token: JSON.parse(sessionStorage.getItem('fallkit-demo.sign-in.session') ?? '{}').accessToken ?? '',
    }));
    check(`${person.key}: signed in as ${person.name}`, seen.name === person.name, seen.name);
    check(
      `${person.key}: the sync server knows the person (verbunden)`,
      seen.server.trim() === 'verbunden',
      seen.server,
    );
    check(`${person.key}: DP-40: the page acts as the person the server names`, seen.actor === person.key, seen.actor);
    check(`${person.key}: no code or state left in the address`, !/[?&](code|state)=/.test(seen.address), seen.address);
    check(`${person.key}: the tokens are kept for the tab only (nothing in localStorage)`, seen.local.length === 0);
    await page.screenshot({ path: join(SHOTS, `${person.key}-1-signed-in.png`) });
    contexts[person.key] = { page, problems, token: seen.token };
  }

  // Each person's own token, from their own page, against the server's feed.
  /** @param {import('puppeteer-core').Page} page @param {string} token */
  const feedOf = (page, token) =>
    page.evaluate(async (bearer) => {
      const response = await fetch('/fallkit/v1/feed?after=0&limit=1000', {
        headers: { authorization: `Bearer ${bearer}` },
      });
      return { status: response.status, body: await response.text() };
    }, token);
  const jobcenterFeed = await feedOf(contexts.jobcenter.page, contexts.jobcenter.token);
  const kimFeed = await feedOf(contexts.kim.page, contexts.kim.token);
  check('jobcenter: the feed answers 200', jobcenterFeed.status === 200, String(jobcenterFeed.status));
  check('kim: the feed answers 200', kimFeed.status === 200, String(kimFeed.status));
  const changes = (/** @type {string} */ body) =>
    new Map((JSON.parse(body).changes ?? []).map((/** @type {{ caseId: string }} */ c) => [c.caseId, c]));
  const jobcenterRahimi = changes(jobcenterFeed.body).get(RAHIMI);
  check(
    'jobcenter: DP-24: the Rahimi case arrives as a cut journal',
    jobcenterRahimi?.kind === 'journal' && jobcenterRahimi?.scope === 'cut',
    JSON.stringify({ kind: jobcenterRahimi?.kind, scope: jobcenterRahimi?.scope }),
  );
  const rahimiText = JSON.stringify(jobcenterRahimi ?? {});
  check(
    'jobcenter: DP-01: no health data of the Rahimi case reaches the Jobcenter device',
    !rahimiText.includes('Rückenschmerzen') && !rahimiText.includes('"domainId":"health"'),
  );
  check(
    'kim: the Rahimi case is revoked for the KIM case manager after the handover',
    changes(kimFeed.body).get(RAHIMI)?.kind === 'revoked',
    JSON.stringify(changes(kimFeed.body).get(RAHIMI)),
  );
  // From Node, not the page: the browser would log the 401 as a console error of the page.
  const forgedResponse = await fetch(`${ORIGIN}/fallkit/v1/me`, {
    headers: { authorization: `Bearer ${contexts.kim.token}x` },
  });
  const forged = { status: forgedResponse.status, body: await forgedResponse.text() };
  check(
    'DP-40: a tampered token is refused (SYNC_TOKEN_INVALID)',
    forged.status === 401 && forged.body.includes('SYNC_TOKEN_INVALID'),
    `${forged.status} ${forged.body.slice(0, 120)}`,
  );
  for (const [key, { page, problems }] of Object.entries(contexts)) {
    await page.screenshot({ path: join(SHOTS, `${key}-2-end.png`), fullPage: false });
    check(`${key}: no page or console error`, problems.length === 0, problems.join(' | '));
  }
} catch (error) {
  check('the run completed', false, error instanceof Error ? error.message : String(error));
} finally {
  await browser?.close().catch(() => undefined);
  if (server) {
    try {
      process.kill(-server.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  rmSync(dataDir, { recursive: true, force: true });
}

const failed = results.filter((result) => !result.ok).length;
console.log(`e2e-sync: ${results.length - failed} passed, ${failed} failed (screenshots in ${SHOTS})`);
process.exit(failed === 0 ? 0 : 1);
