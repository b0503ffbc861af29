import { ok, sha256Hex, type Result } from '@fallkit/core';
import { compactDecrypt, compactVerify, decodeProtectedHeader, type CryptoKey } from 'jose';
import { refuse } from '../refusals.js';
import { SIGNING_ALGORITHMS, type KnownSenderKey, type SenderKeyDirectory } from '../signing/keys.js';
import { JWS_TYPES, type SignedKind } from '../signing/sign.js';

/** A message whose signature verified: its parsed JSON, the key that signed it, and its hash. */
export interface VerifiedMessage {
  readonly payload: unknown;
  readonly signer: KnownSenderKey;
  /** SHA-256 of the signed bytes (the canonical JSON). */
  readonly hash: string;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const COMPACT_JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Whether a delivered text is an encrypted package (JWE compact form). */
export function isEncrypted(token: string): boolean {
  return COMPACT_JWE.test(token.trim());
}

/**
 * Opens a JWE with the recipient's private key; the signed package inside. With `keyId` (the `kid` this
 * device published with its key) a package encrypted for another key is told apart before decrypting:
 * `HANDOVER_ENCRYPTED_FOR_ANOTHER_KEY` (another agency's, or another device's of this agency: the sender
 * can encrypt it again), while a package for this key that does not open was changed or damaged
 * (`HANDOVER_DECRYPT_FAILED`). The header's `kid` is not trusted for anything else: a forged one only
 * changes which of the two refusals is given, never what opens.
 */
export async function decryptDelivered(
  token: string,
  key: CryptoKey | undefined,
  keyId?: string,
): Promise<Result<string>> {
  if (key === undefined) return refuse('HANDOVER_DECRYPT_FAILED');
  const text = token.trim();
  if (keyId !== undefined) {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(text).kid;
    } catch {
      return refuse('HANDOVER_MALFORMED');
    }
    if (typeof kid === 'string' && kid !== keyId) return refuse('HANDOVER_ENCRYPTED_FOR_ANOTHER_KEY', kid);
  }
  try {
    const { plaintext } = await compactDecrypt(text, key, { keyManagementAlgorithms: ['ECDH-ES+A256KW'] });
    return ok(new TextDecoder().decode(plaintext));
  } catch {
    return refuse('HANDOVER_DECRYPT_FAILED');
  }
}

/**
 * Verifies a compact JWS against the key directory. Never throws: plain JSON or `alg: none` is
 * `HANDOVER_UNSIGNED`, an unknown `kid` `HANDOVER_UNKNOWN_SENDER_KEY`, a signature that does not
 * match (any changed byte) `HANDOVER_SIGNATURE_INVALID`, anything else unreadable `HANDOVER_MALFORMED`.
 */
export async function verifySigned(
  kind: SignedKind,
  token: unknown,
  keys: SenderKeyDirectory,
): Promise<Result<VerifiedMessage>> {
  if (typeof token !== 'string' || token.length > 10_000_000) return refuse('HANDOVER_MALFORMED');
  const text = token.trim();
  if (text.startsWith('{')) return refuse('HANDOVER_UNSIGNED', 'JSON');
  if (!COMPACT_JWS.test(text)) return refuse('HANDOVER_MALFORMED');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(text);
  } catch {
    return refuse('HANDOVER_MALFORMED');
  }
  const signature = text.split('.')[2] ?? '';
  if (header.alg === undefined || header.alg === 'none' || signature === '') return refuse('HANDOVER_UNSIGNED');
  if (header.typ !== JWS_TYPES[kind]) return refuse('HANDOVER_MALFORMED', `typ ${String(header.typ)}`);
  if (!(SIGNING_ALGORITHMS as readonly string[]).includes(header.alg))
    return refuse('HANDOVER_SIGNATURE_INVALID', header.alg);
  const signer = typeof header.kid === 'string' ? await keys.lookup(header.kid) : undefined;
  if (signer === undefined) return refuse('HANDOVER_UNKNOWN_SENDER_KEY');
  let bytes: Uint8Array;
  try {
    ({ payload: bytes } = await compactVerify(text, signer.key, { algorithms: [signer.alg] }));
  } catch {
    return refuse('HANDOVER_SIGNATURE_INVALID');
  }
  let payload: unknown;
  const json = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  try {
    payload = JSON.parse(json);
  } catch {
    return refuse('HANDOVER_MANIFEST_INVALID');
  }
  return ok({ payload, signer, hash: await sha256Hex(json) });
}
