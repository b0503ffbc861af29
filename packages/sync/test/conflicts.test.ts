import { expect } from 'chai';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, CLIENT_NAME, cleanUp, device, noteCommand, openCaseCommand, rawText, rawValues } from './helpers.js';
import { syncDatabaseName } from '../src/index.js';

/** A case on the server and on the device, then the device offline and another device writing to it. */
async function conflictSetup() {
  const server = new FakeSyncServer();
  // In this fake, notes are classified as conflicting, to have a conflict at all (the core's SYNC_MERGE decides for real).
  server.conflictTypes = new Set(['recordNote']);
  await server.executeAs(ACTOR, { caseId: 'F-C1', commands: [openCaseCommand('F-C1')] });
  const transport = new FakeTransport(server, ACTOR);
  const dev = await device(transport);
  expect((await dev.client.syncNow()).ok).to.equal(true);
  transport.faults.offline = true;
  const mine = await dev.client.service.execute(noteCommand('F-C1', 'Meine Fassung'));
  expect(mine.ok).to.equal(true);
  await server.executeAs(ACTOR, { caseId: 'F-C1', commands: [noteCommand('F-C1', 'Ihre Fassung')] });
  transport.faults.offline = false;
  const round = await dev.client.syncNow();
  expect(round.ok, JSON.stringify(round)).to.equal(true);
  return { server, transport, ...dev };
}

describe('@fallkit/sync conflicts: kept until a person re-applies or discards with a reason', () => {
  afterEach(cleanUp);

  it('a conflict is kept with both sides; the device holds the server journal, nothing silently overwritten', async () => {
    const { client, store, server } = await conflictSetup();
    const [conflict, ...others] = await client.listConflicts();
    expect(others).to.have.length(0);
    expect(conflict!.kind).to.equal('conflict');
    expect(conflict!.status).to.equal('open');
    expect(JSON.stringify(conflict!.mine)).to.include('Meine Fassung');
    expect(conflict!.theirs.map((e) => ('hidden' in e ? 'hidden' : e.type))).to.deep.equal(['NoteRecorded']);
    expect(JSON.stringify(conflict!.theirs)).to.include('Ihre Fassung');
    // The local journal is the server's now: theirs is in it, mine is only in the conflict list.
    const local = await store.readJournal('F-C1');
    expect(local.map((e) => e.hash)).to.deep.equal((await server.store.readJournal('F-C1')).map((e) => e.hash));
    // More rounds do not make it go away.
    expect((await client.syncNow()).ok).to.equal(true);
    expect(await client.listConflicts()).to.have.length(1);
    let status: { conflicts: number } | undefined;
    client.status.subscribe((s) => (status = s));
    expect(status!.conflicts).to.equal(1);
  });

  it('a discard needs a reason; the reason is recorded and the conflict leaves the open list', async () => {
    const { client } = await conflictSetup();
    const [conflict] = await client.listConflicts();
    const refused = await client.discard(conflict!.id, '   ');
    expect(!refused.ok && refused.errors[0]!.code).to.equal('SYNC_REASON_MISSING');
    expect(!refused.ok && refused.errors[0]!.message.en)
      .to.be.a('string')
      .and.not.equal('');
    expect(await client.listConflicts()).to.have.length(1);
    const discarded = await client.discard(conflict!.id, 'Die andere Fassung ist vollständiger.');
    expect(discarded.ok).to.equal(true);
    expect(await client.listConflicts()).to.have.length(0);
    const [record] = await client.listConflicts({ all: true });
    expect(record!.status).to.equal('discarded');
    expect(record!.resolution).to.deep.include({
      status: 'discarded',
      by: ACTOR.id,
      reason: 'Die andere Fassung ist vollständiger.',
    });
    const again = await client.discard(conflict!.id, 'noch einmal');
    expect(!again.ok && again.errors[0]!.code).to.equal('SYNC_CONFLICT_UNKNOWN');
  });

  it('re-applying decides mine again on top of theirs under a new commandId; the server applies it; both notes are kept', async () => {
    const { client, server } = await conflictSetup();
    const [conflict] = await client.listConflicts();
    const reapplied = await client.reapply(conflict!.id);
    expect(reapplied.ok, JSON.stringify(reapplied)).to.equal(true);
    if (!reapplied.ok) return;
    expect(reapplied.value.commandId).to.not.equal(conflict!.commandId);
    expect((await client.syncNow()).ok).to.equal(true);
    expect(await client.listConflicts()).to.have.length(0);
    const [record] = await client.listConflicts({ all: true });
    expect(record!.resolution).to.deep.include({ status: 'reapplied', reappliedAs: reapplied.value.commandId });
    const notes = (await server.store.readJournal('F-C1')).filter((e) => e.type === 'NoteRecorded');
    expect(notes.map((e) => JSON.stringify(e.payload))).to.satisfy(
      (texts: string[]) =>
        texts.some((t) => t.includes('Meine Fassung')) && texts.some((t) => t.includes('Ihre Fassung')),
    );
    expect(notes).to.have.length(2);
  });

  it('DP-37: kept conflicts are sealed in the raw IndexedDB (no plaintext of either side)', async () => {
    const { name } = await conflictSetup();
    const raw = rawText(await rawValues(syncDatabaseName(name), 'conflicts'));
    expect(raw).to.include('F-C1');
    expect(raw).to.not.include('Meine Fassung');
    expect(raw).to.not.include('Ihre Fassung');
    expect(raw).to.not.include(CLIENT_NAME);
  });
});
