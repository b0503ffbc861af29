#!/usr/bin/env node
/**
 * `npm start`: builds the packages and the demo bundle (rollup only: quick, and a type error elsewhere does
 * not keep the demo from starting), then serves `packages/demo/dist` on http://localhost:$PORT (default 8000).
 *
 *   PORT=9000 npm start
 *   node scripts/start.mjs --no-build     # serve what is already built
 */
import { bin } from './lib/paths.mjs';
import { runInherited } from './lib/run.mjs';
import { serveDemo } from './lib/static-server.mjs';

if (!process.argv.includes('--no-build')) {
  const code = await runInherited(bin('rollup'), ['-c']);
  if (code !== 0) {
    console.error(`npm start: the build failed (exit ${code})`);
    process.exit(code);
  }
}

const port = Number(process.env.PORT ?? 8000);
const server = await serveDemo({ port });
console.log(`\nFallkit demo: http://localhost:${port}/   (Ctrl+C stops it)`);

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
