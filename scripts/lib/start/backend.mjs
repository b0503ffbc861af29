/**
 * The back end of `npm start`: the identity provider (built in, or the organisation's through
 * `FALLKIT_ISSUER`) and the sync server (`@fallkit/server`) on the embedded PGlite with its data in `.data/`,
 * or on a real PostgreSQL through `DATABASE_URL`. Loaded by start.mjs under tsx with the `@fallkit/source`
 * condition, so it runs the packages' TypeScript directly and needs no package build.
 */
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';

/** The data folder of `npm start` (git-ignored); `npm start -- --reset` empties it. */
export const DATA_DIR = process.env.FALLKIT_DATA_DIR?.trim() || join(repoRoot, '.data');

/** The demo page's client at the built-in provider. */
export const DEMO_CLIENT_ID = 'fallkit-demo';

/**
 * What the page and the server are told about sign-in, from the environment.
 * @param {{ demoOrigin: string, idpPort: number }} where
 * @param {NodeJS.ProcessEnv} env
 */
export function authSettings({ demoOrigin, idpPort }, env = process.env) {
  const external = env.FALLKIT_ISSUER?.trim();
  const resource = `${demoOrigin}/fallkit/v1`;
  return {
    builtIn: !external,
    issuer: external || `http://127.0.0.1:${idpPort}`,
    clientId: env.FALLKIT_CLIENT_ID?.trim() || DEMO_CLIENT_ID,
    // The access token's audience the server accepts: the resource indicator of the built-in provider; for
    // Keycloak the client's audience mapper (docs/server.md, "Keycloak").
    audience: env.FALLKIT_AUDIENCE?.trim() || resource,
    tenantClaim: env.FALLKIT_TENANT_CLAIM?.trim() || 'fallkit_tenant',
    resource,
  };
}

/**
 * Starts the built-in provider (when no `FALLKIT_ISSUER` is set) on loopback.
 * @param {{ port: number, resource: string, redirectUris: string[] }} options
 */
export async function startBuiltInProvider({ port, resource, redirectUris }) {
  const { startIdentityProvider, DEMO_ACCOUNTS } =
    await import('../../../packages/server/src/identity-provider/index.ts');
  const idp = await startIdentityProvider({
    port,
    resource,
    keysFile: join(DATA_DIR, 'identity-provider', 'keys.json'),
    clients: [
      {
        clientId: DEMO_CLIENT_ID,
        name: 'Fallkit Demo',
        redirectUris,
        postLogoutRedirectUris: redirectUris,
      },
    ],
  });
  return { idp, accounts: DEMO_ACCOUNTS.length };
}

/**
 * The sync server (`@fallkit/server`), mounted under `/fallkit/v1` of the demo's origin.
 * @param {{ auth: ReturnType<typeof authSettings>, jwksUri: string | undefined, env?: NodeJS.ProcessEnv }} options
 */
export async function startSyncServer({ auth, jwksUri, env = process.env }) {
  const { startSyncBackend } = await import('./sync-backend.ts');
  return startSyncBackend({
    databaseUrl: env.DATABASE_URL,
    appDatabaseUrl: env.FALLKIT_APP_DATABASE_URL,
    dataDir: DATA_DIR,
    issuer: auth.issuer,
    jwksUri,
    audience: auth.audience,
    tenantClaim: auth.tenantClaim,
    directoryFile: env.FALLKIT_DIRECTORY_FILE?.trim() || undefined,
    tenant: env.FALLKIT_TENANT?.trim() || undefined,
  });
}
