// @ts-check
/**
 * A @web/test-runner plugin for the dist-embed page (test/dist-embed/index.html): that page loads the BUILT
 * components from `packages/components/dist/` the way a host page without a build step does, through an
 * import map. The test runner normally rewrites every bare import (`lit`, `@fallkit/core`) to a resolved path
 * (node resolution with the `@fallkit/source` condition, i.e. the TypeScript sources). The page's import map
 * therefore points at `/__embed__/<path in the repository>`: this plugin serves those files as they are on
 * disk and leaves their bare imports alone, so the browser resolves them with the import map, exactly as a
 * static web server would. Other tests, which load the same lit files through the runner, are not affected.
 *
 * When `packages/components/dist` has no built forms yet, the plugin builds the packages once
 * (`rollup -c --configOnly packages`, about 30 s) before the tests start, so the test does not depend on an
 * earlier `npm run build`. A stale build is not detected; CI builds before testing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The URL prefix under which the page's import map finds files exactly as they are on disk. */
export const RAW_PREFIX = '/__embed__/';

/** Importers whose bare imports the page's import map must resolve. */
const KEEP_BARE = [/^\/test\/dist-embed\/[^/]+\.html$/, /^\/__embed__\//];

/** The built files the page needs. */
export const DIST_ENTRIES = ['fk-assessment-form', 'fk-goal-agreement', 'fk-help-plan'].map(
  (name) => `packages/components/dist/define/${name}.js`,
);

/** The prebuilt element bundles the bundle page loads (test/dist-embed/bundle.html). */
export const BUNDLE_ENTRIES = ['fk-goal-agreement', 'fk-help-plan'].map(
  (name) => `packages/components/dist/bundle/${name}.js`,
);

/** Builds the packages (and the element bundles) with rollup when the built forms are missing. */
export function ensureDist() {
  if (!BUNDLE_ENTRIES.every((file) => existsSync(`${repoRoot}/${file}`))) {
    const rollup = `${repoRoot}/node_modules/.bin/rollup`;
    console.log('dist-embed: packages/components/dist/bundle is missing; building the element bundles …');
    const built = spawnSync(rollup, ['-c', '--configOnly', 'bundle'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) console.error(`dist-embed: the bundle build failed (exit ${built.status})`);
  }
  if (DIST_ENTRIES.every((file) => existsSync(`${repoRoot}/${file}`))) return;
  const rollup = `${repoRoot}/node_modules/.bin/rollup`;
  console.log('dist-embed: packages/components/dist has no built forms; building the packages with rollup …');
  const result = spawnSync(rollup, ['-c', '--configOnly', 'packages'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0)
    console.error(`dist-embed: rollup failed (exit ${result.status}); the dist-embed test will fail`);
}

/** Writes the custom elements manifest when it is missing (test/embedding/manifest.test.ts reads it). */
export function ensureManifest() {
  const manifest = `${repoRoot}/packages/components/custom-elements.json`;
  if (existsSync(manifest)) return;
  console.log('manifest: packages/components/custom-elements.json is missing; running the analyzer …');
  const cem = `${repoRoot}/node_modules/.bin/cem`;
  const result = spawnSync(cem, ['analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    cwd: `${repoRoot}/packages/components`,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    console.error(`manifest: the analyzer failed (exit ${result.status}); the manifest test will fail`);
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function distEmbedPlugin() {
  return {
    name: 'fallkit-dist-embed',
    serverStart() {
      ensureDist();
      ensureManifest();
    },
    serve(context) {
      if (!context.path.startsWith(RAW_PREFIX)) return undefined;
      const relative = normalize(decodeURIComponent(context.path.slice(RAW_PREFIX.length)));
      if (relative.startsWith('..')) return { status: 403, body: 'outside the repository' };
      const file = `${repoRoot}/${relative}`;
      if (!existsSync(file)) return undefined;
      const type = ['.js', '.mjs'].includes(extname(file)) ? 'js' : extname(file).slice(1);
      return { body: readFileSync(file, 'utf8'), type };
    },
    resolveImport({ source, context }) {
      if (source.startsWith('.') || source.startsWith('/')) return undefined;
      if (KEEP_BARE.some((pattern) => pattern.test(context.path))) return source;
      return undefined;
    },
  };
}
