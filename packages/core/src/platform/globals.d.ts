/*
 * The core runs unchanged in Node 20 and in browsers, and must not depend on the DOM library.
 * These are the only platform globals it uses (WebCrypto, TextEncoder, timers); both runtimes provide them.
 */
declare global {
  interface SubtleCryptoLike {
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
    /** HMAC-SHA-256 for the journal seal (DP-44). */
    sign(algorithm: 'HMAC', key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
    verify(algorithm: 'HMAC', key: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
    importKey(
      format: 'raw',
      keyData: Uint8Array,
      algorithm: { name: 'HMAC'; hash: 'SHA-256' },
      extractable: false,
      usages: ('sign' | 'verify')[],
    ): Promise<CryptoKey>;
    generateKey(
      algorithm: { name: 'HMAC'; hash: 'SHA-256'; length: 256 },
      extractable: false,
      usages: ('sign' | 'verify')[],
    ): Promise<CryptoKey>;
  }
  /** An opaque WebCrypto key; the core only hands it back to `crypto.subtle`. */
  interface CryptoKey {
    readonly type: string;
    readonly extractable: boolean;
    readonly algorithm: { readonly name: string };
    readonly usages: readonly string[];
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
