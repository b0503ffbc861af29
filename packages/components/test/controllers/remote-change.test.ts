import { expect } from '@open-wc/testing';
import { fakeHost } from './fake-host.js';
import { RemoteChange, viewOnEdits, type RemoteChangeOptions } from '../../src/controllers/remote-change.js';
import type { SaveConflict } from '../../src/controllers/form-notices.js';

interface Value {
  note?: string;
  title?: string;
}

/** A case view: the form's part and the journal position. */
interface View {
  readonly note?: string;
  readonly title?: string;
  readonly lastSeq?: number;
}

describe('viewOnEdits (what a pushed version means for the edits)', () => {
  const edits = (dirty: boolean, baseSeq: number | undefined, baseline: Value | undefined) => ({
    dirty,
    baseSeq,
    baseline,
  });

  it('shows the view when nothing is unsaved', () => {
    expect(viewOnEdits(edits(false, 3, { note: 'a' }), { note: 'b' }, 4)).to.equal('take');
  });

  it('moves the edits onto the first known version, or onto a write that left the form’s fields alone', () => {
    expect(viewOnEdits(edits(true, undefined, { note: 'a' }), { note: 'b' }, 4)).to.equal('rebase');
    expect(viewOnEdits(edits(true, 3, { note: 'a' }), { note: 'a' }, 4)).to.equal('rebase');
  });

  it('does nothing for the same version again', () => {
    expect(viewOnEdits(edits(true, 3, { note: 'a' }), { note: 'b' }, 3)).to.equal('same');
  });

  it('calls a newer version with other field values, or one without a position, a change elsewhere', () => {
    expect(viewOnEdits(edits(true, 3, { note: 'a' }), { note: 'b' }, 4)).to.equal('elsewhere');
    expect(viewOnEdits(edits(true, 3, { note: 'a' }), { note: 'a' }, undefined)).to.equal('elsewhere');
    expect(viewOnEdits(edits(true, 3, undefined), { note: 'a' }, 4)).to.equal('elsewhere');
  });
});

function setUp() {
  const log: string[] = [];
  const form = {
    dirty: false,
    value: { note: 'meins' } as Value,
    baseline: { note: 'vorher' } as Value | undefined,
    remoteChanged: false,
  };
  const saving = {
    baseSeq: 3 as number | undefined,
    conflict: undefined as SaveConflict | undefined,
    refreshConflict: () => void log.push('refreshConflict'),
  };
  const connection = { view: undefined as View | undefined, pending: false };
  const options: RemoteChangeOptions<Value, View> = {
    connection,
    saving,
    announcer: { announce: (m) => void log.push(`announce:${m}`) },
    i18n: { t: (key: string) => key, list: (items: string[]) => items.join(', '), dateTime: (at: string) => at },
    valueFromView: (view) =>
      view.note === undefined ? undefined : { note: view.note, ...(view.title ? { title: view.title } : {}) },
    edits: () => form,
    setRemoteChanged: (on) => (form.remoteChanged = on),
    rest: (value) => {
      form.value = value;
      form.baseline = value;
      log.push(`rest:${value.note}`);
    },
    dropEdits: () => {
      form.dirty = false;
      log.push('dropEdits');
    },
    adopt: () => remote.adopt(),
    edit: (value) => {
      form.value = value;
      form.dirty = true;
      log.push(`edit:${JSON.stringify(value)}`);
    },
    submit: () => {
      log.push('submit');
      return Promise.resolve(true);
    },
    reapply: () => remote.reapplyOnTop(),
  };
  const remote = new RemoteChange<Value, View>(fakeHost(), options);
  return { remote, form, saving, connection, log };
}

describe('RemoteChange (versions arriving while editing, alone)', () => {
  it('shows a view on an unedited form and rests on its version', () => {
    const { remote, form, saving, log } = setUp();
    remote.receive({ note: 'neu', lastSeq: 5 });
    expect(form.value).to.deep.equal({ note: 'neu' });
    expect(saving.baseSeq).to.equal(5);
    expect(log).to.deep.equal(['rest:neu']);
  });

  it('ignores a view that has nothing for the form', () => {
    const { remote, saving, log } = setUp();
    remote.receive({ lastSeq: 9 });
    expect(saving.baseSeq).to.equal(3);
    expect(log).to.deep.equal([]);
  });

  it('never overwrites unsaved text: flags the change, announces it and names the conflict’s fields again', () => {
    const { remote, form, saving, log } = setUp();
    form.dirty = true;
    remote.receive({ note: 'von anderen', lastSeq: 5 });
    expect(form.value).to.deep.equal({ note: 'meins' });
    expect(form.remoteChanged).to.equal(true);
    expect(saving.baseSeq).to.equal(3);
    expect(log).to.deep.equal(['announce:status.remoteChange', 'refreshConflict']);
  });

  it('moves unsaved edits onto a version that left the form’s fields as they were', () => {
    const { remote, form, saving, log } = setUp();
    form.dirty = true;
    remote.receive({ note: 'vorher', lastSeq: 6 });
    expect(saving.baseSeq).to.equal(6);
    expect(form.remoteChanged).to.equal(false);
    expect(log).to.deep.equal([]);
  });

  it('adopting drops the edits, the flag and the conflict and takes the stored version', () => {
    const { remote, form, saving, connection, log } = setUp();
    form.dirty = true;
    form.remoteChanged = true;
    saving.conflict = { baseSeq: 3, who: [], fields: [] };
    connection.view = { note: 'gespeichert', lastSeq: 7 };
    remote.adopt();
    expect(form).to.deep.include({ dirty: false, remoteChanged: false, value: { note: 'gespeichert' } });
    expect(saving.conflict).to.equal(undefined);
    expect(saving.baseSeq).to.equal(7);
    expect(log).to.deep.equal(['dropEdits', 'rest:gespeichert']);
  });

  it('re-applies the user’s change on top of the stored version and saves again', async () => {
    const { remote, form, connection, log } = setUp();
    form.dirty = true;
    form.value = { note: 'meins', title: 'alt' };
    form.baseline = { note: 'vorher', title: 'alt' };
    connection.view = { note: 'vorher', title: 'neu von anderen', lastSeq: 8 };
    expect(await remote.reapplyOnTop()).to.equal(true);
    expect(form.value).to.deep.equal({ note: 'meins', title: 'neu von anderen' });
    expect(log).to.deep.equal([
      'dropEdits',
      'rest:vorher',
      'edit:{"note":"meins","title":"neu von anderen"}',
      'submit',
    ]);
  });

  it('has nothing to re-apply onto without a stored version', async () => {
    const { remote, log } = setUp();
    expect(await remote.reapplyOnTop()).to.equal(false);
    expect(log).to.deep.equal([]);
  });
});
