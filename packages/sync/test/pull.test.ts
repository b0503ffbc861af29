import { expect } from 'chai';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand } from './helpers.js';

/** Five cases written on the server by another device of the same person. */
async function serverWithCases(server: FakeSyncServer, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const caseId = `F-P${i}`;
    ids.push(caseId);
    const opened = await server.executeAs(ACTOR, { caseId, commands: [openCaseCommand(caseId)] });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    await server.executeAs(ACTOR, { caseId, commands: [noteCommand(caseId, `Notiz ${i}`)] });
  }
  return ids;
}

describe('@fallkit/sync pull: from the kept feed position, nothing skipped', () => {
  afterEach(cleanUp);

  it('the network cut mid-pull: the cursor stays at the last page written, the next pull resumes, nothing skipped', async () => {
    const server = new FakeSyncServer();
    const ids = await serverWithCases(server, 5);
    const transport = new FakeTransport(server, ACTOR);
    transport.faults.cutFeedCall = 3;
    const { client } = await device(transport, { pageLimit: 3 });
    const cut = await client.syncNow();
    expect(cut.ok).to.equal(false);
    // Pages 1 and 2 (positions 1..6) were written, page 3 was cut.
    const cursor = (await client.database.table('meta').get('cursor')) as { position: number };
    expect(cursor.position).to.equal(6);
    const resumed = await client.syncNow();
    expect(resumed.ok, JSON.stringify(resumed)).to.equal(true);
    expect(((await client.database.table('meta').get('cursor')) as { position: number }).position).to.equal(
      server.position,
    );
    for (const caseId of ids) {
      const local = await client.service.loadCaseUnchecked(caseId);
      const remote = await server.store.readJournal(caseId);
      expect(local.ok && local.value.events.map((e) => e.hash), caseId).to.deep.equal(remote.map((e) => e.hash));
    }
    // The case list on the device has every case.
    expect((await client.service.listCases()).map((c) => c.caseId).sort()).to.deep.equal([...ids].sort());
  });

  it('the cursor is kept in IndexedDB: a reloaded device pulls only what came after it', async () => {
    const server = new FakeSyncServer();
    await serverWithCases(server, 2);
    const transport = new FakeTransport(server, ACTOR);
    const first = await device(transport);
    expect((await first.client.syncNow()).ok).to.equal(true);
    first.client.close();
    first.store.close();
    await server.executeAs(ACTOR, { caseId: 'F-P1', commands: [noteCommand('F-P1', 'Danach')] });
    const second = await device(transport, { name: first.name, key: first.key });
    const before = transport.feedCalls;
    const round = await second.client.syncNow();
    expect(round.ok && round.value.changes).to.equal(1);
    expect(transport.feedCalls - before).to.equal(1);
    const local = await second.store.readJournal('F-P1');
    expect(local.at(-1)!.hash).to.equal((await server.store.readJournal('F-P1')).at(-1)!.hash);
  });

  it('DP-38: a received journal that does not verify is not written, and the cursor does not move past it', async () => {
    const server = new FakeSyncServer();
    await serverWithCases(server, 1);
    const transport = new FakeTransport(server, ACTOR);
    const original = transport.feed.bind(transport);
    transport.feed = async (after, limit) => {
      const page = await original(after, limit);
      if (!page.ok) return page;
      const changes = page.value.changes.map((change) =>
        change.kind === 'journal'
          ? { ...change, events: change.events.map((e, i) => (i === 1 ? { ...e, payload: { text: 'gefälscht' } } : e)) }
          : change,
      );
      return { ok: true, value: { ...page.value, changes } };
    };
    const { client, store } = await device(transport);
    const round = await client.syncNow();
    expect(round.ok).to.equal(false);
    expect(!round.ok && round.errors.map((e) => e.code)).to.include('SYNC_JOURNAL_REFUSED');
    expect(await store.readJournal('F-P1')).to.deep.equal([]);
    expect(await client.database.table('meta').get('cursor')).to.equal(undefined);
  });
});
