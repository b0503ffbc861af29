/**
 * The core's sources for a Node bench case: the main entry, every area subpath (issue 18 split them), the testing
 * helpers and the internal entry (`foldCase`, `foldPrivacy`, `replayCase`, `sealEvents` left the main entry with the
 * curated API), merged into one namespace object, so a case reads `core.buildReport` or `core.foldCase` as before.
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
  'testing/index.ts',
  'internal/index.ts',
];

/** @param {string} repoRoot @returns {Promise<Record<string, any>>} */
export async function loadCore(repoRoot) {
  const modules = await Promise.all(
    ENTRIES.map((file) => tsImport(pathToFileURL(join(repoRoot, 'packages/core/src', file)).href, import.meta.url)),
  );
  return Object.assign({}, ...modules);
}
