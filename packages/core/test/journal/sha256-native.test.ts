/*
 * DP-44: the journal's digests are the same on every host. On Node the core hashes with Node's own
 * `crypto`, in a browser with `@noble/hashes` (this file runs in both: mocha in Node, the test runner in Chromium); a journal sealed in one must verify in the other, so both
 * must give the same SHA-256 of the same UTF-8 bytes for every string, lone surrogates included.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { sha256HexPortable, sha256HexSync } from '../../src/journal/sha256.js';

describe('SHA-256 on the server and in the browser (DP-44)', () => {
  it('the known digests: empty string and "abc" (FIPS 180-2 test vectors)', () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256HexSync('')).to.equal(empty);
    expect(sha256HexPortable('')).to.equal(empty);
    expect(sha256HexSync('abc')).to.equal(abc);
    expect(sha256HexPortable('abc')).to.equal(abc);
  });

  it('the digest is the one WebCrypto gives for the UTF-8 bytes (in Node and in the browser: this file runs in both)', async () => {
    const text = '{"text":"Vermerk über Schulden: 12.000 €"}';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(sha256HexSync(text)).to.equal(hex);
  });

  it('(property) Node’s crypto and @noble/hashes agree on every string, any length, any code unit', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 2000 }),
          fc.string({ maxLength: 5000 }),
        ),
        (text) => {
          expect(sha256HexSync(text)).to.equal(sha256HexPortable(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
