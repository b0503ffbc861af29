import { expect } from 'chai';
import type { JournalEvent } from '@fallkit/core';
import { applyJournalChange, type ReceivedEvent } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand, rawText, rawValues } from './helpers.js';

/** A hidden link of a cut, as the core's `cutJournalFor` makes it: place and hashes only. */
const linkOf = (e: JournalEvent) => ({
  hidden: true as const,
  caseId: e.caseId,
  seq: e.seq,
  prevHash: e.prevHash,
  hash: e.hash,
});

describe('@fallkit/sync journal cuts: what a device may not see never reaches it', () => {
  afterEach(cleanUp);

  it('DP-24: a cut is verified and stored with its hidden links as they are; the raw IndexedDB holds nothing of the hidden event', async () => {
    const server = new FakeSyncServer();
    await server.executeAs(ACTOR, { caseId: 'F-CUT', commands: [openCaseCommand('F-CUT')] });
    await server.executeAs(ACTOR, { caseId: 'F-CUT', commands: [noteCommand('F-CUT', 'Diagnose Depression')] });
    await server.executeAs(ACTOR, { caseId: 'F-CUT', commands: [noteCommand('F-CUT', 'Termin Jobcenter')] });
    const journal = await server.store.readJournal('F-CUT');
    const hiddenSeq = journal.find((e) => JSON.stringify(e.payload).includes('Diagnose'))!.seq;
    const cut: ReceivedEvent[] = journal.map((e) => (e.seq === hiddenSeq ? linkOf(e) : e));
    const { client, store, name } = await device(new FakeTransport(server, ACTOR));
    const applied = await applyJournalChange(store, client.database, { caseId: 'F-CUT', events: cut });
    expect(applied.ok, JSON.stringify(applied)).to.equal(true);
    const stored = (await store.readJournal('F-CUT')) as unknown as ReceivedEvent[];
    expect(stored.map((e) => e.hash)).to.deep.equal(journal.map((e) => e.hash));
    expect(stored[hiddenSeq - 1]).to.deep.equal(linkOf(journal[hiddenSeq - 1]!));
    const raw = rawText(await rawValues(name, 'events'));
    expect(raw).to.not.include('Diagnose');
    expect(raw).to.not.include('Termin Jobcenter'); // the whole events are sealed as ever
    // Applying the same cut again changes nothing.
    const again = await applyJournalChange(store, client.database, { caseId: 'F-CUT', events: cut });
    expect(again.ok && again.value.kind).to.equal('unchanged');
  });

  it('DP-38: a cut whose link does not fit the chain is refused and nothing is written', async () => {
    const server = new FakeSyncServer();
    await server.executeAs(ACTOR, { caseId: 'F-CUT2', commands: [openCaseCommand('F-CUT2')] });
    await server.executeAs(ACTOR, { caseId: 'F-CUT2', commands: [noteCommand('F-CUT2', 'eins')] });
    const journal = await server.store.readJournal('F-CUT2');
    const forged = journal.map((e, i) => (i === 1 ? { ...linkOf(e), prevHash: 'f'.repeat(64) } : e));
    const { client, store } = await device(new FakeTransport(server, ACTOR));
    const applied = await applyJournalChange(store, client.database, { caseId: 'F-CUT2', events: forged });
    expect(!applied.ok && applied.errors.map((e) => e.code)).to.include('SYNC_JOURNAL_REFUSED');
    expect(await store.readJournal('F-CUT2')).to.deep.equal([]);
  });
});
