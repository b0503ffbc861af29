import type { webcrypto } from 'node:crypto';

type JsonWebKey = webcrypto.JsonWebKey;
import {
  chainedHeadOf,
  createHeadSigner,
  createStatementSigner,
  headKeySchema,
  headKeySetSchema,
  type HeadKeySet,
  type ServerStatement,
  type SignedHead,
  type SignedStatement,
} from '@fallkit/core/sync';

/*
 * The server's head-signing keys (issue 15, DP-44): an Ed25519 key pair whose private half signs the head of
 * every journal the server sends, and whose public half, with the retired ones, is published as a JWKS
 * (`GET /fallkit/v1/keys`). The store's own seal stays an HMAC (fast, private to the server); this signature is
 * what a device can check. Rotation: make a new key, sign with it, keep the old public keys in `previous`
 * until no device holds a head signed with them (see docs/server.md, "Key handling").
 */

/** An Ed25519 private key as a JWK (`kty: 'OKP'`, `crv: 'Ed25519'`, `d`, `x`) with its key id. */
export interface HeadSigningKey {
  readonly kid: string;
  readonly privateJwk: JsonWebKey;
}

/** What the handlers sign with and publish. */
export interface ServerHeadKeys {
  /** Signs the head of a journal as sent (whole events and hidden links, from seq 1) with the current key. */
  sign(caseId: string, events: readonly { readonly seq: number; readonly hash: string }[]): Promise<SignedHead>;
  /**
   * Signs a statement the device acts on without a journal (a `revoked` notice, a conflict's `theirs`) with the
   * current key, under the statements' own tag (DP-44).
   */
  signStatement(statement: ServerStatement): Promise<SignedStatement>;
  /** The public keys: the current one first, then the retired ones that still verify. */
  readonly jwks: HeadKeySet;
}

/** Options of {@link createServerHeadKeys}. */
export interface ServerHeadKeysOptions {
  /** The key that signs. */
  readonly signing: HeadSigningKey;
  /** Public keys of retired signing keys (JWKS entries), still published so older heads verify. */
  readonly previous?: readonly unknown[];
}

function publicOf(kid: string, jwk: JsonWebKey) {
  return headKeySchema.parse({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: 'EdDSA', use: 'sig' });
}

/**
 * Imports the signing key (non-extractable, usage `sign`) and builds the published key set. Throws on a key that
 * is not an Ed25519 private JWK or a retired key that does not parse: a misconfigured server must not start.
 */
export async function createServerHeadKeys(options: ServerHeadKeysOptions): Promise<ServerHeadKeys> {
  const { kid, privateJwk } = options.signing;
  if (privateJwk.kty !== 'OKP' || privateJwk.crv !== 'Ed25519' || !privateJwk.d || !privateJwk.x)
    throw new TypeError('the head-signing key must be an Ed25519 private JWK (kty OKP, crv Ed25519, d, x)');
  const privateKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'OKP', crv: 'Ed25519', d: privateJwk.d, x: privateJwk.x },
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const current = publicOf(kid, privateJwk);
  const previous = (options.previous ?? []).map((key) => headKeySchema.parse(key)).filter((key) => key.kid !== kid);
  const jwks = headKeySetSchema.parse({ keys: [current, ...previous] });
  const signer = createHeadSigner({ kid, privateKey });
  const statements = createStatementSigner({ kid, privateKey });
  return {
    sign: (caseId, events) => signer.sign(chainedHeadOf(caseId, events)),
    signStatement: (statement) => statements.sign(statement),
    jwks,
  };
}

/**
 * A fresh Ed25519 signing key with its key id (default `head-<date>-<random>`), for a new installation, a
 * rotation, or tests. Keep `privateJwk` in the key management; publish nothing of it but through the JWKS.
 */
export async function generateHeadSigningKey(kid?: string): Promise<HeadSigningKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { kid: kid ?? `head-${new Date().toISOString().slice(0, 10)}-${random}`, privateJwk };
}
