#!/usr/bin/env node
/**
 * The embedding test: host apps under `test/hosts/` install the packed tarballs (as a vendor would, each into
 * its own folder, never into the root workspace) and are driven in headless Chromium, in the dev server and in
 * the production build:
 *
 * - the assessment form renders;
 * - the host form's submit is blocked while the (required, empty) form is invalid;
 * - user typing reaches the host's `FormData` and the framework's own event handler (`onfk-change`);
 * - filled validly, the host form submits the value;
 * - the connected form (README setup: Dexie store, `connectCase`) saves, and after a page reload shows what
 *   was saved;
 * - no page error;
 * - the host's type-check passes, including a file of `@ts-expect-error` lines that must stay type errors
 *   (wrong property types, wrong event types).
 *
 * Slow (installs, two builds): run by `.ci/run`, not by `npm test`. Needs `npm run build` first. Prints one
 * line per check and ends with `N passed, N failed`; exits non-zero on a failure.
 *
 *   node scripts/test-hosts.mjs                    # every host
 *   FALLKIT_HOSTS=react node scripts/test-hosts.mjs
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { packPackages } from './lib/pack.mjs';
import { repoRoot } from './lib/paths.mjs';
import { serveDemo } from './lib/static-server.mjs';

const hostsRoot = join(repoRoot, 'test', 'hosts');

/**
 * @typedef {{ mode: string, port: number, start: (dir: string, port: number) => Promise<() => Promise<void>> }} Mode
 * @typedef {{ from: string, to: string, errors: number }} Negative a file that must fail the type-check
 * @typedef {{ name: string, modes: Mode[], typecheck?: string[], negative?: Negative }} Host
 */

/** A static server over a folder (the plain page with its node_modules, or a production build). */
const serveStatic = (/** @type {string} */ sub) => async (/** @type {string} */ dir, /** @type {number} */ port) => {
  const server = await serveDemo({ port, root: join(dir, sub) });
  return async () => void server.close();
};

/** A dev server (`bin` in the host's node_modules/.bin), until it prints its address. */
const devServer =
  (/** @type {string} */ bin, /** @type {(port: number) => string[]} */ args) =>
  async (/** @type {string} */ dir, /** @type {number} */ port) => {
    const child = spawn(join(dir, 'node_modules', '.bin', bin), args(port), {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' },
    });
    const stop = async () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`${bin} did not start: ${out}`)), 180_000);
      // A dev server that reports a failed build never serves the app: fail at once.
      const failed = /bundle generation failed|\[ERROR\]/;
      const take = (/** @type {Buffer} */ chunk) => {
        out += chunk.toString();
        if (failed.test(out)) {
          clearTimeout(timer);
          setTimeout(() => reject(new Error(`${bin} failed: ${out}`)), 500);
        } else if (/ready in|Local:/.test(out)) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('exit', (code) => reject(new Error(`${bin} exited with ${code}: ${out}`)));
    }).catch(async (error) => {
      // A server that never came up is stopped too, not left running.
      await stop();
      throw error;
    });
    return stop;
  };

/** Vite's dev server. */
const viteDev = devServer('vite', (port) => ['--port', String(port), '--strictPort', '--host', '127.0.0.1']);

