import { expect } from 'chai';
import {
  createCaseService,
  createHmacJournalSeal,
  describeJournal,
  generateHmacSealKey,
  MemoryCaseStore,
  SequentialIds,
  verifyJournal,
  GENESIS_HASH,
  type JournalEvent,
} from '@fallkit/core';
import { canonicalJson, foldPrivacy, hashEnvelope, hashPayload, upcastEvent } from '@fallkit/core/internal';
import { completeErasures } from '@fallkit/core/rights';
import { EXAMPLE_ACTORS, EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import { CASE_ID, consentInput, openBasicCase, privacyWorld } from '../privacy/privacy-fixtures.js';

/** The fields `hash` covers, as stored: everything but payload, note and the hash itself. */
function hashedEnvelope(event: JournalEvent): Record<string, unknown> {
  const { payload: _p, note: _n, hash: _h, ...envelope } = event;
  return envelope;
}

describe('journal rules of issue 13 (DP-43, DP-44)', () => {
  it('DP-43: no hashed envelope of any example journal holds free text: no reason, no names, only codes, ids and times', async function () {
    this.timeout(60_000);
    // The examples run closeCase, reviseGoal, updateMeasure, changeLeadAgency, endLegalDomain … with reasons.
    const { store } = await runExampleCases();
    let reasons = 0;
    for (const example of EXAMPLE_CASES) {
      for (const event of await store.readJournal(example.caseId)) {
        const envelope = hashedEnvelope(event);
        expect(Object.keys(envelope).sort()).to.deep.equal(
          [
            'actor',
            'at',
            'caseId',
            'id',
            'payloadHash',
            'prevHash',
            'schemaVersion',
            'seq',
            'type',
            ...(event.commandId ? ['commandId'] : []),
          ].sort(),
        );
        expect(Object.keys(event.actor).sort()).to.deep.equal(['agencyId', 'id', 'role']);
        const payloadText = canonicalJson(event.payload);
        if (/"reason(Note)?":"/.test(payloadText)) reasons += 1;
      }
    }
    // The reasons are there, in the erasable part.
    expect(reasons).to.be.greaterThan(5);
  });

  it('DP-43: a caller’s reason and the actor’s name are in the note, which payloadHash covers with the payload', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const noted = await world.service.execute({
      type: 'recordNote',
      caseId: CASE_ID,
      reason: 'Familie Muster ist nach Graz verzogen',
      input: { text: 'Telefonat' },
    });
    expect(noted.ok).to.equal(true);
    const event = (await world.store.readJournal(CASE_ID)).at(-1)!;
    expect(event.reason).to.equal(undefined);
    expect(event.note).to.deep.equal({
      reason: 'Familie Muster ist nach Graz verzogen',
      actorName: EXAMPLE_ACTORS.kimCaseManager.name,
    });
    expect(event.payloadHash).to.equal(await hashPayload(event.payload, event.note));
    expect(describeJournal([event])[0]!.reason).to.equal('Familie Muster ist nach Graz verzogen');
    // A changed note is a changed event (the erasable part is hashed), removing it is erasure's job alone.
    const verdict = await verifyJournal([
      ...(await world.store.readJournal(CASE_ID)).slice(0, -1),
      { ...event, note: { reason: 'anders' } },
    ]);
    expect(!verdict.ok && [verdict.problem.code, verdict.problem.seq]).to.deep.equal([
      'JOURNAL_PAYLOAD_HASH_MISMATCH',
      event.seq,
    ]);
  });

  it('DP-43: an old envelope with a reason stays verifiable with its stored hash; readers see it in the note (legacy, not erasable without a re-seal)', async () => {
    // An event as Fallkit wrote it before DP-43: reason and actor name inside the hashed envelope.
    const payload = { id: 'closure-1', reason: 'other', closedOn: '2026-01-10' };
    const envelope = {
      id: 'old-1',
      type: 'CaseClosed',
      schemaVersion: 1,
      caseId: 'old-case',
      seq: 1,
      at: '2026-01-10T09:00:00.000Z',
      actor: { id: 'u-1', role: 'caseManager' as const, agencyId: 'a-1', name: 'Anna Alt' },
      reason: 'Familie Muster nach Graz verzogen',
      payloadHash: await hashPayload(payload),
      prevHash: GENESIS_HASH,
    };
    const old: JournalEvent = { ...envelope, payload, hash: await hashEnvelope(envelope) };
    expect((await verifyJournal([old])).ok).to.equal(true);
    const upcast = upcastEvent(old);
    expect(upcast.reason).to.equal(undefined);
    expect(upcast.actor).to.deep.equal({ id: 'u-1', role: 'caseManager', agencyId: 'a-1' });
    expect(upcast.note).to.deep.equal({ reason: 'Familie Muster nach Graz verzogen', actorName: 'Anna Alt' });
    expect(describeJournal([old])[0]!.reason).to.equal('Familie Muster nach Graz verzogen');
    // Removing it breaks the stored hash: it can only go together with a re-seal by the controller.
    const { reason: _gone, ...stripped } = old;
    const verdict = await verifyJournal([stripped]);
    expect(verdict.ok).to.equal(false);
    if (!verdict.ok) expect([verdict.problem.code, verdict.problem.seq]).to.deep.equal(['JOURNAL_HASH_MISMATCH', 1]);
  });

  it('DP-44: forging the erasure marker of a ConsentWithdrawn event does not put the consent back in force: the journal is refused, naming the event', async () => {
    const world = privacyWorld();
    await openBasicCase(world);
    const recorded = await world.run('recordConsent', consentInput());
    const consentId = (recorded.events[0]!.payload as { id: string }).id;
    world.clock.set('2026-03-05T10:00:00.000Z');
    await world.run('withdrawConsent', { consentId });
    const journal = await world.store.readJournal(CASE_ID);
    const withdrawn = journal.find((event) => event.type === 'ConsentWithdrawn')!;
    const forged = journal.map((event) =>
      event.seq === withdrawn.seq
        ? { ...event, payload: { erased: true, erasedAt: '2026-03-06T00:00:00.000Z', rule: 'DP-32' } }
        : event,
    );
    // The forgery would bring the consent back …
    const withdrawalsOf = (events: readonly JournalEvent[]) =>
      foldPrivacy(events).consents.find((c) => c.record.id === consentId)?.withdrawals.length;
    expect(withdrawalsOf(journal)).to.equal(1);
    expect(withdrawalsOf(forged)).to.equal(0);
    // … but verification refuses it, on every read path.
    const verdict = await verifyJournal(forged);
    expect(verdict.ok).to.equal(false);
    if (!verdict.ok)
      expect([verdict.problem.code, verdict.problem.seq]).to.deep.equal([
        'JOURNAL_ERASURE_UNAUTHORISED',
        withdrawn.seq,
      ]);
    const tampered = new MemoryCaseStore();
    const wrapped = Object.assign(Object.create(tampered) as MemoryCaseStore, {
      readJournal: async () => forged,
      readSeal: async () => undefined,
    });
    const service = createCaseService({
      store: wrapped,
      clock: world.clock,
      ids: new SequentialIds(),
      actor: EXAMPLE_ACTORS.kimCaseManager,
    });
    const loaded = await service.loadCase(CASE_ID);
    expect(!loaded.ok && [loaded.errors[0]!.code, loaded.errors[0]!.rule, loaded.errors[0]!.path]).to.deep.equal([
      'JOURNAL_ERASURE_UNAUTHORISED',
      'DP-44',
      [CASE_ID, withdrawn.seq],
    ]);
  });

  it('DP-44: dropping the last event and re-hashing makes verification fail and names the event', async () => {
    const seal = createHmacJournalSeal(await generateHmacSealKey());
    const store = new MemoryCaseStore({ journalSeal: seal });
    const { results } = await runExampleCases({ store, cases: [EXAMPLE_CASES[0]!] });
    const caseId = results[0]!.caseId;
    const journal = await store.readJournal(caseId);
    const record = await store.readSeal(caseId);
    const verdict = await verifyJournal(journal.slice(0, -1), { seal: { port: seal, record } });
    expect(!verdict.ok && [verdict.problem.code, verdict.problem.seq]).to.deep.equal([
      'JOURNAL_TRUNCATED',
      journal.length,
    ]);
    expect((await verifyJournal(journal, { seal: { port: seal, record } })).ok).to.equal(true);
  });

  it('DP-44: completing an erasure refuses a journal that does not verify and erases nothing', async () => {
    const seal = createHmacJournalSeal(await generateHmacSealKey());
    const store = new MemoryCaseStore({ journalSeal: seal });
    const { results } = await runExampleCases({ store, cases: [EXAMPLE_CASES[0]!] });
    const caseId = results[0]!.caseId;
    const journal = await store.readJournal(caseId);
    let erased = 0;
    const truncated = Object.assign(Object.create(store) as MemoryCaseStore, {
      readJournal: async () => journal.slice(0, -1),
      readSeal: (id: string) => store.readSeal(id),
      erasePayloads: async () => {
        erased += 1;
        return { ok: true as const, lastSeq: 0 };
      },
      journalSeal: seal,
    });
    const outcome = await completeErasures(truncated, caseId, { now: () => '2026-07-01T12:00:00.000Z' });
    expect(!outcome.ok && [outcome.errors[0]!.code, outcome.errors[0]!.path]).to.deep.equal([
      'JOURNAL_TRUNCATED',
      [caseId, journal.length],
    ]);
    expect(erased).to.equal(0);
  });
});
