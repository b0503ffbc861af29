import { expect } from 'chai';
import type { PushRequest } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand } from './helpers.js';

/*
 * Issue 15: several commands queued offline on one case each carry the position they were decided on: the
 * server's journal position the device held (`baseSeq`) and the device's own earlier commands on the case
 * (`after`), so the server decides the second on top of the first and never reports a conflict between a
 * device's own writes (the server's side of it: packages/server/test/suites/sync-server.ts, on PGlite and
 * PostgreSQL). Here: what the device queues and pushes.
 */

const RAHIMI = 'kim-2026-0001';

function contact(note: string) {
  return { type: 'recordContact', caseId: RAHIMI, input: { mode: 'phone', note } } as never;
}

/** A transport that keeps every pushed entry, as it went over the wire. */
class RecordingTransport extends FakeTransport {
  readonly pushed: PushRequest['commands'][number][] = [];
  override async push(request: PushRequest) {
    if (!this.faults.offline) this.pushed.push(...(JSON.parse(JSON.stringify(request)) as PushRequest).commands);
    return super.push(request);
  }
}

describe('@fallkit/sync: queued writes carry the position they were decided on (issue 15)', () => {
  afterEach(cleanUp);

  it('a cut case: two writes queued offline share the cut head as baseSeq, the second names the first in after; a write queued after the first was applied (pull cut off) names it too', async () => {
    const server = new FakeSyncServer();
    server.cutFor = ACTOR;
    await server.seedExamples();
    server.clock.set((await server.store.readJournal(RAHIMI)).at(-1)!.at);
    const transport = new RecordingTransport(server, ACTOR);
    const setup = await device(transport);
    expect((await setup.client.syncNow()).ok).to.equal(true);
    const head = (await setup.client.cuts.view(RAHIMI))!.case.lastSeq as number;
    transport.faults.offline = true;
    const first = await setup.client.service.execute(contact('erstes Telefonat'));
    const second = await setup.client.service.execute(contact('zweites Telefonat'));
    expect(first.ok && second.ok, JSON.stringify([first, second])).to.equal(true);
    const rows = await setup.client.database.outbox.orderBy('order').toArray();
    expect(rows.map((r) => ({ baseSeq: r.baseSeq, after: r.after }))).to.deep.equal([
      { baseSeq: head, after: [] },
      { baseSeq: head, after: [rows[0]!.commandId] },
    ]);
    // Back online: both are pushed, but the pull is cut off, so the cut on the device is still the old one.
    transport.faults.offline = false;
    transport.faults.cutFeedCall = transport.feedCalls + 1;
    const round = await setup.client.syncNow();
    expect(round.ok).to.equal(false);
    expect(transport.pushed.map((e) => e.after)).to.deep.equal([[], [rows[0]!.commandId]]);
    expect(await setup.client.database.outbox.count()).to.equal(0);
    expect((await setup.client.cuts.view(RAHIMI))!.case.lastSeq).to.equal(head);
    const third = await setup.client.service.execute(contact('drittes Telefonat'));
    expect(third.ok).to.equal(true);
    const [row] = await setup.client.database.outbox.toArray();
    expect(row!.baseSeq).to.equal(head);
    expect(row!.after).to.deep.equal([rows[0]!.commandId, rows[1]!.commandId]);
    // The next cut holds the applied two: they are forgotten, and the third goes out as queued.
    expect((await setup.client.syncNow()).ok).to.equal(true);
    expect(transport.pushed.at(-1)!.after).to.deep.equal([rows[0]!.commandId, rows[1]!.commandId]);
    expect(await setup.client.cuts.appliedSince(RAHIMI)).to.deep.equal([]);
  });

  it("a whole case: the second of two writes decided offline goes with the server's position and the first in after, not with the local head that counts the first's own events", async () => {
    const server = new FakeSyncServer();
    await server.executeAs(ACTOR, { caseId: 'F-POS', commands: [openCaseCommand('F-POS')] });
    const transport = new RecordingTransport(server, ACTOR);
    const setup = await device(transport);
    expect((await setup.client.syncNow()).ok).to.equal(true);
    const serverHead = (await setup.client.database.heads.get('F-POS'))!.seq;
    transport.faults.offline = true;
    const first = await setup.client.service.execute(noteCommand('F-POS', 'erste Notiz') as never);
    const second = await setup.client.service.execute(noteCommand('F-POS', 'zweite Notiz') as never);
    expect(first.ok && second.ok).to.equal(true);
    // Decided locally: the local journal is one longer after the first.
    expect((await setup.store.readJournal('F-POS')).length).to.equal(serverHead + 2);
    const rows = await setup.client.database.outbox.orderBy('order').toArray();
    expect(rows.map((r) => ({ baseSeq: r.baseSeq, after: r.after }))).to.deep.equal([
      { baseSeq: serverHead, after: [] },
      { baseSeq: serverHead, after: [rows[0]!.commandId] },
    ]);
    transport.faults.offline = false;
    const round = await setup.client.syncNow();
    expect(round.ok && round.value.applied, JSON.stringify(round)).to.equal(2);
    expect(transport.pushed.map((e) => [e.baseSeq, e.after])).to.deep.equal([
      [serverHead, []],
      [serverHead, [rows[0]!.commandId]],
    ]);
  });
});
