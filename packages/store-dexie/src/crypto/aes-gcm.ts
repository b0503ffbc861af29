import type { SealedBox } from '../schema/rows.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A fresh random 96-bit IV: AES-GCM must never reuse an IV under the same key. */
function freshIv(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(12));
}

/** Encrypts bytes with AES-GCM under `key` with a fresh random IV. */
export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<SealedBox> {
  const iv = freshIv();
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes);
  return { iv, data };
}

/** Decrypts an AES-GCM box; rejects (OperationError) when the key is wrong or the data were altered. */
export async function openBytes(key: CryptoKey, box: SealedBox): Promise<Uint8Array> {
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: box.iv as Uint8Array<ArrayBuffer> }, key, box.data),
  );
}

/** Encrypts a JSON value (serialised with `JSON.stringify`, which keeps member order). */
export function sealJson(key: CryptoKey, value: unknown): Promise<SealedBox> {
  return sealBytes(key, encoder.encode(JSON.stringify(value)));
}

/** Decrypts a JSON value sealed with {@link sealJson}. */
export async function openJson<T>(key: CryptoKey, box: SealedBox): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(key, box))) as T;
}

/** Generates random key material and imports it as a non-extractable AES-GCM key. */
export async function importAesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Bytes → base64 (for backups, which are text). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Base64 → bytes. */
export function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
