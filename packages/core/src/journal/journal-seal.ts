import * as z from 'zod/mini';
import { canonicalJson } from './canonical-json.js';

/** The head of a journal: which stream, how long, and the hash of its last event. */
export interface JournalHead {
  readonly caseId: string;
  readonly seq: number;
  readonly hash: string;
}

/**
 * A sealed head as stored beside the journal (DP-44): the head and a signature over it made with a
 * key the store does not hold in clear. `alg` names the scheme so a verifier can refuse a seal of a
 * kind it does not know instead of misreading it.
 */
export const journalSealRecordSchema = z.strictObject({
  caseId: z.string().check(z.minLength(1), z.maxLength(200)),
  seq: z.int().check(z.nonnegative()),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  alg: z.string().check(z.minLength(1), z.maxLength(40)),
  signature: z.string().check(z.minLength(1), z.maxLength(400)),
});

/** A sealed journal head; see {@link journalSealRecordSchema}. */
export type JournalSealRecord = z.infer<typeof journalSealRecordSchema>;

/**
 * The port that anchors a journal (DP-44): it signs a head and checks a stored seal. In the browser
 * the encrypted Dexie store derives it from its unlock secret; on a host or server the host passes
 * one with its own key (an HMAC key, or an Ed25519 key pair where verification must be public).
 * Implementations never throw for a seal that does not verify: they answer `false`.
 */
export interface JournalSeal {
  /** Signs a head. */
  sign(head: JournalHead): Promise<JournalSealRecord>;
  /** Whether a stored seal is genuine (made by this seal's key for exactly this head). */
  verify(record: JournalSealRecord): Promise<boolean>;
}

/** The bytes a seal signs: a domain tag and the head, canonical, so no two heads share them. */
export function sealedBytes(head: JournalHead): Uint8Array {
  return new TextEncoder().encode(
    canonicalJson({ tag: 'fallkit-journal-seal-v1', caseId: head.caseId, seq: head.seq, hash: head.hash }),
  );
}

function toHex(bytes: ArrayBuffer): string {
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function fromHex(hex: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The `alg` of {@link createHmacJournalSeal}. */
export const HMAC_SEAL_ALG = 'HMAC-SHA-256';

/**
 * A {@link JournalSeal} with an HMAC-SHA-256 key (WebCrypto). The key should be non-extractable
 * and have the usages `sign` and `verify`; verification uses WebCrypto's constant-time check.
 */
export function createHmacJournalSeal(key: CryptoKey): JournalSeal {
  return {
    async sign(head) {
      const signature = await crypto.subtle.sign('HMAC', key, sealedBytes(head));
      return { caseId: head.caseId, seq: head.seq, hash: head.hash, alg: HMAC_SEAL_ALG, signature: toHex(signature) };
    },
    async verify(record) {
      if (!journalSealRecordSchema.safeParse(record).success || record.alg !== HMAC_SEAL_ALG) return false;
      const signature = fromHex(record.signature);
      if (signature === undefined) return false;
      try {
        return await crypto.subtle.verify('HMAC', key, signature, sealedBytes(record));
      } catch {
        return false;
      }
    },
  };
}

/**
 * Imports raw key material (at least 32 bytes) as a non-extractable HMAC-SHA-256 seal key. The
 * caller should zero its copy of the bytes afterwards.
 */
export async function importHmacSealKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length < 32) throw new RangeError('a journal seal key needs at least 32 bytes');
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** A fresh random non-extractable HMAC seal key, for tests and hosts that keep the key themselves. */
export async function generateHmacSealKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
}
