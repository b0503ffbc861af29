import { canonicalJson } from '@fallkit/core/internal';
import { CompactEncrypt, CompactSign, GeneralEncrypt, importJWK, type JWK } from 'jose';
import { ENCRYPTION, type AgencySigningKey } from './keys.js';

/** The JWS `typ` of each kind of signed handover message. */
export const JWS_TYPES = {
  package: 'fallkit-handover+jws',
  status: 'fallkit-handover-status+jws',
  withdrawal: 'fallkit-handover-withdrawal+jws',
} as const;

/** Kinds of signed handover message. */
export type SignedKind = keyof typeof JWS_TYPES;

/**
 * Signs a message as a compact JWS over its canonical JSON (the agency key, ES256 or EdDSA). The
 * canonical form makes the bytes and so the package hash the same wherever the package is rebuilt.
 */
export async function signMessage(kind: SignedKind, message: unknown, key: AgencySigningKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonicalJson(message)))
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: JWS_TYPES[kind], cty: 'json' })
    .sign(key.privateKey);
}

/**
 * Encrypts a signed package for file delivery to the recipient's public key (JWE, ECDH-ES+A256KW with
 * A256GCM): only the recipient opens it, and inside it the signature still proves the sender.
 */
export async function encryptForRecipient(signed: string, recipientJwk: JWK): Promise<string> {
  const key = await importJWK(recipientJwk, ENCRYPTION.alg);
  return new CompactEncrypt(new TextEncoder().encode(signed))
    .setProtectedHeader({
      alg: ENCRYPTION.alg,
      enc: ENCRYPTION.enc,
      cty: 'JWS',
      ...(recipientJwk.kid === undefined ? {} : { kid: recipientJwk.kid }),
    })
    .encrypt(key);
}

/**
 * Encrypts a signed package for file delivery to every published key of the recipient agency (JWE General
 * JSON serialization, one recipient per key, each ECDH-ES+A256KW wrapping the same A256GCM content key):
 * each agency's device publishes its own key, so a file for the agency must open at any of its desks, not
 * only at the one that published last. Every recipient names its `kid`, so a desk finds its own entry.
 * With one key this is {@link encryptForRecipient}'s compact form.
 */
export async function encryptForRecipients(signed: string, recipientJwks: readonly JWK[]): Promise<string> {
  if (recipientJwks.length === 1) return encryptForRecipient(signed, recipientJwks[0]!);
  const jwe = new GeneralEncrypt(new TextEncoder().encode(signed)).setProtectedHeader({
    enc: ENCRYPTION.enc,
    cty: 'JWS',
  });
  for (const jwk of recipientJwks) {
    jwe
      .addRecipient(await importJWK(jwk, ENCRYPTION.alg))
      .setUnprotectedHeader({ alg: ENCRYPTION.alg, ...(jwk.kid === undefined ? {} : { kid: jwk.kid }) });
  }
  return JSON.stringify(await jwe.encrypt());
}
