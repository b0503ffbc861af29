import { expect } from 'chai';
import { MemoryCaseStore, type AppendRequest, type CaseStore, type ReadJournalOptions } from '@fallkit/core';
import { createCaseReader } from '@fallkit/core/internal';
import { NOW, OPEN, note, openedCase, serviceOver, storedBytes, wrapStore } from './write-fixtures.js';

/** A store that counts appends and reads (and the afterSeq of each read). */
function counting(inner: CaseStore): { store: CaseStore; appends: AppendRequest[]; reads: (number | undefined)[] } {
  const appends: AppendRequest[] = [];
  const reads: (number | undefined)[] = [];
  const store = wrapStore(inner, {
    append: (request: AppendRequest) => {
      appends.push(request);
      return inner.append(request);
    },
    readJournal: (caseId: string, options?: ReadJournalOptions) => {
      reads.push(options?.afterSeq);
      return inner.readJournal(caseId, options);
    },
  });
  return { store, appends, reads };
}

const contact = (on: string, text: string) => ({
  type: 'recordContact',
  caseId: 'c-1',
  input: { on, mode: 'phone', note: text },
});

describe('executeBatch: one decision, one append', () => {
  it('opens a case and records two further facts in one atomic append; every event carries the commandId', async () => {
    const { store, appends } = counting(new MemoryCaseStore());
    const service = serviceOver(store);
    const result = await service.executeBatch({
      commandId: 'command-open-1',
      commands: [
        OPEN,
        { type: 'addPerson', input: { roles: ['child'], givenName: 'Lina', familyName: 'Muster' } },
        note('Erstgespräch vereinbart'),
      ],
    });
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
    if (!result.ok) return;
    expect(appends).to.have.length(1);
    expect(result.value.caseId).to.equal('c-1');
    expect(result.value.events.map((e) => e.type)).to.deep.equal(['CaseOpened', 'PersonAdded', 'NoteRecorded']);
    expect(result.value.events.map((e) => e.commandId)).to.deep.equal(Array(3).fill('command-open-1'));
    expect(result.value.state.persons.map((p) => p.givenName)).to.deep.equal(['Maria', 'Lina']);
    expect((await store.readJournal('c-1')).map((e) => e.seq)).to.deep.equal([1, 2, 3]);
  });

  it('runs each command against the state the previous ones produced (closeCase, then recordEvaluation)', async () => {
    const { store, service } = await openedCase();
    const evaluation = {
      type: 'recordEvaluation',
      caseId: 'c-1',
      input: { planVersusGoals: 'erreicht', methods: '', cooperation: '', effort: { contacts: 3 }, satisfaction: {} },
    };
    const before = await storedBytes(store);
    // Alone, the evaluation of an open case is refused; after closeCase in the same batch it is allowed …
    const alone = await service.execute(evaluation);
    expect(alone.ok).to.equal(false);
    // … and a second evaluation in the same batch sees the first and refuses the whole batch.
    const twice = await service.executeBatch({
      caseId: 'c-1',
      commands: [
        { type: 'closeCase', caseId: 'c-1', input: { reason: 'other', reasonNote: 'Umzug in eine andere Stadt' } },
        evaluation,
        evaluation,
      ],
    });
    expect(twice.ok).to.equal(false);
    if (!twice.ok) {
      expect(twice.errors, JSON.stringify(twice.errors)).to.have.length.above(0);
      expect(twice.errors[0]?.code).to.equal('EVALUATION_ALREADY_RECORDED');
      expect(twice.errors[0]?.path?.slice(0, 2)).to.deep.equal(['commands', 2]);
    }
    expect(await storedBytes(store)).to.equal(before);
    const once = await service.executeBatch({
      caseId: 'c-1',
      commands: [
        { type: 'closeCase', caseId: 'c-1', input: { reason: 'other', reasonNote: 'Umzug in eine andere Stadt' } },
        evaluation,
      ],
    });
    expect(once.ok, JSON.stringify(!once.ok && once.errors)).to.equal(true);
    if (once.ok) expect(once.value.state.evaluation?.planVersusGoals).to.equal('erreicht');
  });

  it('the partial-save reproduction: two contacts, the second in the future — refused whole, nothing stored; fixed — exactly two', async () => {
    const { store, service } = await openedCase();
    const before = await storedBytes(store);
    const refused = await service.executeBatch({
      caseId: 'c-1',
      expectedSeq: 1,
      commands: [contact('2026-02-27', 'Telefonat mit Frau Muster'), contact('2026-03-05', 'Rückruf Jobcenter')],
    });
    expect(refused.ok).to.equal(false);
    if (!refused.ok) {
      expect(refused.errors[0]?.path?.slice(0, 2)).to.deep.equal(['commands', 1]);
      expect(refused.errors[0]?.path).to.include('on');
      expect(refused.errors[0]?.message.de).to.be.a('string').and.not.equal('');
      expect(refused.errors[0]?.message.en).to.be.a('string').and.not.equal('');
    }
    expect(await storedBytes(store)).to.equal(before);
    const fixed = await service.executeBatch({
      caseId: 'c-1',
      expectedSeq: 1,
      commands: [contact('2026-02-27', 'Telefonat mit Frau Muster'), contact('2026-02-28', 'Rückruf Jobcenter')],
    });
    expect(fixed.ok, JSON.stringify(!fixed.ok && fixed.errors)).to.equal(true);
    const loaded = await service.loadCase('c-1');
    expect(loaded.ok && loaded.value.state.contacts.map((c) => c.note)).to.deep.equal([
      'Telefonat mit Frau Muster',
      'Rückruf Jobcenter',
    ]);
  });

  it('names the command and the field of a schema refusal and of an unknown command', async () => {
    const { service } = await openedCase();
    const blank = await service.executeBatch({ caseId: 'c-1', commands: [note('ok'), note('')] });
    expect(!blank.ok && blank.errors[0]?.path).to.deep.equal(['commands', 1, 'input', 'text']);
    const unknown = await service.executeBatch({
      caseId: 'c-1',
      commands: [note('ok'), { type: 'toString', input: {} }],
    });
    expect(!unknown.ok && unknown.errors[0]?.code).to.equal('UNKNOWN_COMMAND');
    expect(!unknown.ok && unknown.errors[0]?.path).to.deep.equal(['commands', 1, 'type']);
  });

  it('refuses batch fields inside a command, commands to another case, an empty and an oversized batch', async () => {
    const { service } = await openedCase();
    const cases = [
      { caseId: 'c-1', commands: [{ ...note('x'), expectedSeq: 1 }] },
      { caseId: 'c-1', commands: [{ ...note('x'), commandId: 'command-x' }] },
      { caseId: 'c-1', commands: [{ ...note('x'), caseId: 'c-2' }] },
      { caseId: 'c-1', commands: [] },
      { caseId: 'c-1', commands: Array.from({ length: 201 }, () => note('x')) },
      { caseId: 'c-1', commands: [note('x')], expectedSeqq: 1 },
      { caseId: 'c-1', commands: [note('x')], commandId: 'nicht erlaubt!' },
      { caseId: 'c-1', commands: [note('x'), OPEN] },
    ];
    for (const batch of cases) {
      const result = await service.executeBatch(batch as never);
      expect(result.ok, JSON.stringify(batch).slice(0, 120)).to.equal(false);
      if (!result.ok) expect(result.errors[0]?.code).to.be.oneOf(['INVALID_INPUT']);
    }
  });

  it('a stale expectedSeq refuses the batch with STORE_CONFLICT before anything is decided', async () => {
    const { store, service } = await openedCase();
    expect((await service.execute(note('Erster'))).ok).to.equal(true);
    const before = await storedBytes(store);
    const stale = await service.executeBatch({ caseId: 'c-1', expectedSeq: 1, commands: [note('a'), note('b')] });
    expect(!stale.ok && stale.errors[0]?.code).to.equal('STORE_CONFLICT');
    expect(await storedBytes(store)).to.equal(before);
  });
});

