// @ts-check
/**
 * Rollup builds:
 * - every public package (`scripts/lib/packages.mjs`: core, stores, server, sync, handover, fhir, components) to ESM in
 *   its `dist/`, one file per source module
 *   (`preserveModules`), with source maps. Hosts import one module or one component alone, and their own
 *   bundler shares one copy of lit, @lit/context, dexie, zod and @noble/hashes: those and `@fallkit/*` are never bundled.
 *   The `.d.ts` files next to them come from `tsc -b` (the packages emit declarations only).
 * - the demo page (`packages/demo/dist/`) as an offline bundle that includes lit, dexie and zod, split into
 *   chunks per case tab (see `demoBuild`).
 * - the prebuilt element bundles for pages without a bundler (`packages/components/dist/bundle/`, see
 *   `componentsBundle`).
 *
 *   npx rollup -c                          # everything
 *   npx rollup -c --configOnly=packages    # the three packages
 *   npx rollup -c --configOnly=demo        # the demo page (from the packages' sources)
 *   npx rollup -c --configOnly=bundle      # the prebuilt element bundles
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { PUBLIC_PACKAGES } from './scripts/lib/packages.mjs';

const tsconfig = 'tsconfig.base.json';

/** Packages shared with the host: never bundled into a public package. */
const EXTERNAL = [/^lit($|\/)/, /^@lit\//, /^dexie($|\/)/, /^zod($|\/)/, /^@noble\/hashes\//, /^@fallkit\//];
/** The server store's drivers and Node's modules: dependencies of `@fallkit/store-pg`, never bundled. */
EXTERNAL.push(/^pg($|\/)/, /^@electric-sql\/pglite($|\/)/, /^node:/);
/** The sync server's HTTP, token and identity-provider libraries (jose also of `@fallkit/handover`): never bundled. */
EXTERNAL.push(/^hono($|\/)/, /^@hono\//, /^jose($|\/)/, /^oidc-provider($|\/)/);

/**
 * Dexie's `import` condition wraps its UMD build, which rollup cannot read without the commonjs plugin;
 * Dexie's own ES module build is the same code. Only needed where dexie is bundled (the demo, benchmarks).
 * @returns {import('rollup').Plugin}
 */
export function dexieEsm() {
  return {
    name: 'fallkit-dexie-esm',
    async resolveId(source) {
      if (source === 'dexie') return this.resolve('dexie/dist/modern/dexie.mjs', undefined, { skipSelf: true });
      return null;
    },
  };
}

/**
 * The public entry points of each package; entries that do not exist yet are left out so the build works while
 * the packages grow.
 * @param {string} pkg
 */
function entriesOf(pkg) {
  const src = join('packages', pkg, 'src');
  /** @type {string[]} */
  const entries = [join(src, 'index.ts')];
  if (pkg === 'core') {
    // The area subpaths of issue 18, the testing helpers, the store authors' entry and the repository's internal
    // entry (issue 19).
    for (const area of [
      'testing',
      'reporting',
      'rights',
      'retention',
      'records',
      'examples',
      'sync',
      'store',
      'internal',
    ])
      entries.push(join(src, area, 'index.ts'));
  }
  if (pkg === 'components') {
    const define = join(src, 'define');
    if (existsSync(define)) {
      for (const file of readdirSync(define).sort()) {
        if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
          entries.push(join(define, file));
      }
    }
  }
  return entries.filter((entry) => existsSync(entry));
}

/** @param {string} pkg */
function versionOf(pkg) {
  return String(JSON.parse(readFileSync(join('packages', pkg, 'package.json'), 'utf8')).version);
}

/**
 * @param {string} pkg
 * @returns {import('rollup').RollupOptions | undefined}
 */
function packageBuild(pkg) {
  const input = entriesOf(pkg);
  if (input.length === 0) {
    console.warn(`rollup: packages/${pkg}/src/index.ts does not exist yet; ${pkg} is not built`);
    return undefined;
  }
  return {
    input,
    external: (id) => EXTERNAL.some((pattern) => pattern.test(id)),
    plugins: [
      esbuild({
        target: 'es2022',
        tsconfig,
        sourceMap: true,
        // The version a define file names when it finds its tag taken by another copy (define-element.ts).
        define: { __FALLKIT_VERSION__: JSON.stringify(versionOf(pkg)) },
      }),
    ],
    output: {
      dir: join('packages', pkg, 'dist'),
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: join('packages', pkg, 'src'),
      entryFileNames: '[name].js',
    },
  };
}

/**
 * Copies the demo page's static files next to its bundle.
 * @param {string[]} files paths relative to packages/demo
 * @returns {import('rollup').Plugin}
 */
function demoAssets(files) {
  return {
    name: 'fallkit-demo-assets',
    buildStart() {
      for (const file of files) this.addWatchFile(join('packages/demo', file));
    },
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(join('packages/demo', file)) });
      }
    },
  };
}

