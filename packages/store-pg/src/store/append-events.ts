import { type AppendRequest, type AppendResult, type JournalSealRecord } from '@fallkit/core';
import {
  commandIdsOf,
  conflictRefusal,
  duplicateCommandRefusal,
  describeAppendMismatch,
  malformedAppendRefusal,
} from '@fallkit/core/store';
import { errorCode, violatedConstraint } from '../errors/classify-error.js';
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
 * The price: a tenant's appends commit one after another, so the lock is taken last, in the statement that
 * also inserts the events, and held only for that statement and the commit. The events arrive as one JSON
 * array of rows [seq, id, type, hash, envelope text, payload text, commandId, note text]. The envelope and payload are JSON texts
 * inside JSON strings: PostgreSQL's json operators turn every escape of what they parse into text, and
 * \u0000 cannot be text, so a NUL in a payload or a reason would fail any operator on the event itself.
 * Nested as strings, they are only ever cast to json, which keeps the text as it is.
 */
const TAKE_POSITIONS_AND_INSERT = /* sql */ `
with taken as (
  update fallkit.tenant set feed_position = feed_position + $3
   where tenant_id = $1
  returning feed_position - $3 as first
), inserted as (
  insert into fallkit.case_event
         (tenant_id, case_id, seq, event_id, feed_position, type, hash, envelope, payload, command_id, note)
  select $1, $2, (r->>0)::integer, r->>1, taken.first + batch.n, r->>2, r->>3, (r->>4)::json, (r->>5)::json,
         r->>6, (r->>7)::json
    from taken, json_array_elements($4::json) with ordinality as batch(r, n)
  returning feed_position
)
select (select first from taken)::text as first, count(*)::int as inserted from inserted`;

/** Whether a seal is of the head this append makes (a seal of another head is a caller's mistake). */
function sealsNewHead(seal: JournalSealRecord, request: AppendRequest): boolean {
  const head = request.events.at(-1);
  return seal.caseId === request.caseId && seal.seq === head?.seq && seal.hash === head.hash;
}

/** The stream's seal, replaced by the one the append brings ($1 tenant, $2 case, $3 seq, $4 hash, $5 record). */
const UPSERT_SEAL = /* sql */ `
insert into fallkit.case_seal (tenant_id, case_id, seq, hash, record)
values ($1, $2, $3, $4, $5::json)
    on conflict (tenant_id, case_id) do update
   set seq = excluded.seq, hash = excluded.hash, record = excluded.record`;

/*
 * Idempotent appends: each command id the events carry gets a row in fallkit.case_command. A command stored
 * before is refused at once; one that a concurrent transaction is storing makes the insert wait for it, and
 * if that one commits, ON CONFLICT DO NOTHING inserts nothing here, and this append is refused too.
 */
const STORED_COMMANDS = /* sql */ `
select command_id from fallkit.case_command
 where tenant_id = $1 and command_id in (select json_array_elements_text($2::json))`;

const RECORD_COMMANDS = /* sql */ `
insert into fallkit.case_command (tenant_id, command_id, case_id)
select $1, command_id, $2 from json_array_elements_text($3::json) as ids(command_id)
    on conflict (tenant_id, command_id) do nothing
returning command_id`;

async function recordCommands(session: SqlSession, tenantId: string, request: AppendRequest): Promise<void> {
  const commandIds = commandIdsOf(request.events);
  if (commandIds.length === 0) return;
  const ids = JSON.stringify(commandIds);
  const [stored] = await session.query<{ command_id: string }>(STORED_COMMANDS, [tenantId, ids]);
  if (stored) throw new RefuseInTransaction(duplicateCommandRefusal(request.caseId, stored.command_id));
  const recorded = new Set(
    (await session.query<{ command_id: string }>(RECORD_COMMANDS, [tenantId, request.caseId, ids])).map(
      (row) => row.command_id,
    ),
  );
  const raced = commandIds.find((id) => !recorded.has(id));
  if (raced !== undefined) throw new RefuseInTransaction(duplicateCommandRefusal(request.caseId, raced));
}

/**
 * The append transaction's body, run with the tenant set: optimistic concurrency on `expectedSeq`, the chain
 * check, the command ids, the feed positions, the events, the index row, and the notification (sent at commit). Refusals are
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

  const { seal } = request;
  if (seal && !sealsNewHead(seal, request))
    throw new RefuseInTransaction(malformedAppendRefusal(caseId, 'seal of another head'));
  await recordCommands(session, tenantId, request);
  if (seal) await session.query(UPSERT_SEAL, [tenantId, caseId, seal.seq, seal.hash, JSON.stringify(seal)]);
  // Before the tenant's lock: the index row (its row lock orders appenders of the same case) and the
  // notification (queued, sent at commit).
  if (request.index) await session.query(UPSERT_CASE_INDEX, [tenantId, caseId, JSON.stringify(request.index)]);
  await session.query('select pg_notify($1, $2)', [channel, 'a']);
  const [taken] = await session.query<{ first: string | null; inserted: number }>(TAKE_POSITIONS_AND_INSERT, [
    tenantId,
    caseId,
    events.length,
    encodeEvents(events),
  ]);
  if (taken?.first == null) throw new RefuseInTransaction(pgStoreRefused('STORE_TENANT_UNKNOWN', tenantId));
  const first = Number(taken.first);
  const lastPosition = first + events.length;
  return { ok: true, lastSeq: events.at(-1)!.seq, positions: { first, last: lastPosition } };
}

/**
 * What a unique violation during an append means: the stream moved on under us (the primary key), or an event
 * id this tenant already has. Undefined for any other error. Under row level security PostgreSQL leaves the
 * key out of the error's detail, and partitions' constraint names are derived (and cut at 63 bytes, keeping
 * the `_pkey`/`_key` ending), so the primary key is told by its ending and an event id by looking it up.
 */
export async function uniqueViolationRefusal(
  error: unknown,
  request: AppendRequest,
  lookUp: { actualSeq(): Promise<number>; storedEventIds(ids: readonly string[]): Promise<readonly string[]> },
): Promise<AppendResult | undefined> {
  if (errorCode(error) !== '23505') return undefined;
  const constraint = violatedConstraint(error) ?? '';
  if (!constraint.endsWith('_pkey')) {
    const stored = await lookUp.storedEventIds(request.events.map((event) => event.id));
    if (stored.length > 0) return pgStoreRefused('STORE_DUPLICATE_EVENT', stored.slice(0, 3).join(', '));
  }
  return conflictRefusal(request.caseId, request.expectedSeq, await lookUp.actualSeq());
}
