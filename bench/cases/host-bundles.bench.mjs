/**
 * Bundle size of a one-element host app per framework: `test/hosts/<host>/bench/one-element.*` (one
 * `<fk-assessment-form>`, registered by its define file) built by the host's own Vite for production, all
 * JavaScript minified and gzipped, against the same app without Fallkit (`bench/baseline.*`: the framework's
 * hello world, or lit alone for the plain page) built the same way in the same run; Angular builds with its
 * own CLI (esbuild), the others with Vite. Uses the hosts' installs
 * of the packed tarballs, which `node scripts/test-hosts.mjs` makes; a host not installed yet is reported and
 * left out of the table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** @param {{ repoRoot: string }} context */
export default async function hostBundles({ repoRoot }) {
  const hostsRoot = join(repoRoot, 'test', 'hosts');
  const rows = [];
  for (const host of readdirSync(hostsRoot).sort()) {
    const dir = join(hostsRoot, host);
    const bench = join(dir, 'bench');
    if (!existsSync(bench)) continue;
    const angular = existsSync(join(dir, 'angular.json'));
    if (!existsSync(join(dir, 'node_modules', angular ? '@angular/build' : 'vite')) && host !== 'plain-html') {
      console.log(`host-bundles: ${host} is not installed (run node scripts/test-hosts.mjs first); left out`);
      continue;
    }
    const files = readdirSync(bench);
    const one = files.find((f) => f.startsWith('one-element.'));
    const base = files.find((f) => f.startsWith('baseline.'));
    if (!one || !base) continue;
    // The plain page has no Vite of its own: the repository's builds it, over the host's node_modules.
    const builder = existsSync(join(dir, 'node_modules', 'vite')) ? dir : repoRoot;
    if (!existsSync(join(dir, 'node_modules', '@fallkit', 'components'))) {
      console.log(`host-bundles: ${host} has no installed tarballs (run node scripts/test-hosts.mjs first); left out`);
      continue;
    }
    const size = angular ? angularSize(dir, `bench/${one}`) : await builtSizeIn(builder, dir, `bench/${one}`);
    const baseline = angular ? angularSize(dir, `bench/${base}`) : await builtSizeIn(builder, dir, `bench/${base}`);
    rows.push({
      name: `${host}: one <fk-assessment-form> app (min+gzip)`,
      value: size,
      unit: 'B',
      baseline,
      baselineName: host === 'plain-html' ? 'lit alone' : `${host} hello world`,
    });
  }
  return rows;
}

/**
 * Builds `entry` of the Angular app in `hostDir` for production with its own CLI (the application builder,
 * esbuild; Angular has no Vite build), into a scratch folder.
 * @returns {number} gzipped bytes of every JS file of the browser output
 */
function angularSize(/** @type {string} */ hostDir, /** @type {string} */ entry) {
  const out = join(hostDir, 'node_modules', '.cache', 'fallkit-bench', entry.replace(/\W+/g, '-'));
  rmSync(out, { recursive: true, force: true });
  const build = spawnSync(
    join(hostDir, 'node_modules', '.bin', 'ng'),
    ['build', '--browser', entry, '--ts-config', 'bench/tsconfig.bench.json', '--output-path', out],
    { cwd: hostDir, encoding: 'utf8', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } },
  );
  if (build.status !== 0) throw new Error(`ng build ${entry} failed:\n${build.stdout}\n${build.stderr}`);
  const browser = join(out, 'browser');
  const code = readdirSync(browser)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => readFileSync(join(browser, file), 'utf8'))
    .join('');
  rmSync(out, { recursive: true, force: true });
  return gzipSync(code, { level: 9 }).length;
}

/**
 * Builds `entry` of the app rooted at `hostDir` for production with the Vite installed in `builderDir`.
 * @returns {Promise<number>} gzipped bytes of every JS chunk
 */
async function builtSizeIn(
  /** @type {string} */ builderDir,
  /** @type {string} */ hostDir,
  /** @type {string} */ entry,
) {
  const vite = await import(pathToFileURL(join(builderDir, 'node_modules', 'vite', 'dist', 'node', 'index.js')).href);
  const result = await vite.build({
    root: hostDir,
    // The host's own config (framework plugin, JSX runtime); the plain page has none.
    configFile: existsSync(join(hostDir, 'vite.config.js')) ? join(hostDir, 'vite.config.js') : false,
    logLevel: 'silent',
    build: { write: false, minify: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: join(hostDir, entry) } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return gzipSync(outputs.map((o) => (o.type === 'chunk' ? o.code : '')).join(''), { level: 9 }).length;
}
