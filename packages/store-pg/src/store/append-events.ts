import {
  conflictRefusal,
  describeAppendMismatch,
  malformedAppendRefusal,
  type AppendRequest,
  type AppendResult,
} from '@fallkit/core';
import { errorCode } from '../errors/classify-error.js';
import { pgStoreRefused } from '../errors/store-refusals.js';
import type { SqlSession } from '../sql/sql-database.js';
import { UPSERT_CASE_INDEX } from './case-index-rows.js';
import { encodeEvents } from './event-rows.js';
import { RefuseInTransaction } from './tenant-transaction.js';

/** The feed positions an append was given: `first + 1 … last`. */
export interface TakenPositions {
  readonly first: number;
  readonly last: number;
}

/** The last event of a stream ($1 tenant, $2 case id). */
export const LAST_EVENT = /* sql */ `
select seq, hash from fallkit.case_event
 where tenant_id = $1 and case_id = $2
 order by seq desc limit 1`;

/*
 * The gapless feed. The tenant's counter row is moved by the number of events, which locks the row until
 * this transaction ends: a second appender of the tenant waits here, and continues from the committed value
 * (READ COMMITTED re-reads the row after the wait). So positions are handed out in the order transactions
 * will commit, and a rollback gives its positions back. A reader of "position > cursor" can never see a
 * position while a lower one is still to come; with a sequence (or an identity column) it could, and a
 * cursor moved past a late commit skips it for good.
 *
 * The counter is taken as late as possible (after the cheap checks), so that the lock is held only for the
 * inserts and the commit.
 */
const TAKE_POSITIONS = /* sql */ `
update fallkit.tenant set feed_position = feed_position + $2
 where tenant_id = $1
returning feed_position::text as last`;

const INSERT_EVENTS = /* sql */ `
insert into fallkit.case_event
       (tenant_id, case_id, seq, event_id, feed_position, type, hash, envelope, payload)
select $1, $2, (item->'e'->>'seq')::integer, item->'e'->>'id', $3::bigint + batch.n,
       item->'e'->>'type', item->'e'->>'hash', item->'e', item->'p'
  from json_array_elements($4::json) with ordinality as batch(item, n)`;

/**
 * The append transaction's body, run with the tenant set: optimistic concurrency on `expectedSeq`, the chain
 * check, the feed positions, the events, the index row, and the notification (sent at commit). Refusals are
 * thrown as {@link RefuseInTransaction} so that nothing of a refused append stays.
 *
 * Two appenders with the same `expectedSeq` may both pass the first check; the second then fails on the
 * primary key `(tenant_id, case_id, seq)`, which {@link uniqueViolationRefusal} turns into `STORE_CONFLICT`.
 */
export async function appendEvents(
  session: SqlSession,
  tenantId: string,
  request: AppendRequest,
  channel: string,
): Promise<AppendResult & { positions?: TakenPositions }> {
  const { caseId, expectedSeq, events } = request;
  const [last] = await session.query<{ seq: number; hash: string }>(LAST_EVENT, [tenantId, caseId]);
  const actualSeq = last?.seq ?? 0;
  if (expectedSeq !== actualSeq) throw new RefuseInTransaction(conflictRefusal(caseId, expectedSeq, actualSeq));
  const mismatch = describeAppendMismatch(request, last);
  if (mismatch !== undefined) throw new RefuseInTransaction(malformedAppendRefusal(caseId, mismatch));

  const [taken] = await session.query<{ last: string }>(TAKE_POSITIONS, [tenantId, events.length]);
  if (!taken) throw new RefuseInTransaction(pgStoreRefused('STORE_TENANT_UNKNOWN', tenantId));
  const lastPosition = Number(taken.last);
  const first = lastPosition - events.length;
  await session.query(INSERT_EVENTS, [tenantId, caseId, String(first), encodeEvents(events)]);
  if (request.index) await session.query(UPSERT_CASE_INDEX, [tenantId, caseId, JSON.stringify(request.index)]);
  await session.query('select pg_notify($1, $2)', [channel, `a:${lastPosition}`]);
  return { ok: true, lastSeq: events.at(-1)!.seq, positions: { first, last: lastPosition } };
}

/**
 * What a unique violation during an append means: the stream moved on under us (the primary key), or an event
 * id this tenant already has. Undefined for any other error.
 */
export function uniqueViolationRefusal(
  error: unknown,
  request: AppendRequest,
  actualSeq: () => Promise<number>,
): Promise<AppendResult> | undefined {
  if (errorCode(error) !== '23505') return undefined;
  // Constraint names of partitions are derived and may be cut at 63 bytes; the detail names the columns.
  const detail = String((error as { detail?: unknown }).detail ?? '');
  if (detail.includes('(tenant_id, event_id)')) return Promise.resolve(pgStoreRefused('STORE_DUPLICATE_EVENT'));
  return actualSeq().then((seq) => conflictRefusal(request.caseId, request.expectedSeq, seq));
}
