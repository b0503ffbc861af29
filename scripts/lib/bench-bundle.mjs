/**
 * Bundles one browser benchmark (`bench/browser/*.bench.ts`) into a single ES module for the bench page:
 * `@fallkit/*` from their TypeScript sources (the `development` export condition, resolved here so that lit
 * stays on its production build), Dexie's own ES module build, and a footer that hands the case's default
 * export to the runner as `globalThis.__fallkitBench`.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

/**
 * Where the `development` condition of a workspace package's export map points.
 * @param {string} specifier e.g. `@fallkit/core/testing`
 * @returns {string | undefined}
 */
export function resolveWorkspaceSource(specifier) {
  const match = /^@fallkit\/([^/]+)(\/.*)?$/.exec(specifier);
  if (!match) return undefined;
  const [, pkg, sub = ''] = match;
  const dir = join(repoRoot, 'packages', /** @type {string} */ (pkg));
  const exports = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports ?? {};
  const wanted = `.${sub}`;
  for (const [key, target] of Object.entries(exports)) {
    const development = typeof target === 'object' && target ? target.development : undefined;
    if (typeof development !== 'string') continue;
    if (key === wanted) return join(dir, development);
    const star = key.indexOf('*');
    if (star >= 0 && wanted.startsWith(key.slice(0, star)) && wanted.endsWith(key.slice(star + 1))) {
      const captured = wanted.slice(star, wanted.length - (key.length - star - 1));
      return join(dir, development.replace('*', captured));
    }
  }
  return undefined;
}

/** @type {import('esbuild').Plugin} */
const workspaceSources = {
  name: 'fallkit-workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@fallkit\// }, (args) => {
      const path = resolveWorkspaceSource(args.path);
      return path ? { path } : undefined;
    });
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
    plugins: [workspaceSources],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
