/*
 * The store port's contract suite: the specification every CaseStore must meet. It uses the
 * `describe` / `it` globals that mocha (Node and @web/test-runner), node:test's globals shim and
 * jasmine provide, and no assertion library, so a host can run it in its own test setup unchanged:
 *
 *   import { describeStoreContract } from '@fallkit/core/testing';
 *   describeStoreContract('my server store', async () => new MyServerStore(...));
 */
import { FixedClock } from '../ports/clock.js';
import type { Actor } from '../ports/actor.js';
import { SequentialIds } from '../ports/id-generator.js';
import { canonicalJson } from '../journal/canonical-json.js';
import { sealEvents } from '../journal/chain.js';
import type { JournalEvent, PendingEvent } from '../journal/journal-event.js';
import type { JournalSealRecord } from '../journal/journal-seal.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { verifyJournal } from '../journal/verify-journal.js';
import type { CaseIndexEntry, CaseStore } from '../store/case-store.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void>) => void;

/** Makes a fresh, empty store for one test. */
export type StoreFactory = () => CaseStore | Promise<CaseStore>;

class ContractViolation extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractViolation(message);
}

function same(actual: unknown, expected: unknown, message: string): void {
  const a = canonicalJson(actual);
  const e = canonicalJson(expected);
  check(a === e, `${message}\n  expected ${e}\n  actual   ${a}`);
}

const contractActor: Actor = {
  id: 'user-contract',
  role: 'caseManager',
  agencyId: 'agency-contract',
  name: 'Vertrag Prüferin',
};

/** Builds sealed test events for a stream, continuing after `after`. */
async function makeEvents(
  caseId: string,
  count: number,
  after?: JournalEvent,
  clock = new FixedClock('2026-01-05T08:00:00Z'),
  commandId?: string,
): Promise<JournalEvent[]> {
  const ids = new SequentialIds();
  const pending: PendingEvent[] = Array.from({ length: count }, (_, i) => ({
    type: 'ContractNoteRecorded',
    schemaVersion: 1,
    payload: {
      text: `Notiz ${i + 1}: Übergabe an Jobcenter, Wohnungssuche läuft 🏠 — مرحبا`,
      n: i,
      nested: { z: 1, a: [true, null] },
    },
  }));
  return sealEvents(pending, {
    caseId,
    last: after,
    at: clock.now(),
    actor: contractActor,
    newId: () => `${caseId}-${ids.next('event')}-${after?.seq ?? 0}${commandId === undefined ? '' : `-${commandId}`}`,
    ...(commandId === undefined ? {} : { commandId }),
  });
}

const contractClock = new FixedClock('2026-01-05T08:00:00Z');

function indexRow(caseId: string, lastSeq: number, overrides: Partial<CaseIndexEntry> = {}): CaseIndexEntry {
  return {
    caseId,
    lastSeq,
    updatedAt: '2026-01-05T08:00:00.000Z',
    status: 'open',
    stage: 'assessment',
    leadAgencyId: 'agency-contract',
    caseManagerIds: ['user-contract'],
    legalDomains: ['SGB_II'],
    nextDueDate: null,
    ...overrides,
  };
}

function firstValue<T>(
  subscribable: { subscribe(next: (value: T) => void): { unsubscribe(): void } },
  accept: (value: T) => boolean,
  timeoutMs = 3000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new ContractViolation('no matching value was emitted in time'));
    }, timeoutMs);
    const subscription = subscribable.subscribe((value) => {
      if (accept(value)) {
        clearTimeout(timer);
        queueMicrotask(() => subscription.unsubscribe());
        resolve(value);
      }
    });
  });
}

/**
 * Registers the contract suite for a store under `name`. Every test gets a fresh store from
 * `makeStore`. A store is a correct {@link CaseStore} when all of these pass unchanged.
 */
