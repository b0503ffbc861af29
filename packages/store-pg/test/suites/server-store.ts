/*
 * What the PostgreSQL store promises beyond the port's contract: the gapless tenant feed, tenant-scoped
 * event ids, typed refusals for bad input and unknown tenants, reads after a sequence number, and live values
 * that follow writes of other stores. Runs on PostgreSQL 15 and on PGlite.
 */
import { expect } from 'chai';
import { verifyJournal, type JournalEvent } from '@fallkit/core';
import type { AppendRequest, JournalSealRecord } from '@fallkit/core';
import { dropTenant, openPgCaseStore } from '@fallkit/store-pg';
import type { Backend } from '../support/backends.js';
import { useBackend } from '../support/backends.js';
import { expectOk, indexRow, refusalCode, sealed } from '../support/events.js';

function nextValue<T>(
  subscribable: { subscribe(next: (value: T) => void): { unsubscribe(): void } },
  accept: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error('no matching value in time'));
    }, timeoutMs);
    const subscription = subscribable.subscribe((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      queueMicrotask(() => subscription.unsubscribe());
      resolve(value);
    });
  });
}

export function describeServerStore(open: () => Promise<Backend>): void {
  describe('tenant feed, refusals and live values', function () {
    this.timeout(30_000);
    const db = useBackend(open);

    it('gives feed positions 1, 2, 3 … across streams in commit order; refused appends give theirs back', async () => {
      const store = await db.freshStore();
      const a1 = await sealed('case-a', 2);
      expectOk(await store.append({ caseId: 'case-a', expectedSeq: 0, events: a1, index: indexRow('case-a', 2) }));
      const b1 = await sealed('case-b', 3);
      expectOk(await store.append({ caseId: 'case-b', expectedSeq: 0, events: b1, index: indexRow('case-b', 3) }));
      // A stale append, a broken chain and a duplicate event id: all refused, none may use up a position.
      expect(
        refusalCode(await store.append({ caseId: 'case-a', expectedSeq: 0, events: await sealed('case-a', 1) })),
      ).to.equal('STORE_CONFLICT');
      const unlinked = await sealed('case-a', 1, { ...a1[1]!, hash: 'e'.repeat(64) });
      expect(refusalCode(await store.append({ caseId: 'case-a', expectedSeq: 2, events: unlinked }))).to.equal(
        'STORE_MALFORMED_APPEND',
      );
      const [copy] = await sealed('case-c', 1);
      const duplicate = { ...copy!, id: b1[0]!.id };
      const refused = await store.append({ caseId: 'case-c', expectedSeq: 0, events: [duplicate] });
      expect(refusalCode(refused)).to.equal('STORE_DUPLICATE_EVENT');
      expect(await store.readJournal('case-c')).to.deep.equal([]);
      const a2 = await sealed('case-a', 1, a1[1]);
      expectOk(await store.append({ caseId: 'case-a', expectedSeq: 2, events: a2, index: indexRow('case-a', 3) }));

      const feed = await store.readFeed({ after: 0 });
      expect(feed.entries.map((entry) => entry.position)).to.deep.equal([1, 2, 3, 4, 5, 6]);
      expect(feed.entries.map((entry) => entry.event.id)).to.deep.equal([...a1, ...b1, ...a2].map((event) => event.id));
      expect(feed.position).to.equal(6);
      expect(await store.feedHead()).to.equal(6);
      // Paging: every page continues exactly where the last one ended.
      const seen: number[] = [];
      let cursor = 0;
      for (;;) {
        const page = await store.readFeed({ after: cursor, limit: 4 });
        if (page.entries.length === 0) break;
        seen.push(...page.entries.map((entry) => entry.position));
        cursor = page.position;
      }
      expect(seen).to.deep.equal([1, 2, 3, 4, 5, 6]);
    });

    it('keeps event ids unique per tenant: the same id in another tenant is a different event', async () => {
      const one = await db.freshStore();
      const two = await db.freshStore();
      const events = await sealed('case-shared-id', 2);
      expectOk(await one.append({ caseId: 'case-shared-id', expectedSeq: 0, events }));
      expectOk(await two.append({ caseId: 'case-shared-id', expectedSeq: 0, events }));
      expect(await two.readJournal('case-shared-id')).to.deep.equal(events);
    });

    it('reads a journal after a sequence number', async () => {
      const store = await db.freshStore();
      const events = await sealed('case-a', 5);
      expectOk(await store.append({ caseId: 'case-a', expectedSeq: 0, events }));
      expect(await store.readJournal('case-a', { afterSeq: 3 })).to.deep.equal(events.slice(3));
      expect(await store.readJournal('case-a', { afterSeq: 5 })).to.deep.equal([]);
    });

    it('keeps what PostgreSQL cannot hold in text out without throwing: a NUL in a column is a typed refusal', async () => {
      const store = await db.freshStore();
      const base = await sealed('case-a', 1);
      expectOk(await store.append({ caseId: 'case-a', expectedSeq: 0, events: base, index: indexRow('case-a', 1) }));
      const nulType = await sealed('case-a', 1, base[0], { type: 'Note\u0000Recorded' });
      const refused = await store.append({ caseId: 'case-a', expectedSeq: 1, events: nulType });
      expect(refusalCode(refused)).to.equal('STORE_VALUE_REFUSED');
      expect(!refused.ok && refused.errors[0]?.message.de.length).to.be.greaterThan(0);
      // In the JSON envelope and payload a NUL is kept exactly (json keeps the escaped text).
      const nulReason = await sealed('case-a', 1, base[0], { reason: 'Grund mit \u0000 darin' });
      expectOk(await store.append({ caseId: 'case-a', expectedSeq: 1, events: nulReason }));
      const journal = await store.readJournal('case-a');
      expect(journal).to.deep.equal([...base, ...nulReason]);
      expect((await verifyJournal(journal)).ok).to.equal(true);
      expect(await store.feedHead()).to.equal(2);
    });

    it('refuses an invalid or unknown tenant with a typed code, and a dropped tenant when appending', async () => {
      const backend = db.backend;
      expect(refusalCode(await openPgCaseStore({ database: backend.app, tenantId: 'Tenant A' }))).to.equal(
        'STORE_TENANT_INVALID',
      );
      expect(refusalCode(await openPgCaseStore({ database: backend.app, tenantId: 't-never-made' }))).to.equal(
        'STORE_TENANT_UNKNOWN',
      );
      const store = await db.freshStore();
      expectOk(await dropTenant(backend.owner, store.tenantId));
      const events = await sealed('case-a', 1);
      expect(refusalCode(await store.append({ caseId: 'case-a', expectedSeq: 0, events }))).to.equal(
        'STORE_TENANT_UNKNOWN',
      );
      const withIndex = { caseId: 'case-a', expectedSeq: 0, events, index: indexRow('case-a', 1) };
      expect(refusalCode(await store.append(withIndex))).to.equal('STORE_TENANT_UNKNOWN');
    });

    it('keeps the note beside the payload and erases both together (DP-43)', async () => {
      const store = await db.freshStore();
      const events = (await sealed('case-a', 2)).map((event) => ({
        ...event,
        note: { reason: `Grund für ${event.seq}: Gespräch mit Frau Muster`, actorName: 'Petra Gruber' },
      }));
      expectOk(await store.append({ caseId: 'case-a', expectedSeq: 0, events }));
      expect(await store.readJournal('case-a')).to.deep.equal(events);
      expectOk(await store.erasePayloads('case-a', [1], '2026-03-03T00:00:00.000Z', 'DP-32'));
      const [erased, kept] = await store.readJournal('case-a');
      expect(erased).to.not.have.property('note');
      expect(erased?.payload).to.deep.equal({ erased: true, erasedAt: '2026-03-03T00:00:00.000Z', rule: 'DP-32' });
      expect(erased?.hash).to.equal(events[0]!.hash);
      expect(kept).to.deep.equal(events[1]);
      const [row] = (await store.readFeed({ after: 0, limit: 1 })).entries;
      expect(JSON.stringify(row?.event)).to.not.include('Frau Muster');
    });

    it('keeps the latest seal of a stream beside it, written with the append (DP-44)', async () => {
      const store = await db.freshStore();
      const sealOf = (events: readonly JournalEvent[], signature: string): JournalSealRecord => ({
        caseId: 'case-a',
        seq: events.at(-1)!.seq,
        hash: events.at(-1)!.hash,
        alg: 'HMAC-SHA-256',
        signature,
      });
      expect(await store.readSeal('case-a')).to.equal(undefined);
      const first = await sealed('case-a', 2);
      const append = (request: AppendRequest) => store.append(request);
      expectOk(await append({ caseId: 'case-a', expectedSeq: 0, events: first, seal: sealOf(first, 'aa') }));
      expect(await store.readSeal('case-a')).to.deep.equal(sealOf(first, 'aa'));
      const second = await sealed('case-a', 1, first[1]);
      // A refused append leaves the seal; a seal of another head is refused with the append.
      const stale = await append({ caseId: 'case-a', expectedSeq: 1, events: second, seal: sealOf(second, 'bb') });
      expect(refusalCode(stale)).to.equal('STORE_CONFLICT');
      const wrongHead = await append({ caseId: 'case-a', expectedSeq: 2, events: second, seal: sealOf(first, 'cc') });
      expect(refusalCode(wrongHead)).to.equal('STORE_MALFORMED_APPEND');
      expect(await store.readSeal('case-a')).to.deep.equal(sealOf(first, 'aa'));
      expectOk(await append({ caseId: 'case-a', expectedSeq: 2, events: second, seal: sealOf(second, 'bb') }));
      expect(await store.readSeal('case-a')).to.deep.equal(sealOf(second, 'bb'));
      await store.deleteStream('case-a');
      expect(await store.readSeal('case-a')).to.equal(undefined);
    });

    it('follows writes of another store of the same tenant live, journal and case list', async () => {
      const backend = db.backend;
      const writer = await db.freshStore();
      // Another connection pool stands for another server instance (PGlite has only the one connection).
      const other = backend.connectApp ? backend.connectApp({ maxConnections: 2 }) : backend.app;
      const reader = await db.storeOf(writer.tenantId, other);
      const first = await sealed('case-live', 1);
      const journal = nextValue(reader.observeJournal('case-live'), (events: JournalEvent[]) => events.length === 2);
      const list = nextValue(reader.observeCases({ stage: 'monitoring' }), (rows) => rows.length === 1);
      expectOk(
        await writer.append({ caseId: 'case-live', expectedSeq: 0, events: first, index: indexRow('case-live', 1) }),
      );
      const second = await sealed('case-live', 1, first[0]);
      expectOk(
        await writer.append({
          caseId: 'case-live',
          expectedSeq: 1,
          events: second,
          index: indexRow('case-live', 2, { stage: 'monitoring' }),
        }),
      );
      expect((await journal).map((event) => event.id)).to.deep.equal([...first, ...second].map((event) => event.id));
      expect((await list).map((row) => row.caseId)).to.deep.equal(['case-live']);
      // Erasure elsewhere reaches the reader too (DP-32): the payload is replaced, the hash stays.
      const erased = nextValue(reader.observeJournal('case-live'), (events: JournalEvent[]) =>
        JSON.stringify(events[0]?.payload).includes('"erased":true'),
      );
      expectOk(await writer.erasePayloads('case-live', [1], '2026-03-03T00:00:00.000Z', 'DP-32'));
      expect((await erased)[0]?.hash).to.equal(first[0]!.hash);
    });
  });
}
