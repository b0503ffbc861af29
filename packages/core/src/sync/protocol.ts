import * as z from 'zod/mini';
import { ACTOR_ROLES, actorSchema } from '../ports/actor.js';
import { idSchema, shortTextSchema } from '../model/primitives.js';
import { DATA_CATEGORIES } from '../model/record-meta.js';
import { DECISION_OUTCOMES } from '../privacy/decision.js';
import { commandIdSchema, MAX_BATCH_COMMANDS } from '../service/command-batch.js';
import { headKeySetSchema, signedHeadSchema, signedStatementSchema } from './signed-head.js';

/*
 * The sync protocol between a device and the authoritative server (issue 15), as zod/mini schemas both
 * sides parse with: the server every request, the client every response. Browser-safe (no Node module).
 * Every object is strict and every list and text bounded, so a misspelt member or an oversized answer is
 * a refusal, never a silent default.
 *
 * The actor is never part of a request: the server takes it from the verified access token and its user
 * directory (DP-40). A pushed entry or command carrying `actor` is refused with `SYNC_ACTOR_IN_BODY`.
 */

/**
 * Where the endpoints live: `POST {base}/commands`, `GET {base}/feed`, `GET {base}/cases/:caseId`, `GET {base}/events`,
 * `GET {base}/me`, and the server's public head keys `GET {base}/keys` (a JWKS, no token needed).
 */
export const SYNC_BASE_PATH = '/fallkit/v1';

/** The paths of the endpoints. */
export const SYNC_PATHS = {
  commands: `${SYNC_BASE_PATH}/commands`,
  feed: `${SYNC_BASE_PATH}/feed`,
  cases: `${SYNC_BASE_PATH}/cases`,
  events: `${SYNC_BASE_PATH}/events`,
  me: `${SYNC_BASE_PATH}/me`,
  keys: `${SYNC_BASE_PATH}/keys`,
  /** A device's access log entries (issue 15, DP-28), recorded on the server once each. */
  accessLog: `${SYNC_BASE_PATH}/access-log`,
} as const;

/** Most commands one push may carry; they are executed in order. */
export const SYNC_PUSH_MAX_COMMANDS = 100;

/** Most changes one feed page may carry (`limit`), and the default. */
export const SYNC_FEED_MAX_LIMIT = 1000;
export const SYNC_FEED_DEFAULT_LIMIT = 500;

/** The largest request body the server reads (bytes); a larger one is refused with `SYNC_TOO_LARGE`. */
export const SYNC_BODY_MAX_BYTES = 4 * 1024 * 1024;

/** Most events a journal change may carry (a case journal of many years stays well below). */
export const SYNC_JOURNAL_MAX_EVENTS = 100_000;

/** The claim of the access token that names the tenant, unless the server is configured otherwise. */
export const SYNC_DEFAULT_TENANT_CLAIM = 'fallkit_tenant';

const position = z.int().check(z.nonnegative());
const hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const code = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Z][A-Z0-9_]*$/));
const sentence = z.string().check(z.maxLength(4000));

/** A German and an English sentence, as every refusal carries. */
export const syncTextSchema = z.strictObject({ de: sentence, en: sentence });

/** A refusal on the wire: the core's `Refusal`, `rule` always named (`SYNC` for the protocol's own). */
export const syncRefusalSchema = z.strictObject({
  code,
  rule: z.string().check(z.minLength(1), z.maxLength(64)),
  message: syncTextSchema,
  path: z.optional(z.array(z.union([z.string().check(z.maxLength(200)), z.int()])).check(z.maxLength(32))),
  hint: z.optional(syncTextSchema),
});

/** A refusal on the wire. */
export type SyncRefusal = z.infer<typeof syncRefusalSchema>;

/** The body of every refused request: `{ errors }` with the HTTP status of the first. */
export const syncErrorBodySchema = z.strictObject({
  errors: z.array(syncRefusalSchema).check(z.minLength(1), z.maxLength(200)),
});

