import { expect } from '@open-wc/testing';
import { fakeHost } from './fake-host.js';
import type { IssuePath, Notice, Refusal } from '@fallkit/core';
import { FormValidity, type FormValidityOptions } from '../../src/controllers/form-validity.js';
import type { Feedback } from '../../src/base/feedback.js';
import type { Validator } from '../../src/base/validator.js';

/** Records what the element would tell the host form: the validity flags, message and anchor, and the states. */
class FakeInternals {
  flags: ValidityStateFlags = {};
  message = '';
  anchor: HTMLElement | undefined;
  readonly states = new Set<string>();
  setValidity(flags: ValidityStateFlags = {}, message = '', anchor?: HTMLElement): void {
    this.flags = flags;
    this.message = message;
    this.anchor = anchor;
  }
  get validity(): ValidityState {
    const invalid = Object.values(this.flags).some(Boolean);
    return { valid: !invalid } as ValidityState;
  }
}

/** A core text (German and English). */
const de = (text: string) => ({ de: text, en: `${text} (en)` });

interface Value {
  name?: string;
  contacts?: { note: string }[];
}

/** Blocking: a missing name; informing: a short note. */
const rules: Validator<Value> = {
  id: 'test-rules',
  validate: (value) => {
    const out: Feedback[] = [];
    if (!value.name)
      out.push({ type: 'error', code: 'required', message: de('Name fehlt'), path: ['name'], flag: 'valueMissing' });
    (value.contacts ?? []).forEach((c, i) => {
      if (c.note.length < 3)
        out.push({ type: 'warning', code: 'short', message: de('Sehr kurz'), path: ['contacts', i, 'note'] });
      if (c.note === '')
        out.push({ type: 'error', code: 'empty', message: de('Notiz fehlt'), path: ['contacts', i, 'note'] });
    });
    return out;
  },
};

function setUp(over: Partial<FormValidityOptions<Value>> = {}) {
  const internals = new FakeInternals();
  const flags = { required: false, disabled: false, readonly: false, dirty: false, showAll: false };
  let refusals: readonly Refusal[] = [];
  let notices: readonly Notice[] = [];
  const anchors = new Map<string, HTMLElement>();
  let runs = 0;
  const validity = new FormValidity<Value>(fakeHost(), {
    internals,
    i18n: {
      t: (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key),
      resolve: (m) => ('de' in m ? m.de : m.key),
    },
    validators: () => {
      runs++;
      return [rules];
    },
    isEmpty: (value) => Object.keys(value).length === 0,
    refusals: () => refusals,
    notices: () => notices,
    flags: () => flags,
    anchor: (path: IssuePath) => anchors.get(path.join('.')),
    ...over,
  });
  return {
    validity,
    internals,
    flags,
    anchors,
    runs: () => runs,
    refuse: (r: readonly Refusal[]) => (refusals = r),
    notify: (n: readonly Notice[]) => (notices = n),
  };
}

