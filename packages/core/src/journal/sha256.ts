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
  return sha256HexOfBytes(encoder.encode(input));
}

/** The part of Node's `crypto` module used here (the core has no Node typings: it is browser code first). */
interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}

/**
 * On a server (Node 20.16 and later) the same digest from Node's own OpenSSL, about six times faster than
 * the JavaScript one (`npm run bench -- journal-verify`): the server verifies every journal it sends or
 * appends to. Reached through `process.getBuiltinModule`, which is synchronous and invisible to bundlers,
 * so a browser bundle neither contains nor asks for `node:crypto`; where it is absent (every browser, older
 * Node), the audited `@noble/hashes` computes it. Both hash the same UTF-8 bytes (checked by a property test).
 */
const nativeSha256Hex: ((bytes: Uint8Array) => string) | undefined = (() => {
  const host = (
    globalThis as {
      process?: { getBuiltinModule?: (id: string) => { createHash?: (name: string) => NodeHash } | undefined };
    }
  ).process;
  const createHash = host?.getBuiltinModule?.('node:crypto')?.createHash;
  if (typeof createHash !== 'function') return undefined;
  return (bytes) => createHash('sha256').update(bytes).digest('hex');
})();

/** SHA-256 of bytes (a document's content), as 64 lowercase hex digits; Node's crypto where there is one. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return nativeSha256Hex === undefined ? bytesToHex(sha256(bytes)) : nativeSha256Hex(bytes);
}

/** The JavaScript digest alone, whatever the host: for the test that both paths agree. @internal */
export function sha256HexPortable(input: string): string {
  return bytesToHex(sha256(encoder.encode(input)));
}

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits (the asynchronous form callers await). */
export async function sha256Hex(input: string): Promise<string> {
  return sha256HexSync(input);
}
