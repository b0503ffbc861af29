#!/usr/bin/env node
/**
 * Writes the "who may issue what" table into docs/data-protection.md from the core's declarations
 * (`COMMAND_ACCESS`, DP-40). Run `npm run docs:access` after changing a declaration; the core test
 * `access/access-table.test.ts` fails while page and declarations differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import { withAccessTable } from '@fallkit/core/internal';
import { repoRoot } from './lib/paths.mjs';

const page = join(repoRoot, 'docs', 'data-protection.md');
const updated = withAccessTable(readFileSync(page, 'utf8'));
if (updated === undefined) {
  console.error('docs/data-protection.md has no access-table markers');
  process.exit(1);
}
// Written as Prettier formats it, so `npm run lint` passes on a freshly generated page.
const options = (await resolveConfig(page)) ?? {};
writeFileSync(page, await format(updated, { ...options, filepath: page }));
console.log('docs/data-protection.md: access table written');
