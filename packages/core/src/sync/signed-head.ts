import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { canonicalJson } from '../journal/canonical-json.js';
import type { JournalHead } from '../journal/journal-seal.js';
import type { Refusal } from '../result/refusal.js';
import { sha256HexSync } from '../journal/sha256.js';

/*
 * The server's public-key signature of a journal head (issue 15, DP-38, DP-44). The server's store seals
 * its journals with a key only the server holds (an HMAC: fast, private); a device cannot check that. So the
 * server also signs the head of every journal it sends (a full journal or a cut, whose hidden links keep
 * the chain) with an Ed25519 key and publishes the public keys as a JWKS (`GET /fallkit/v1/keys`). A device
 * checks the signature and that the journal it received ends exactly at the signed head before it stores
 * anything: what remains of a cut then provably is the server's journal, nothing changed, added or dropped.
 * The head alone would not do for a cut: a hidden link's hash cannot be recomputed on the device, so a kept
 * event just before one could be changed and the link re-pointed. The signature therefore also covers the
 * `chain`: a digest of every event's hash in order (whole or hidden, the same list for every reader), which
 * pins each kept event's hash and each link.
 * WebCrypto's Ed25519 (Node 20, Chromium 137+), no library. Browser-safe.
 */

/** The JOSE name of the signature algorithm (RFC 8037): Ed25519. */
export const SIGNED_HEAD_ALG = 'EdDSA';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const kidSchema = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9._:-]+$/));

/**
 * A signed head on the wire: the head, the key id and the base64url Ed25519 signature (64 bytes) over
 * {@link signedHeadBytes}.
 */
export const signedHeadSchema = z.strictObject({
  caseId: z.string().check(z.minLength(1), z.maxLength(200)),
  seq: z.int().check(z.nonnegative()),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  chain: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  alg: z.literal(SIGNED_HEAD_ALG),
  kid: kidSchema,
  signature: z.string().check(z.length(86), z.regex(BASE64URL)),
});

/** A signed journal head; see {@link signedHeadSchema}. */
export type SignedHead = z.infer<typeof signedHeadSchema>;

/** One public key of the server's JWKS: an Ed25519 JWK with its id. */
export const headKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().check(z.length(43), z.regex(BASE64URL)),
  kid: kidSchema,
  alg: z.optional(z.enum(['EdDSA', 'Ed25519'])),
  use: z.optional(z.literal('sig')),
});

/** The server's public head keys (`GET /fallkit/v1/keys`): a JWKS of at most 20 keys, the signing one and older ones. */
export const headKeySetSchema = z.object({
  keys: z.array(headKeySchema).check(z.minLength(1), z.maxLength(20)),
});

/** The server's public head keys. */
export type HeadKeySet = z.infer<typeof headKeySetSchema>;

/** A journal head with the digest of its chain: what the server signs. */
export interface ChainedHead extends JournalHead {
  /** {@link chainDigest} of the journal's events. */
  readonly chain: string;
}

/** The digest of a journal's chain: SHA-256 over every event's hash in order (whole events and hidden links alike). */
export function chainDigest(events: readonly { readonly hash: string }[]): string {
  return sha256HexSync(`fallkit-chain-v1:${events.map((event) => event.hash).join(',')}`);
}

/** The head a journal ends at, with its chain digest (`seq` 0 and the genesis-free empty digest for none). */
export function chainedHeadOf(
  caseId: string,
  events: readonly { readonly seq: number; readonly hash: string }[],
): ChainedHead {
  const last = events.at(-1);
  return { caseId, seq: last?.seq ?? 0, hash: last?.hash ?? '0'.repeat(64), chain: chainDigest(events) };
}

/**
 * The bytes a head signature covers: a domain tag of its own (never the store seal's), the head and its
 * chain digest, canonical, so no two heads and no other signed thing share them.
 */
export function signedHeadBytes(head: ChainedHead): Uint8Array {
  return new TextEncoder().encode(
    canonicalJson({
      tag: 'fallkit-server-head-v1',
      caseId: head.caseId,
      seq: head.seq,
      hash: head.hash,
      chain: head.chain,
    }),
  );
}

/** The WebCrypto calls of Ed25519 (the core's platform typings declare only what the HMAC seal needs). */
interface Ed25519Subtle {
  sign(algorithm: 'Ed25519', key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: 'Ed25519', key: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  importKey(
    format: 'jwk',
    keyData: { kty: 'OKP'; crv: 'Ed25519'; x: string },
    algorithm: { name: 'Ed25519' },
    extractable: false,
    usages: 'verify'[],
  ): Promise<CryptoKey>;
}

const subtle = (): Ed25519Subtle => crypto.subtle as unknown as Ed25519Subtle;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding (RFC 4648 §5), as JOSE writes it. */
function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((c) => ALPHABET[c]);
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join('');
  }
  return out;
}

