import { expect } from 'chai';
import { verifyJournal } from '@fallkit/core';
import { cleanUp, erasureDecision, freshName, indexRow, makeEvents, nextMatching, openStore } from './helpers.js';

describe('DexieCaseStore across connections (two tabs)', () => {
  afterEach(cleanUp);

  it('lets exactly one of two connections win a concurrent append; the other gets STORE_CONFLICT', async () => {
    const name = freshName();
    const tabA = await openStore({ name });
    const tabB = await openStore({ name });
    expect(tabA.database).to.not.equal(tabB.database);
    const base = await makeEvents('case-1', 1);
    expect(
      (await tabA.append({ caseId: 'case-1', expectedSeq: 0, events: base, index: indexRow('case-1', 1) })).ok,
    ).to.equal(true);
    const fromA = await makeEvents('case-1', 2, base[0]);
    const fromB = await makeEvents('case-1', 3, base[0], '2026-03-03T10:00:00.000Z');
    const [a, b] = await Promise.all([
      tabA.append({
        caseId: 'case-1',
        expectedSeq: 1,
        events: fromA,
        index: indexRow('case-1', 3, { stage: 'planning' }),
      }),
      tabB.append({
        caseId: 'case-1',
        expectedSeq: 1,
        events: fromB,
        index: indexRow('case-1', 4, { stage: 'monitoring' }),
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).to.have.length(1);
    const loser = a.ok ? b : a;
    expect(loser.ok).to.equal(false);
    if (!loser.ok) {
      expect(loser.errors[0]?.code).to.equal('STORE_CONFLICT');
      expect(loser.errors[0]?.message.de).to.match(/geändert/);
    }
    const winnerEvents = a.ok ? fromA : fromB;
    const journal = await tabB.readJournal('case-1');
    expect(journal.map((e) => e.id)).to.deep.equal([...base, ...winnerEvents].map((e) => e.id));
    expect((await verifyJournal(journal)).ok).to.equal(true);
    expect((await tabB.getCase('case-1'))?.stage).to.equal(a.ok ? 'planning' : 'monitoring');
  });

  it('refuses a second connection that appends on a stale view, leaving no silent overwrite', async () => {
    const name = freshName();
    const tabA = await openStore({ name });
    const tabB = await openStore({ name });
    const base = await makeEvents('case-1', 2);
    await tabA.append({ caseId: 'case-1', expectedSeq: 0, events: base, index: indexRow('case-1', 2) });
    const seenByB = await tabB.readJournal('case-1');
    await tabA.append({
      caseId: 'case-1',
      expectedSeq: 2,
      events: await makeEvents('case-1', 1, base[1]),
      index: indexRow('case-1', 3),
    });
    const stale = await tabB.append({
      caseId: 'case-1',
      expectedSeq: seenByB.length,
      events: await makeEvents('case-1', 1, seenByB.at(-1)),
      index: indexRow('case-1', 3),
    });
    expect(stale.ok).to.equal(false);
    if (!stale.ok) expect(stale.errors[0]?.code).to.equal('STORE_CONFLICT');
    expect(await tabA.readJournal('case-1')).to.have.length(3);
  });

  it("pushes another connection's append to a live journal and a live caseload", async () => {
    const name = freshName();
    const tabA = await openStore({ name });
    const tabB = await openStore({ name });
    const journalInA = nextMatching(tabA.observeJournal('case-7'), (events) => events.length === 2);
    const caseloadInA = nextMatching(
      tabA.observeCases({ caseManagerId: 'user-ben', stage: 'planning' }),
      (rows) => rows.length === 1,
    );
    await tabB.append({
      caseId: 'case-7',
      expectedSeq: 0,
      events: await makeEvents('case-7', 2),
      index: indexRow('case-7', 2, { caseManagerIds: ['user-ben'], stage: 'planning' }),
    });
    expect((await journalInA).map((e) => e.seq)).to.deep.equal([1, 2]);
    expect((await caseloadInA).map((row) => row.caseId)).to.deep.equal(['case-7']);
  });

  it('pushes live values across connections with encryption on, decrypted', async () => {
    const name = freshName();
    const tabA = await openStore({ name, encryption: { passphrase: 'Geheimes Kennwort 2026 #3' } });
    const tabB = await openStore({ name, encryption: { passphrase: 'Geheimes Kennwort 2026 #3' } });
    const journalInA = nextMatching(tabA.observeJournal('case-8'), (events) => events.length === 1);
    const events = await makeEvents('case-8', 1);
    await tabB.append({ caseId: 'case-8', expectedSeq: 0, events, index: indexRow('case-8', 1) });
    expect((await journalInA)[0]?.payload).to.deep.equal(events[0]?.payload);
  });

  it('reads and appends correctly in a second tab after the first one re-keyed a case by erasure', async () => {
    const name = freshName();
    const tabA = await openStore({ name, encryption: { passphrase: 'Geheimes Kennwort 2026 #3' } });
    const tabB = await openStore({ name, encryption: { passphrase: 'Geheimes Kennwort 2026 #3' } });
    const notes = await makeEvents('case-9', 2);
    const events = [...notes, await erasureDecision('case-9', notes[1]!, [1])];
    await tabA.append({ caseId: 'case-9', expectedSeq: 0, events, index: indexRow('case-9', 3) });
    expect(await tabB.readJournal('case-9')).to.deep.equal(events); // tab B caches the case key
    expect((await tabA.erasePayloads('case-9', [1], '2026-05-01T00:00:00.000Z', 'DP-32')).ok).to.equal(true);
    const seenByB = await tabB.readJournal('case-9');
    expect(seenByB[1]?.payload).to.deep.equal(events[1]?.payload);
    expect((seenByB[0]?.payload as { erased?: boolean }).erased).to.equal(true);
    const more = await makeEvents('case-9', 1, events[2]);
    const first = await tabB.append({ caseId: 'case-9', expectedSeq: 3, events: more, index: indexRow('case-9', 4) });
    const settled = first.ok
      ? first
      : await tabB.append({ caseId: 'case-9', expectedSeq: 3, events: more, index: indexRow('case-9', 4) });
    expect(settled.ok).to.equal(true);
    const journal = await tabA.readJournal('case-9');
    expect(journal.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4]);
    expect((await verifyJournal(journal)).ok).to.equal(true);
  });
});
