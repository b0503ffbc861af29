/**
 * A plain HTML page with one form, without a bundler (issue 18): the prebuilt element bundle
 * (`packages/components/dist/bundle/<tag>.js` and the chunks it imports, `npm run build`) against the same
 * element loaded module by module through an import map from the unbundled `dist/` (every module of its
 * import graph, lit and the core included, counted and measured by esbuild's metafile in the same run).
 * Requests are files a browser fetches; bytes are the files as served (minified for the bundle, as built for
 * the import-map page) and their gzip sum.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ELEMENTS = ['fk-goal-agreement', 'fk-assessment-form', 'fk-text-field'];

/** The files a page fetches for one bundle entry: the entry and every chunk it imports, transitively. */
function bundleClosure(/** @type {string} */ entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length > 0) {
    const file = normalize(/** @type {string} */ (stack.pop()));
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
      stack.push(join(dirname(file), /** @type {string} */ (match[1])));
  }
  return [...seen];
}

/** The modules an import-map page loads for one define file of the unbundled dist (esbuild's metafile). */
async function importMapModules(/** @type {string} */ repoRoot, /** @type {string} */ tag) {
  const result = await build({
    entryPoints: [join(repoRoot, 'packages', 'components', 'dist', 'define', `${tag}.js`)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    absWorkingDir: repoRoot,
  });
  return Object.keys(result.metafile.inputs).map((file) => join(repoRoot, file));
}

function sizes(/** @type {string[]} */ files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** @param {{ repoRoot: string }} context */
export default async function elementBundle({ repoRoot }) {
  const bundleDir = join(repoRoot, 'packages', 'components', 'dist', 'bundle');
  if (!existsSync(join(bundleDir, `${ELEMENTS[0]}.js`))) {
    console.log('element-bundle: packages/components/dist/bundle is missing (run npm run build); left out');
    return [];
  }
  const rows = [];
  for (const tag of ELEMENTS) {
    const bundled = bundleClosure(join(bundleDir, `${tag}.js`));
    const mapped = await importMapModules(repoRoot, tag);
    const a = sizes(bundled);
    const b = sizes(mapped);
    const baselineName = 'import map over dist/';
    rows.push(
      {
        name: `plain page, <${tag}>: requests`,
        value: bundled.length,
        unit: 'files',
        baseline: mapped.length,
        baselineName,
      },
      { name: `plain page, <${tag}>: bytes served`, value: a.raw, unit: 'B', baseline: b.raw, baselineName },
      { name: `plain page, <${tag}>: gzip sum`, value: a.gzip, unit: 'B', baseline: b.gzip, baselineName },
    );
  }
  return rows;
}
