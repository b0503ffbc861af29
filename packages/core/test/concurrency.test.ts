import { expect } from 'chai';
import {
  createCaseService,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type AppendRequest,
  type CaseStore,
} from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';

const open = {
  type: 'openCase',
  input: {
    caseId: 'c-1',
    addressee: { roles: ['addressee'], givenName: 'Maria', familyName: 'Muster' },
    leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt' },
  },
} as const;

function service(store: CaseStore) {
  return createCaseService({
    store,
    clock: new FixedClock('2026-03-01T10:00:00.000Z'),
    ids: new SequentialIds(),
    actor: EXAMPLE_ACTORS.kimCaseManager,
  });
}

describe('optimistic concurrency', () => {
  it('a command based on a stale expectedSeq is refused with STORE_CONFLICT and writes nothing', async () => {
    const store = new MemoryCaseStore();
    const a = service(store);
    expect((await a.execute(open)).ok).to.equal(true);
    const note = { type: 'recordNote', caseId: 'c-1', input: { text: 'Erster Vermerk' } } as const;
    expect((await a.execute({ ...note, expectedSeq: 1 })).ok).to.equal(true);
    const before = canonicalJson(await store.readJournal('c-1'));
    const stale = await a.execute({ ...note, expectedSeq: 1 });
    expect(stale.ok).to.equal(false);
    if (!stale.ok) expect(stale.errors[0]?.code).to.equal('STORE_CONFLICT');
    expect(canonicalJson(await store.readJournal('c-1'))).to.equal(before);
  });

  it('when another writer appends between read and append, a command without expectedSeq is decided again on the new head', async () => {
    const inner = new MemoryCaseStore();
    const other = service(inner);
    expect((await other.execute(open)).ok).to.equal(true);
    let appends = 0;
    // A store whose first append is overtaken by another tab's write.
    const racing: CaseStore = Object.assign(Object.create(inner) as CaseStore, {
      append: async (request: AppendRequest) => {
        appends += 1;
        if (appends === 1) await other.execute({ type: 'recordNote', caseId: 'c-1', input: { text: 'Anderer Tab' } });
        return inner.append(request);
      },
      readJournal: (caseId: string) => inner.readJournal(caseId),
      readSeal: (caseId: string) => inner.readSeal(caseId),
    });
    const result = await service(racing).execute({ type: 'recordNote', caseId: 'c-1', input: { text: 'Dieser Tab' } });
    // The first append is refused (STORE_CONFLICT); the guards run again on the new head and the second append wins.
    expect(result.ok).to.equal(true);
    expect(appends).to.equal(2);
    const journal = await inner.readJournal('c-1');
    expect(journal.map((e) => (e.payload as { text?: string }).text ?? e.type)).to.deep.equal([
      'CaseOpened',
      'Anderer Tab',
      'Dieser Tab',
    ]);
  });

  it('when another writer appends between read and append of a command with expectedSeq, it is refused and not retried', async () => {
    const inner = new MemoryCaseStore();
    const other = service(inner);
    expect((await other.execute(open)).ok).to.equal(true);
    let appends = 0;
    const racing: CaseStore = Object.assign(Object.create(inner) as CaseStore, {
      append: async (request: AppendRequest) => {
        appends += 1;
        if (appends === 1) await other.execute({ type: 'recordNote', caseId: 'c-1', input: { text: 'Anderer Tab' } });
        return inner.append(request);
      },
      readJournal: (caseId: string) => inner.readJournal(caseId),
    });
    const result = await service(racing).execute({
      type: 'recordNote',
      caseId: 'c-1',
      expectedSeq: 1,
      input: { text: 'Dieser Tab' },
    });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0]?.code).to.equal('STORE_CONFLICT');
    expect(appends).to.equal(1);
    const journal = await inner.readJournal('c-1');
    expect(journal.map((e) => (e.payload as { text?: string }).text ?? e.type)).to.deep.equal([
      'CaseOpened',
      'Anderer Tab',
    ]);
  });

  it('two services opening the same case id: the second gets CASE_ALREADY_EXISTS', async () => {
    const store = new MemoryCaseStore();
    expect((await service(store).execute(open)).ok).to.equal(true);
    const second = await service(store).execute(open);
    expect(second.ok).to.equal(false);
    if (!second.ok) expect(second.errors[0]?.code).to.equal('CASE_ALREADY_EXISTS');
  });
});
