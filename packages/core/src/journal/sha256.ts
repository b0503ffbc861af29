import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits, computed synchronously.
 *
 * Why not WebCrypto: a journal hashes two short texts per event (a few hundred bytes each), and
 * `crypto.subtle.digest` costs a promise, a job on the thread pool and a copy per call; for a 5,000-event
 * journal that overhead (and the garbage it leaves) was two thirds of the whole verification. The audited
 * `@noble/hashes` computes the same digest in the calling thread, several times faster for inputs of this
 * size, in the browser and in Node alike (issue 18; `npm run bench -- core-replay`).
 */
export function sha256HexSync(input: string): string {
  return bytesToHex(sha256(encoder.encode(input)));
}

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits (the asynchronous form callers await). */
export async function sha256Hex(input: string): Promise<string> {
  return sha256HexSync(input);
}