/** The production build (`bin` with `args`), then a static server over `out`. */
const productionBuild =
  (/** @type {string} */ bin, /** @type {string[]} */ args, /** @type {string} */ out) =>
  async (/** @type {string} */ dir, /** @type {number} */ port) => {
    const build = spawnSync(join(dir, 'node_modules', '.bin', bin), args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' },
    });
    if (build.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${build.stdout}\n${build.stderr}`);
    return serveStatic(out)(dir, port);
  };

const viteBuild = productionBuild('vite', ['build'], 'dist');

/** @type {Host[]} */
const HOSTS = [
  { name: 'plain-html', modes: [{ mode: 'static page (no build step)', port: 4311, start: serveStatic('.') }] },
  {
    name: 'react',
    modes: [
      { mode: 'vite dev server', port: 4321, start: viteDev },
      { mode: 'vite production build', port: 4322, start: viteBuild },
    ],
    typecheck: ['node_modules/.bin/tsc', '--noEmit', '-p', '.'],
  },
  {
    name: 'vue',
    modes: [
      { mode: 'vite dev server', port: 4331, start: viteDev },
      { mode: 'vite production build', port: 4332, start: viteBuild },
    ],
    typecheck: ['node_modules/.bin/vue-tsc', '--noEmit', '-p', '.'],
  },
  {
    name: 'svelte',
    modes: [
      { mode: 'vite dev server', port: 4341, start: viteDev },
      { mode: 'vite production build', port: 4342, start: viteBuild },
    ],
    typecheck: ['node_modules/.bin/svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
    // Svelte markup has no @ts-expect-error: a file of wrong bindings is copied in and must fail.
    negative: { from: 'negative/WrongValue.svelte', to: 'src/ZzWrongValue.svelte', errors: 2 },
  },
  {
    name: 'angular',
    modes: [
      {
        mode: 'ng serve (dev server)',
        port: 4351,
        start: devServer('ng', (port) => ['serve', '--port', String(port), '--host', '127.0.0.1', '--no-hmr']),
      },
      { mode: 'ng build (production)', port: 4352, start: productionBuild('ng', ['build'], 'dist/browser') },
    ],
    typecheck: ['node_modules/.bin/tsc', '--noEmit', '-p', 'tsconfig.app.json'],
  },
];

const only = process.env.FALLKIT_HOSTS?.split(',').map((s) => s.trim());
const hosts = HOSTS.filter((h) => !only || only.includes(h.name));

let passed = 0;
let failed = 0;
/** @param {string} name @param {boolean} ok @param {string} [detail] */
function report(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '  ok    ' : '  FAILED'} ${name}${detail ? `: ${detail}` : ''}`);
}

/**
 * Installs the tarballs and the host's own dependencies into the host's folder. The hosts install at the
 * same time (mostly waiting for the registry), before any host is driven.
 * @returns {Promise<string | undefined>} the failure, if any
 */
function install(/** @type {string} */ dir) {
  mkdirSync(join(dir, 'src', 'shared'), { recursive: true });
  cpSync(join(hostsRoot, 'shared', 'host-app.js'), join(dir, 'src', 'shared', 'host-app.js'));
  // A tarball of the same version would count as installed: always take the fresh ones.
  rmSync(join(dir, 'node_modules', '@fallkit'), { recursive: true, force: true });
  return new Promise((resolve) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--workspaces=false'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', (error) => resolve(`npm install: ${error.message}`));
    child.on('close', (code) => resolve(code === 0 ? undefined : `npm install failed (exit ${code}):\n${out}`));
  });
}

/** The deep element of a form's field (`[data-path]` → its inner input or textarea). */
const FIELD = (/** @type {string} */ form, /** @type {string} */ path) =>
  `document.querySelector(${JSON.stringify(form)}).shadowRoot.querySelector('[data-path="${path}"]').shadowRoot.querySelector('textarea, input')`;
const BUTTON = (/** @type {string} */ form, /** @type {string} */ pattern) =>
  `[...document.querySelector(${JSON.stringify(form)}).shadowRoot.querySelectorAll('button')].find((b) => /${pattern}/.test(b.textContent))`;

/**
 * @param {import('puppeteer-core').Page} page
 * @param {string} expression
 */
async function handle(page, expression) {
  const h = await page.evaluateHandle(expression);
  const el = h.asElement();
  if (!el) throw new Error(`not found: ${expression}`);
  return /** @type {import('puppeteer-core').ElementHandle<Element>} */ (el);
}

