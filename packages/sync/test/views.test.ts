import { expect } from 'chai';
import { FixedClock, createCaseViews, randomIds } from '@fallkit/core';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand } from './helpers.js';

describe('@fallkit/sync with the core views: the decided channels read the synced store', () => {
  afterEach(cleanUp);

  it("DP-23: a live view over the synced service keeps working when the sync replaces the journal with the server's", async () => {
    const server = new FakeSyncServer();
    const transport = new FakeTransport(server, ACTOR);
    transport.faults.offline = true;
    const { client, store } = await device(transport);
    const views = createCaseViews({
      service: client.service,
      store,
      clock: new FixedClock('2026-03-02T10:00:00.000Z'),
      ids: randomIds,
    });
    expect((await client.service.execute(openCaseCommand('F-V1'))).ok).to.equal(true);
    expect((await client.service.execute(noteCommand('F-V1', 'Offline notiert'))).ok).to.equal(true);
    const seen: { ok: boolean; notes: number; code?: string }[] = [];
    const subscription = views.observeCaseView('F-V1', 'caseManagement').subscribe({
      next: (view) => {
        if (view === undefined) seen.push({ ok: false, notes: 0, code: 'CASE_NOT_FOUND' });
        else if (view.ok) seen.push({ ok: true, notes: view.value.case.notes.length });
        else seen.push({ ok: false, notes: 0, code: view.errors[0]!.code });
      },
      error: (error) => seen.push({ ok: false, notes: 0, code: String(error) }),
    });
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 20));
    };
    await waitFor(() => seen.some((s) => s.ok && s.notes === 1));
    expect(seen.at(-1)).to.deep.equal({ ok: true, notes: 1 });
    // The device comes back: its two commands are pushed, the server's journal replaces the local one.
    transport.faults.offline = false;
    const round = await client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    const serverHashes = (await server.store.readJournal('F-V1')).map((e) => e.hash);
    expect((await store.readJournal('F-V1')).map((e) => e.hash)).to.deep.equal(serverHashes);
    const before = seen.length;
    await waitFor(() => seen.length > before && seen.at(-1)!.ok);
    // The view still reads (no JOURNAL_VERIFIED_HEAD_CHANGED for a replace the sync made), with the note once.
    expect(
      seen.slice(before).every((s) => s.ok || s.code === 'CASE_NOT_FOUND'),
      JSON.stringify(seen),
    ).to.equal(true);
    expect(seen.at(-1)).to.deep.equal({ ok: true, notes: 1 });
    const verified = await client.service.readVerifiedJournal('F-V1');
    expect(verified.ok && verified.value.map((e) => e.hash)).to.deep.equal(serverHashes);
    subscription.unsubscribe();
  });
});
