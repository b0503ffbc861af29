import { expect } from 'chai';
import { classifyStoreError, StoreRefusalError, storeRefusal } from '../src/index.js';

describe('classifyStoreError', () => {
  const cases: [string, unknown, string][] = [
    ['a DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError'), 'STORE_QUOTA_EXCEEDED'],
    [
      'a Dexie error wrapping QuotaExceededError',
      { name: 'AbortError', inner: { name: 'QuotaExceededError' } },
      'STORE_QUOTA_EXCEEDED',
    ],
    [
      'VersionError inside OpenFailedError',
      { name: 'OpenFailedError', inner: { name: 'VersionError' } },
      'STORE_OUTDATED',
    ],
    ['MissingAPIError (no IndexedDB)', { name: 'MissingAPIError' }, 'STORE_UNAVAILABLE'],
    ['AbortError', new DOMException('aborted', 'AbortError'), 'STORE_ABORTED'],
    ['an unknown error', new TypeError('boom'), 'STORE_FAILED'],
  ];
  for (const [label, error, code] of cases) {
    it(`maps ${label} to ${code} with German and English text`, () => {
      const refusal = classifyStoreError(error);
      expect(refusal.code).to.equal(code);
      expect(refusal.message.de).to.have.length.greaterThan(10);
      expect(refusal.message.en).to.have.length.greaterThan(10);
      expect(refusal.message.de).to.not.equal(refusal.message.en);
    });
  }

  it('reads InvalidStateError as private mode when opening and as a dead transaction afterwards', () => {
    const error = new DOMException('not allowed', 'InvalidStateError');
    expect(classifyStoreError(error, 'open').code).to.equal('STORE_UNAVAILABLE');
    expect(classifyStoreError(error).code).to.equal('STORE_ABORTED');
  });

  it('passes a StoreRefusalError through unchanged', () => {
    const refusal = storeRefusal('STORE_LOCKED');
    expect(classifyStoreError(new StoreRefusalError(refusal))).to.equal(refusal);
  });
});