/** The protocol's own refusal codes (the core's codes come back per command). */
export const SYNC_ERROR_CODES = [
  'SYNC_TOKEN_MISSING',
  'SYNC_TOKEN_INVALID',
  'SYNC_TOKEN_EXPIRED',
  'SYNC_TENANT_MISMATCH',
  'SYNC_USER_UNKNOWN',
  'SYNC_ACTOR_IN_BODY',
  'SYNC_BODY_INVALID',
  'SYNC_TOO_LARGE',
  'SYNC_NOT_FOUND',
  'SYNC_METHOD_NOT_ALLOWED',
  'SYNC_UNAVAILABLE',
  'SYNC_FAILED',
] as const;

/** One of {@link SYNC_ERROR_CODES}. */
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** One command as a device queued it: no `expectedSeq` or `commandId` (those are the pushed entry's), no actor. */
export const syncSingleCommandSchema = z.strictObject({
  type: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z_$][\w$]*$/)),
  caseId: z.optional(idSchema),
  reason: z.optional(shortTextSchema),
  input: z.unknown(),
});

/** A form save as a device queued it: several commands to one case, one decision (the core's batch). */
export const syncBatchCommandSchema = z.strictObject({
  caseId: z.optional(idSchema),
  commands: z.array(syncSingleCommandSchema).check(z.minLength(1), z.maxLength(MAX_BATCH_COMMANDS)),
});

/** What a pushed entry carries: one command, or a batch of commands to one case. */
export const syncCommandSchema = z.union([syncSingleCommandSchema, syncBatchCommandSchema]);

/** A queued command or batch. */
export type SyncCommand = z.infer<typeof syncCommandSchema>;

/** Most command ids a pushed entry's `after` names. */
export const SYNC_AFTER_MAX = 500;

/**
 * One entry of a push: the device's idempotency key, the command and the position it was decided on:
 * `baseSeq`, the server's journal position (`seq`) of the case its author saw (0 for a new case), and
 * `after`, the device's own earlier commands on the case it was decided on top of (queued or applied but
 * not yet pulled, so not in `baseSeq`). The server counts their events as the command's base, not as
 * another writer's, so several commands queued offline on one case never conflict with each other; every
 * other event since `baseSeq` (another person, or the same person on another device) is another writer's.
 * Without `after`, every event of the same actor counts as its own (devices before `after`).
 */
export const pushEntrySchema = z.strictObject({
  commandId: commandIdSchema,
  command: syncCommandSchema,
  baseSeq: position,
  after: z.optional(z.array(commandIdSchema).check(z.maxLength(SYNC_AFTER_MAX))),
});

/** One entry of a push. */
export type PushEntry = z.infer<typeof pushEntrySchema>;

/** `POST /fallkit/v1/commands`: up to {@link SYNC_PUSH_MAX_COMMANDS} entries, executed in order. */
export const pushRequestSchema = z.strictObject({
  commands: z.array(pushEntrySchema).check(z.minLength(1), z.maxLength(SYNC_PUSH_MAX_COMMANDS)),
});

/** A push request. */
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A journal event as the server stored it (the core's envelope, payload and note). */
export const syncEventSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  type: z.string().check(z.minLength(1), z.maxLength(100)),
  schemaVersion: z.int().check(z.positive()),
  caseId: z.string().check(z.minLength(1), z.maxLength(200)),
  seq: z.int().check(z.positive()),
  at: z.iso.datetime(),
  actor: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    role: z.enum(ACTOR_ROLES),
    agencyId: z.string().check(z.minLength(1), z.maxLength(200)),
    name: z.optional(z.string().check(z.maxLength(400))),
  }),
  reason: z.optional(z.string()),
  commandId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  payload: z.unknown(),
  note: z.optional(z.strictObject({ reason: z.optional(z.string()), actorName: z.optional(z.string()) })),
  payloadHash: hex64,
  prevHash: hex64,
  hash: hex64,
});

/**
 * An event the actor may not see, reduced to its link in the chain (DP-24: no trace of what it was):
 * no type, author, time, payload or note, only its place and hashes, so the journal around it still
 * verifies and its head still matches the server's seal.
 */
export const hiddenEventSchema = z.strictObject({
  hidden: z.literal(true),
  caseId: z.string().check(z.minLength(1), z.maxLength(200)),
  seq: z.int().check(z.positive()),
  prevHash: hex64,
  hash: hex64,
});

/** An event of a journal cut: whole, or a hash-only link. */
export const cutEventSchema = z.union([hiddenEventSchema, syncEventSchema]);

