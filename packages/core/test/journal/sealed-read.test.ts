import { expect } from 'chai';
import * as z from 'zod/mini';
import {
  createCaseService,
  createHmacJournalSeal,
  FixedClock,
  generateHmacSealKey,
  MemoryCaseStore,
  SequentialIds,
  type CaseStore,
  type JournalEvent,
  type JournalSeal,
  type JournalSealRecord,
} from '@fallkit/core';
import { createCaseReader, defineEvent, sealEvents, type PayloadCheck } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, EXAMPLE_CASES, runExampleCases } from '@fallkit/core/examples';
import { createSealedReadPayloadCheck, createStoredPayloadCheck } from '../../src/events/stored-payload-check.js';

/**
 * Issue 18: on a sealed store the case reader does not parse payloads at their current version again (the
 * writer that signed the head checked them). These tests show what still refuses a changed row on that path
 * (the hash chain, the seal), and that a store without a seal still gets the payload check on every read.
 */

const example = EXAMPLE_CASES.find((e) => e.key === 'yildiz')!;
const caseId = example.caseId;

/** A store that hands out the given rows and seal for the case, as an attacker with access to the stored data left them. */
function rawStore(rows: readonly JournalEvent[], record: JournalSealRecord | undefined, seal?: JournalSeal): CaseStore {
  const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
  return {
    journalSeal: seal,
    readJournal: async (_id: string, options: { afterSeq?: number } = {}) =>
      copy(rows).filter((event) => event.seq > (options.afterSeq ?? 0)),
    readSeal: async () => copy(record),
  } as unknown as CaseStore;
}

/** The example's journal, chained and sealed by a case service on a store with an HMAC seal. */
async function sealedJournal(): Promise<{ seal: JournalSeal; rows: JournalEvent[]; record: JournalSealRecord }> {
  const seal = createHmacJournalSeal(await generateHmacSealKey());
  const store = new MemoryCaseStore({ journalSeal: seal });
  await runExampleCases({ store, cases: [example] });
  return { seal, rows: await store.readJournal(caseId), record: (await store.readSeal(caseId))! };
}

/** The journal re-chained from scratch with the closure's reason replaced by one its schema does not allow. */
async function rehashedWithInvalidClosure(rows: readonly JournalEvent[]): Promise<JournalEvent[]> {
  return sealEvents(
    rows.map((e) => ({
      type: e.type,
      schemaVersion: e.schemaVersion,
      payload: e.type === 'CaseClosed' ? { ...(e.payload as object), reason: 'bored' } : e.payload,
    })),
    { caseId, last: undefined, at: rows[0]!.at, actor: rows[0]!.actor, newId: () => crypto.randomUUID() },
  );
}

function serviceOver(store: CaseStore) {
  return createCaseService({
    store,
    clock: new FixedClock('2026-09-01T10:00:00.000Z'),
    ids: new SequentialIds(),
    actor: EXAMPLE_ACTORS.kimCaseManager,
  });
}

async function refusalOf(store: CaseStore): Promise<{ code: string; rule?: string; path?: readonly unknown[] }> {
  const loaded = await serviceOver(store).loadCase(caseId);
  expect(loaded.ok, 'the tampered journal must be refused').to.equal(false);
  if (loaded.ok) throw new Error('unreachable');
  const [first] = loaded.errors;
  return { code: first!.code, ...(first!.rule === undefined ? {} : { rule: first!.rule }), path: first!.path ?? [] };
}