describe('commandId: a retried command writes once', () => {
  it('the same commandId again returns the original outcome and writes nothing', async () => {
    const { store, service } = await openedCase();
    const first = await service.execute({ ...note('Vermerk'), commandId: 'command-note-1' });
    expect(first.ok).to.equal(true);
    const bytes = await storedBytes(store);
    const second = await service.execute({ ...note('Vermerk'), commandId: 'command-note-1' });
    expect(second.ok).to.equal(true);
    if (first.ok && second.ok) {
      expect(second.value.replayed).to.equal(true);
      expect(second.value.events).to.deep.equal(first.value.events);
      expect(second.value.state).to.deep.equal(first.value.state);
    }
    expect(await storedBytes(store)).to.equal(bytes);
  });

  it('also after a reload (a new service over the same store), with a stale expectedSeq, and for a batch', async () => {
    const { store, service } = await openedCase();
    const batch = { caseId: 'c-1', expectedSeq: 1, commandId: 'command-batch-1', commands: [note('a'), note('b')] };
    const first = await service.executeBatch(batch);
    expect(first.ok).to.equal(true);
    expect((await service.execute(note('später'))).ok).to.equal(true);
    const bytes = await storedBytes(store);
    const reloaded = serviceOver(store, { prefix: 'tab2' });
    const again = await reloaded.executeBatch(batch);
    expect(again.ok, JSON.stringify(!again.ok && again.errors)).to.equal(true);
    if (first.ok && again.ok) {
      expect(again.value.replayed).to.equal(true);
      expect(again.value.events).to.deep.equal(first.value.events);
      // The case right after the batch, not with the later note.
      expect(again.value.state).to.deep.equal(first.value.state);
    }
    expect(await storedBytes(store)).to.equal(bytes);
  });

  it('a commandId used for one case is refused for another (COMMAND_ID_REUSED), nothing written', async () => {
    const { store, service } = await openedCase();
    expect((await service.execute({ ...note('x'), commandId: 'command-shared' })).ok).to.equal(true);
    expect((await service.execute({ ...OPEN, input: { ...OPEN.input, caseId: 'c-2' } })).ok).to.equal(true);
    const bytes = await storedBytes(store, ['c-1', 'c-2']);
    const other = await service.execute({ ...note('x'), caseId: 'c-2', commandId: 'command-shared' });
    expect(!other.ok && other.errors[0]?.code).to.equal('COMMAND_ID_REUSED');
    expect(await storedBytes(store, ['c-1', 'c-2'])).to.equal(bytes);
  });

  it('an openCase retried with its commandId does not open a second case', async () => {
    const store = new MemoryCaseStore();
    const open = { ...OPEN, input: { addressee: OPEN.input.addressee, leadAgency: OPEN.input.leadAgency } };
    const first = await serviceOver(store).execute({ ...open, commandId: 'command-open' });
    const second = await serviceOver(store, { prefix: 'reload' }).execute({ ...open, commandId: 'command-open' });
    expect(first.ok, JSON.stringify(!first.ok && first.errors)).to.equal(true);
    expect(second.ok, JSON.stringify(!second.ok && second.errors)).to.equal(true);
    expect(first.ok && second.ok && second.value.caseId === first.value.caseId).to.equal(true);
    expect(await store.listCases()).to.have.length(1);
  });

  it('two tabs racing with the same commandId: the store refuses the second append and it answers the original outcome', async () => {
    const inner = new MemoryCaseStore();
    const tabA = serviceOver(inner);
    expect((await tabA.execute(OPEN)).ok).to.equal(true);
    let raced = false;
    const racing = wrapStore(inner, {
      append: async (request: AppendRequest) => {
        if (!raced) {
          raced = true;
          // The other tab stores the same command after our lookup, before our append.
          await tabA.execute({ ...note('Vermerk'), commandId: 'command-race' });
        }
        return inner.append(request);
      },
    });
    const tabB = serviceOver(racing, { prefix: 'tab-b' });
    const result = await tabB.execute({ ...note('Vermerk'), commandId: 'command-race' });
    expect(result.ok && result.value.replayed, JSON.stringify(!result.ok && result.errors)).to.equal(true);
    const notes = (await inner.readJournal('c-1')).filter((e) => e.type === 'NoteRecorded');
    expect(notes).to.have.length(1);
  });
});

