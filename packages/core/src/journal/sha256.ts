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
  // Node's hash encodes the text as UTF-8 itself (lone surrogates as U+FFFD, as TextEncoder does), without
  // a copy through a Uint8Array per call.
  return nativeSha256HexOfText === undefined ? sha256HexOfBytes(encoder.encode(input)) : nativeSha256HexOfText(input);
}

/** The part of Node's `crypto` module used here (the core has no Node typings: it is browser code first). */
interface NodeHash {
  update(data: Uint8Array | string, encoding?: 'utf8'): NodeHash;
  digest(encoding: 'hex'): string;
}

/** The two functions of Node's `crypto` read here. */
interface NodeCrypto {
  createHash?: (name: string) => NodeHash;
  hash?: (algorithm: string, data: string, encoding: 'hex') => string;
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

/**
 * The same digest of a text, on a server (see above): Node's one-shot `crypto.hash` where it has one (20.12
 * and later; no Hash object per call), else a Hash fed the text; `undefined` where Node's crypto is absent.
 */
const nativeSha256HexOfText: ((text: string) => string) | undefined = (() => {
  if (nativeSha256Hex === undefined) return undefined;
  const nodeCrypto = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } }
  ).process?.getBuiltinModule?.('node:crypto');
  const oneShot = nodeCrypto?.hash;
  if (typeof oneShot === 'function') return (text) => oneShot('sha256', text, 'hex');
  const createHash = nodeCrypto?.createHash;
  return typeof createHash === 'function'
    ? (text) => createHash('sha256').update(text, 'utf8').digest('hex')
    : undefined;
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
