#!/usr/bin/env node
/**
 * Packs the public packages as published (scripts/lib/pack.mjs) and lints the tarballs: `publint --strict`
 * (packaging mistakes, warnings count as errors) and `attw --profile esm-only` (types resolve under node16
 * and bundler resolution for every entry point, including each `define/<tag>` with and without `.js`).
 * Needs `npm run build` first. Run by `.ci/run`. Prints `N passed, N failed` (one check per tool and
 * package) and exits non-zero on any failure.
 *
 *   node scripts/check-packages.mjs
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, repoRoot } from './lib/paths.mjs';
import { packPackages } from './lib/pack.mjs';

/** The define entry points attw cannot discover behind the `./define/*` patterns. */
function defineEntrypoints() {
  const folder = join(repoRoot, 'packages/components/src/define');
  return readdirSync(folder)
    .filter((file) => /^fk-.*\.ts$/.test(file))
    .flatMap((file) => {
      const name = file.replace(/\.ts$/, '');
      return [`./define/${name}.js`, `./define/${name}`];
    });
}

const tarballs = packPackages();
let passed = 0;
let failed = 0;
for (const { name, pkg, tarball } of tarballs) {
  const checks = [
    { tool: 'publint --strict', command: bin('publint'), args: ['run', '--strict', tarball] },
    {
      tool: 'attw --profile esm-only',
      command: bin('attw'),
      args: [
        tarball,
        '--profile',
        'esm-only',
        '--format',
        'table-flipped',
        '--no-emoji',
        '--no-color',
        ...(pkg === 'components' ? ['--include-entrypoints', ...defineEntrypoints()] : []),
      ],
    },
  ];
  for (const check of checks) {
    console.log(`\n=== ${check.tool}: ${name} (${tarball}) ===`);
    const result = spawnSync(check.command, check.args, { cwd: repoRoot, stdio: 'inherit' });
    if (result.status === 0) passed++;
    else {
      failed++;
      console.log(`FAILED: ${check.tool} on ${name} (exit ${result.status})`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