describe('reads: only the tail after the held head', () => {
  it('after the first command, each command reads the journal from its held head only', async () => {
    const inner = new MemoryCaseStore();
    const { store, reads } = counting(inner);
    const service = serviceOver(store);
    expect((await service.execute(OPEN)).ok).to.equal(true);
    reads.length = 0;
    for (let i = 0; i < 5; i += 1) expect((await service.execute(note(`n${i}`))).ok).to.equal(true);
    // One read per command, each from the held head (re-reading that head to confirm it): seq 1, 2, 3 …
    expect(reads).to.deep.equal([0, 1, 2, 3, 4].map((n) => (n === 0 ? undefined : n)));
  });

  it('sees what another service appended, and forgets a case another writer deleted (DP-36)', async () => {
    const { store, service } = await openedCase();
    const other = serviceOver(store, { prefix: 'other' });
    expect((await other.execute(note('vom anderen Tab'))).ok).to.equal(true);
    const loaded = await service.loadCase('c-1');
    expect(loaded.ok && loaded.value.state.notes.map((n) => n.text)).to.deep.equal(['vom anderen Tab']);
    await store.deleteStream('c-1');
    const gone = await service.loadCase('c-1');
    expect(!gone.ok && gone.errors[0]?.code).to.equal('CASE_NOT_FOUND');
    const write = await service.execute(note('nach dem Löschen'));
    expect(!write.ok && write.errors[0]?.code).to.equal('CASE_NOT_FOUND');
  });

  it('holds a bounded number of cases: the least recently used head is dropped and rebuilt when needed', async () => {
    const inner = new MemoryCaseStore();
    const opener = serviceOver(inner);
    for (const caseId of ['c-1', 'c-2', 'c-3']) {
      expect((await opener.execute({ ...OPEN, input: { ...OPEN.input, caseId } })).ok).to.equal(true);
      expect((await opener.execute({ ...note('zweites Ereignis'), caseId })).ok).to.equal(true);
    }
    const { store, reads } = counting(inner);
    const reader = createCaseReader(store, {}, { maxHeld: 2 });
    for (const caseId of ['c-1', 'c-2', 'c-3']) expect((await reader.read(caseId)).ok).to.equal(true);
    reads.length = 0;
    expect((await reader.read('c-3')).ok).to.equal(true); // held: reads from its head
    expect((await reader.read('c-1')).ok).to.equal(true); // dropped: reads the whole journal
    expect(reads).to.deep.equal([1, undefined]);
  });

  it('state handed out earlier is not changed by later commands', async () => {
    const { service } = await openedCase();
    const first = await service.execute(note('eins'));
    expect(first.ok).to.equal(true);
    if (!first.ok) return;
    const copy = JSON.stringify(first.value.state);
    expect((await service.execute(note('zwei'))).ok).to.equal(true);
    expect(JSON.stringify(first.value.state)).to.equal(copy);
    expect(first.value.state.updatedAt).to.equal(NOW);
  });

  it('no deep copy per command: what a command does not touch is shared with the state before it', async () => {
    const { service } = await openedCase();
    const first = await service.execute(note('eins'));
    const second = await service.execute(note('zwei'));
    expect(first.ok && second.ok).to.equal(true);
    if (!first.ok || !second.ok) return;
    expect(second.value.state).to.not.equal(first.value.state);
    expect(second.value.state.notes).to.not.equal(first.value.state.notes);
    // Untouched sections and items are the same objects, not copies.
    expect(second.value.state.persons).to.equal(first.value.state.persons);
    expect(second.value.state.notes[0]).to.equal(first.value.state.notes[0]);
    expect(first.value.state.notes).to.have.length(1);
  });
});
