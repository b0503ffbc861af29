/**
 * The core's sources for a Node bench case: the main entry and every area subpath (issue 18 split them), merged
 * into one namespace object, so a case reads `core.buildReport` as before.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ENTRIES = [
  'index.ts',
  'examples/index.ts',
  'reporting/index.ts',
  'rights/index.ts',
  'retention/index.ts',
  'records/index.ts',
];

/** @param {string} repoRoot @returns {Promise<Record<string, any>>} */
export async function loadCore(repoRoot) {
  const modules = await Promise.all(
    ENTRIES.map((file) => tsImport(pathToFileURL(join(repoRoot, 'packages/core/src', file)).href, import.meta.url)),
  );
  return Object.assign({}, ...modules);
}
