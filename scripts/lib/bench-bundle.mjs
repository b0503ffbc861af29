/**
 * Bundles one browser benchmark (`bench/browser/*.bench.ts`) into a single ES module for the bench page:
 * `@fallkit/*` from their TypeScript sources (the packages' scoped `@fallkit/source` export condition; lit has no
 * such condition and stays on its production build), Dexie's own ES module build, and a footer that hands the
 * case's default export to the runner as `globalThis.__fallkitBench`.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/** @type {import('esbuild').Plugin} */
const dexieModule = {
  name: 'fallkit-dexie-esm',
  setup(build) {
    build.onResolve({ filter: /^dexie$/ }, () => ({
      path: join(repoRoot, 'node_modules/dexie/dist/modern/dexie.mjs'),
    }));
  },
};

/**
 * @param {string} file absolute path of the case
 * @returns {Promise<string>} the bundled module
 */
export async function bundleBrowserBench(file) {
  const result = await build({
    stdin: {
      contents: `import bench from ${JSON.stringify(file)};\nglobalThis.__fallkitBench = bench;\n`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    tsconfig: join(repoRoot, 'tsconfig.base.json'),
    conditions: ['@fallkit/source'],
    plugins: [dexieModule],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