/** Types into a field as a user does (focus, keys, Tab to commit). */
async function typeInto(
  /** @type {import('puppeteer-core').Page} */ page,
  /** @type {string} */ form,
  /** @type {string} */ path,
  /** @type {string} */ text,
) {
  const field = await handle(page, FIELD(form, path));
  await field.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Fills an assessment validly: wishes, the housing domain, its problems. */
async function fillAssessment(
  /** @type {import('puppeteer-core').Page} */ page,
  /** @type {string} */ form,
  /** @type {string} */ wishes,
) {
  await typeInto(page, form, 'wishesAndDreams', wishes);
  await (await handle(page, BUTTON(form, 'Wohnen'))).click();
  await page.waitForFunction(
    `!!document.querySelector(${JSON.stringify(form)}).shadowRoot.querySelector('[data-path="domains.0.problems"]')`,
  );
  await typeInto(page, form, 'domains.0.problems', 'Zu fünft in einem Zimmer');
}

/** @param {import('puppeteer-core').Browser} browser @param {string} url @param {string} label */
async function drive(browser, url, label) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  const check = async (/** @type {string} */ name, /** @type {() => Promise<string | true>} */ body) => {
    try {
      const outcome = await body();
      report(`${label}: ${name}`, outcome === true, outcome === true ? '' : outcome);
    } catch (error) {
      report(`${label}: ${name}`, false, error instanceof Error ? error.message.split('\n')[0] : String(error));
    }
  };
  const standalone = 'fk-assessment-form[name=assessment]';
  const connected = '#connected-form';
  try {
    // A page without a build step loads a few hundred modules: on a loaded 2-core machine its load event took
    // over the default 30 s once, so the navigation gets the same room as the readiness check below.
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    await check('the assessment form renders', async () => {
      await page.waitForFunction('window.fkHost?.ready === true', { timeout: 60_000 });
      const text = await page.evaluate(`document.querySelector(${JSON.stringify(standalone)}).shadowRoot.textContent`);
      return String(text).includes('Wünsche und Träume') || `shadow text: ${String(text).slice(0, 80)}`;
    });
    await check('the host form does not submit while the required form is empty (invalid)', async () => {
      await page.click('#send');
      const submits = await page.evaluate('window.fkHost.submits');
      const valid = await page.evaluate(`document.querySelector(${JSON.stringify(standalone)}).validity.valid`);
      return (submits === 0 && valid === false) || `submits ${submits}, valid ${valid}`;
    });
    await check("typing reaches the host's FormData and the framework's event handler", async () => {
      await typeInto(page, standalone, 'wishesAndDreams', 'Eine Wohnung');
      // A framework renders its handler's count after its own commit (React batches it): wait for it,
      // bounded, instead of reading it in the same tick as the keystroke.
      await page
        .waitForFunction(`Number(document.getElementById('changes')?.textContent) > 0`, { timeout: 15_000 })
        .catch(() => undefined);
      const data = /** @type {string} */ (
        await page.evaluate(`new FormData(document.getElementById('host-form')).get('assessment')`)
      );
      const shown = await page.evaluate(`document.getElementById('changes').textContent`);
      const wishes = JSON.parse(data).wishesAndDreams;
      return (wishes === 'Eine Wohnung' && Number(shown) > 0) || `FormData wishes "${wishes}", handler count ${shown}`;
    });
    await check('filled validly, the host form submits the value', async () => {
      await (await handle(page, BUTTON(standalone, 'Wohnen'))).click();
      await page.waitForFunction(
        `!!document.querySelector(${JSON.stringify(standalone)}).shadowRoot.querySelector('[data-path="domains.0.problems"]')`,
      );
      await typeInto(page, standalone, 'domains.0.problems', 'Zu fünft in einem Zimmer');
      await page.click('#send');
      const submitted = /** @type {{ assessment?: string } | undefined} */ (
        await page.evaluate('window.fkHost.submitted')
      );
      const domain = submitted?.assessment ? JSON.parse(submitted.assessment).domains?.[0]?.domainId : undefined;
      return domain === 'housing' || `submitted ${JSON.stringify(submitted)?.slice(0, 120)}`;
    });
    await check('the connected form saves and shows the saved case after a reload', async () => {
      const ok = await page.evaluate('window.fkHost.connected');
      if (ok !== true) return `connectCase: ${await page.evaluate('window.fkHost.connectError')}`;
      await fillAssessment(page, connected, 'Eigene Wohnung (gespeichert)');
      await (
        await handle(page, `document.querySelector('${connected}').shadowRoot.querySelector('[part~="submit"]')`)
      ).click();
      try {
        await page.waitForFunction('window.fkHost.saved >= 1', { timeout: 20_000 });
      } catch {
        const shown = await page.evaluate(
          `[...document.querySelector('${connected}').shadowRoot.querySelectorAll('[part~="refusals"], [part~="status"], .fk-feedback--error')].map((n) => n.textContent.trim()).join(' | ')`,
        );
        return `not saved: ${String(shown).replace(/\s+/g, ' ').slice(0, 400)}`;
      }
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction('window.fkHost?.ready === true', { timeout: 60_000 });
      try {
        await page.waitForFunction(
          `document.querySelector('${connected}').value?.wishesAndDreams === 'Eigene Wohnung (gespeichert)'`,
          { timeout: 20_000 },
        );
      } catch {
        return `after the reload the form shows ${String(await page.evaluate(`JSON.stringify(document.querySelector('${connected}').value)`)).slice(0, 200)}`;
      }
      return true;
    });
    await check('no page error', async () => errors.length === 0 || errors.join(' | ').slice(0, 300));
  } finally {
    await context.close();
  }
}

