import type { JournalEvent, JournalSealRecord, Refusal } from '@fallkit/core';

/**
 * The sync protocol's shapes as the client reads them (docs/sync.md; HELPERS' protocol, base path
 * `/fallkit/v1`). The server's zod schemas in `@fallkit/core/sync` are the authority; until they are on
 * main the client checks answers with the small structural guards below, so a malformed answer is a
 * typed refusal and never reaches the local store.
 */

/** The base path of every endpoint. */
export const SYNC_BASE_PATH = '/fallkit/v1';

/** The most commands one push carries (the server refuses more with `SYNC_TOO_LARGE`). */
export const MAX_PUSH_COMMANDS = 100;

/** The most changes one feed page asks for. */
export const MAX_FEED_LIMIT = 1000;

/** One command as pushed: the command with its case, its idempotency key and the journal position it was decided on. */
export interface PushedCommand {
  readonly commandId: string;
  readonly command: unknown;
  readonly baseSeq: number;
}

/** The push request body. */
export interface PushRequest {
  readonly commands: readonly PushedCommand[];
}

/** What the server decided about one pushed command. */
export type PushStatus = 'applied' | 'replayed' | 'refused' | 'conflict';

/** The other side of a conflict: the pushed command and the decided events another writer appended since its base. */
export interface PushConflict {
  readonly mine: unknown;
  readonly theirs: readonly JournalEvent[];
}

/** The server's answer for one command. */
export interface PushResult {
  readonly commandId: string;
  readonly status: PushStatus;
  readonly seq?: number;
  readonly outcome?: unknown;
  readonly errors?: readonly Refusal[];
  readonly conflict?: PushConflict;
}

/** The push answer: one result per command, in order, and the feed position after the push. */
export interface PushResponse {
  readonly results: readonly PushResult[];
  readonly position: number;
}

/** A case's journal as this actor may receive it: full, or cut by the core (withheld payloads absent). */
export interface JournalChange {
  readonly caseId: string;
  readonly kind: 'journal';
  readonly events: readonly JournalEvent[];
  readonly seal?: JournalSealRecord;
}

/** Access to a case ended: the device deletes the case and its key. */
export interface RevokedChange {
  readonly caseId: string;
  readonly kind: 'revoked';
}

/** One entry of the feed. */
export type FeedChange = JournalChange | RevokedChange;

/** One page of the feed after a position. */
export interface FeedPage {
  readonly changes: readonly FeedChange[];
  readonly position: number;
  readonly more: boolean;
  readonly progress: { readonly done: number; readonly total: number };
}

/** The body of an error answer. */
export interface ErrorBody {
  readonly errors: readonly Refusal[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 200;
const PUSH_STATUSES: readonly string[] = ['applied', 'replayed', 'refused', 'conflict'];

/** A refusal as the server sends it (code and both languages), else `undefined`. */
export function parseRefusal(value: unknown): Refusal | undefined {
  if (!isObject(value) || typeof value['code'] !== 'string' || !isObject(value['message'])) return undefined;
  const { de, en } = value['message'];
  if (typeof de !== 'string' || typeof en !== 'string') return undefined;
  return {
    code: value['code'].slice(0, 100),
    message: { de: de.slice(0, 2000), en: en.slice(0, 2000) },
    ...(typeof value['rule'] === 'string' ? { rule: value['rule'].slice(0, 100) } : {}),
  };
}

/** The refusals of an error body; `[]` when it holds none that parse. */
export function parseErrorBody(value: unknown): Refusal[] {
  if (!isObject(value) || !Array.isArray(value['errors'])) return [];
  return value['errors'].slice(0, 50).flatMap((item) => parseRefusal(item) ?? []);
}

/**
 * Events are checked shallowly here (an object with the case, a positive seq and hashes); the
 * journal's own verification before anything is written checks the rest (chain, hashes, payloads).
 */
function isEventLike(value: unknown, caseId: string): value is JournalEvent {
  return (
    isObject(value) &&
    value['caseId'] === caseId &&
    isPosition(value['seq']) &&
    typeof value['hash'] === 'string' &&
    typeof value['prevHash'] === 'string'
  );
}

/** A feed or bootstrap change, or `undefined` when it is malformed. */
export function parseChange(value: unknown): FeedChange | undefined {
  if (!isObject(value) || !isId(value['caseId'])) return undefined;
  const caseId = value['caseId'];
  if (value['kind'] === 'revoked') return { caseId, kind: 'revoked' };
  if (value['kind'] !== 'journal' || !Array.isArray(value['events'])) return undefined;
  if (!value['events'].every((event) => isEventLike(event, caseId))) return undefined;
  const seal = value['seal'];
  if (seal !== undefined && !isObject(seal)) return undefined;
  return {
    caseId,
    kind: 'journal',
    events: value['events'] as JournalEvent[],
    ...(seal === undefined ? {} : { seal: seal as unknown as JournalSealRecord }),
  };
}

/** A feed page, or `undefined` when it is malformed (one bad change refuses the page: nothing is skipped). */
export function parseFeedPage(value: unknown): FeedPage | undefined {
  if (!isObject(value) || !Array.isArray(value['changes']) || !isPosition(value['position'])) return undefined;
  if (typeof value['more'] !== 'boolean') return undefined;
  const changes: FeedChange[] = [];
  for (const raw of value['changes']) {
    const change = parseChange(raw);
    if (change === undefined) return undefined;
    changes.push(change);
  }
  const progress = isObject(value['progress']) ? value['progress'] : {};
  const done = isPosition(progress['done']) ? progress['done'] : changes.length;
  const total = isPosition(progress['total']) ? progress['total'] : done;
  return { changes, position: value['position'], more: value['more'], progress: { done, total } };
}

/** A push answer, or `undefined` when it is malformed. */
export function parsePushResponse(value: unknown): PushResponse | undefined {
  if (!isObject(value) || !Array.isArray(value['results']) || !isPosition(value['position'])) return undefined;
  const results: PushResult[] = [];
  for (const raw of value['results']) {
    if (!isObject(raw) || !isId(raw['commandId']) || !PUSH_STATUSES.includes(raw['status'] as string)) return undefined;
    const conflict = raw['conflict'];
    const errors = Array.isArray(raw['errors']) ? raw['errors'].flatMap((item) => parseRefusal(item) ?? []) : undefined;
    results.push({
      commandId: raw['commandId'],
      status: raw['status'] as PushStatus,
      ...(isPosition(raw['seq']) ? { seq: raw['seq'] } : {}),
      ...(raw['outcome'] === undefined ? {} : { outcome: raw['outcome'] }),
      ...(errors === undefined ? {} : { errors }),
      ...(isObject(conflict) && Array.isArray(conflict['theirs'])
        ? { conflict: { mine: conflict['mine'], theirs: conflict['theirs'] as JournalEvent[] } }
        : {}),
    });
  }
  return { results, position: value['position'] };
}