/** An event of a journal cut. */
export type CutEvent = z.infer<typeof cutEventSchema>;

/** A hidden link of a journal cut. */
export type HiddenEvent = z.infer<typeof hiddenEventSchema>;

/** The largest decided view a change may carry, as JSON text (a case of many years stays well below). */
export const SYNC_VIEW_MAX_CHARS = 2 * 1024 * 1024;

/** Whether a value's JSON text stays within `max` characters (a view is plain JSON data). */
function jsonWithin(value: unknown, max: number): boolean {
  try {
    return JSON.stringify(value).length <= max;
  } catch {
    return false;
  }
}

/** A text of a view's envelope (ids, purpose, command types). */
const viewText = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * The core's decided view of a case for the actor (`CaseView`, purpose `SYNC_PURPOSE`), as the server
 * sends it with a `cut` (issue 15): the envelope strict, the redacted case an object of at most
 * {@link SYNC_VIEW_MAX_CHARS} characters whose `caseId` is the view's and whose `lastSeq` is a position.
 * Its content is the server's decision (DP-24: withheld parts are markers already); the device checks with
 * `acceptCut` that it belongs to the cut's case, head and actor, and shows it as it is.
 */
export const syncCaseViewSchema = z
  .strictObject({
    caseId: idSchema,
    purpose: viewText,
    actor: z.strictObject({ id: viewText, role: z.enum(ACTOR_ROLES), agencyId: viewText }),
    decision: z.strictObject({
      outcome: z.enum(DECISION_OUTCOMES),
      reasons: z.array(z.record(z.string().check(z.maxLength(64)), z.unknown())).check(z.maxLength(200)),
    }),
    case: z.record(z.string().check(z.maxLength(64)), z.unknown()),
    categories: z.array(z.enum(DATA_CATEGORIES)).check(z.maxLength(DATA_CATEGORIES.length)),
    redacted: position,
    breakGlass: z.boolean(),
    restriction: z.optional(z.record(z.string().check(z.maxLength(64)), z.unknown())),
    mayIssue: z.optional(z.array(viewText).check(z.maxLength(500))),
  })
  .check(
    z.refine((view) => jsonWithin(view, SYNC_VIEW_MAX_CHARS), { message: 'view too large' }),
    z.refine((view) => view.case['caseId'] === view.caseId && Number.isInteger(view.case['lastSeq']), {
      message: 'view of another case',
    }),
  );

/** A decided view on the wire. */
export type SyncCaseView = z.infer<typeof syncCaseViewSchema>;

/**
 * A case's journal as the actor may have it: `full` (every event whole) or `cut` (some reduced to
 * links). `events` start at seq 1, or continue the head the device holds; `signedHead` is the server's
 * Ed25519 signature of the journal's head (see `signed-head.ts`), which the device checks against the
 * server's public keys before it stores anything (DP-44). A `cut` carries the server's decided `view` of
 * the case (see {@link syncCaseViewSchema}); a `full` one none.
 */
export const journalChangeSchema = z
  .strictObject({
    caseId: idSchema,
    kind: z.literal('journal'),
    scope: z.enum(['full', 'cut']),
    events: z.array(cutEventSchema).check(z.maxLength(SYNC_JOURNAL_MAX_EVENTS)),
    signedHead: z.optional(signedHeadSchema),
    view: z.optional(syncCaseViewSchema),
  })
  .check(
    z.refine(
      (change) => change.view === undefined || (change.scope === 'cut' && change.view.caseId === change.caseId),
      {
        message: 'a view belongs to a cut of the same case',
      },
    ),
  );

/** Access to a case ended (assignment ended, consent withdrawn, erasure): the device deletes the case and its key. */
export const revokedChangeSchema = z.strictObject({
  caseId: idSchema,
  kind: z.literal('revoked'),
  /** The journal's length when access ended: a device holding more of the case refuses the notice as stale. */
  seq: z.optional(position),
  /** The server's signature of `revokedStatement(caseId, seq, actor)` (DP-44): the device follows no unsigned notice. */
  signed: z.optional(signedStatementSchema),
});

/** One change of a feed page or a bootstrap. */
export const syncChangeSchema = z.union([journalChangeSchema, revokedChangeSchema]);

/** One change. */
export type SyncChange = z.infer<typeof syncChangeSchema>;

