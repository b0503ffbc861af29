import { expect } from 'chai';
import { backoffDelay } from '../src/index.js';
import { FakeSyncServer, FakeTransport } from './fake-server.js';
import { ACTOR, cleanUp, device, noteCommand, openCaseCommand } from './helpers.js';

describe('@fallkit/sync push: re-sent after a failure, applied once', () => {
  afterEach(cleanUp);

  it('backoff grows exponentially with jitter, never below half, capped', () => {
    const half = backoffDelay(1, { baseMs: 1000, random: () => 0 });
    const full = backoffDelay(1, { baseMs: 1000, random: () => 0.999999 });
    expect([half, full]).to.deep.equal([500, 1000]);
    expect(backoffDelay(4, { baseMs: 1000, random: () => 0.5 })).to.equal(6000);
    expect(backoffDelay(40, { baseMs: 1000, maxMs: 60_000, random: () => 0.5 })).to.equal(45_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(spread.size).to.be.greaterThan(1);
  });

  it('an answer lost on the way back: the outbox re-sends, the server applies once and answers replayed', async () => {
    const server = new FakeSyncServer();
    const transport = new FakeTransport(server, ACTOR);
    const { client, timers } = await device(transport);
    client.start();
    await client.syncNow(); // the first round at start: nothing to push yet
    timers.delays.length = 0;
    transport.faults.dropPushAnswers = 2;
    await client.service.execute(openCaseCommand('F-10'));
    await client.service.execute(noteCommand('F-10', 'Zweimal gesendet'));
    // Rounds one and two: carried out by the server, answers lost; the commands stay queued.
    let round = await client.syncNow();
    while (!round.ok && transport.faults.dropPushAnswers > 0) round = await client.syncNow();
    if (!round.ok) round = await client.syncNow();
    expect(round.ok, JSON.stringify(round)).to.equal(true);
    expect(transport.pushCalls).to.be.at.least(3);
    // Every command applied exactly once on the server, though sent more than once.
    expect([...server.appliedCount.values()]).to.deep.equal([1, 1]);
    const journal = await server.store.readJournal('F-10');
    expect(journal.filter((e) => e.type === 'NoteRecorded')).to.have.length(1);
    expect(journal.filter((e) => e.type === 'CaseOpened')).to.have.length(1);
    expect(await client.database.table('outbox').count()).to.equal(0);
    // The failed rounds scheduled retries with growing delays (1 s then 2 s, jitter fixed at 0.5), then the timer.
    expect(timers.delays.slice(0, 2)).to.deep.equal([750, 1500]);
    expect(timers.delays.at(-1)).to.equal(30_000);
    // The device holds the server's journal, with the note once.
    const local = await client.service.loadCaseUnchecked('F-10');
    expect(local.ok && local.value.events.filter((e) => e.type === 'NoteRecorded')).to.have.length(1);
  });

  it('a push that never arrived is retried; the status says offline and the error in words, then clears', async () => {
    const server = new FakeSyncServer();
    const transport = new FakeTransport(server, ACTOR);
    const { client } = await device(transport);
    const seen: { online: boolean; pending: number; error?: string }[] = [];
    client.status.subscribe((s) =>
      seen.push({ online: s.online, pending: s.pending, ...(s.error ? { error: s.error.message.de } : {}) }),
    );
    transport.faults.failPushes = 1;
    await client.service.execute(openCaseCommand('F-11'));
    const failed = await client.syncNow();
    expect(failed.ok).to.equal(false);
    const down = seen.at(-1)!;
    expect(down.online).to.equal(false);
    expect(down.pending).to.equal(1);
    expect(down.error).to.match(/Keine Verbindung/);
    expect(server.appliedCount.size).to.equal(0);
    const again = await client.syncNow();
    expect(again.ok).to.equal(true);
    const up = seen.at(-1)!;
    expect(up).to.deep.equal({ online: true, pending: 0 });
    expect([...server.appliedCount.values()]).to.deep.equal([1]);
  });
});
