import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { SYNC_DEFAULT_TENANT_CLAIM } from '@fallkit/core/sync';
import { isTenantId } from '@fallkit/store-pg';
import { SyncHttpError } from '../errors/sync-refusal.js';

/** What a verified access token says: who (`sub`) and in which tenant. */
export interface VerifiedToken {
  readonly subject: string;
  readonly tenantId: string;
  readonly claims: JWTPayload;
}

/** Verifies a bearer token; throws {@link SyncHttpError} (`SYNC_TOKEN_INVALID`, `SYNC_TOKEN_EXPIRED`). */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/** How access tokens are checked. */
export interface JwtVerifierOptions {
  /** The issuer URL exactly as in the tokens' `iss` (for Keycloak `https://…/realms/<realm>`). */
  readonly issuer: string;
  /**
   * Where the issuer's signing keys come from: its JWKS URL (fetched and cached by jose, refreshed when an
   * unknown `kid` appears), or a key set given directly (tests, an offline deployment).
   */
  readonly jwks: URL | JSONWebKeySet;
  /** The audience the token must name (`aud`), if the issuer sets one (Keycloak: an audience mapper). */
  readonly audience?: string;
  /** The claim that names the tenant; `fallkit_tenant` if absent. */
  readonly tenantClaim?: string;
  /** Signature algorithms accepted; RS256 and ES256 (what Keycloak and oidc-provider sign with) if absent. */
  readonly algorithms?: readonly string[];
  /** Seconds of clock skew tolerated for `exp` and `nbf` (default 30). */
  readonly clockToleranceSeconds?: number;
}

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

/**
 * A {@link TokenVerifier} for OpenID Connect access tokens (JWT) with jose: signature against the issuer's
 * keys, `iss`, `aud`, `exp`/`nbf` with a small tolerance, then `sub` and the tenant claim in the shapes the
 * server accepts. A token that fails any check is `SYNC_TOKEN_INVALID` (expired: `SYNC_TOKEN_EXPIRED`); the
 * reason is never echoed beyond that (no oracle for forgers).
 */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const keys = options.jwks instanceof URL ? createRemoteJWKSet(options.jwks) : createLocalJWKSet(options.jwks);
  const tenantClaim = options.tenantClaim ?? SYNC_DEFAULT_TENANT_CLAIM;
  const algorithms = [...(options.algorithms ?? ['RS256', 'ES256', 'PS256', 'EdDSA'])];
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          ...(options.audience === undefined ? {} : { audience: options.audience }),
          algorithms,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new SyncHttpError('SYNC_TOKEN_EXPIRED');
        throw new SyncHttpError('SYNC_TOKEN_INVALID');
      }
      const subject = payload.sub;
      const tenantId = payload[tenantClaim];
      if (typeof subject !== 'string' || !SUBJECT.test(subject))
        throw new SyncHttpError('SYNC_TOKEN_INVALID', { de: '(sub)', en: '(sub)' });
      if (!isTenantId(tenantId))
        throw new SyncHttpError('SYNC_TOKEN_INVALID', { de: `(${tenantClaim})`, en: `(${tenantClaim})` });
      return { subject, tenantId, claims: payload };
    },
  };
}

/** The bearer token of a request, or a `SYNC_TOKEN_MISSING` refusal. */
export function bearerToken(request: Request): string {
  const header = request.headers.get('authorization');
  const match = header === null ? null : /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/.exec(header.trim());
  if (match === null) throw new SyncHttpError('SYNC_TOKEN_MISSING');
  return match[1]!;
}