export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`CaseStore contract: ${name}`, () => {
    it('an empty store has no journals and no cases', async () => {
      const store = await makeStore();
      same(await store.readJournal('case-unknown'), [], 'readJournal of an unknown stream');
      same(await store.listCases(), [], 'listCases of an empty store');
      check((await store.getCase('case-unknown')) === undefined, 'getCase of an unknown case is undefined');
    });

    it('appends events and reads them back byte-for-byte, verifiable', async () => {
      const store = await makeStore();
      const events = await makeEvents('case-a', 3);
      const result = await store.append({ caseId: 'case-a', expectedSeq: 0, events, index: indexRow('case-a', 3) });
      check(result.ok && result.lastSeq === 3, `append answers lastSeq 3, got ${JSON.stringify(result)}`);
      const read = await store.readJournal('case-a');
      same(read, events, 'the journal read back equals the events appended');
      const verdict = await verifyJournal(read);
      check(verdict.ok, 'the journal read back verifies');
    });

    it('continues a stream with a second append', async () => {
      const store = await makeStore();
      const first = await makeEvents('case-a', 2);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: first, index: indexRow('case-a', 2) });
      const second = await makeEvents('case-a', 2, first.at(-1));
      const result = await store.append({
        caseId: 'case-a',
        expectedSeq: 2,
        events: second,
        index: indexRow('case-a', 4),
      });
      check(result.ok && result.lastSeq === 4, 'second append answers lastSeq 4');
      same(await store.readJournal('case-a'), [...first, ...second], 'both appends are in order');
    });

    it('refuses a stale expected sequence number with STORE_CONFLICT and writes nothing', async () => {
      const store = await makeStore();
      const first = await makeEvents('case-a', 2);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: first, index: indexRow('case-a', 2) });
      const stale = await makeEvents('case-a', 1);
      const result = await store.append({
        caseId: 'case-a',
        expectedSeq: 0,
        events: stale,
        index: indexRow('case-a', 1, { stage: 'closure' }),
      });
      check(!result.ok && result.errors[0]?.code === 'STORE_CONFLICT', 'a stale append is refused with STORE_CONFLICT');
      check(
        !result.ok && result.errors[0]?.message.de.length && result.errors[0]?.message.en.length,
        'the conflict has a German and an English message',
      );
      same(await store.readJournal('case-a'), first, 'the journal is unchanged after a conflict');
      same((await store.getCase('case-a'))?.stage, 'assessment', 'the index row is unchanged after a conflict');
    });

    it('lets exactly one of two concurrent appends with the same expected sequence win', async () => {
      const store = await makeStore();
      const base = await makeEvents('case-a', 1);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: base, index: indexRow('case-a', 1) });
      const one = await makeEvents('case-a', 2, base[0]);
      const two = await makeEvents('case-a', 3, base[0], new FixedClock('2026-01-06T08:00:00Z'));
      const results = await Promise.all([
        store.append({ caseId: 'case-a', expectedSeq: 1, events: one, index: indexRow('case-a', 3) }),
        store.append({ caseId: 'case-a', expectedSeq: 1, events: two, index: indexRow('case-a', 4) }),
      ]);
      const winners = results.filter((r) => r.ok).length;
      check(winners === 1, `exactly one append wins, got ${winners}`);
      const loser = results.find((r) => !r.ok);
      check(loser && !loser.ok && loser.errors[0]?.code === 'STORE_CONFLICT', 'the other gets STORE_CONFLICT');
      const journal = await store.readJournal('case-a');
      check(journal.length === 3 || journal.length === 4, 'the journal holds the winner only');
      check((await verifyJournal(journal)).ok, 'the journal verifies after concurrent appends');
    });

    it('refuses events that do not continue the stream and writes nothing', async () => {
      const store = await makeStore();
      const base = await makeEvents('case-a', 2);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: base, index: indexRow('case-a', 2) });
      const unlinked = await makeEvents('case-a', 1, { ...base[1]!, hash: 'f'.repeat(64) });
      const wrongStream = await makeEvents('case-b', 1, base[1]);
      const gap = await makeEvents('case-a', 1, { ...base[1]!, seq: 5 });
      for (const [label, events] of [
        ['unlinked', unlinked],
        ['wrong stream', wrongStream],
        ['gap', gap],
      ] as const) {
        const result = await store.append({ caseId: 'case-a', expectedSeq: 2, events });
        check(!result.ok, `an append with ${label} events is refused`);
      }
      const empty = await store.append({ caseId: 'case-a', expectedSeq: 2, events: [] });
      check(!empty.ok, 'an empty append is refused');
      same(await store.readJournal('case-a'), base, 'the journal is unchanged after refused appends');
    });

    it('keeps streams apart', async () => {
      const store = await makeStore();
      const a = await makeEvents('case-a', 2);
      const b = await makeEvents('case-b', 3);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: a, index: indexRow('case-a', 2) });
      await store.append({ caseId: 'case-b', expectedSeq: 0, events: b, index: indexRow('case-b', 3) });
      same(await store.readJournal('case-a'), a, 'case a');
      same(await store.readJournal('case-b'), b, 'case b');
    });

    it('writes the index row with the append and filters and sorts the case list', async () => {
      const store = await makeStore();
      const rows: [string, Partial<CaseIndexEntry>][] = [
        [
          'case-1',
          {
            stage: 'monitoring',
            caseManagerIds: ['anna'],
            nextDueDate: '2026-02-01',
            legalDomains: ['SGB_II', 'SGB_VIII'],
          },
        ],
        ['case-2', { stage: 'assessment', caseManagerIds: ['anna', 'ben'], nextDueDate: '2026-01-15' }],
        ['case-3', { stage: 'monitoring', caseManagerIds: ['ben'], nextDueDate: null, status: 'closed' }],
        [
          'case-4',
          { stage: 'monitoring', caseManagerIds: ['anna'], nextDueDate: '2026-01-15', leadAgencyId: 'jobcenter' },
        ],
      ];
      for (const [caseId, overrides] of rows) {
        const events = await makeEvents(caseId, 1);
        await store.append({ caseId, expectedSeq: 0, events, index: indexRow(caseId, 1, overrides) });
      }
      const ids = async (query?: Parameters<CaseStore['listCases']>[0]) =>
        (await store.listCases(query)).map((row) => row.caseId);
      same(await ids(), ['case-2', 'case-4', 'case-1', 'case-3'], 'sorted by due date, none last, then id');
      same(await ids({ caseManagerId: 'anna' }), ['case-2', 'case-4', 'case-1'], 'filter by case manager');
      same(
        await ids({ caseManagerId: 'anna', stage: 'monitoring' }),
        ['case-4', 'case-1'],
        'filter by case manager and stage',
      );
      same(
        await ids({ stage: ['assessment', 'monitoring'], status: 'open' }),
        ['case-2', 'case-4', 'case-1'],
        'stage list and status',
      );
      same(await ids({ legalDomain: 'SGB_VIII' }), ['case-1'], 'filter by legal domain');
      same(await ids({ leadAgencyId: 'jobcenter' }), ['case-4'], 'filter by lead agency');
      same(await ids({ dueOnOrBefore: '2026-01-31' }), ['case-2', 'case-4'], 'due on or before');
      same((await store.getCase('case-1'))?.legalDomains, ['SGB_II', 'SGB_VIII'], 'getCase returns the row');
    });

    it('keeps streams without an index row out of the case list', async () => {
      const store = await makeStore();
      const log = await makeEvents('access-log', 2);
      const result = await store.append({ caseId: 'access-log', expectedSeq: 0, events: log });
      check(result.ok, 'a stream without index row can be appended');
      same(await store.listCases(), [], 'it does not show in the case list');
      same(await store.readJournal('access-log'), log, 'its events can be read');
    });

    it('hands out copies: changing what was read changes nothing stored', async () => {
      const store = await makeStore();
      const events = await makeEvents('case-a', 1);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events, index: indexRow('case-a', 1) });
      const read = await store.readJournal('case-a');
      (read[0]!.payload as { text: string }).text = 'verändert';
      const list = await store.listCases();
      (list[0]!.caseManagerIds as string[]).push('intruder');
      same(await store.readJournal('case-a'), events, 'journal unchanged');
      same((await store.getCase('case-a'))?.caseManagerIds, ['user-contract'], 'index unchanged');
    });

    it('emits the journal live on subscribe and after an append, and stops after unsubscribe', async () => {
      const store = await makeStore();
      const first = await makeEvents('case-a', 1);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: first, index: indexRow('case-a', 1) });
      const initial = await firstValue(store.observeJournal('case-a'), (events) => events.length === 1);
      same(initial, first, 'the first emission is the current journal');
      const seen: number[] = [];
      const subscription = store.observeJournal('case-a').subscribe((events) => seen.push(events.length));
      const waitForTwo = firstValue(store.observeJournal('case-a'), (events) => events.length === 2);
      const second = await makeEvents('case-a', 1, first[0]);
      await store.append({ caseId: 'case-a', expectedSeq: 1, events: second, index: indexRow('case-a', 2) });
      same((await waitForTwo).length, 2, 'an append is pushed to subscribers');
      subscription.unsubscribe();
      const count = seen.length;
      const third = await makeEvents('case-a', 1, second[0]);
      await store.append({ caseId: 'case-a', expectedSeq: 2, events: third, index: indexRow('case-a', 3) });
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 100));
      check(seen.length === count, 'nothing is pushed after unsubscribe');
    });

    it('emits the filtered case list live', async () => {
      const store = await makeStore();
      const waitForOne = firstValue(store.observeCases({ caseManagerId: 'anna' }), (rows) => rows.length === 1);
      await store.append({
        caseId: 'case-x',
        expectedSeq: 0,
        events: await makeEvents('case-x', 1),
        index: indexRow('case-x', 1, { caseManagerIds: ['ben'] }),
      });
      await store.append({
        caseId: 'case-y',
        expectedSeq: 0,
        events: await makeEvents('case-y', 1),
        index: indexRow('case-y', 1, { caseManagerIds: ['anna'] }),
      });
      same(
        (await waitForOne).map((row) => row.caseId),
        ['case-y'],
        'only matching rows are emitted',
      );
    });

    it('erases payloads so the chain still verifies (DP-32)', async () => {
      const store = await makeStore();
      const events = await makeEvents('case-a', 3);
      // The decision the erasure carries out (DP-44: a marker without one is a forgery).
      const [decision] = await sealEvents(
        [{ type: 'DataErased', schemaVersion: 1, payload: { seqs: [1, 3], rule: 'DP-32' } }],
        {
          caseId: 'case-a',
          last: events[2],
          at: '2026-02-01T00:00:00.000Z',
          actor: contractActor,
          newId: () => 'case-a-decision',
        },
      );
      const all = [...events, decision!];
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: all, index: indexRow('case-a', 4) });
      const result = await store.erasePayloads('case-a', [1, 3], '2026-02-01T00:00:00.000Z', 'DP-32');
      check(result.ok, 'erasePayloads succeeds');
      const read = await store.readJournal('case-a');
      check(isErasedPayload(read[0]!.payload) && isErasedPayload(read[2]!.payload), 'erased payloads read as erased');
      check(
        read[0]!.note === undefined && read[2]!.note === undefined,
        'erasure removes the note with the payload (DP-43)',
      );
      same(read[1]!.payload, events[1]!.payload, 'the other payload stays');
      same(read[1]!.note, events[1]!.note, 'the other note stays');
      same(
        read.map((e) => e.hash),
        all.map((e) => e.hash),
        'hashes stay',
      );
      check((await verifyJournal(read)).ok, 'the journal still verifies after erasure');
    });

    it('keeps the latest seal of a stream beside it, written with the append (DP-44)', async () => {
      const made = await makeStore();
      check(typeof made.readSeal === 'function', 'the store keeps seals: readSeal (DP-44)');
      const store = made as CaseStore & Required<Pick<CaseStore, 'readSeal'>>;
      check((await store.readSeal('case-a')) === undefined, 'no seal before the first append');
      const first = await makeEvents('case-a', 2);
      const seal = (events: readonly JournalEvent[], signature: string): JournalSealRecord => ({
        caseId: 'case-a',
        seq: events.at(-1)!.seq,
        hash: events.at(-1)!.hash,
        alg: 'HMAC-SHA-256',
        signature,
      });
      await store.append({
        caseId: 'case-a',
        expectedSeq: 0,
        events: first,
        index: indexRow('case-a', 2),
        seal: seal(first, 'aa'),
      });
      same(await store.readSeal('case-a'), seal(first, 'aa'), 'the seal of the first append');
      const second = await makeEvents('case-a', 1, first[1]);
      const refused = await store.append({
        caseId: 'case-a',
        expectedSeq: 1,
        events: second,
        seal: seal(second, 'bb'),
      });
      check(!refused.ok, 'a conflicting append is refused');
      same(await store.readSeal('case-a'), seal(first, 'aa'), 'a refused append leaves the seal as it was');
      await store.append({
        caseId: 'case-a',
        expectedSeq: 2,
        events: second,
        index: indexRow('case-a', 3),
        seal: seal(second, 'bb'),
      });
      same(await store.readSeal('case-a'), seal(second, 'bb'), 'the latest seal replaces the earlier one');
      await store.deleteStream('case-a');
      check((await store.readSeal('case-a')) === undefined, 'deleting the stream deletes its seal');
    });

    it('replaces an index row and deletes a stream for good', async () => {
      const store = await makeStore();
      await store.append({
        caseId: 'case-a',
        expectedSeq: 0,
        events: await makeEvents('case-a', 2),
        index: indexRow('case-a', 2),
      });
      await store.putIndex(indexRow('case-a', 2, { status: 'restricted' }));
      same((await store.getCase('case-a'))?.status, 'restricted', 'putIndex replaces the row');
      await store.deleteStream('case-a');
      same(await store.readJournal('case-a'), [], 'the journal is gone');
      check((await store.getCase('case-a')) === undefined, 'the index row is gone');
      const again = await store.append({
        caseId: 'case-a',
        expectedSeq: 0,
        events: await makeEvents('case-a', 1),
        index: indexRow('case-a', 1),
      });
      check(again.ok, 'a deleted stream can start again from 0');
    });

    it('reads the tail after a sequence number (afterSeq)', async () => {
      const store = await makeStore();
      const first = await makeEvents('case-a', 3);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: first, index: indexRow('case-a', 3) });
      const second = await makeEvents('case-a', 2, first.at(-1));
      await store.append({ caseId: 'case-a', expectedSeq: 3, events: second, index: indexRow('case-a', 5) });
      const all = [...first, ...second];
      same(await store.readJournal('case-a', { afterSeq: 0 }), all, 'afterSeq 0 reads the whole stream');
      same(await store.readJournal('case-a', {}), all, 'no afterSeq reads the whole stream');
      same(await store.readJournal('case-a', { afterSeq: 2 }), all.slice(2), 'afterSeq 2 reads events 3 to 5');
      same(await store.readJournal('case-a', { afterSeq: 4 }), all.slice(4), 'afterSeq 4 reads event 5');
      same(await store.readJournal('case-a', { afterSeq: 5 }), [], 'afterSeq at the head reads nothing');
      same(await store.readJournal('case-a', { afterSeq: 99 }), [], 'afterSeq beyond the head reads nothing');
      same(await store.readJournal('case-unknown', { afterSeq: 1 }), [], 'an unknown stream reads nothing');
      const tail = await store.readJournal('case-a', { afterSeq: 3 });
      (tail[0]!.payload as { text: string }).text = 'verändert';
      same(await store.readJournal('case-a', { afterSeq: 3 }), second, 'a tail read is a copy too');
    });

    it('records the commandId and finds the events of a command by it', async () => {
      const store = await makeStore();
      const base = await makeEvents('case-a', 1);
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: base, index: indexRow('case-a', 1) });
      const command = await makeEvents('case-a', 2, base[0], contractClock, 'command-contract-1');
      const result = await store.append({
        caseId: 'case-a',
        expectedSeq: 1,
        events: command,
        index: indexRow('case-a', 3),
      });
      check(result.ok, 'an append with a commandId succeeds');
      const found = await store.findCommand('command-contract-1');
      check(found !== undefined, 'findCommand finds the stored command');
      same(found?.caseId, 'case-a', 'in its stream');
      same(found?.events, command, 'with exactly its events, in order, as appended');
      check((await verifyJournal(await store.readJournal('case-a'))).ok, 'the journal with command ids verifies');
      check((await store.findCommand('command-unknown')) === undefined, 'an unknown commandId finds nothing');
    });

    it('refuses a second append with the same commandId and writes nothing (idempotent append)', async () => {
      const store = await makeStore();
      const first = await makeEvents('case-a', 2, undefined, contractClock, 'command-twice');
      await store.append({ caseId: 'case-a', expectedSeq: 0, events: first, index: indexRow('case-a', 2) });
      const again = await makeEvents('case-a', 2, first.at(-1), contractClock, 'command-twice');
      const result = await store.append({
        caseId: 'case-a',
        expectedSeq: 2,
        events: again,
        index: indexRow('case-a', 4),
      });
      check(
        !result.ok && result.errors[0]?.code === 'STORE_DUPLICATE_COMMAND',
        `the repeated command is refused with STORE_DUPLICATE_COMMAND, got ${JSON.stringify(result)}`,
      );
      check(
        !result.ok && result.errors[0]?.message.de.length && result.errors[0]?.message.en.length,
        'the refusal has a German and an English message',
      );
      same(await store.readJournal('case-a'), first, 'the journal is unchanged');
      same((await store.getCase('case-a'))?.lastSeq, 2, 'the index row is unchanged');
      const elsewhere = await makeEvents('case-b', 1, undefined, contractClock, 'command-twice');
      const other = await store.append({
        caseId: 'case-b',
        expectedSeq: 0,
        events: elsewhere,
        index: indexRow('case-b', 1),
      });
      check(!other.ok && other.errors[0]?.code === 'STORE_DUPLICATE_COMMAND', 'also in another stream');
      same(await store.readJournal('case-b'), [], 'nothing was written to the other stream');
    });

    it('lets exactly one of two concurrent appends of the same command win', async () => {
      const store = await makeStore();
      const one = await makeEvents('case-a', 1, undefined, contractClock, 'command-race');
      const two = await makeEvents('case-b', 1, undefined, contractClock, 'command-race');
      const results = await Promise.all([
        store.append({ caseId: 'case-a', expectedSeq: 0, events: one, index: indexRow('case-a', 1) }),
        store.append({ caseId: 'case-b', expectedSeq: 0, events: two, index: indexRow('case-b', 1) }),
      ]);
      same(results.map((r) => r.ok).filter(Boolean).length, 1, 'exactly one append of the command is stored');
      const loser = results.find((r) => !r.ok);
      check(loser && !loser.ok && loser.errors[0]?.code === 'STORE_DUPLICATE_COMMAND', 'the other is a duplicate');
      const stored = (await store.readJournal('case-a')).length + (await store.readJournal('case-b')).length;
      same(stored, 1, 'one event in all');
    });

    it('forgets the command ids of a deleted stream', async () => {
      const store = await makeStore();
      const events = await makeEvents('case-a', 1, undefined, contractClock, 'command-deleted');
      await store.append({ caseId: 'case-a', expectedSeq: 0, events, index: indexRow('case-a', 1) });
      await store.deleteStream('case-a');
      check((await store.findCommand('command-deleted')) === undefined, 'the command is gone with its stream');
    });

    it('appends 500 events in one go and reads them back in order', async () => {
      const store = await makeStore();
      const events = await makeEvents('case-big', 500);
      const result = await store.append({
        caseId: 'case-big',
        expectedSeq: 0,
        events,
        index: indexRow('case-big', 500),
      });
      check(result.ok && result.lastSeq === 500, 'a large append succeeds');
      const read = await store.readJournal('case-big');
      same(
        read.map((e) => e.seq),
        events.map((e) => e.seq),
        'order kept',
      );
      check((await verifyJournal(read)).ok, 'a large journal verifies');
    });
  });
}
