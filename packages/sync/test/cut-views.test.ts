import { expect } from 'chai';
import { FixedClock, createCaseViews, randomIds } from '@fallkit/core';
import { withCutViews } from '@fallkit/core/sync';
import { syncDatabaseName, type FeedChange } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, rawText, rawValues } from './helpers.js';

const RAHIMI = 'kim-2026-0001';

/** The device's views as `openSyncedDevice` builds them: the core's views, cut cases read as their decided view. */
function viewsOf(setup: Awaited<ReturnType<typeof device>>) {
  const clock = new FixedClock('2026-03-02T10:00:00.000Z');
  return withCutViews({
    views: createCaseViews({ service: setup.client.service, store: setup.store, clock, ids: randomIds }),
    cuts: setup.client.cuts,
    store: setup.store,
    clock,
  });
}

describe('@fallkit/sync: a case held as a journal cut (issue 15)', () => {
  afterEach(cleanUp);

  it("DP-24, DP-37: the Jobcenter's device takes the Rahimi cut, keeps the decided view sealed, opens and lists the case from it", async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    const setup = await device(new FakeTransport(server, ACTOR));
    const round = await setup.client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(await setup.client.cuts.has(RAHIMI)).to.equal(true);
    const views = viewsOf(setup);
    const view = await views.viewCase(RAHIMI, 'caseManagement');
    expect(view.ok, JSON.stringify(view.ok ? '' : view.errors)).to.equal(true);
    expect(view.ok && view.value.caseId).to.equal(RAHIMI);
    expect(JSON.stringify(view)).to.not.include('Rückenschmerzen');
    const other = await views.viewCase(RAHIMI, 'statistics');
    expect(other.ok ? 'ok' : other.errors[0]!.code).to.equal('SYNC_CUT_PURPOSE');
    const list = await views.caseList();
    expect(list.ok && list.value.map((r) => r.caseId)).to.include(RAHIMI);
    // The view is sealed at rest like the outbox: no person's name in clear in the sync database.
    const raw = rawText(await rawValues(syncDatabaseName(setup.name), 'cuts'));
    expect(raw).to.include(RAHIMI);
    expect(raw).to.not.include('Rahimi');
  });

  it('DP-24: a live view of a cut case emits the decided view, and the new one after the next pull', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    server.clock.set((await server.store.readJournal(RAHIMI)).at(-1)!.at);
    const setup = await device(new FakeTransport(server, ACTOR));
    expect((await setup.client.syncNow()).ok).to.equal(true);
    const seen: (number | string)[] = [];
    const subscription = viewsOf(setup)
      .observeCaseView(RAHIMI, 'caseManagement')
      .subscribe((view) =>
        seen.push(view === undefined ? 'none' : view.ok ? view.value.case.lastSeq : view.errors[0]!.code),
      );
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
    };
    const head = (await setup.store.readJournal(RAHIMI)).length;
    await waitFor(() => seen.includes(head));
    expect(seen).to.include(head);
    // Another writer on the server (the Jobcenter itself, from another device): the next pull brings a new cut.
    const other = await server.executeAs(ACTOR, {
      caseId: RAHIMI,
      commands: [{ type: 'recordContact', caseId: RAHIMI, input: { mode: 'phone', note: 'Rückruf' } }] as never,
    });
    expect(other.ok, JSON.stringify(other)).to.equal(true);
    expect((await setup.client.syncNow()).ok).to.equal(true);
    await waitFor(() => seen.includes(head + 1));
    subscription.unsubscribe();
    expect(seen.at(-1)).to.equal(head + 1);
  });

  it('a write to a cut case is queued for the server undecided (pending, nothing applied locally) and the server decides it', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    // The server decides on the day after the examples' last event (the Jobcenter holds the case then).
    const last = (await server.store.readJournal(RAHIMI)).at(-1)!.at;
    server.clock.set(last);
    const transport = new FakeTransport(server, ACTOR);
    const setup = await device(transport);
    expect((await setup.client.syncNow()).ok).to.equal(true);
    const before = await setup.store.readJournal(RAHIMI);
    transport.faults.offline = true;
    const written = await setup.client.service.execute({
      type: 'recordContact',
      caseId: RAHIMI,
      input: { mode: 'phone', note: 'Telefonat zur Arbeitsaufnahme' },
    } as never);
    expect(written.ok, JSON.stringify(written)).to.equal(true);
    expect(written.ok && (written.value as { pending?: true }).pending).to.equal(true);
    expect(written.ok && written.value.events).to.deep.equal([]);
    expect(await setup.store.readJournal(RAHIMI)).to.deep.equal(before);
    expect(await setup.client.database.outbox.count()).to.equal(1);
    transport.faults.offline = false;
    const round = await setup.client.syncNow();
    expect(round.ok && round.value.applied, JSON.stringify(round)).to.equal(1);
    expect(await setup.client.database.outbox.count()).to.equal(0);
    const after = await setup.store.readJournal(RAHIMI);
    expect(after.length).to.equal(before.length + 1);
    const view = await viewsOf(setup).viewCase(RAHIMI, 'caseManagement');
    expect(view.ok && view.value.case.lastSeq).to.equal(after.length);
  });

  it('DP-24, DP-38: a cut whose view does not belong to it (another head) is refused with SYNC_CUT_VIEW_MISMATCH and nothing is stored', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    server.tamper = (change: FeedChange) =>
      change.kind === 'journal' && change.view !== undefined
        ? { ...change, view: { ...change.view, case: { ...change.view.case, lastSeq: 1 } } }
        : change;
    const setup = await device(new FakeTransport(server, ACTOR));
    const round = await setup.client.syncNow();
    expect(round.ok).to.equal(false);
    if (round.ok) return;
    expect(round.errors.map((e) => e.code)).to.include.members(['SYNC_JOURNAL_REFUSED', 'SYNC_CUT_VIEW_MISMATCH']);
    expect(await setup.client.cuts.list()).to.deep.equal([]);
    const cutCases = ['kim-2026-0001'];
    for (const caseId of cutCases) expect(await setup.store.readJournal(caseId)).to.deep.equal([]);
  });

  it('DP-36: a device that loses access gets revoked and drops the case, its decided view with it', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    const setup = await device(new FakeTransport(server, ACTOR));
    expect((await setup.client.syncNow()).ok).to.equal(true);
    expect(await setup.client.cuts.has(RAHIMI)).to.equal(true);
    server.revoke(RAHIMI);
    expect((await setup.client.syncNow()).ok).to.equal(true);
    expect(await setup.client.cuts.has(RAHIMI)).to.equal(false);
    expect(await setup.store.readJournal(RAHIMI)).to.deep.equal([]);
    const view = await viewsOf(setup).viewCase(RAHIMI, 'caseManagement');
    expect(view.ok).to.equal(false);
  });
});
