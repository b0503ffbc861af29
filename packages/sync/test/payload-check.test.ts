import { expect } from 'chai';
import { sealEvents } from '@fallkit/core/internal';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device } from './helpers.js';

/*
 * Bad input never gets in (issues 15, 22; DP-38): a received journal whose chain and server signature hold
 * but whose kept event carries a payload that fails its event schema is refused before anything is stored,
 * as a bad signature is. Stored, it would be a case the device's service then refuses to read
 * (JOURNAL_PAYLOAD_INVALID on every read).
 */

const RAHIMI = 'kim-2026-0001';

describe('@fallkit/sync: a received payload is checked against its schema before it is stored (DP-38)', () => {
  afterEach(cleanUp);

  it('DP-38, DP-44: a consistently hashed and signed journal with one malformed payload is refused; nothing of the case is stored', async () => {
    const server = new FakeSyncServer();
    await server.seedExamples();
    const journal = await server.store.readJournal(RAHIMI);
    // Chained and hashed by the core's own sealEvents, appended to the server's store (which checks no
    // schemas), then signed by the server's head key when the feed sends it: only a payload check sees it.
    const [bad] = await sealEvents(
      [{ type: 'NoteRecorded', schemaVersion: 1, payload: { id: 'note-x', text: '', unknown: true } }],
      { caseId: RAHIMI, last: journal.at(-1), at: '2026-03-02T09:00:00.000Z', actor: ACTOR, newId: () => 'bad-1' },
    );
    const appended = await server.store.append({ caseId: RAHIMI, expectedSeq: journal.length, events: [bad!] });
    expect(appended.ok, JSON.stringify(appended)).to.equal(true);
    const setup = await device(new FakeTransport(server, ACTOR));
    const round = await setup.client.syncNow();
    expect(round.ok).to.equal(false);
    const codes = round.ok ? [] : round.errors.map((e) => e.code);
    expect(codes, JSON.stringify(codes)).to.include.members(['SYNC_JOURNAL_REFUSED', 'JOURNAL_PAYLOAD_INVALID']);
    expect(await setup.store.readJournal(RAHIMI)).to.deep.equal([]);
    expect(await setup.client.cuts.has(RAHIMI)).to.equal(false);
    expect(await setup.client.database.heads.get(RAHIMI)).to.equal(undefined);
  });

  it('DP-38: a malformed event at the tail of a case the device already holds is refused; its journal and head stay as they were', async () => {
    const server = new FakeSyncServer();
    await server.seedExamples();
    const setup = await device(new FakeTransport(server, ACTOR));
    expect((await setup.client.syncNow()).ok).to.equal(true);
    const before = await setup.store.readJournal(RAHIMI);
    const head = await setup.client.database.heads.get(RAHIMI);
    const journal = await server.store.readJournal(RAHIMI);
    const [bad] = await sealEvents([{ type: 'NoteRecorded', schemaVersion: 1, payload: { id: 'note-y' } }], {
      caseId: RAHIMI,
      last: journal.at(-1),
      at: '2026-03-02T10:00:00.000Z',
      actor: ACTOR,
      newId: () => 'bad-2',
    });
    const appended = await server.store.append({ caseId: RAHIMI, expectedSeq: journal.length, events: [bad!] });
    expect(appended.ok).to.equal(true);
    server.feedEntries.push({ position: server.feedEntries.length + 1, caseId: RAHIMI });
    const round = await setup.client.syncNow();
    const codes = round.ok ? [] : round.errors.map((e) => e.code);
    expect(codes, JSON.stringify(codes)).to.include.members(['SYNC_JOURNAL_REFUSED', 'JOURNAL_PAYLOAD_INVALID']);
    expect(await setup.store.readJournal(RAHIMI)).to.deep.equal(before);
    expect(await setup.client.database.heads.get(RAHIMI)).to.deep.equal(head);
  });

  it('a valid cut of the example caseload is stored whole: its hidden links carry no payload and pass', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    const setup = await device(new FakeTransport(server, ACTOR));
    const round = await setup.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    const stored = (await setup.store.readJournal(RAHIMI)) as readonly { hidden?: true }[];
    expect(
      stored.some((event) => event.hidden === true),
      'the cut hides parts',
    ).to.equal(true);
    expect((await setup.client.database.heads.get(RAHIMI))?.seq).to.equal(stored.length);
  });
});
