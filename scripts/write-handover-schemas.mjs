#!/usr/bin/env node
/**
 * Writes docs/schemas/handover-*.schema.json from @fallkit/handover's zod schemas. Run
 * `npm run docs:schemas` after changing a schema; packages/handover/test/json-schema.test.ts fails
 * while files and code differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { handoverJsonSchemas } from '@fallkit/handover';
import { repoRoot } from './lib/paths.mjs';

const dir = join(repoRoot, 'docs', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(handoverJsonSchemas())) {
  const file = join(dir, `${name}.schema.json`);
  writeFileSync(file, await format(JSON.stringify(schema), { filepath: file }));
  console.log(`docs/schemas/${name}.schema.json written`);
}
