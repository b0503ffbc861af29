const encoder = new TextEncoder();

/**
 * PBKDF2-SHA-256 iterations for new databases and backups: OWASP's 2023 figure for PBKDF2-HMAC-SHA256
 * (600,000). `npm run bench` measures the derivation on the machine at hand; see docs/store.md for
 * the figure. Stored per database and per backup, so it can be raised later without breaking old data.
 */
export const PBKDF2_ITERATIONS = 600_000;

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
