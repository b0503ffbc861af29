import { canonicalJson } from '@fallkit/core/internal';
import { CompactEncrypt, CompactSign, importJWK, type JWK } from 'jose';
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
