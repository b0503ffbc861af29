import { expect } from 'chai';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, CLIENT_NAME, cleanUp, device, noteCommand, openCaseCommand, rawText, rawValues } from './helpers.js';
import { syncDatabaseName } from '../src/index.js';

describe('@fallkit/sync outbox: commands decided on the device, kept in IndexedDB', () => {
  afterEach(cleanUp);

  it('decides a command locally while offline and queues it with its commandId and baseSeq', async () => {
    const transport = new FakeTransport(new FakeSyncServer(), ACTOR);
    transport.faults.offline = true;
    const { client } = await device(transport);
    const opened = await client.service.execute(openCaseCommand('F-1'));
    expect(opened.ok, JSON.stringify(opened)).to.equal(true);
    const noted = await client.service.execute(noteCommand('F-1', 'Erstgespräch'));
    expect(noted.ok, JSON.stringify(noted)).to.equal(true);
    // The core decided locally: the case is on the device.
    const loaded = await client.service.loadCaseUnchecked('F-1');
    expect(loaded.ok && loaded.value.events.map((e) => e.type)).to.include('NoteRecorded');
    const rows = await client.database.table('outbox').orderBy('order').toArray();
    // Each carries the position it was decided on (issue 15): the server's (nothing yet: 0) and the own
    // commands before it, so the server decides the note on top of the opening.
    expect(
      rows.map((row: { caseId: string; baseSeq: number; after?: string[] }) => [row.caseId, row.baseSeq, row.after]),
    ).to.deep.equal([
      ['F-1', 0, []],
      ['F-1', 0, [(rows[0] as { commandId: string }).commandId]],
    ]);
    expect(new Set(rows.map((row: { commandId: string }) => row.commandId)).size).to.equal(2);
    const round = await client.syncNow();
    expect(round.ok).to.equal(false);
    expect(!round.ok && round.errors[0]!.code).to.equal('SYNC_OFFLINE');
    expect(await client.database.table('outbox').count()).to.equal(2);
  });

  it('a locally refused command is not queued (the refusal comes back as without sync)', async () => {
    const transport = new FakeTransport(new FakeSyncServer(), ACTOR);
    const { client } = await device(transport);
    const refused = await client.service.execute(noteCommand('F-404', 'Keine Akte'));
    expect(refused.ok).to.equal(false);
    expect(!refused.ok && refused.errors[0]!.code).to.equal('CASE_NOT_FOUND');
    expect(await client.database.table('outbox').count()).to.equal(0);
  });

  it('the outbox survives a reload: a new store and client on the same databases push the commands once', async () => {
    const server = new FakeSyncServer();
    const transport = new FakeTransport(server, ACTOR);
    transport.faults.offline = true;
    const first = await device(transport);
    await first.client.service.execute(openCaseCommand('F-2'));
    await first.client.service.execute(noteCommand('F-2', 'Vor dem Neuladen'));
    first.client.close();
    first.store.close();

    transport.faults.offline = false;
    const second = await device(transport, { name: first.name, key: first.key });
    const round = await second.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && round.value.pushed).to.equal(2);
    expect([...server.appliedCount.values()]).to.deep.equal([1, 1]);
    const serverJournal = await server.store.readJournal('F-2');
    expect(serverJournal.map((e) => e.type)).to.include('NoteRecorded');
    expect(await second.client.database.table('outbox').count()).to.equal(0);
    // The device now holds the server's journal.
    const local = await second.store.readJournal('F-2');
    expect(local.map((e) => e.hash)).to.deep.equal(serverJournal.map((e) => e.hash));
  });

  it('DP-37: the raw IndexedDB of the sync database holds no plaintext of a queued command', async () => {
    const transport = new FakeTransport(new FakeSyncServer(), ACTOR);
    transport.faults.offline = true;
    const { client, name } = await device(transport);
    await client.service.execute(openCaseCommand('F-3'));
    await client.service.execute(noteCommand('F-3', 'Mietschulden 1.200 €'));
    const raw = rawText(await rawValues(syncDatabaseName(name), 'outbox'));
    expect(raw).to.include('F-3'); // ids stay in clear, so the queue can be counted and cleared without the key
    expect(raw).to.not.include(CLIENT_NAME);
    expect(raw).to.not.include('Zeynep');
    expect(raw).to.not.include('Mietschulden');
    expect(raw).to.not.include('recordNote');
  });

  it('a retry of a queued commandId that the device now refuses keeps the queued command for the server', async () => {
    const transport = new FakeTransport(new FakeSyncServer(), ACTOR);
    transport.faults.offline = true;
    const { client, store } = await device(transport);
    await client.service.execute(openCaseCommand('F-4'));
    const note = { caseId: 'F-4', commandId: 'command-retried-1', commands: [noteCommand('F-4', 'Einmal')] };
    expect((await client.service.executeBatch(note)).ok).to.equal(true);
    // The local journal is gone (as after a replace the sync made), so the retry is decided anew and refused.
    await store.deleteStream('F-4');
    client.service.renew();
    const retried = await client.service.executeBatch(note);
    expect(!retried.ok && retried.errors[0]!.code).to.equal('CASE_NOT_FOUND');
    const ids = (await client.database.table('outbox').toArray()).map((row: { commandId: string }) => row.commandId);
    expect(ids).to.include('command-retried-1');
  });

  it('DP-37: while the store is locked nothing is queued or stored, with a typed refusal', async () => {
    const transport = new FakeTransport(new FakeSyncServer(), ACTOR);
    transport.faults.offline = true;
    const { client, store, key } = await device(transport);
    await client.service.execute(openCaseCommand('F-5'));
    store.lock();
    const refused = await client.service.execute(noteCommand('F-5', 'Gesperrt'));
    expect(!refused.ok && refused.errors.map((e) => e.code)).to.include('STORE_LOCKED');
    expect(await client.database.table('outbox').count()).to.equal(1);
    const round = await client.syncNow();
    expect(!round.ok && round.errors[0]!.code).to.be.oneOf(['SYNC_LOCKED', 'SYNC_OFFLINE']);
    expect((await store.unlock({ key })).ok).to.equal(true);
    expect((await store.readJournal('F-5')).map((e) => e.type)).to.not.include('NoteRecorded');
  });
});
