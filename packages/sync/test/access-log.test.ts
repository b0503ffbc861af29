/*
 * The device's access log goes up (issue 15, DP-28): the reads the actor made on this device, logged in the
 * agency's log in the local store, are sent after the push, each with its entry id, and the server records each
 * once; an answer lost on the way sends them again and the server replays them (exactly once). Only the actor's
 * own entries go (DP-40); one the server refuses for good is left out and the rest are recorded; a server
 * without the route keeps the log on the device.
 */
import { expect } from 'chai';
import { FixedClock, createCaseViews, randomIds, type AccessLogEntry } from '@fallkit/core';
import { accessLogStreamId, appendAccessLog } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS } from '@fallkit/core/examples';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, openCaseCommand } from './helpers.js';

const CASE = 'F-LOG-1';
const clock = new FixedClock('2026-03-02T10:00:00.000Z');

/** A synced device with the core's views over it; the case opened and synced. */
async function readingDevice(server: FakeSyncServer) {
  const transport = new FakeTransport(server, ACTOR);
  const setup = await device(transport);
  const views = createCaseViews({ service: setup.client.service, store: setup.store, clock, ids: randomIds });
  expect((await setup.client.service.execute(openCaseCommand(CASE))).ok).to.equal(true);
  const first = await setup.client.syncNow();
  expect(first.ok, JSON.stringify(first)).to.equal(true);
  return { ...setup, transport, views };
}

async function serverLog(server: FakeSyncServer): Promise<AccessLogEntry[]> {
  return (await server.store.readJournal(accessLogStreamId(ACTOR.agencyId)))
    .map((e) => e.payload as AccessLogEntry)
    .filter((e) => e.channel !== 'sync');
}

async function deviceLog(store: { readJournal(caseId: string): Promise<{ id: string; payload: unknown }[]> }) {
  return store.readJournal(accessLogStreamId(ACTOR.agencyId));
}

describe("@fallkit/sync: the device's access log goes up (issue 15)", () => {
  afterEach(cleanUp);

  it('DP-28: reads made on the device are recorded on the server once each, with their entry ids; the next round sends nothing again', async () => {
    const server = new FakeSyncServer();
    const a = await readingDevice(server);
    expect((await a.views.viewCase(CASE, 'caseManagement')).ok).to.equal(true);
    expect((await a.views.history(CASE, 'caseManagement')).ok).to.equal(true);
    const local = await deviceLog(a.store);
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && [round.value.accessLogged, round.value.accessLogRefusals.length]).to.deep.equal([
      local.length,
      0,
    ]);
    const logged = await serverLog(server);
    expect(logged.map((e) => e.entryId)).to.deep.equal(local.map((e) => (e.payload as AccessLogEntry).entryId ?? e.id));
    expect(logged.every((e) => e.actorId === ACTOR.id && e.caseId === CASE)).to.equal(true);
    expect(logged.map((e) => e.channel)).to.include.members(['view', 'history']);
    const uploads = server.accessLogUploads;
    const again = await a.client.syncNow();
    expect(again.ok && again.value.accessLogged).to.equal(0);
    expect(server.accessLogUploads, 'the cursor moved past what went up').to.equal(uploads);
    expect(await serverLog(server)).to.have.length(logged.length);
  });

  it('DP-28: an answer lost on the way: the round fails, the entries are sent again and the server records them once (exactly once)', async () => {
    const server = new FakeSyncServer();
    const a = await readingDevice(server);
    expect((await a.views.viewCase(CASE, 'caseManagement')).ok).to.equal(true);
    a.transport.faults.dropAccessLogAnswers = 1;
    const lost = await a.client.syncNow();
    expect(!lost.ok && lost.errors[0]!.code).to.equal('SYNC_OFFLINE');
    const once = await serverLog(server);
    expect(once.length).to.be.greaterThan(0);
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && round.value.accessLogged, 'all replayed, none recorded again').to.equal(0);
    expect(a.transport.accessLogBodies.at(-1)!.length).to.equal(once.length);
    const logged = await serverLog(server);
    expect(logged.map((e) => e.entryId)).to.deep.equal(once.map((e) => e.entryId));
    expect(new Set(logged.map((e) => e.entryId)).size).to.equal(logged.length);
  });

  it("DP-40: only the actor's own entries go; an entry the server refuses for good is left out, the others are recorded", async () => {
    const server = new FakeSyncServer();
    const a = await readingDevice(server);
    const base = (entryId: string, over: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
      caseId: CASE,
      actorId: ACTOR.id,
      role: ACTOR.role,
      agencyId: ACTOR.agencyId,
      purpose: 'caseManagement',
      categories: [],
      outcome: 'allow',
      redacted: 0,
      breakGlass: false,
      channel: 'view',
      at: '2026-03-02T10:00:00.000Z',
      entryId,
      ...over,
    });
    const other = EXAMPLE_ACTORS.jobcenterCaseManager2;
    const appended = await appendAccessLog({ store: a.store, clock, ids: randomIds }, ACTOR, [
      base('access-own-1'),
      base('access-bad', { at: 'gestern' }),
      base('access-other', { actorId: other.id }),
      base('access-own-2'),
    ]);
    expect(appended.ok).to.equal(true);
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && round.value.accessLogged).to.equal(2);
    expect(round.ok && round.value.accessLogRefusals.map((r) => r.code)).to.deep.equal(['ACCESS_LOG_UPLOAD_INVALID']);
    expect(round.ok && round.value.accessLogRefusals[0]!.message.de.length).to.be.greaterThan(0);
    expect((await serverLog(server)).map((e) => e.entryId)).to.deep.equal(['access-own-1', 'access-own-2']);
    // Another person's entry never crossed the wire; it stays in the device's log.
    expect(JSON.stringify(a.transport.accessLogBodies)).to.not.contain(other.id);
    expect((await deviceLog(a.store)).some((e) => (e.payload as AccessLogEntry).actorId === other.id)).to.equal(true);
  });

  it('DP-28: a server without the route keeps the log on the device; once it takes it, the entries go up', async () => {
    const server = new FakeSyncServer();
    const a = await readingDevice(server);
    expect((await a.views.viewCase(CASE, 'caseManagement')).ok).to.equal(true);
    a.transport.faults.noAccessLogRoute = true;
    const round = await a.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(round.ok && round.value.accessLogged).to.equal(0);
    expect(await serverLog(server)).to.deep.equal([]);
    a.transport.faults.noAccessLogRoute = false;
    const later = await a.client.syncNow();
    expect(later.ok && later.value.accessLogged).to.equal((await deviceLog(a.store)).length);
  });
});
