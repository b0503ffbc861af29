/*
 * A sync server in a process of its own, for the test that kills a server in the middle of a push (SIGKILL:
 * no clean shutdown, no finally). Configured by the environment the test sets; loopback only.
 */
import { createHmacJournalSeal, importHmacSealKey } from '@fallkit/core';
import { pgDatabase } from '@fallkit/store-pg';
import { createJwtVerifier, createSyncHandlers, createTenantStores, memoryDirectory, serveSync } from '@fallkit/server';
import { AUDIENCE, ISSUER } from './harness.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const seal = createHmacJournalSeal(await importHmacSealKey(Buffer.from(env('FALLKIT_TEST_SEAL_KEY'), 'hex')));
const database = pgDatabase({ connectionString: env('FALLKIT_APP_DATABASE_URL'), maxConnections: 4 });
const handlers = createSyncHandlers({
  tenants: createTenantStores({ database, seal }),
  directory: memoryDirectory(JSON.parse(env('FALLKIT_TEST_USERS'))),
  verifier: createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, jwks: JSON.parse(env('FALLKIT_TEST_JWKS')) }),
});
await serveSync(handlers, { port: Number(env('FALLKIT_TEST_PORT')) });
process.stdout.write('listening\n');
