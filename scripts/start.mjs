#!/usr/bin/env node
/**
 * `npm start`: everything the demo needs, in one command, with a line per step.
 *
 *   1. checks the ports first (a busy one is named with the variable to set, before any wait);
 *   2. builds the demo bundle (rollup, code-split, progress shown), skipped when it is newer than its sources;
 *   3. starts the identity provider: the built-in one for the demo's people on IDP_PORT, or none when
 *      FALLKIT_ISSUER names the organisation's (e.g. Keycloak);
 *   4. starts the sync server (@fallkit/server) on the embedded PGlite with its data in `.data/`, or on
 *      DATABASE_URL's PostgreSQL; until the server is on main, the demo runs without it (the line says so);
 *   5. serves the demo, compressed (brotli/gzip), with the sync server under /fallkit/v1 on the same origin.
 *
 *   PORT=9000 IDP_PORT=9001 npm start
 *   npm start -- --no-build     # serve what is already built
 *   npm start -- --build        # build even when the bundle looks current
 *   npm start -- --reset        # empty the data folder (.data/) first: a fresh database and new keys
 *
 * It runs the packages' TypeScript directly (tsx, `@fallkit/source` condition): it re-starts itself so with
 * those flags when started without them.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE_FLAGS = ['--conditions=@fallkit/source', '--import', 'tsx'];
if (!process.execArgv.includes('--conditions=@fallkit/source')) {
  const child = spawn(process.execPath, [...SOURCE_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  // Ctrl+C reaches both processes (one process group); the child stops its servers and exits.
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => undefined);
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main();
}

async function main() {
  const { createProgress, seconds } = await import('./lib/start/progress.mjs');
  const { ensureFree, listenOn, readPorts, StartError } = await import('./lib/start/ports.mjs');
  const { buildDemo, demoIsCurrent, demoSizes } = await import('./lib/start/build-demo.mjs');
  const { DATA_DIR, authSettings, startBuiltInProvider, startSyncServer } = await import('./lib/start/backend.mjs');
  const { createDemoServer } = await import('./lib/static-server.mjs');
  const { repoRoot } = await import('./lib/paths.mjs');
  const DEMO_DIST = join(repoRoot, 'packages', 'demo', 'dist');

  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  /** @type {(() => Promise<void>)[]} */
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };

  try {
    const ports = readPorts();
    const demoOrigin = `http://127.0.0.1:${ports.demo.port}`;
    const auth = authSettings({ demoOrigin, idpPort: ports.idp.port });
    const progress = createProgress(5);

    let step = progress.step('Ports prüfen', 'checking ports');
    await ensureFree(ports.demo, 'Demo und Sync-Server / demo and sync server');
    if (auth.builtIn) await ensureFree(ports.idp, 'Anmeldedienst / identity provider');
    step.done(`frei / free: PORT=${ports.demo.port}${auth.builtIn ? `, IDP_PORT=${ports.idp.port}` : ''}`);

    if (args.has('--reset')) {
      rmSync(DATA_DIR, { recursive: true, force: true });
      console.log(`      ${DATA_DIR} geleert / emptied`);
    }

    step = progress.step('Demo bauen', 'building the demo');
    if (args.has('--no-build')) step.done('übersprungen (--no-build) / skipped');
    else if (!args.has('--build') && demoIsCurrent())
      step.done('aktuell, kein Neubau (--build erzwingt ihn) / up to date, not rebuilt (--build forces it)');
    else {
      const { warnings } = await buildDemo((message) => step.tick(message));
      const sizes = demoSizes();
      const kib = (/** @type {number} */ bytes) => `${Math.round(bytes / 1024)} KiB`;
      step.done(
        `fertig / done: main.js ${kib(sizes.mainRaw)} (gzip ${kib(sizes.mainGzip)}), ` +
          `${sizes.files} Dateien / files ${kib(sizes.raw)} (gzip ${kib(sizes.gzip)})` +
          (warnings.length > 0 ? `, ${warnings.length} Warnungen / warnings` : ''),
      );
      for (const warning of warnings.slice(0, 5)) console.log(`      Warnung / warning: ${warning}`);
    }

    step = progress.step('Anmeldedienst starten', 'starting the identity provider');
    /** @type {string | undefined} */
    let jwksUri;
    if (auth.builtIn) {
      const redirectUris = [`${demoOrigin}/`, `http://localhost:${ports.demo.port}/`];
      const { idp, accounts } = await startBuiltInProvider({
        port: ports.idp.port,
        resource: auth.resource,
        redirectUris,
      });
      stops.push(() => idp.close());
      jwksUri = idp.jwksUri;
      step.done(`eingebaut / built in: ${idp.issuer} (${accounts} Demo-Personen / demo people)`);
    } else {
      step.done(`der Organisation / the organisation's: ${auth.issuer} (Client ${auth.clientId})`);
    }

    step = progress.step('Sync-Server starten', 'starting the sync server');
    const sync = await startSyncServer({ auth, jwksUri });
    stops.push(() => sync.close());
    step.done(
      `${sync.database}, ${demoOrigin}/fallkit/v1` +
        (sync.seeded > 0 ? `, ${sync.seeded} Beispielfälle angelegt / example cases seeded` : ''),
    );

    step = progress.step('Demo ausliefern', 'serving the demo');
    const pageConfig = JSON.stringify({
      signIn: { issuer: auth.issuer, clientId: auth.clientId, builtIn: auth.builtIn },
      sync: { baseUrl: '/fallkit/v1' },
    });
    // The page learns issuer, client and sync URL from a JSON script element written into index.html as it is
    // served (packages/demo/src/sync/start-config.ts); `<` is escaped so the JSON cannot end the element.
    const configElement = `<script type="application/json" id="fallkit-start">${pageConfig.replace(/</g, '\\u003c')}</script>`;
    const server = createDemoServer({
      handle: async (request, response) => {
        const path = (request.url ?? '/').split('?')[0];
        if (path === '/' || path === '/index.html') {
          const page = await readFile(join(DEMO_DIST, 'index.html'), 'utf8');
          const body = page.replace('</head>', `  ${configElement}\n  </head>`);
          response.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-cache',
            'x-content-type-options': 'nosniff',
          });
          response.end(request.method === 'HEAD' ? undefined : body);
          return true;
        }
        if (path?.startsWith('/fallkit/')) return sync.handle(request, response);
        return false;
      },
    });
    await listenOn(server, ports.demo, 'Demo und Sync-Server / demo and sync server');
    stops.push(
      () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve(undefined));
        }),
    );
    step.done('brotli/gzip');

    console.log(
      `\nFallkit Demo: ${demoOrigin}/   (bereit nach / ready after ${seconds(started)}; Strg+C beendet / Ctrl+C stops)`,
    );
    console.log(`Daten / data: ${DATA_DIR} (zurücksetzen / reset: npm start -- --reset)`);
  } catch (error) {
    await stopAll();
    if (error instanceof StartError) console.error(error.message);
    else console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let stopping = false;
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stopAll().then(() => process.exit(0));
    });
  }
}