const started = performance.now();
console.log('=== test-hosts: packing the tarballs ===');
packPackages({ quiet: true });
console.log(`=== test-hosts: installing ${hosts.map((h) => h.name).join(', ')} ===`);
const installs = await Promise.all(hosts.map((host) => install(join(hostsRoot, host.name))));
const browser = await launchChromium();
try {
  for (const [index, host] of hosts.entries()) {
    const dir = join(hostsRoot, host.name);
    console.log(`\n=== host: ${host.name} ===`);
    const failure = installs[index];
    report(`${host.name}: installs the packed tarballs`, failure === undefined, failure?.slice(0, 400));
    if (failure !== undefined) continue;
    if (host.typecheck) {
      const [command, ...args] = /** @type {[string, ...string[]]} */ (host.typecheck);
      const result = spawnSync(join(dir, command), args, { cwd: dir, encoding: 'utf8' });
      report(
        `${host.name}: type-check (typed properties and events; the @ts-expect-error lines stay errors)`,
        result.status === 0,
        result.status === 0 ? '' : `${result.stdout}${result.stderr}`.slice(0, 1500),
      );
      if (host.negative) {
        const { from, to, errors } = host.negative;
        cpSync(join(dir, from), join(dir, to));
        try {
          const wrong = spawnSync(join(dir, command), args, { cwd: dir, encoding: 'utf8' });
          const output = `${wrong.stdout ?? ''}${wrong.stderr ?? ''}`;
          // svelte-check ends with "svelte-check found N errors …"; count the lines where it does not.
          const summary = /found (\d+) errors?/.exec(output);
          const found = summary ? Number(summary[1]) : (output.match(/Error:/g) ?? []).length;
          report(
            `${host.name}: type-check fails on wrong property and event types (${from})`,
            wrong.status !== 0 && found >= errors,
            `exit ${wrong.status}, ${found} errors, expected ${errors}: ${output.slice(-600)}`,
          );
        } finally {
          rmSync(join(dir, to), { force: true });
        }
      }
    }
    for (const mode of host.modes) {
      let stop = async () => undefined;
      try {
        stop = await mode.start(dir, mode.port);
        await drive(browser, `http://127.0.0.1:${mode.port}/`, `${host.name} (${mode.mode})`);
      } catch (error) {
        report(`${host.name} (${mode.mode}): starts`, false, String(error).slice(0, 600));
      } finally {
        await stop();
      }
    }
  }
} finally {
  await browser.close();
}
console.log(`\ntest-hosts: ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
