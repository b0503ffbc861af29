#!/usr/bin/env node
/**
 * `npm test`: browser and PostgreSQL check, type-check, lint, the core's tests in Node, the store-pg tests in
 * Node (PGlite, and PostgreSQL 15 from `scripts/ensure-postgres.mjs`), then every browser test in Chromium.
 * Every step runs even after an earlier one failed, so one run shows everything; the exit code is non-zero on
 * any failure, and the last line is exactly `N passed, N failed` (`, N skipped` when there are any), summed
 * over every runner. A failed type-check, ESLint or Prettier run counts as one failed test each.
 *
 *   FALLKIT_TEST_FILES="packages/components/test/**\/*.test.ts" npm test   # narrow the browser run
 *   npm run test:demo   # only the demo's and the stories' browser walks (`--demo`; `.ci/run` runs them)
 *
 * The demo's and the stories' walks through whole pages (`DEMO_TEST_FILES` in web-test-runner.config.js) are the
 * slowest browser files and test the demo rather than a package, so `npm test` leaves them to `npm run test:demo`,
 * which `.ci/run` runs like the other end-to-end walks (issue brief: `npm test` within about 8 minutes on 2 cores).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser, ensurePdfText } from './ensure-browser.mjs';
import { ensurePostgres } from './ensure-postgres.mjs';
import { bin, repoRoot } from './lib/paths.mjs';
import { DEMO_TEST_FILES } from '../web-test-runner.config.js';

/** `--demo`: the demo's and the stories' browser walks only. */
const demoOnly = process.argv.includes('--demo');

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {{ step: string, seconds: number, ok: boolean }[]} */
const timings = [];

