import { ok, sha256Hex, type Result } from '@fallkit/core';
import {
  compactDecrypt,
  compactVerify,
  decodeProtectedHeader,
  generalDecrypt,
  type CryptoKey,
  type GeneralJWE,
} from 'jose';
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

/** More recipients than an agency may publish keys (AGENCY_KEYS_MAX) is not a file Fallkit made. */
const MAX_RECIPIENTS = 64;

/** A JWE in the General JSON serialization (`encryptForRecipients`), parsed and checked for shape; else undefined. */
function generalJwe(text: string): GeneralJWE | undefined {
  if (text.length > 20_000_000 || !text.startsWith('{') || !text.includes('"recipients"')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const jwe = parsed as Partial<Record<keyof GeneralJWE, unknown>>;
  const recipients = jwe.recipients;
  const strings = [jwe.protected, jwe.iv, jwe.ciphertext, jwe.tag].every((part) => typeof part === 'string');
  if (!strings || !Array.isArray(recipients) || recipients.length === 0 || recipients.length > MAX_RECIPIENTS)
    return undefined;
  return parsed as GeneralJWE;
}

/** The `kid` a General JWE recipient entry names, if any. */
function kidOf(recipient: GeneralJWE['recipients'][number]): string | undefined {
  const kid = (recipient as { header?: { kid?: unknown } }).header?.kid;
  return typeof kid === 'string' ? kid : undefined;
}

/** Whether a delivered text is an encrypted package (JWE compact form, or the General JSON form for several keys). */
export function isEncrypted(token: string): boolean {
  const text = token.trim();
  return COMPACT_JWE.test(text) || generalJwe(text) !== undefined;
}

/**
 * Opens a JWE with the recipient's private key; the signed package inside. With `keyId` (the `kid` this
 * device published with its key) a package encrypted for other keys only is told apart before decrypting:
 * `HANDOVER_ENCRYPTED_FOR_ANOTHER_KEY` (another agency's, or a device's key published after the file was
 * made: the sender can encrypt it again), while a package for this key that does not open was changed or
 * damaged (`HANDOVER_DECRYPT_FAILED`). A `kid` is not trusted for anything else: a forged one only changes
 * which of the two refusals is given, never what opens (the compact header is authenticated data, and a
 * General JWE's recipient entry only says which wrapped key to try).
 */
export async function decryptDelivered(
  token: string,
  key: CryptoKey | undefined,
  keyId?: string,
): Promise<Result<string>> {
  if (key === undefined) return refuse('HANDOVER_DECRYPT_FAILED');
  const text = token.trim();
  const general = generalJwe(text);
  if (general !== undefined) return decryptGeneral(general, key, keyId);
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

/** Opens a General JWE: only this key's recipient entry where its `kid` is known, every entry otherwise. */
async function decryptGeneral(jwe: GeneralJWE, key: CryptoKey, keyId: string | undefined): Promise<Result<string>> {
  let candidate = jwe;
  if (keyId !== undefined) {
    const kids = jwe.recipients.flatMap((recipient) => kidOf(recipient) ?? []);
    const own = jwe.recipients.filter((recipient) => kidOf(recipient) === keyId);
    if (own.length === 0 && kids.length === jwe.recipients.length)
      return refuse('HANDOVER_ENCRYPTED_FOR_ANOTHER_KEY', kids.slice(0, 3).join(', '));
    if (own.length > 0) candidate = { ...jwe, recipients: own };
  }
  try {
    const { plaintext } = await generalDecrypt(candidate, key, { keyManagementAlgorithms: ['ECDH-ES+A256KW'] });
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
