/**
 * The built-in OpenID provider of the demo: see `provider.ts`. Imported by `scripts/start.mjs` and the tests;
 * a real installation points the sync server at its organisation's provider instead (docs/server.md, Keycloak).
 * @packageDocumentation
 */
export {
  createIdentityProvider,
  startIdentityProvider,
  isLoopback,
  REQUESTED_SCOPE,
  SYNC_SCOPE,
  FALLKIT_SCOPE,
  type IdentityProvider,
  type IdentityProviderOptions,
  type PublicClient,
  type RunningIdentityProvider,
} from './provider.js';
export { DEMO_ACCOUNTS, DEMO_TENANT, TENANT_CLAIM, claimsOf, type IdentityAccount } from './accounts.js';
export { renderSignInPage, pageLanguage, escapeHtml, type PageLanguage } from './sign-in-page.js';
