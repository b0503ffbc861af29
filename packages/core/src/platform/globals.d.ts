/*
 * The core runs unchanged in Node 20 and in browsers, and must not depend on the DOM library.
 * These are the only platform globals it uses (WebCrypto, TextEncoder, timers); both runtimes provide them.
 */
declare global {
  interface SubtleCryptoLike {
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  }
  // eslint-disable-next-line no-var
  var crypto: { subtle: SubtleCryptoLike; getRandomValues<T extends Uint8Array>(array: T): T; randomUUID(): string };
  function setTimeout(callback: () => void, milliseconds?: number): unknown;
  function clearTimeout(handle: unknown): void;
  function queueMicrotask(callback: () => void): void;
  class TextEncoder {
    encode(input: string): Uint8Array;
  }
}
export {};
