#!/usr/bin/env node
/**
 * `npm run build`: declarations and type-check of the packages (`tsc -b`), ES modules for the packages and the demo bundle
 * (rollup), then `packages/components/custom-elements.json` (custom elements manifest analyzer) and the host
 * typings generated from it (`packages/components/dist/hosts/`). Stops at the
 * first failing step with its exit code.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_PACKAGES } from './lib/packages.mjs';
import { bin, repoRoot } from './lib/paths.mjs';
import { runInherited } from './lib/run.mjs';

/** Removes the JavaScript a previous build left (renamed modules would linger); tsc's `.d.ts` stay. */
function removeOldJavaScript(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) removeOldJavaScript(path);
    else if (name.endsWith('.js') || name.endsWith('.js.map')) rmSync(path);
  }
}

const steps = [
  {
    // The packages and the demo only: a type error in a test must fail `npm test`, not the build.
    name: 'tsc -b (declarations and type-check of the packages)',
    run: () => runInherited(bin('tsc'), ['-b', ...[...PUBLIC_PACKAGES, 'demo'].map((pkg) => `packages/${pkg}`)]),
  },
  {
    name: 'rollup (packages + demo)',
    run: () => {
      for (const pkg of PUBLIC_PACKAGES) removeOldJavaScript(join(repoRoot, 'packages', pkg, 'dist'));
      rmSync(join(repoRoot, 'packages', 'demo', 'dist'), { recursive: true, force: true });
      return runInherited(bin('rollup'), ['-c']);
    },
  },
  {
    name: 'custom elements manifest',
    run: () =>
      runInherited(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs'], {
        cwd: join(repoRoot, 'packages', 'components'),
      }),
  },
  {
    // React, Vue and Svelte typings from the manifest, into packages/components/dist/hosts/.
    name: 'host typings from the manifest',
    run: () =>
      runInherited(process.execPath, ['cem/host-typings.mjs'], { cwd: join(repoRoot, 'packages', 'components') }),
  },
];

const started = performance.now();
for (const step of steps) {
  console.log(`\n=== build: ${step.name} ===`);
  const code = await step.run();
  if (code !== 0) {
    console.error(`build failed at "${step.name}" (exit ${code})`);
    process.exit(code);
  }
}
console.log(`\nbuild done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
