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
    expect(rows.map((row: { caseId: string; baseSeq: number }) => [row.caseId, row.baseSeq])).to.deep.equal([
      ['F-1', 0],
      ['F-1', loaded.ok ? loaded.value.events.find((e) => e.type === 'NoteRecorded')!.seq - 1 : -1],
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
});
