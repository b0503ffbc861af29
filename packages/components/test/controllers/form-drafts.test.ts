import { expect } from '@open-wc/testing';
import { fakeHost } from './fake-host.js';
import { FormDrafts, draftOnBase, unwrapDraft, type FormDraftsOptions } from '../../src/controllers/form-drafts.js';
import { MemoryDraftStore, type DraftStore } from '../../src/controllers/draft-store.js';

interface Value {
  note?: string;
}

function drafts(store: DraftStore, over: Partial<FormDraftsOptions> = {}) {
  const options: FormDraftsOptions = {
    formId: () => 'fk-notes',
    standaloneKey: () => undefined,
    caseId: () => 'case-1',
    store: () => store,
    ...over,
  };
  return new FormDrafts<Value>(fakeHost(), options);
}

describe('FormDrafts (the draft handling alone)', () => {
  it('keys a connected form by case and form, a standalone key wins, and no case means no drafts', () => {
    const store = new MemoryDraftStore();
    expect(drafts(store).key).to.equal('case-1::fk-notes');
    expect(drafts(store, { standaloneKey: () => 'k' }).key).to.equal('standalone:k::fk-notes');
    expect(drafts(store, { caseId: () => undefined }).key).to.equal(undefined);
  });

  it('keeps the value with the version it was typed on, and gives it back once per key', async () => {
    const store = new MemoryDraftStore();
    await drafts(store).keep({ note: 'Mietschulden' }, 7, { note: '' });
    const again = drafts(store);
    const seen: unknown[] = [];
    again.restoreOnce((d) => seen.push(d));
    again.restoreOnce((d) => seen.push(d));
    expect(seen).to.deep.equal([{ fkDraft: 1, value: { note: 'Mietschulden' }, baseSeq: 7, base: { note: '' } }]);
  });

  it('waits for an asynchronous store and drops the answer when the key changed meanwhile', async () => {
    const memory = new MemoryDraftStore();
    const slow: DraftStore = {
      get: (key) => new Promise((resolve) => setTimeout(() => resolve(memory.get(key)), 5)),
      set: (key, value) => memory.set(key, value),
      delete: (key) => memory.delete(key),
    };
    let caseId = 'case-1';
    const keeper = drafts(slow, { caseId: () => caseId });
    await keeper.keep({ note: 'A' }, 1, undefined);
    const seen: unknown[] = [];
    keeper.restoreOnce((d) => seen.push(d.value));
    caseId = 'case-2';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).to.deep.equal([]);
  });

  it('forgets the draft on discard', async () => {
    const store = new MemoryDraftStore();
    const keeper = drafts(store);
    await keeper.keep({ note: 'A' }, undefined, undefined);
    expect(store.size).to.equal(1);
    await keeper.discard();
    expect(store.size).to.equal(0);
  });

  it('reads a bare value kept by an older version as a draft of unknown version', () => {
    expect(unwrapDraft<Value>({ note: 'alt' })).to.deep.equal({ value: { note: 'alt' } });
  });
});

describe('draftOnBase (what a restored draft means for the version the form rests on)', () => {
  const typed = { value: { note: 'neu' }, baseSeq: 3, base: { note: 'alt' } };

  it('takes the draft version when the form knew none yet', () => {
    expect(draftOnBase<Value>({ baseSeq: undefined, initial: undefined }, typed)).to.deep.equal({
      baseSeq: 3,
      initial: { note: 'alt' },
      remoteChanged: false,
    });
  });

  it('is a change elsewhere when the case moved on and this form’s fields moved with it', () => {
    expect(draftOnBase<Value>({ baseSeq: 5, initial: { note: 'anders' } }, typed)).to.deep.equal({
      baseSeq: 3,
      initial: { note: 'alt' },
      remoteChanged: true,
    });
  });

  it('moves the edits on when the case moved on elsewhere (this form’s fields as they were)', () => {
    expect(draftOnBase<Value>({ baseSeq: 5, initial: { note: 'alt' } }, typed)).to.deep.equal({
      baseSeq: 5,
      initial: { note: 'alt' },
      remoteChanged: false,
    });
  });

  it('keeps the form’s version for the same version, or a draft without one', () => {
    const current = { baseSeq: 3, initial: { note: 'alt' } };
    expect(draftOnBase<Value>(current, typed).remoteChanged).to.equal(false);
    expect(draftOnBase<Value>({ baseSeq: 9, initial: undefined }, { value: { note: 'x' } })).to.deep.equal({
      baseSeq: 9,
      initial: undefined,
      remoteChanged: false,
    });
  });
});