function fromBase64Url(value: string): Uint8Array | undefined {
  if (!BASE64URL.test(value) || value.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of value) {
    buffer = ((buffer << 6) | ALPHABET.indexOf(char)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  return new Uint8Array(bytes);
}

/** Signs heads with one Ed25519 private key (WebCrypto, usage `sign`) under its key id. */
export function createHeadSigner(key: { readonly kid: string; readonly privateKey: CryptoKey }) {
  return {
    kid: key.kid,
    async sign(head: ChainedHead): Promise<SignedHead> {
      const signature = new Uint8Array(await subtle().sign('Ed25519', key.privateKey, signedHeadBytes(head)));
      return {
        caseId: head.caseId,
        seq: head.seq,
        hash: head.hash,
        chain: head.chain,
        alg: SIGNED_HEAD_ALG,
        kid: key.kid,
        signature: toBase64Url(signature),
      };
    },
  };
}

/** A signer of heads (see {@link createHeadSigner}). */
export type HeadSigner = ReturnType<typeof createHeadSigner>;

/** The verdict of {@link HeadVerifier.verify}. */
export type HeadSignatureVerdict = 'valid' | 'invalid' | 'unknown-kid';

/** Checks signed heads against a set of public keys. */
export interface HeadVerifier {
  /** `valid` only for a well-formed signed head whose signature one of the keys (by `kid`) made. Never throws. */
  verify(signed: unknown): Promise<HeadSignatureVerdict>;
  /** The key ids it knows. */
  readonly kids: readonly string[];
}

/**
 * A verifier over a JWKS (see {@link headKeySetSchema}); keys that do not parse or import are left out.
 * Several keys with their ids let the server rotate: it signs with the newest, the older ones still verify.
 */
export async function createHeadVerifier(jwks: unknown): Promise<HeadVerifier> {
  const parsed = headKeySetSchema.safeParse(jwks);
  const keys = new Map<string, CryptoKey>();
  for (const jwk of parsed.success ? parsed.data.keys : []) {
    try {
      // Only the key's own members: WebCrypto implementations differ on the JWK `alg` of Ed25519.
      const imported = await subtle().importKey(
        'jwk',
        { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      keys.set(jwk.kid, imported);
    } catch {
      // A key this runtime cannot import verifies nothing.
    }
  }
  return {
    kids: [...keys.keys()],
    async verify(signed) {
      const head = signedHeadSchema.safeParse(signed);
      if (!head.success) return 'invalid';
      const key = keys.get(head.data.kid);
      if (key === undefined) return 'unknown-kid';
      const signature = fromBase64Url(head.data.signature);
      if (signature?.length !== 64) return 'invalid';
      try {
        return (await subtle().verify('Ed25519', key, signature, signedHeadBytes(head.data))) ? 'valid' : 'invalid';
      } catch {
        return 'invalid';
      }
    },
  };
}

/** The typed refusals of {@link checkSignedHead}. */
export const HEAD_REFUSAL_CODES = [
  'SYNC_HEAD_UNSIGNED',
  'SYNC_HEAD_KEY_UNKNOWN',
  'SYNC_HEAD_SIGNATURE_INVALID',
  'SYNC_HEAD_MISMATCH',
] as const;

/** One of {@link HEAD_REFUSAL_CODES}. */
export type HeadRefusalCode = (typeof HEAD_REFUSAL_CODES)[number];

const HEAD_MESSAGES: Record<HeadRefusalCode, readonly [string, string]> = {
  SYNC_HEAD_UNSIGNED: [
    'Die empfangene Akte trägt keine Signatur des Servers; es wurde nichts übernommen.',
    'The received case carries no signature of the server; nothing was taken over.',
  ],
  SYNC_HEAD_KEY_UNKNOWN: [
    'Die empfangene Akte ist mit einem unbekannten Schlüssel signiert; es wurde nichts übernommen.',
    'The received case is signed with an unknown key; nothing was taken over.',
  ],
  SYNC_HEAD_SIGNATURE_INVALID: [
    'Die Signatur der empfangenen Akte ist nicht die des Servers; es wurde nichts übernommen.',
    "The received case's signature is not the server's; nothing was taken over.",
  ],
  SYNC_HEAD_MISMATCH: [
    'Die empfangene Akte endet nicht an dem Stand, den der Server signiert hat; es wurde nichts übernommen.',
    'The received case does not end at the head the server signed; nothing was taken over.',
  ],
};

/** The refusal of a code of {@link HEAD_REFUSAL_CODES} (rule DP-44: the journal is anchored). */
export function headRefusal(code: HeadRefusalCode, caseId: string): Refusal {
  const [de, en] = HEAD_MESSAGES[code];
  return { code, rule: 'DP-44', message: text(`${de} (${caseId})`, `${en} (${caseId})`) };
}

/**
 * Checks that a received journal (whole events and hidden links, from seq 1, its chain verified by
 * `verifyCutJournal`) ends exactly at a head the server signed (DP-44): the signature is there, made by a
 * key of the server's set, and names this case, this length and this last hash. Together with the chain
 * this proves every kept event and every link is the server's: the chain digest pins every hash, the
 * chain check ties each whole event's content to its hash. `undefined` when it holds. Never throws.
 */
export async function checkSignedHead(
  caseId: string,
  events: readonly { readonly caseId: string; readonly seq: number; readonly hash: string }[],
  signed: unknown,
  verifier: HeadVerifier,
): Promise<Refusal | undefined> {
  if (signed === undefined || signed === null) return headRefusal('SYNC_HEAD_UNSIGNED', caseId);
  const verdict = await verifier.verify(signed);
  if (verdict === 'unknown-kid') return headRefusal('SYNC_HEAD_KEY_UNKNOWN', caseId);
  if (verdict !== 'valid') return headRefusal('SYNC_HEAD_SIGNATURE_INVALID', caseId);
  const head = signed as SignedHead;
  const last = events.at(-1);
  if (head.caseId !== caseId || head.seq !== (last?.seq ?? 0) || head.seq !== events.length)
    return headRefusal('SYNC_HEAD_MISMATCH', caseId);
  if (last !== undefined && (last.caseId !== caseId || last.hash !== head.hash))
    return headRefusal('SYNC_HEAD_MISMATCH', caseId);
  if (chainDigest(events) !== head.chain) return headRefusal('SYNC_HEAD_MISMATCH', caseId);
  return undefined;
}

/*
 * Signed server statements (issue 15, DP-44): what the server says besides a journal and a device acts on
 * without a journal to check it against: that access to a case ended (`revoked`: the device deletes the case,
 * its key and its queued commands), and what other writers appended when a pushed command conflicts (`theirs`,
 * shown to the person beside their own command). They are signed with the head key under a tag of their own
 * (never a head's), and the device rebuilds the statement from what it received and who it is before it
 * verifies: a notice for another person or case, a changed `theirs`, or one without a signature is refused.
 */

/** A statement's signature on the wire: the key id and the base64url Ed25519 signature over {@link serverStatementBytes}. */
export const signedStatementSchema = z.strictObject({
  alg: z.literal(SIGNED_HEAD_ALG),
  kid: kidSchema,
  signature: z.string().check(z.length(86), z.regex(BASE64URL)),
});

/** A statement's signature; see {@link signedStatementSchema}. */
export type SignedStatement = z.infer<typeof signedStatementSchema>;

/** What the server states and signs besides journal heads. */
export type ServerStatement =
  | {
      /** Access to `caseId` ended for this person at the journal's `seq`. */
      readonly kind: 'revoked';
      readonly caseId: string;
      readonly seq: number;
      readonly actorId: string;
      readonly agencyId: string;
    }
  | {
      /** The push of `commandId` by this person conflicted; `digest` pins the whole conflict as sent. */
      readonly kind: 'conflict';
      readonly caseId: string;
      readonly commandId: string;
      readonly actorId: string;
      readonly agencyId: string;
      readonly digest: string;
    };

/** The revocation notice for an actor, as the server signs it and the device rebuilds it. */
export function revokedStatement(
  caseId: string,
  seq: number,
  actor: { readonly id: string; readonly agencyId: string },
): ServerStatement {
  return { kind: 'revoked', caseId, seq, actorId: actor.id, agencyId: actor.agencyId };
}

/**
 * A conflict answer for an actor's pushed command: `conflict` is the conflict as on the wire without its
 * signature (mine, theirs, targets, baseSeq, headSeq), pinned by the SHA-256 of its canonical JSON.
 */
export function conflictStatement(
  caseId: string,
  commandId: string,
  actor: { readonly id: string; readonly agencyId: string },
  conflict: unknown,
): ServerStatement {
  const { signed: _signed, ...rest } = (conflict ?? {}) as Record<string, unknown>;
  const digest = sha256HexSync(`fallkit-conflict-v1:${canonicalJson(rest)}`);
  return { kind: 'conflict', caseId, commandId, actorId: actor.id, agencyId: actor.agencyId, digest };
}

/** The bytes a statement signature covers: a tag of its own (no head and no seal shares it) and the statement, canonical. */
export function serverStatementBytes(statement: ServerStatement): Uint8Array {
  return new TextEncoder().encode(canonicalJson({ tag: 'fallkit-server-statement-v1', ...statement }));
}

/** Signs statements with one Ed25519 private key (WebCrypto, usage `sign`) under its key id. */
export function createStatementSigner(key: { readonly kid: string; readonly privateKey: CryptoKey }) {
  return {
    kid: key.kid,
    async sign(statement: ServerStatement): Promise<SignedStatement> {
      const signature = new Uint8Array(await subtle().sign('Ed25519', key.privateKey, serverStatementBytes(statement)));
      return { alg: SIGNED_HEAD_ALG, kid: key.kid, signature: toBase64Url(signature) };
    },
  };
}

/** Checks statement signatures against a set of public keys (the server's head keys). */
export interface StatementVerifier {
  /** `valid` only for a well-formed signature one of the keys (by `kid`) made over this statement. Never throws. */
  verify(statement: ServerStatement, signed: unknown): Promise<HeadSignatureVerdict>;
  readonly kids: readonly string[];
}

/** A statement verifier over a JWKS (the same keys as {@link createHeadVerifier}). */
export async function createStatementVerifier(jwks: unknown): Promise<StatementVerifier> {
  const parsed = headKeySetSchema.safeParse(jwks);
  const keys = new Map<string, CryptoKey>();
  for (const jwk of parsed.success ? parsed.data.keys : []) {
    try {
      keys.set(
        jwk.kid,
        await subtle().importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, [
          'verify',
        ]),
      );
    } catch {
      // A key this runtime cannot import verifies nothing.
    }
  }
  return {
    kids: [...keys.keys()],
    async verify(statement, signed) {
      const parsedSignature = signedStatementSchema.safeParse(signed);
      if (!parsedSignature.success) return 'invalid';
      const key = keys.get(parsedSignature.data.kid);
      if (key === undefined) return 'unknown-kid';
      const signature = fromBase64Url(parsedSignature.data.signature);
      if (signature?.length !== 64) return 'invalid';
      try {
        const valid = await subtle().verify('Ed25519', key, signature, serverStatementBytes(statement));
        return valid ? 'valid' : 'invalid';
      } catch {
        return 'invalid';
      }
    },
  };
}

/** The typed refusals of {@link checkSignedStatement}. */
export const STATEMENT_REFUSAL_CODES = [
  'SYNC_STATEMENT_UNSIGNED',
  'SYNC_STATEMENT_KEY_UNKNOWN',
  'SYNC_STATEMENT_SIGNATURE_INVALID',
  'SYNC_STATEMENT_STALE',
] as const;

/** One of {@link STATEMENT_REFUSAL_CODES}. */
export type StatementRefusalCode = (typeof STATEMENT_REFUSAL_CODES)[number];

const STATEMENT_MESSAGES: Record<StatementRefusalCode, readonly [string, string]> = {
  SYNC_STATEMENT_UNSIGNED: [
    'Die Mitteilung des Servers trägt keine Signatur; sie wurde nicht befolgt, es wurde nichts geändert.',
    "The server's notice carries no signature; it was not followed, nothing was changed.",
  ],
  SYNC_STATEMENT_KEY_UNKNOWN: [
    'Die Mitteilung des Servers ist mit einem unbekannten Schlüssel signiert; es wurde nichts geändert.',
    "The server's notice is signed with an unknown key; nothing was changed.",
  ],
  SYNC_STATEMENT_SIGNATURE_INVALID: [
    'Die Mitteilung ist nicht die signierte des Servers (verändert oder für jemand anderen); es wurde nichts geändert.',
    "The notice is not the server's signed one (changed, or for someone else); nothing was changed.",
  ],
  SYNC_STATEMENT_STALE: [
    'Die Mitteilung des Servers ist älter als der Stand der Akte auf diesem Gerät; es wurde nichts geändert.',
    "The server's notice is older than the case's state on this device; nothing was changed.",
  ],
};

/** The refusal of a code of {@link STATEMENT_REFUSAL_CODES} (rule DP-44). */
export function statementRefusal(code: StatementRefusalCode, caseId: string): Refusal {
  const [de, en] = STATEMENT_MESSAGES[code];
  return { code, rule: 'DP-44', message: text(`${de} (${caseId})`, `${en} (${caseId})`) };
}

/** Checks a statement's signature; `undefined` when the server signed exactly this statement. Never throws. */
export async function checkSignedStatement(
  statement: ServerStatement,
  signed: unknown,
  verifier: StatementVerifier,
): Promise<Refusal | undefined> {
  if (signed === undefined || signed === null) return statementRefusal('SYNC_STATEMENT_UNSIGNED', statement.caseId);
  const verdict = await verifier.verify(statement, signed);
  if (verdict === 'unknown-kid') return statementRefusal('SYNC_STATEMENT_KEY_UNKNOWN', statement.caseId);
  if (verdict !== 'valid') return statementRefusal('SYNC_STATEMENT_SIGNATURE_INVALID', statement.caseId);
  return undefined;
}