/**
 * Runs a command. Output is streamed (or, with `buffer`, handed back for printing later so parallel steps do
 * not interleave) and always captured for parsing.
 * @param {string} command
 * @param {string[]} args
 * @param {{ buffer?: boolean, env?: Record<string, string>, cwd?: string }} [options]
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(command, args, { buffer = false, env = {}, cwd = repoRoot } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (/** @type {Buffer} */ chunk, /** @type {NodeJS.WriteStream} */ stream) => {
      output += chunk.toString();
      if (!buffer) stream.write(chunk);
    };
    child.stdout.on('data', (chunk) => take(chunk, process.stdout));
    child.stderr.on('data', (chunk) => take(chunk, process.stderr));
    child.on('error', (error) => resolve({ code: 127, output: `${output}\n${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** @param {string} title */
function heading(title) {
  console.log(`\n=== ${title} ===`);
}

/** Prints a buffered step's output in one piece (steps that ran in parallel do not interleave). @param {string} output */
function printOutput(output) {
  if (output.trim()) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

/**
 * @template T
 * @param {string} step
 * @param {() => Promise<T & { ok: boolean }>} body
 * @returns {Promise<T & { ok: boolean }>}
 */
async function timed(step, body) {
  const started = performance.now();
  const result = await body();
  timings.push({ step, seconds: (performance.now() - started) / 1000, ok: result.ok });
  return result;
}

/** @param {string} text */
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** Checks that count as one failed test each when they fail. Run in parallel: 2 cores, mostly CPU-bound. */
async function checks() {
  const steps = [
    { name: 'Type-check (tsc -b: packages, tests, stories)', command: bin('tsc'), args: ['-b', '--pretty'] },
    { name: 'ESLint', command: bin('eslint'), args: ['--max-warnings=0', '.'] },
    { name: 'Prettier (format check)', command: bin('prettier'), args: ['--check', '--log-level=warn', '.'] },
  ];
  const results = await Promise.all(
    steps.map((step) =>
      timed(step.name, async () => {
        const result = await run(step.command, step.args, { buffer: true });
        return { ...result, ok: result.code === 0 };
      }),
    ),
  );
  steps.forEach((step, index) => {
    const result = /** @type {{ code: number, output: string, ok: boolean }} */ (results[index]);
    heading(step.name);
    if (result.output.trim()) process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
    console.log(result.ok ? 'ok' : `FAILED (exit ${result.code}): counts as 1 failed`);
    if (!result.ok) totals.failed += 1;
  });
}

/** mocha + tsx, resolving `@fallkit/*` to `src` like the browser. */
const MOCHA_NODE = ['--node-option', 'conditions=@fallkit/source', '--node-option', 'import=tsx', '--reporter', 'spec'];

/**
 * Adds a mocha run's counts to the totals; a run that failed without reporting a failing test counts as 1.
 * @param {number} code
 * @param {string} output
 */
function addMochaCounts(code, output) {
  const text = stripAnsi(output);
  const count = (/** @type {string} */ word) => Number(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('passing');
  const failed = count('failing');
  const skipped = count('pending');
  totals.passed += passed;
  totals.skipped += skipped;
  totals.failed += failed;
  if (code !== 0 && failed === 0) {
    console.log(`mocha exited with ${code} without reporting a failing test: counts as 1 failed`);
    totals.failed += 1;
  }
}

/**
 * Mocha globs for the test folders that exist and hold a `*.test.ts` file.
 * @param {string[]} folders relative to the repository
 */
function withTests(folders) {
  /** @param {string} dir */
  const holdsTest = (dir) =>
    existsSync(dir) &&
    readdirSync(dir, { withFileTypes: true }).some((entry) =>
      entry.isDirectory() ? holdsTest(join(dir, entry.name)) : entry.name.endsWith('.test.ts'),
    );
  return folders.filter((folder) => holdsTest(join(repoRoot, folder))).map((folder) => `${folder}/**/*.test.ts`);
}

/** The core runs in Node as well as in Chromium. */
async function nodeTests() {
  const { code, output } = await run(
    bin('mocha'),
    [
      ...MOCHA_NODE,
      '--timeout',
      '10000',
      'packages/core/test/**/*.test.ts',
      // The handover package and the FHIR export run in Node (jose, the `fhir` validator); a package without
      // tests yet adds no glob, so mocha never fails on "no test files".
      ...withTests(['packages/handover/test', 'packages/fhir/test']),
    ],
    { buffer: true },
  );
  heading('Core tests in Node (mocha + tsx)');
  printOutput(output);
  addMochaCounts(code, output);
  return { ok: code === 0 };
}

/**
 * `@fallkit/store-pg` in Node: on PGlite always, and on PostgreSQL 15 when `ensurePostgres` found or prepared a
 * server (its two URLs reach the tests as DATABASE_URL and FALLKIT_APP_DATABASE_URL). One mocha process, so
 * PGlite starts once. Without a server the PostgreSQL tests count as 1 failed (the line saying what to do was
 * printed under "PostgreSQL").
 * @param {{ ownerUrl: string, appUrl: string } | undefined} postgres
 */
async function storePgTests(postgres) {
  // The sync server's tests run in the same process: they need the same PostgreSQL (and PGlite starts once).
  const files = [
    'packages/store-pg/test/pglite/**/*.test.ts',
    // The sync client's transport against the real server's handlers on PGlite, in process (no port).
    ...withTests(['packages/server/test/pglite', 'packages/sync/test-node']),
  ];
  if (postgres)
    files.push('packages/store-pg/test/postgres/**/*.test.ts', ...withTests(['packages/server/test/postgres']));
  const env = postgres ? { DATABASE_URL: postgres.ownerUrl, FALLKIT_APP_DATABASE_URL: postgres.appUrl } : {};
  const { code, output } = await run(bin('mocha'), [...MOCHA_NODE, '--timeout', '20000', ...files], {
    env,
    buffer: true,
  });
  heading(`store-pg tests in Node (PGlite${postgres ? ', PostgreSQL 15' : '; no PostgreSQL: counts as 1 failed'})`);
  printOutput(output);
  addMochaCounts(code, output);
  if (!postgres) totals.failed += 1;
  return { ok: code === 0 && postgres !== undefined };
}

/**
 * What the browser tests read besides the sources, built first (in parallel with the Node suites): some check
 * the BUILT packages (test/dist-embed: the forms from packages/components/dist in a plain page with an import
 * map), so the packages are built from the current sources, also on a clone that was never built (a stale dist/
 * would test yesterday's code); and the manifest test compares packages/components/custom-elements.json with the
 * elements' sources, so the manifest is written from the sources (as `npm run build` does).
 */
async function buildForBrowserTests() {
  const built = await run(bin('rollup'), ['-c'], { buffer: true });
  if (built.code !== 0) {
    console.log(`${built.output}\nrollup exited with ${built.code}: counts as 1 failed`);
    totals.failed += 1;
  }
  const manifest = await run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    cwd: join(repoRoot, 'packages', 'components'),
    buffer: true,
  });
  if (manifest.code !== 0) console.log(`custom elements manifest: cem exited with ${manifest.code}`);
  return { ok: built.code === 0 && manifest.code === 0 };
}

/**
 * Every browser test (core, store, components, cross-package) in one @web/test-runner run; with `--demo` the
 * demo's and the stories' walks instead.
 */
async function browserTests() {
  heading(
    demoOnly
      ? 'Demo and story walks in the browser (@web/test-runner, Chromium)'
      : 'Browser tests (@web/test-runner, Chromium)',
  );
  const resultsFile = join(repoRoot, '.tmp', 'wtr-results.json');
  mkdirSync(join(repoRoot, '.tmp'), { recursive: true });
  rmSync(resultsFile, { force: true });
  const { code } = await run(bin('web-test-runner'), ['--config', 'web-test-runner.config.js'], {
    env: {
      FALLKIT_WTR_RESULTS: resultsFile,
      CI: 'true',
      ...(demoOnly ? { FALLKIT_TEST_FILES: DEMO_TEST_FILES.join(',') } : {}),
    },
  });
  if (!existsSync(resultsFile)) {
    console.log(`web-test-runner exited with ${code} before reporting results: counts as 1 failed`);
    totals.failed += 1;
    return { ok: false };
  }
  const counts = JSON.parse(readFileSync(resultsFile, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  for (const problem of counts.fileErrors) console.log(`  failed to run: ${problem}`);
  console.log("Slowest browser test files (their tests' time):");
  for (const { file, seconds } of counts.slowest ?? []) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${file}`);
  if (code !== 0 && counts.failed === 0) {
    console.log(`web-test-runner exited with ${code} without a failing test: counts as 1 failed`);
    totals.failed += 1;
  }
  return { ok: code === 0 };
}

const started = performance.now();
let browserReady = true;
heading('Browser');
try {
  console.log(`Chromium: ${ensureBrowser()}`);
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error));
  browserReady = false;
}
try {
  // The print tests read printed PDFs; without pdftotext they fail with a message saying so.
  console.log(`pdftotext: ${ensurePdfText()}`);
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error));
}

heading('PostgreSQL');
/** @type {{ ownerUrl: string, appUrl: string } | undefined} */
let postgres;
try {
  postgres = ensurePostgres();
  console.log(`PostgreSQL: ${postgres.ownerUrl.replace(/:[^:@/]*@/, ':…@')} (${postgres.source})`);
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error));
}

if (demoOnly) {
  await timed('Build for the browser tests', buildForBrowserTests);
} else {
  await checks();
  // The two Node suites and the browser tests' build at once: each is mostly one process on one core (PostgreSQL
  // and PGlite's work in the store-pg suite, mocha's in the core's), and each prints when it ends.
  await Promise.all([
    timed('Core tests in Node', nodeTests),
    timed('store-pg tests in Node', () => storePgTests(postgres)),
    timed('Build for the browser tests', buildForBrowserTests),
  ]);
}
if (browserReady) await timed(demoOnly ? 'Demo and story walks' : 'Browser tests', browserTests);
else totals.failed += 1;

heading('Timings');
for (const { step, seconds, ok } of timings)
  console.log(`  ${ok ? 'ok    ' : 'FAILED'} ${seconds.toFixed(1).padStart(6)} s  ${step}`);
console.log(`  total  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`;
process.exitCode = totals.failed > 0 ? 1 : 0;
console.log(summary);
