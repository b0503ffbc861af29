import { expect } from '@open-wc/testing';
import { cloneValue } from '../../src/base/clone-value.js';

describe('cloneValue (what a reset hands out)', () => {
  it('copies deeply, so edits of the copy never reach the original', () => {
    const original = { contacts: [{ on: '2026-06-10' }] };
    const copy = cloneValue(original);
    expect(copy).to.deep.equal(original);
    expect(copy).not.to.equal(original);
    expect(copy.contacts).not.to.equal(original.contacts);
  });

  it('gives a value it cannot clone back as it is', () => {
    const original = { format: () => 'x' };
    expect(cloneValue(original)).to.equal(original);
  });
});