/** A journal change. */
export type JournalChange = z.infer<typeof journalChangeSchema>;

/** `GET /fallkit/v1/feed?after&limit` query, as parsed from the URL. */
export const feedQuerySchema = z.strictObject({
  after: position,
  limit: z.int().check(z.minimum(1), z.maximum(SYNC_FEED_MAX_LIMIT)),
});

/**
 * A feed page: the changes of the cases that moved after `after` (each once, the actor's caseload first,
 * then cases with items due in the next 7 days, then the rest), the feed `position` the device has
 * everything up to afterwards, whether `more` follows, and `progress` (feed positions done of total).
 */
export const feedResponseSchema = z.strictObject({
  changes: z.array(syncChangeSchema).check(z.maxLength(SYNC_FEED_MAX_LIMIT)),
  position,
  more: z.boolean(),
  progress: z.strictObject({ done: position, total: position }),
});

/** A feed page. */
export type FeedResponse = z.infer<typeof feedResponseSchema>;

/** `GET /fallkit/v1/cases/:caseId`: one case's change and the feed position it is current at. */
export const bootstrapResponseSchema = z.strictObject({
  change: syncChangeSchema,
  position,
});

/** `GET /fallkit/v1/keys`: the server's public head keys (see `headKeySetSchema`). */
export const keysResponseSchema = headKeySetSchema;

/** A bootstrap answer. */
export type BootstrapResponse = z.infer<typeof bootstrapResponseSchema>;

/** What was appended for a command: the case, its seq range and the event ids. */
export const commandOutcomeSchema = z.strictObject({
  caseId: idSchema,
  fromSeq: position,
  toSeq: position,
  eventIds: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(10_000)),
  notices: z.optional(z.array(syncRefusalSchema).check(z.maxLength(200))),
});

/**
 * The other side of a conflict: the device's command (`mine`) and what other writers appended since its
 * `baseSeq` (`theirs`, as the actor may see it), the targets both touch and the case's head now.
 */
export const syncConflictSchema = z.strictObject({
  mine: syncCommandSchema,
  theirs: z.array(cutEventSchema).check(z.maxLength(SYNC_JOURNAL_MAX_EVENTS)),
  targets: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(500)),
  baseSeq: position,
  headSeq: position,
  /** The server's signature of `conflictStatement(caseId, commandId, actor, conflict)` (DP-44): pins `theirs`. */
  signed: z.optional(signedStatementSchema),
});

/** A conflict. */
export type SyncConflict = z.infer<typeof syncConflictSchema>;

/** How one pushed command ended. */
export const SYNC_COMMAND_STATUSES = ['applied', 'replayed', 'refused', 'conflict'] as const;

/** One of {@link SYNC_COMMAND_STATUSES}. */
export type SyncCommandStatus = (typeof SYNC_COMMAND_STATUSES)[number];

/** The result of one pushed entry, in the order pushed. */
export const commandResultSchema = z.strictObject({
  commandId: commandIdSchema,
  status: z.enum(SYNC_COMMAND_STATUSES),
  /** The case's last seq after the command (applied, replayed). */
  seq: z.optional(position),
  outcome: z.optional(commandOutcomeSchema),
  errors: z.optional(z.array(syncRefusalSchema).check(z.minLength(1), z.maxLength(200))),
  conflict: z.optional(syncConflictSchema),
});

/** The result of one pushed entry. */
export type CommandResult = z.infer<typeof commandResultSchema>;

/** The answer to a push: a result per entry and the tenant's feed position afterwards. */
export const pushResponseSchema = z.strictObject({
  results: z.array(commandResultSchema).check(z.maxLength(SYNC_PUSH_MAX_COMMANDS)),
  position,
});

/** The answer to a push. */
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** `GET /fallkit/v1/me`: the actor as the server sees it, and its tenant. */
export const meResponseSchema = z.strictObject({
  actor: actorSchema,
  tenantId: z.string().check(z.minLength(1), z.maxLength(40)),
});

/** The `/me` answer. */
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The data of an SSE `event: position` message of `GET /fallkit/v1/events`. */
export const positionMessageSchema = z.strictObject({ position });

/** The name of the SSE event that says the tenant's feed moved. */
export const SYNC_POSITION_EVENT = 'position';