describe('FormValidity (validity and feedback alone)', () => {
  it('shows a validation error at its path once the field is touched or everything shows, a refusal always', () => {
    const { validity, flags, refuse } = setUp();
    validity.validate({ contacts: [{ note: '' }] });
    expect(validity.errorAt('name')).to.equal(undefined);
    expect(validity.touch(['name'])).to.equal(true);
    expect(validity.touch('name')).to.equal(false);
    expect(validity.errorAt(['name'])).to.equal('Name fehlt');
    expect(validity.errorAt('contacts.0.note')).to.equal(undefined);
    expect(validity.mayShow('contacts')).to.equal(false);
    flags.showAll = true;
    expect(validity.errorAt('contacts.0.note')).to.equal('Notiz fehlt');
    expect(validity.errorAt('contacts', true)).to.equal('Notiz fehlt');
    expect(validity.errorAt('contacts')).to.equal(undefined);
    flags.showAll = false;
    validity.clearTouched();
    refuse([{ code: 'DENY_X', rule: 'DP-14', message: de('Abgelehnt'), path: ['name'] }]);
    expect(validity.errorAt('name')).to.equal('Abgelehnt');
  });

  it('a touched parent or child lets the errors below or above it show', () => {
    const { validity, flags } = setUp();
    validity.validate({ name: 'A', contacts: [{ note: '' }] });
    validity.touch('contacts');
    expect(validity.mayShow('contacts.0.note')).to.equal(true);
    validity.clearTouched();
    validity.touch('contacts.0.note');
    expect(validity.mayShow('contacts')).to.equal(true);
    expect(validity.mayShow('name')).to.equal(false);
    expect(flags.showAll).to.equal(false);
  });

  it('gives warnings of the validators and the core notices at their path, each text once', () => {
    const { validity, notify } = setUp();
    validity.validate({ name: 'A', contacts: [{ note: 'ab' }] });
    notify([
      { code: 'HEALTH', rule: 'DP-03', message: de('Sehr kurz'), path: ['contacts', 0, 'note'] },
      { code: 'HEALTH', rule: 'DP-03', message: de('Gesundheitsdaten?'), path: ['contacts', 0, 'note'] },
    ]);
    expect(validity.warningAt('contacts.0.note')).to.equal('Sehr kurz Gesundheitsdaten?');
    expect(validity.warningAt('name')).to.equal(undefined);
    expect(validity.feedback.map((f) => f.code)).to.deep.equal(['short', 'HEALTH', 'HEALTH']);
  });

  it('validates each new value once, and again when asked', () => {
    const { validity, runs } = setUp();
    const value: Value = { name: 'A' };
    validity.validate(value);
    validity.validateIfNew(value);
    expect(runs()).to.equal(1);
    validity.validate(value);
    validity.validateIfNew({ name: 'B' });
    expect(runs()).to.equal(3);
    expect(validity.blocked).to.equal(false);
    validity.validate({});
    expect(validity.blocked).to.equal(true);
  });

  it('sums up a failed submit in one sentence and names where the first error is', () => {
    const { validity } = setUp();
    validity.validate({ name: 'A' });
    expect(validity.invalidSubmit()).to.equal(undefined);
    validity.validate({ contacts: [{ note: '' }] });
    expect(validity.invalidSubmit()).to.deep.equal({
      announcement: 'status.invalid {"reason":"validation.summary {\\"count\\":2}"}',
      firstPath: ['name'],
    });
    validity.validate({ name: 'A', contacts: [{ note: '' }] });
    expect(validity.invalidSubmit()).to.deep.equal({
      announcement: 'status.invalid {"reason":"validation.summaryOne"}',
      firstPath: ['contacts', 0, 'note'],
    });
  });

  it('tells the host form the first error with its flag, anchored at its field; a custom error comes first', () => {
    const { validity, internals, anchors } = setUp();
    const field = document.createElement('input');
    anchors.set('name', field);
    const value: Value = { name: '', contacts: [] };
    validity.validate(value);
    validity.sync(value);
    expect(internals.flags).to.deep.equal({ valueMissing: true });
    expect(internals.message).to.equal('Name fehlt');
    expect(internals.anchor).to.equal(field);
    validity.customValidity = 'Vom Host';
    validity.syncValidity(value);
    expect(internals.flags).to.deep.equal({ customError: true });
    expect(internals.message).to.equal('Vom Host');
    expect(validity.customValidity).to.equal('Vom Host');
  });

  it('an empty value blocks only when required; disabled and read-only forms are always valid', () => {
    const { validity, internals, flags } = setUp();
    validity.validate({});
    validity.sync({});
    expect(internals.flags).to.deep.equal({});
    flags.required = true;
    validity.sync({});
    expect(internals.flags).to.deep.equal({ valueMissing: true });
    flags.disabled = true;
    validity.sync({});
    expect(internals.flags).to.deep.equal({});
    flags.disabled = false;
    flags.readonly = true;
    validity.sync({});
    expect(internals.flags).to.deep.equal({});
  });

  it('sets the custom states from validity, interaction and the flags', () => {
    const { validity, internals, flags } = setUp();
    const value: Value = { name: '' };
    validity.validate(value);
    validity.sync(value);
    expect([...internals.states].sort()).to.deep.equal(['invalid']);
    validity.touch('name');
    flags.dirty = true;
    flags.required = true;
    validity.sync(value);
    expect([...internals.states].sort()).to.deep.equal(['dirty', 'invalid', 'required', 'user-invalid']);
    flags.readonly = true;
    validity.sync({});
    expect([...internals.states].sort()).to.deep.equal([
      'dirty',
      'empty',
      'readonly',
      'required',
      'user-valid',
      'valid',
    ]);
  });
});