describe('sealed read without a payload re-parse (issue 18, DP-38, DP-44)', () => {
  it('DP-38 / DP-44: the sealed read runs no schema over current-version payloads, and the untouched journal loads', async () => {
    const { seal, rows, record } = await sealedJournal();
    let fullChecks = 0;
    const full = createStoredPayloadCheck();
    const counting: PayloadCheck = (event) => {
      fullChecks += 1;
      return full(event);
    };
    const sealedCheck = createSealedReadPayloadCheck();
    const read = await createCaseReader(rawStore(rows, record, seal), {
      seal,
      checkPayload: counting,
      checkSealedPayload: sealedCheck,
    }).read(caseId);
    expect(read.ok).to.equal(true);
    expect(fullChecks, 'no payload parsed again on the sealed read').to.equal(0);
    // Without the seal the same reader checks every payload (erased ones aside: none here).
    const unsealed = await createCaseReader(rawStore(rows, undefined), {
      checkPayload: counting,
      checkSealedPayload: sealedCheck,
    }).read(caseId);
    expect(unsealed.ok).to.equal(true);
    expect(fullChecks).to.equal(rows.length);
    // And through the service, as a host reads it.
    expect((await serviceOver(rawStore(rows, record, seal)).loadCase(caseId)).ok).to.equal(true);
  });

  it('DP-38: on the sealed read, a payload changed in place (valid or not for its schema) breaks its payloadHash and is refused, naming the event', async () => {
    const { seal, rows, record } = await sealedJournal();
    const closed = rows.findIndex((e) => e.type === 'CaseClosed');
    expect(closed).to.be.greaterThan(0);
    for (const tampered of [
      // Not allowed by the schema: only the chain can catch it on this path.
      rows.map((e, i) => (i === closed ? { ...e, payload: { ...(e.payload as object), reason: 'bored' } } : e)),
      // Allowed by the schema: no schema check could ever catch it.
      rows.map((e, i) => (i === closed ? { ...e, payload: { ...(e.payload as object), on: '2026-01-01' } } : e)),
    ]) {
      expect(await refusalOf(rawStore(tampered, record, seal))).to.deep.equal({
        code: 'JOURNAL_PAYLOAD_HASH_MISMATCH',
        rule: 'DP-38',
        path: [caseId, rows[closed]!.seq],
      });
    }
  });

  it('DP-44: on the sealed read, a journal re-hashed around a payload its schema refuses is refused by the seal, never folded', async () => {
    const { seal, rows, record } = await sealedJournal();
    const forged = await rehashedWithInvalidClosure(rows);
    const last = forged.at(-1)!;
    // The stored seal no longer matches the re-hashed head.
    expect(await refusalOf(rawStore(forged, record, seal))).to.deep.equal({
      code: 'JOURNAL_SEAL_MISMATCH',
      rule: 'DP-44',
      path: [caseId, last.seq],
    });
    // The seal dropped: a sealed store refuses an unsealed journal.
    expect((await refusalOf(rawStore(forged, undefined, seal))).code).to.equal('JOURNAL_SEAL_MISSING');
    // A seal for the new head made with another key.
    const other = createHmacJournalSeal(await generateHmacSealKey());
    const foreign = await other.sign({ caseId, seq: last.seq, hash: last.hash });
    expect((await refusalOf(rawStore(forged, foreign, seal))).code).to.equal('JOURNAL_SEAL_INVALID');
    // The seal copied, but the head's signature over another hash does not verify.
    expect((await refusalOf(rawStore(forged, { ...record, hash: last.hash }, seal))).code).to.equal(
      'JOURNAL_SEAL_INVALID',
    );
  });

  it('DP-38: a store without a seal (MemoryCaseStore without a key) still checks every payload on every read', async () => {
    const store = new MemoryCaseStore();
    await runExampleCases({ store, cases: [example] });
    const rows = await store.readJournal(caseId);
    const forged = await rehashedWithInvalidClosure(rows);
    // The chain is consistent, so only the payload check can refuse it.
    expect(await refusalOf(rawStore(forged, undefined))).to.deep.equal({
      code: 'JOURNAL_PAYLOAD_INVALID',
      rule: 'DP-38',
      path: [caseId, forged.find((e) => e.type === 'CaseClosed')!.seq],
    });
    // The untouched journal loads.
    expect((await serviceOver(rawStore(rows, undefined)).loadCase(caseId)).ok).to.equal(true);
  });

  it('DP-38: the sealed-read check still refuses what no write-time check saw: an unknown type, a version above the catalog, a bad upcast', () => {
    const hostEvent = {
      HostThingRecorded: defineEvent({
        type: 'HostThingRecorded',
        version: 2,
        schema: z.strictObject({ label: z.string() }),
        upcasters: { 1: (payload: unknown) => ({ label: (payload as { name?: unknown }).name }) },
        title: { de: 'Host-Ding', en: 'Host thing' },
      }),
    };
    const check = createSealedReadPayloadCheck(hostEvent);
    expect(check({ type: 'NoSuchEvent', schemaVersion: 1, payload: {} })).to.equal(false);
    expect(check({ type: 'constructor', schemaVersion: 1, payload: {} })).to.equal(false);
    expect(check({ type: 'HostThingRecorded', schemaVersion: 3, payload: { label: 'x' } })).to.equal(false);
    // An older version's upcast form was never checked on write: it is checked on read.
    expect(check({ type: 'HostThingRecorded', schemaVersion: 1, payload: { name: 42 } })).to.equal(false);
    expect(check({ type: 'HostThingRecorded', schemaVersion: 1, payload: { name: 'Akte' } })).to.equal(true);
    // The current version was checked by the writer that signed the head: not parsed again.
    expect(check({ type: 'HostThingRecorded', schemaVersion: 2, payload: { label: 'Akte' } })).to.equal(true);
    expect(check({ type: 'HostThingRecorded', schemaVersion: 2, payload: { label: 42 } })).to.equal(true);
  });
});
