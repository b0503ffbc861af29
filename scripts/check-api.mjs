#!/usr/bin/env node
/**
 * API reports (API Extractor) of the public packages' main entries, checked in under docs/api/: a change
 * of the public API is a visible decision in review.
 *
 *   node scripts/check-api.mjs            fails (exit 1) when a report differs from the declarations
 *   node scripts/check-api.mjs --update   rewrites the reports (commit them with the change)
 *   node scripts/check-api.mjs core       one package only
 *
 * Reads the declarations `tsc -b` emits (packages/<pkg>/dist/index.d.ts); run `npx tsc -b` first. Write the
 * reports from a FRESH build (remove every `packages/<pkg>/dist` and `.tmp/tsc`, then `npx tsc -b`), as CI checks them after one:
 * TypeScript lists the members of inferred unions and object types in the order it met them, and an
 * incremental build can meet them in another order than a fresh one (same API, other report).
 */
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The packages whose main entry has a report: what a vendor imports. */
export const API_PACKAGES = ['core', 'components', 'store-dexie'];
const update = process.argv.includes('--update');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

let failed = 0;
for (const pkg of only.length > 0 ? only : API_PACKAGES) {
  const folder = join(root, 'packages', pkg);
  const entry = join(folder, 'dist/index.d.ts');
  if (!existsSync(entry)) {
    console.error(`check-api: ${entry} is missing; run npx tsc -b first`);
    process.exit(1);
  }
  mkdirSync(join(root, 'docs/api'), { recursive: true });
  mkdirSync(join(root, 'node_modules/.cache/api-extractor', pkg), { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: folder,
      mainEntryPointFilePath: entry,
      bundledPackages: [],
      compiler: { tsconfigFilePath: join(folder, 'tsconfig.json') },
      apiReport: {
        enabled: true,
        reportFileName: `${pkg}.api.md`,
        reportFolder: join(root, 'docs/api'),
        reportTempFolder: join(root, 'node_modules/.cache/api-extractor', pkg),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'none' } },
        extractorMessageReporting: { default: { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: join(folder, 'api-extractor.json'),
    packageJsonFullPath: join(folder, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.apiReportChanged && !update) {
    failed += 1;
    console.error(
      `check-api: the public API of @fallkit/${pkg} changed; review docs/api/${pkg}.api.md against ` +
        `node_modules/.cache/api-extractor/${pkg}/${pkg}.api.md and run node scripts/check-api.mjs --update`,
    );
  } else
    console.log(`check-api: @fallkit/${pkg} ${update && result.apiReportChanged ? 'report written' : 'unchanged'}`);
}
process.exit(failed > 0 ? 1 : 0);
