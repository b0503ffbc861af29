/**
 * The demo build of `npm start`: rollup's API with the same options as `npx rollup -c --configOnly=demo`
 * (`demoBuild` in rollup.config.js), plus a progress plugin that counts modules as they are transformed.
 * Skipped when the bundle is newer than every input (the packages' sources, the page, the config, the lock).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { repoRoot } from '../paths.mjs';

const DIST = join(repoRoot, 'packages', 'demo', 'dist');
/** The packages the demo bundles from source. */
const SOURCE_PACKAGES = ['core', 'store-dexie', 'components', 'demo', 'sync'];
const INPUT_FILES = ['rollup.config.js', 'package-lock.json', 'packages/demo/index.html', 'packages/demo/demo.css'];

/** @param {string} dir @returns {number} the newest mtime below `dir` (0 when missing) */
function newestBelow(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestBelow(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether the built demo is newer than everything it is built from. */
export function demoIsCurrent() {
  const main = join(DIST, 'main.js');
  if (!existsSync(main)) return false;
  const built = statSync(main).mtimeMs;
  let newest = 0;
  for (const pkg of SOURCE_PACKAGES) {
    newest = Math.max(newest, newestBelow(join(repoRoot, 'packages', pkg, 'src')));
    const manifest = join(repoRoot, 'packages', pkg, 'package.json');
    if (existsSync(manifest)) newest = Math.max(newest, statSync(manifest).mtimeMs);
  }
  for (const file of INPUT_FILES) {
    const path = join(repoRoot, file);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest < built;
}

/**
 * Counts modules for the progress line.
 * @param {(message: string) => void} tick
 * @returns {import('rollup').Plugin}
 */
function progressPlugin(tick) {
  let modules = 0;
  return {
    name: 'fallkit-start-progress',
    transform() {
      modules += 1;
      if (modules % 25 === 0) tick(`${modules} Module übersetzt / modules transformed`);
      return null;
    },
    renderStart() {
      tick(`${modules} Module, Chunks werden geschrieben und verkleinert / writing and minifying chunks`);
    },
  };
}

/** Sizes of the JavaScript in the built demo: the first chunk and all chunks, raw and gzip. */
export function demoSizes() {
  /** @type {{ files: number, raw: number, gzip: number, mainRaw: number, mainGzip: number }} */
  const sizes = { files: 0, raw: 0, gzip: 0, mainRaw: 0, mainGzip: 0 };
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        const body = readFileSync(path);
        const gzip = gzipSync(body).length;
        sizes.files += 1;
        sizes.raw += body.length;
        sizes.gzip += gzip;
        if (path === join(DIST, 'main.js')) {
          sizes.mainRaw = body.length;
          sizes.mainGzip = gzip;
        }
      }
    }
  };
  walk(DIST);
  return sizes;
}

/**
 * Builds the demo into packages/demo/dist (emptied first: chunk names carry hashes, old ones would pile up).
 * @param {(message: string) => void} tick
 */
export async function buildDemo(tick) {
  const { demoBuild } = await import('../../../rollup.config.js');
  /** @type {import('rollup').RollupOptions} */
  const options = demoBuild({ plugins: [progressPlugin(tick)] });
  /** @type {string[]} */
  const warnings = [];
  const bundle = await rollup({
    ...options,
    onwarn: (warning, warn) =>
      options.onwarn
        ? options.onwarn(warning, (w) => warnings.push(typeof w === 'string' ? w : w.message))
        : warn(warning),
  });
  try {
    rmSync(DIST, { recursive: true, force: true });
    const outputs = Array.isArray(options.output) ? options.output : [options.output ?? {}];
    for (const output of outputs) await bundle.write(output);
  } finally {
    await bundle.close();
  }
  return { warnings };
}
