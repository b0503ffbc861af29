#!/usr/bin/env node
/**
 * Finds the Chromium the browser tests and benchmarks run in, and installs Debian's `chromium` package when
 * there is none and we may (root + apt-get). Never downloads a browser from the internet.
 *
 *   node scripts/ensure-browser.mjs                  # prints the browser path, installs if needed
 *   node scripts/ensure-browser.mjs --dry-run        # says what it would do, changes nothing
 *   node scripts/ensure-browser.mjs --assume-missing --dry-run   # walks the install branch without effect
 *
 * Other scripts import `ensureBrowser()`, which also sets `process.env.CHROME_PATH` for their children, and
 * `ensurePdfText()`: the print tests read the text of the PDFs Chromium prints with poppler's `pdftotext`
 * (Debian `poppler-utils`), installed the same way when missing.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where Debian, Ubuntu and Google's packages put the binary. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The one line shown where no browser can be had. */
export const HOW_TO_INSTALL =
  'No Chromium found: set CHROME_PATH to a Chrome/Chromium binary or run `sudo apt-get install chromium`';

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | undefined} */
function findOnPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The browser this machine has, or undefined. An explicit CHROME_PATH that does not exist is an error, not a
 * reason to silently pick another browser.
 * @returns {string | undefined}
 */
export function findBrowser() {
  const explicit = process.env.CHROME_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new Error(`CHROME_PATH=${explicit} is not an executable file: fix it or unset it`);
  }
  return KNOWN_PATHS.find(isExecutable) ?? findOnPath();
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/usr/bin/apt-get');
}

/**
 * @param {{ dryRun?: boolean, assumeMissing?: boolean, log?: (line: string) => void }} [options]
 * @returns {string} the browser's path (also put into process.env.CHROME_PATH)
 */
export function ensureBrowser({ dryRun = false, assumeMissing = false, log = (line) => console.error(line) } = {}) {
  const found = assumeMissing ? undefined : findBrowser();
  if (found) {
    process.env.CHROME_PATH = found;
    return found;
  }
  if (!canInstallWithApt()) throw new Error(HOW_TO_INSTALL);

  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const steps = [
    ['apt-get', ['update']],
    ['apt-get', ['install', '-y', 'chromium']],
  ];
  log('No Chromium found; installing Debian package `chromium` (root, apt-get available):');
  for (const [command, args] of /** @type {[string, string[]][]} */ (steps)) {
    log(`  DEBIAN_FRONTEND=noninteractive ${command} ${args.join(' ')}`);
    if (dryRun) continue;
    // apt-get's output goes to stderr: stdout carries only the browser's path (`.ci/run` captures it).
    const run = spawnSync(command, args, { stdio: ['ignore', 2, 2], env });
    if (run.status !== 0)
      throw new Error(`\`${command} ${args.join(' ')}\` failed (exit ${run.status}). ${HOW_TO_INSTALL}`);
  }
  if (dryRun) {
    log('  (dry run: nothing installed)');
    return '/usr/bin/chromium';
  }
  const installed = KNOWN_PATHS.find(isExecutable);
  if (!installed)
    throw new Error(`apt-get installed chromium, but no binary is at ${KNOWN_PATHS.join(', ')}. ${HOW_TO_INSTALL}`);
  process.env.CHROME_PATH = installed;
  log(`Installed Chromium at ${installed}`);
  return installed;
}

/** The one line shown where `pdftotext` is missing and cannot be installed. */
export const HOW_TO_INSTALL_PDFTEXT =
  'No pdftotext found (the print tests read printed PDFs with it): run `sudo apt-get install poppler-utils`';

/**
 * Makes sure poppler's `pdftotext` is on the PATH, installing Debian's `poppler-utils` as root when it is
 * missing. Never downloads anything else.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {string} the path of `pdftotext`
 */
export function ensurePdfText({ log = (line) => console.error(line) } = {}) {
  const find = () =>
    (process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'pdftotext'))
      .find(isExecutable);
  const found = find();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error(HOW_TO_INSTALL_PDFTEXT);
  log('No pdftotext found; installing Debian package `poppler-utils` (root, apt-get available):');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'poppler-utils']]) {
    log(`  DEBIAN_FRONTEND=noninteractive apt-get ${args.join(' ')}`);
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 2, 2], env });
    if (run.status !== 0)
      throw new Error(`\`apt-get ${args.join(' ')}\` failed (exit ${run.status}). ${HOW_TO_INSTALL_PDFTEXT}`);
  }
  const installed = find();
  if (!installed)
    throw new Error(`apt-get installed poppler-utils, but no pdftotext is on the PATH. ${HOW_TO_INSTALL_PDFTEXT}`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = new Set(process.argv.slice(2));
  try {
    const path = ensureBrowser({ dryRun: args.has('--dry-run'), assumeMissing: args.has('--assume-missing') });
    if (!args.has('--dry-run')) ensurePdfText();
    console.log(path);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
