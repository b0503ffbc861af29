import type { JournalEvent } from '@fallkit/core';
import type { SqlSession } from '../sql/sql-database.js';
import { EVENT_COLUMNS, decodeEvent, type EventRow } from '../store/event-rows.js';

/** One event of a tenant's feed with its position. */
export interface FeedEntry {
  /** 1, 2, 3 … per tenant, without gaps, in commit order. */
  readonly position: number;
  readonly event: JournalEvent;
}

/** A page of the feed and the cursor to ask from next. */
export interface FeedPage {
  readonly entries: readonly FeedEntry[];
  /** The position of the last entry, or the `after` asked with when the page is empty. */
  readonly position: number;
}

/** The most a page holds. */
export const MAX_FEED_PAGE = 1000;

/** The tenant's events after `after` in feed order, at most `limit`. */
export async function readFeedPage(
  session: SqlSession,
  tenantId: string,
  after: number,
  limit: number,
): Promise<FeedPage> {
  const rows = await session.query<EventRow & { position: string }>(
    `select feed_position::text as position, ${EVENT_COLUMNS} from fallkit.case_event
      where tenant_id = $1 and feed_position > $2::bigint
      order by feed_position limit $3`,
    [tenantId, String(after), limit],
  );
  const entries = rows.map((row) => ({ position: Number(row.position), event: decodeEvent(row) }));
  return { entries, position: entries.at(-1)?.position ?? after };
}

/** The last position handed out in the tenant (0 before the first append). */
export async function readFeedHead(session: SqlSession, tenantId: string): Promise<number | undefined> {
  const [row] = await session.query<{ head: string }>(
    'select feed_position::text as head from fallkit.tenant where tenant_id = $1',
    [tenantId],
  );
  return row ? Number(row.head) : undefined;
}

/** Streams that got events after `after`, and the highest position among them. */
export async function readChangedStreams(
  session: SqlSession,
  tenantId: string,
  after: number,
): Promise<{ caseIds: string[]; position: number }> {
  const rows = await session.query<{ case_id: string; position: string }>(
    `select case_id, max(feed_position)::text as position from fallkit.case_event
      where tenant_id = $1 and feed_position > $2::bigint group by case_id`,
    [tenantId, String(after)],
  );
  return {
    caseIds: rows.map((row) => row.case_id),
    position: rows.reduce((highest, row) => Math.max(highest, Number(row.position)), after),
  };
}
