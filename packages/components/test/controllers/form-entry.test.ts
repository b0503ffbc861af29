import { expect } from '@open-wc/testing';
import { FormEntry } from '../../src/controllers/form-entry.js';

/** Internals that record what the host form was handed. */
function fakeInternals() {
  const handed: { value: unknown; state: unknown }[] = [];
  return {
    handed,
    setFormValue: (value: unknown, state?: unknown) => void handed.push({ value, state }),
  } as Pick<ElementInternals, 'setFormValue'> & { handed: typeof handed };
}

describe('FormEntry (the host form’s entry of a form)', () => {
  it('hands the value over as JSON, as the submitted value and as the state to restore', () => {
    const internals = fakeInternals();
    const entry = new FormEntry<{ note: string }>(internals, (v) => JSON.stringify(v));
    entry.sync({ note: 'Wohnung' });
    expect(internals.handed).to.deep.equal([{ value: '{"note":"Wohnung"}', state: '{"note":"Wohnung"}' }]);
  });

  it('skips the object it handed over last, so a value is serialised once per edit', () => {
    const internals = fakeInternals();
    let serialised = 0;
    const entry = new FormEntry<{ note: string }>(internals, (v) => (serialised++, JSON.stringify(v)));
    const value = { note: 'a' };
    entry.sync(value);
    entry.sync(value);
    expect(serialised).to.equal(1);
    expect(internals.handed).to.have.length(1);
  });

  it('hands over a new object even with the same content (an edit back to the old text)', () => {
    const internals = fakeInternals();
    const entry = new FormEntry<{ note: string }>(internals, (v) => JSON.stringify(v));
    entry.sync({ note: 'a' });
    entry.sync({ note: 'b' });
    entry.sync({ note: 'a' });
    expect(internals.handed.map((h) => h.value)).to.deep.equal(['{"note":"a"}', '{"note":"b"}', '{"note":"a"}']);
  });

  it('uses the form’s own serialisation (a form with long lists reuses unchanged entries)', () => {
    const internals = fakeInternals();
    const entry = new FormEntry<{ note: string }>(internals, () => 'cached');
    entry.sync({ note: 'a' });
    expect(internals.handed[0]!.value).to.equal('cached');
  });
});
