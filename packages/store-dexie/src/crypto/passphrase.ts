const encoder = new TextEncoder();

/**
 * PBKDF2-SHA-256 iterations for new databases and backups: OWASP's 2023 figure for PBKDF2-HMAC-SHA256
 * (600,000). `npm run bench` measures the derivation on the machine at hand; see docs/store.md for
 * the figure. Stored per database and per backup, so it can be raised later without breaking old data.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** The fewest PBKDF2-SHA-256 iterations a new database or backup accepts (OWASP Password Storage Cheat Sheet). */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/** The shortest passphrase accepted for a new database or backup. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** The smallest estimated entropy, in bits, of a passphrase for a new database or backup. */
export const MIN_PASSPHRASE_BITS = 60;

/** How many symbols a character's class contributes to the pool a guesser must try. */
function poolOf(passphrase: string): number {
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(passphrase)) pool += 33;
  if ([...passphrase].some((char) => char.codePointAt(0)! > 0x7f)) pool += 100;
  return pool;
}

/**
 * A deliberately simple, documented entropy estimate (docs/store.md, "Key hygiene"): the pool of
 * character classes used (lower 26, upper 26, digits 10, ASCII symbols and space 33, any non-ASCII
 * 100), times an effective length that collapses repeated neighbours (`aaaa` counts once) and is at
 * most three times the number of distinct characters (`abcabcabc` counts as 9 of 3 characters at
 * most). It overrates some weak phrases (dictionary words), never a short or repetitive one.
 */
export function estimatePassphraseBits(passphrase: string): number {
  const chars = [...passphrase.normalize('NFC')];
  const collapsed = chars.filter((char, i) => i === 0 || char !== chars[i - 1]).length;
  const effective = Math.min(collapsed, 3 * new Set(chars).size);
  const pool = poolOf(passphrase);
  return pool === 0 ? 0 : effective * Math.log2(pool);
}

/** Whether a passphrase is strong enough for a new database or backup (length and entropy, DP-37). */
export function passphraseIsStrong(passphrase: string): boolean {
  return (
    [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_LENGTH &&
    estimatePassphraseBits(passphrase) >= MIN_PASSPHRASE_BITS
  );
}

/** A fresh random 128-bit salt, stored next to the data it protects. */
export function freshSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** Derives a non-extractable AES-GCM-256 key from a passphrase with PBKDF2-SHA-256. */
export async function deriveKeyFromPassphrase(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
