// @ts-check
/**
 * @web/test-runner configuration: every browser test of the monorepo runs in a real headless Chromium.
 *
 *   npx web-test-runner                                         # all browser tests
 *   npx web-test-runner "packages/store-dexie/test/**\/*.test.ts" # a subset (CLI globs replace `files`)
 *   FALLKIT_TEST_FILES="packages/components/test/**\/*.test.ts" npm test
 *
 * The browser comes from CHROME_PATH, else /usr/bin/chromium (see scripts/ensure-browser.mjs); nothing is
 * ever downloaded. Tests import `src/*.ts` through the packages' scoped `@fallkit/source` export condition, so no
 * build is needed before testing (published exports point only at `dist/`).
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { resultsFileReporter } from './scripts/lib/wtr-results-reporter.js';
import { distEmbedPlugin } from './test/dist-embed/import-map-plugin.js';
import { pdfCommandPlugin } from './test/pdf/pdf-command-plugin.js';

const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

/**
 * The demo's and the stories' walks through whole pages: the slowest browser files, run by `npm run test:demo`
 * (which `.ci/run` runs) rather than by `npm test` (see scripts/test.mjs).
 */
export const DEMO_TEST_FILES = ['test/demo-*.test.ts', 'test/e2e/**/*.test.ts', 'test/stories/**/*.test.ts'];

/** Default browser test globs; core tests run here too (and in Node, see scripts/test.mjs). */
const defaultFiles = [
  'packages/*/test/**/*.test.ts',
  'test/**/*.test.ts',
  ...DEMO_TEST_FILES.map((glob) => `!${glob}`),
];

/** `FALLKIT_TEST_FILES` (comma-separated globs) narrows a run without editing this file. */
const files = process.env.FALLKIT_TEST_FILES
  ? process.env.FALLKIT_TEST_FILES.split(',')
      .map((glob) => glob.trim())
      .filter(Boolean)
  : defaultFiles;

/**
 * Dexie's `import` condition wraps a UMD build, which the dev server cannot give a default export; the
 * package's own ES module build can. Bundlers (rollup, vite) handle the package as published.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const dexieModulePlugin = {
  name: 'fallkit-dexie-esm',
  resolveImport({ source }) {
    if (source === 'dexie') return '/node_modules/dexie/dist/modern/dexie.mjs';
    return undefined;
  },
};

/**
 * Lets a test open the demo page as `npm start` serves it (test/demo-shell.test.ts loads
 * `/packages/demo/index.html` in an iframe): the page's bundle `main.js` is served from its TypeScript entry,
 * so the page runs from source without a build or a second server.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const demoEntryPlugin = {
  name: 'fallkit-demo-entry',
  serve(context) {
    if (context.path === '/packages/demo/main.js') return { body: "import './src/main.ts';\n", type: 'js' };
    return undefined;
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  // Node-only tests, run by mocha from scripts/test.mjs: the PostgreSQL store (pg, PGlite, node:*), the size gate
  // (rollup) and the check of docs/data-protection.md's access table (reads the page with node:fs).
  files: [
    ...files,
    '!**/node_modules/**',
    '!**/dist/**',
    '!packages/store-pg/**',
    '!packages/server/**',
    '!packages/handover/test/**',
    '!packages/fhir/test/**',
    '!packages/core/test/size/**',
    '!packages/core/test/access/access-table.test.ts',
  ],
  // `@fallkit/source`: the workspace packages' TypeScript sources. `development`: lit's development build, whose
  // warnings (change-in-update, missing reflect) the tests should see; no Fallkit package exports it.
  nodeResolve: { exportConditions: ['@fallkit/source', 'development', 'browser'] },
  // distEmbedPlugin first: it keeps bare imports of the dist-embed page for its import map.
  plugins: [
    distEmbedPlugin(),
    dexieModulePlugin,
    demoEntryPlugin,
    pdfCommandPlugin(),
    // Accessible names and descriptions as Chromium computes them (`a11ySnapshot`), for the fields' tests.
    a11ySnapshotPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // Two test files run at once, in two tabs: the one in the background must not be throttled.
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
        ],
      },
      // Only one tab of a browser has focus, so focus(), :focus and keyboard tests (sendKeys) in the other
      // concurrent tab would hang. Focus emulation lets every page behave as the focused one.
      async createPage({ context }) {
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  concurrency: 2,
  concurrentBrowsers: 1,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  // Lit announces its development build (lit's `development` condition) in every test file; that is expected.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter(), resultsFileReporter(process.env.FALLKIT_WTR_RESULTS)],
};