/**
 * Third-party code warns about its own circular imports and comment annotations; those are not ours to fix.
 * @type {import('rollup').WarningHandlerWithDefault}
 */
function quietAboutDependencies(warning, warn) {
  const inDependency = (warning.ids ?? [warning.id ?? '']).some((id) => id.includes('/node_modules/'));
  if (inDependency && (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION')) return;
  warn(warning);
}

/**
 * The demo page, code-split: `main.js` (the application, the store, the first screen's elements) and one
 * chunk per case tab's element under `chunks/`, loaded by dynamic import when the tab is first shown
 * (packages/demo/src/loading/element-loader.ts). Built from the packages' sources (the `@fallkit/source`
 * condition), so `npm start` needs no package build first; minified by esbuild, which takes a second where
 * terser took most of the build.
 * @param {{ plugins?: import('rollup').Plugin[] }} [extra] more plugins (the progress of `npm start`)
 * @returns {import('rollup').RollupOptions}
 */
export function demoBuild(extra = {}) {
  return {
    input: 'packages/demo/src/main.ts',
    plugins: [
      dexieEsm(),
      // The packages' sources, and lit's production build.
      nodeResolve({ browser: true, exportConditions: ['@fallkit/source', 'browser', 'module', 'import', 'default'] }),
      esbuild({
        target: 'es2022',
        tsconfig,
        sourceMap: true,
        define: { __FALLKIT_VERSION__: JSON.stringify(versionOf('components')) },
      }),
      minify({ target: 'es2022', sourceMap: true, legalComments: 'none' }),
      demoAssets(['index.html', 'demo.css']),
      ...(extra.plugins ?? []),
    ],
    onwarn: quietAboutDependencies,
    output: {
      dir: 'packages/demo/dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  };
}

/**
 * The prebuilt element bundles (issue 18) for a page without a bundler or import map: `dist/bundle/fk-<name>.js`
 * registers one element (as its `define/` file does) with everything it needs, lit, @lit/context, @lit/task, zod
 * and the core included; what several elements share sits once in `dist/bundle/chunks/`, so two elements on a
 * page load it once. Minified, with source maps. A page that also bundles Fallkit itself must not load these
 * (two copies of the elements: the second registers nothing and warns, docs/components.md).
 * @returns {import('rollup').RollupOptions}
 */
export function componentsBundle() {
  const define = join('packages', 'components', 'src', 'define');
  const input = Object.fromEntries(
    readdirSync(define)
      .filter((file) => file.startsWith('fk-') && file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .sort()
      .map((file) => [file.slice(0, -'.ts'.length), join(define, file)]),
  );
  return {
    input,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['@fallkit/source', 'browser', 'module', 'import', 'default'] }),
      esbuild({
        target: 'es2022',
        tsconfig,
        sourceMap: true,
        define: { __FALLKIT_VERSION__: JSON.stringify(versionOf('components')) },
      }),
      minify({ target: 'es2022', sourceMap: true, legalComments: 'none' }),
    ],
    onwarn: quietAboutDependencies,
    output: {
      dir: join('packages', 'components', 'dist', 'bundle'),
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Fewer requests per page: lit, @lit/* and zod in one chunk (every element needs them); the core and the
      // elements' own modules are split by rollup along what the entries share, so a field alone does not load
      // the core.
      manualChunks(id) {
        return id.includes('/node_modules/') ? 'vendor' : undefined;
      },
    },
  };
}

/** @param {Record<string, unknown>} args rollup's command line, `--configOnly=packages|demo|bundle` */
export default function config(args) {
  const only = args.configOnly;
  /** @type {(import('rollup').RollupOptions | undefined)[]} */
  const builds = [];
  if (!only || only === 'packages') builds.push(...PUBLIC_PACKAGES.map(packageBuild));
  if (!only || only === 'demo') builds.push(demoBuild());
  if (!only || only === 'bundle') builds.push(componentsBundle());
  return builds.filter((build) => build !== undefined);
}
