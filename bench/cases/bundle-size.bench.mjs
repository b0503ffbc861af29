/**
 * Size of each public entry point, minified and gzipped, against lit's own entry bundled the same way in the
 * same run. An entry is bundled alone with rollup + terser, its peer packages (lit, @lit/context, dexie, zod)
 * and the other @fallkit packages left out, because a host loads those once for all. A second core figure
 * includes zod/mini, which every host of the core pays for too.
 */
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PEERS = [/^lit($|\/)/, /^@lit\//, /^dexie($|\/)/, /^zod($|\/)/];
const WORKSPACE = /^@fallkit\//;

/**
 * @param {string} input a file or a bare package name
 * @param {RegExp[]} external
 * @param {string} repoRoot
 * @returns {Promise<{ minified: number, gzipped: number }>}
 */
async function minGzipSize(input, external, repoRoot) {
  const bundle = await rollup({
    input,
    external: (id) => external.some((pattern) => pattern.test(id)),
    plugins: [
      // Production conditions: lit's production build, the packages' dist is never read (sources are the input).
      nodeResolve({ browser: true, rootDir: repoRoot }),
      esbuild({ target: 'es2022', tsconfig: join(repoRoot, 'tsconfig.base.json') }),
      terser({ format: { comments: false } }),
    ],
    onwarn: () => undefined,
  });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
    return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
  } finally {
    await bundle.close();
  }
}

/**
 * The define file of every element, `<fk-…>` with its path. The internal controls are listed too: a form
 * pulls them in, but a host may also use one alone.
 * @param {string} repoRoot
 * @returns {[string, string][]}
 */
function componentDefineFiles(repoRoot) {
  const folder = 'packages/components/src/define';
  if (!existsSync(join(repoRoot, folder))) return [];
  return readdirSync(join(repoRoot, folder))
    .filter((file) => /^fk-.*\.ts$/.test(file))
    .sort()
    .map((file) => [`<${file.replace(/\.ts$/, '')}>`, `${folder}/${file}`]);
}

/** @param {{ repoRoot: string }} context */
export default async function bundleSize({ repoRoot }) {
  const lit = await minGzipSize('lit', [], repoRoot);
  const baseline = { baseline: lit.gzipped, baselineName: 'lit' };
  const entries = [
    ['@fallkit/core', 'packages/core/src/index.ts'],
    ['@fallkit/core/testing', 'packages/core/src/testing/index.ts'],
    ['@fallkit/store-dexie', 'packages/store-dexie/src/index.ts'],
    ['@fallkit/components', 'packages/components/src/index.ts'],
    // Each element alone, as a host that imports one define file pays for it (lit and the core excluded).
    ...componentDefineFiles(repoRoot),
  ];
  const rows = [{ name: 'lit (min+gzip)', value: lit.gzipped, unit: 'B', ...baseline }];
  for (const [name, file] of entries) {
    const path = join(repoRoot, /** @type {string} */ (file));
    if (!existsSync(path)) continue;
    const size = await minGzipSize(path, [...PEERS, WORKSPACE], repoRoot);
    rows.push({ name: `${name} (min+gzip)`, value: size.gzipped, unit: 'B', ...baseline });
    if (name === '@fallkit/core') {
      const withZod = await minGzipSize(path, [WORKSPACE], repoRoot);
      rows.push({ name: `${name} incl. zod/mini (min+gzip)`, value: withZod.gzipped, unit: 'B', ...baseline });
      // Issue 18's row: a host of the service, the views and the memory store only, zod/mini external and
      // included (the size gate's figure includes it).
      const serviceOnly = join(mkdtempSync(join(tmpdir(), 'fallkit-size-')), 'service-only.js');
      writeFileSync(
        serviceOnly,
        `export { createCaseService, createCaseViews, MemoryCaseStore } from ${JSON.stringify(path)};\n`,
      );
      const service = await minGzipSize(serviceOnly, [...PEERS, WORKSPACE], repoRoot);
      rows.push({
        name: 'core for service + views + MemoryCaseStore (min+gzip)',
        value: service.gzipped,
        unit: 'B',
        ...baseline,
      });
      const serviceWithZod = await minGzipSize(serviceOnly, [WORKSPACE], repoRoot);
      rows.push({
        name: 'core for service + views + MemoryCaseStore incl. zod/mini (min+gzip)',
        value: serviceWithZod.gzipped,
        unit: 'B',
        ...baseline,
      });
    }
  }
  return rows;
}
