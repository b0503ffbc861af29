/*
 * Many appenders on one tenant of a real server, each on a connection of its own, with a reader paging the
 * feed while they write. This is what the counter row of the feed is for: with a sequence, a reader could
 * see position n+1 committed before n, move its cursor past n and never see it.
 */
import { expect } from 'chai';
import { verifyJournal, type JournalEvent } from '@fallkit/core';
import type { PgCaseStore } from '@fallkit/store-pg';
import { openPostgres, useBackend } from '../support/backends.js';
import { indexRow, sealed } from '../support/events.js';
import { rowsOf } from '../support/raw-sql.js';

const CLIENTS = 20;
const DURATION_MS = 2000;
const SHARED_CASES = ['case-shared-1', 'case-shared-2', 'case-shared-3'];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('PgCaseStore on PostgreSQL: concurrent appenders on one tenant', function () {
  this.timeout(90_000);
  const db = useBackend(openPostgres);

  it(`${CLIENTS} clients for ${DURATION_MS / 1000} s: every accepted append exactly once, the feed gapless, a paging reader never skips`, async () => {
    const tenantId = await db.tenant();
    const connect = db.backend.connectApp!;
    const writers = await Promise.all(
      Array.from({ length: CLIENTS }, () => db.storeOf(tenantId, connect({ maxConnections: 1 }))),
    );
    const feedReader = await db.storeOf(tenantId, connect({ maxConnections: 1 }));

    const accepted = new Map<string, JournalEvent>();
    const otherRefusals: string[] = [];
    let conflicts = 0;
    let appends = 0;
    const deadline = Date.now() + DURATION_MS;

    // Every other round a writer continues its own case (never contended), else one of three shared cases
    // from what it just read (contended: many of these lose with STORE_CONFLICT).
    const write = async (store: PgCaseStore, index: number): Promise<void> => {
      let ownLast: JournalEvent | undefined;
      for (let round = 0; Date.now() < deadline; round += 1) {
        const shared = round % 2 === 1;
        const caseId = shared ? SHARED_CASES[(index + round) % SHARED_CASES.length]! : `case-own-${index}`;
        const last = shared ? (await store.readJournal(caseId)).at(-1) : ownLast;
        const events = await sealed(caseId, 1 + (round % 3), last);
        const result = await store.append({
          caseId,
          expectedSeq: last?.seq ?? 0,
          events,
          index: indexRow(caseId, events.at(-1)!.seq),
        });
        if (result.ok) {
          appends += 1;
          for (const event of events) accepted.set(event.id, event);
          if (!shared) ownLast = events.at(-1);
        } else if (result.errors[0]?.code === 'STORE_CONFLICT') conflicts += 1;
        else otherRefusals.push(result.errors[0]?.code ?? 'none');
      }
    };

    // The reader moves its cursor to the end of each page, as a sync client would, and notes any position
    // that is not exactly the next one.
    let writing = true;
    const seen: JournalEvent[] = [];
    const jumps: string[] = [];
    let cursor = 0;
    let pages = 0;
    const read = async (): Promise<void> => {
      while (writing || cursor < (await feedReader.feedHead())) {
        const page = await feedReader.readFeed({ after: cursor, limit: 100 });
        pages += 1;
        page.entries.forEach((entry, i) => {
          if (entry.position !== cursor + i + 1) jumps.push(`${cursor + i + 1} expected, ${entry.position} read`);
          seen.push(entry.event);
        });
        cursor = page.position;
        if (page.entries.length === 0) await pause(2);
      }
    };

    const started = performance.now();
    const reading = read();
    await Promise.all(writers.map(write));
    writing = false;
    await reading;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `      ${appends} appends (${accepted.size} events, ${Math.round(appends / seconds)} appends/s), ` +
        `${conflicts} conflicts, ${pages} feed pages`,
    );

    expect(otherRefusals, 'refusals other than STORE_CONFLICT').to.deep.equal([]);
    expect(conflicts, 'the shared cases were contended').to.be.greaterThan(0);
    expect(jumps, 'the reader never skipped a position').to.deep.equal([]);
    const head = await feedReader.feedHead();
    expect(head, 'feed head = accepted events').to.equal(accepted.size);
    expect(seen.length, 'events the reader saw').to.equal(accepted.size);
    expect(new Set(seen.map((event) => event.id)).size, 'each event once').to.equal(accepted.size);
    expect(
      seen.every((event) => accepted.has(event.id)),
      'only accepted events',
    ).to.equal(true);

    const [stored] = await rowsOf(
      db.backend.app,
      tenantId,
      `select count(*)::int as events, min(feed_position)::int as first, max(feed_position)::int as last,
              count(distinct feed_position)::int as positions from fallkit.case_event`,
    );
    expect(stored).to.deep.equal({ events: accepted.size, first: 1, last: accepted.size, positions: accepted.size });
    const cases = await feedReader.listCases();
    expect(cases.length).to.equal(CLIENTS + SHARED_CASES.length);
    for (const row of cases) {
      const journal = await feedReader.readJournal(row.caseId);
      expect((await verifyJournal(journal)).ok, `${row.caseId} verifies`).to.equal(true);
      expect(
        journal.every((event) => accepted.get(event.id)?.hash === event.hash),
        `${row.caseId}: accepted only`,
      ).to.equal(true);
      expect(row.lastSeq, `${row.caseId}: index row follows the journal`).to.equal(journal.length);
    }
  });
});
