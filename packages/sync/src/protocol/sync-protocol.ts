import {
  bootstrapResponseSchema,
  feedResponseSchema,
  keysResponseSchema,
  type HeadKeySet,
  meResponseSchema,
  positionMessageSchema,
  pushResponseSchema,
  syncErrorBodySchema,
  type CommandResult,
  type CutEvent,
  type FeedResponse,
  type JournalChange as CoreJournalChange,
  type PushEntry,
  type PushRequest as CorePushRequest,
  type PushResponse as CorePushResponse,
  type SyncChange,
  type SyncConflict as CoreSyncConflict,
} from '@fallkit/core/sync';
import type { Actor, Refusal } from '@fallkit/core';

/**
 * The sync protocol as the client reads it: the server's strict, bounded zod/mini schemas from
 * `@fallkit/core/sync` (one source for both sides). Every answer is parsed before anything of it is
 * used, so a malformed answer is a typed refusal and never reaches the local store.
 */
export {
  SYNC_BASE_PATH,
  SYNC_PATHS,
  SYNC_FEED_MAX_LIMIT as MAX_FEED_LIMIT,
  SYNC_PUSH_MAX_COMMANDS as MAX_PUSH_COMMANDS,
  SYNC_POSITION_EVENT,
} from '@fallkit/core/sync';

/** One pushed entry: the command (or a form's batch), its idempotency key and the journal position it was decided on. */
export type PushedCommand = PushEntry;
/** The push request body. */
export type PushRequest = CorePushRequest;
/** The server's answer for one pushed entry. */
export type PushResult = CommandResult;
/** The push answer: one result per entry and the feed position after the push. */
export type PushResponse = CorePushResponse;
/** The other side of a conflict, as the server sends it. */
export type PushConflict = CoreSyncConflict;
/** A case's journal as this actor may receive it (`full`, or `cut` with hidden links). */
export type JournalChange = CoreJournalChange;
/** An event of a received journal: whole, or a hash-only link of a cut. */
export type ReceivedEvent = CutEvent;
/** One entry of the feed: a journal or a revocation. */
export type FeedChange = SyncChange;
/** One page of the feed. */
export type FeedPage = FeedResponse;

/** The refusals of an error body; `[]` when it does not parse. */
export function parseErrorBody(value: unknown): Refusal[] {
  const parsed = syncErrorBodySchema.safeParse(value);
  return parsed.success ? (parsed.data.errors as Refusal[]) : [];
}

/** A feed page, or `undefined` when it does not parse (one bad change refuses the page: nothing is skipped). */
export function parseFeedPage(value: unknown): FeedPage | undefined {
  const parsed = feedResponseSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The change of a bootstrap answer, or `undefined`. */
export function parseBootstrap(value: unknown): FeedChange | undefined {
  const parsed = bootstrapResponseSchema.safeParse(value);
  return parsed.success ? parsed.data.change : undefined;
}

/** A push answer, or `undefined`. */
export function parsePushResponse(value: unknown): PushResponse | undefined {
  const parsed = pushResponseSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The `/me` answer (the actor as the server sees it, and the tenant), or `undefined`. */
export function parseMe(value: unknown): { actor: Actor; tenantId: string } | undefined {
  const parsed = meResponseSchema.safeParse(value);
  return parsed.success ? { actor: parsed.data.actor as Actor, tenantId: parsed.data.tenantId } : undefined;
}

/** The position of an SSE `position` message's data, or `undefined`. */
export function parsePositionMessage(data: string): number | undefined {
  try {
    const parsed = positionMessageSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data.position : undefined;
  } catch {
    return undefined;
  }
}

/** The server's public head keys (`GET /fallkit/v1/keys`), or `undefined`. */
export function parseKeys(value: unknown): HeadKeySet | undefined {
  const parsed = keysResponseSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
