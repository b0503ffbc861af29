import * as z from 'zod/mini';
import { text } from '../../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from '../../events/event-definition.js';
import { sealEvents } from '../../journal/chain.js';
import type { JournalEvent } from '../../journal/journal-event.js';
import type { Actor } from '../../ports/actor.js';
import { ACTOR_ROLES } from '../../ports/actor.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import { dataCategorySchema } from '../../model/record-meta.js';
import { idSchema, isoDateTimeSchema } from '../../model/primitives.js';
import type { AppendResult, CaseStore } from '../../store/case-store.js';
import { ok, refused, type Refusal, type Result } from '../../result/refusal.js';
import { sha256HexSync } from '../../journal/sha256.js';

/** The stream id of an agency's access log (a hash-chained stream of its own, DP-28, DP-38). */
export function accessLogStreamId(agencyId: string): string {
  return `access-log:${agencyId}`;
}

/**
 * The read channels of the case views (DP-40), each logged under its name: the case view, the case
 * list, the history, a transfer preview, consents and releases, worklist input, report input, the
 * person's export, the access log itself, the case search, the duplicate check, the team overview, the
 * journals a device receives through the sync server (`sync`, issue 15), and the handover packages' status
 * loops (`handoverStatus`, issue 16), and what one recipient of a letter may receive (`recipientView`, issue 22).
 */
export const READ_CHANNELS = [
  'view',
  'caseList',
  'history',
  'transferPreview',
  'consents',
  'worklist',
  'report',
  'export',
  'accessLog',
  'sync',
  'search',
  'duplicateCheck',
  'teamOverview',
  'handoverStatus',
  'recipientView',
] as const;

/** One of {@link READ_CHANNELS}. */
export type ReadChannel = (typeof READ_CHANNELS)[number];

/** One access-log entry: who saw or exported what of which case, for which purpose, when (DP-28). */
export const accessLogEntrySchema = z.object({
  /** The case read; for a read of the access log itself, the log's stream id. */
  caseId: idSchema,
  actorId: idSchema,
  role: z.enum(ACTOR_ROLES),
  agencyId: idSchema,
  purpose: z.string(),
  /** Categories of the content shown. */
  categories: z.array(dataCategorySchema),
  outcome: z.enum(['allow', 'deny', 'allow-redacted']),
  /** Number of items withheld by markers. */
  redacted: z.int().check(z.nonnegative()),
  breakGlass: z.boolean(),
  /** Reason code of a refused view. */
  refusedWith: z.optional(z.string()),
  /** The channel read (`view` where absent: entries written before channels were logged by name). */
  channel: z.optional(z.enum(READ_CHANNELS)),
  at: isoDateTimeSchema,
  /**
   * The entry's own id, set where an entry is written on a device to be uploaded later (issue 15: the reads of
   * a synced device, `withCutViews`): the server records an entry with the same id once, so an upload repeated
   * after a lost answer is not a second entry ({@link recordDeviceAccessLog}).
   */
  entryId: z.optional(idSchema),
});

/** One access-log entry. */
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/**
 * Events of an access-log stream. `CaseViewed`: case content was shown (view, history, preview,
 * consents, worklist); `CaseExported`: a person's export; `CaseListed`: a case appeared in a list or
 * in report input (metadata or the statistical skeleton only, so the DP-38 alert on many cases read
 * does not count a caseload list); `AccessLogRead`: the data-protection officer read the log.
 */
export const ACCESS_LOG_EVENTS = {
  CaseViewed: defineEvent({
    type: 'CaseViewed',
    version: 1,
    schema: accessLogEntrySchema,
    title: text('Fall angesehen', 'Case viewed'),
  }),
  CaseExported: defineEvent({
    type: 'CaseExported',
    version: 1,
    schema: accessLogEntrySchema,
    title: text('Fall exportiert', 'Case exported'),
  }),
  CaseListed: defineEvent({
    type: 'CaseListed',
    version: 1,
    schema: accessLogEntrySchema,
    title: text('Fall in einer Liste gezeigt', 'Case shown in a list'),
  }),
  AccessLogRead: defineEvent({
    type: 'AccessLogRead',
    version: 1,
    schema: accessLogEntrySchema,
    title: text('Zugriffsprotokoll gelesen', 'Access log read'),
  }),
} as const satisfies EventCatalog;

/** An access-log event type. */
export type AccessLogEventType = keyof typeof ACCESS_LOG_EVENTS;

/** The event type an entry of a channel is logged as. */
export function accessLogEventType(channel: ReadChannel): AccessLogEventType {
  switch (channel) {
    case 'export':
      return 'CaseExported';
    case 'caseList':
    case 'report':
    case 'search':
    case 'duplicateCheck':
    case 'teamOverview':
      // Finding and counting cases are list reads, not content reads (the DP-38 alert counts the latter).
      return 'CaseListed';
    case 'accessLog':
      return 'AccessLogRead';
    default:
      return 'CaseViewed';
  }
}

/** What appending to the access log needs. */
export interface AccessLogPorts {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * The last event of every access-log stream a process has appended to or read, per store. Appending
 * seals onto this head and never reads the log whole again: only the first append of a process reads
 * it (the store port has no "last event" read), and an append that lost a race (`STORE_CONFLICT`:
 * another tab or service logged first) reads the events after the head (`afterSeq`). The chain is
 * verified when the log is read (`readAccessLog`), not on every append.
 */
const HEADS = new WeakMap<CaseStore, Map<string, JournalEvent | null>>();

/** How often an access-log append is tried before the read it logs is refused (DP-28: no read without its log). */
const ACCESS_LOG_ATTEMPTS = 16;

function headsOf(store: CaseStore): Map<string, JournalEvent | null> {
  let heads = HEADS.get(store);
  if (heads === undefined) {
    heads = new Map();
    HEADS.set(store, heads);
  }
  return heads;
}

/** Remembers the head of an access-log stream that was just read whole (by the reader). */
export function rememberAccessLogHead(store: CaseStore, journal: readonly JournalEvent[], agencyId: string): void {
  headsOf(store).set(accessLogStreamId(agencyId), journal.at(-1) ?? null);
}

/**
 * Appends entries to the actor's agency's access log, in one append (one entry per case a channel
 * showed). Optimistic concurrency like any stream: it seals onto the remembered head; on
 * `STORE_CONFLICT` it reads the tail once more and retries.
 */
export async function appendAccessLog(
  ports: AccessLogPorts,
  actor: Actor,
  entries: AccessLogEntry | readonly AccessLogEntry[],
  type?: AccessLogEventType,
  options: { readonly commandId?: string } = {},
): Promise<AppendResult> {
  const list: readonly AccessLogEntry[] = Array.isArray(entries) ? entries : [entries as AccessLogEntry];
  if (list.length === 0) return { ok: true, lastSeq: 0 };
  const caseId = accessLogStreamId(actor.agencyId);
  const heads = headsOf(ports.store);
  let result: AppendResult = { ok: true, lastSeq: 0 };
  for (let attempt = 0; attempt < ACCESS_LOG_ATTEMPTS; attempt += 1) {
    // Two tabs that log the same moment lose to each other in lockstep; a short random pause after a
    // lost race lets one of them through (seen as a refused read in the two-tab test under load).
    if (attempt > 1) await new Promise<void>((resolve) => setTimeout(() => resolve(), Math.random() * 8 * attempt));
    let last = heads.get(caseId);
    if (last === undefined) {
      // The first append of this process: the one time the log is read whole.
      last = (await ports.store.readJournal(caseId)).at(-1) ?? null;
    } else if (attempt > 0) {
      // Lost a race: only the events written since the remembered head are read.
      const tail = await ports.store.readJournal(caseId, { afterSeq: last?.seq ?? 0 });
      last = tail.at(-1) ?? last;
    }
    heads.set(caseId, last);
    const events = await sealEvents(
      list.map((entry) => ({
        type: type ?? accessLogEventType(entry.channel ?? 'view'),
        schemaVersion: 1,
        payload: entry,
      })),
      {
        caseId,
        last: last ?? undefined,
        at: list[0]!.at,
        actor,
        ...(options.commandId === undefined ? {} : { commandId: options.commandId }),
        newId: () => ports.ids.next('event'),
      },
    );
    result = await ports.store.append({ caseId, expectedSeq: last?.seq ?? 0, events });
    if (result.ok) {
      heads.set(caseId, events.at(-1)!);
      return result;
    }
    if (result.errors[0]?.code !== 'STORE_CONFLICT') return result;
  }
  return result;
}

/** The entries of an access-log stream. */
export function accessLogEntries(journal: readonly JournalEvent[]): AccessLogEntry[] {
  return journal.filter((event) => event.type in ACCESS_LOG_EVENTS).map((event) => event.payload as AccessLogEntry);
}

/** Most entries one device upload may carry. */
export const DEVICE_ACCESS_LOG_MAX_ENTRIES = 200;

/** What {@link recordDeviceAccessLog} did: entries newly recorded, and entries the log held already (a repeat). */
export interface RecordedDeviceAccessLog {
  readonly recorded: number;
  readonly replayed: number;
}

/**
 * The command id an uploaded entry is recorded under: the store refuses a second event carrying it, tenant-wide.
 * A digest of agency, actor and entry id (DP-40: a person is agency and user id together; a separator inside
 * an id cannot make two people's keys meet), under the prefix `access-log/`: a `/` is no letter of a command
 * id a device may push (`commandIdSchema`), so no pushed command can take an entry's key before it is logged.
 */
export function deviceAccessLogKey(actor: Pick<Actor, 'id' | 'agencyId'>, entryId: string): string {
  return `access-log/${sha256HexSync(JSON.stringify([actor.agencyId, actor.id, entryId]))}`;
}

/**
 * Records, in the actor's agency's access log on the server, the entries a synced device logged for the same
 * actor's reads (issue 15, DP-28: the data-protection officer's access report then holds the reads made offline
 * too). Every entry must parse, carry its `entryId`, and name exactly this actor (id, role, agency: DP-40, the
 * actor is the verified token's; a device cannot log for anyone else); otherwise nothing is recorded and the
 * refusal names the entry. Each entry is appended under the command id {@link deviceAccessLogKey}, so an entry
 * already recorded (an upload repeated after a lost answer) is counted as `replayed` and not written again.
 */
export async function recordDeviceAccessLog(
  ports: AccessLogPorts,
  actor: Actor,
  entries: unknown,
): Promise<Result<RecordedDeviceAccessLog>> {
  if (!Array.isArray(entries) || entries.length > DEVICE_ACCESS_LOG_MAX_ENTRIES)
    return refused(accessLogUploadRefusal('ACCESS_LOG_UPLOAD_INVALID', []));
  const parsed: (AccessLogEntry & { entryId: string })[] = [];
  for (const [index, raw] of entries.entries()) {
    const entry = accessLogEntrySchema.safeParse(raw);
    if (!entry.success || entry.data.entryId === undefined)
      return refused(accessLogUploadRefusal('ACCESS_LOG_UPLOAD_INVALID', [index]));
    const { actorId, role, agencyId } = entry.data;
    if (actorId !== actor.id || role !== actor.role || agencyId !== actor.agencyId)
      return refused(accessLogUploadRefusal('ACCESS_LOG_UPLOAD_FOREIGN', [index]));
    parsed.push(entry.data as AccessLogEntry & { entryId: string });
  }
  let recorded = 0;
  let replayed = 0;
  for (const entry of parsed) {
    const commandId = deviceAccessLogKey(actor, entry.entryId);
    if ((await ports.store.findCommand(commandId)) !== undefined) {
      replayed += 1;
      continue;
    }
    const appended = await appendAccessLog(ports, actor, entry, undefined, { commandId });
    if (appended.ok) recorded += 1;
    else if (appended.errors[0]?.code === 'STORE_DUPLICATE_COMMAND') replayed += 1;
    else return appended;
  }
  return ok({ recorded, replayed });
}

/** Codes of {@link recordDeviceAccessLog}'s own refusals. */
export type AccessLogUploadCode = 'ACCESS_LOG_UPLOAD_INVALID' | 'ACCESS_LOG_UPLOAD_FOREIGN';

function accessLogUploadRefusal(code: AccessLogUploadCode, path: readonly (string | number)[]): Refusal {
  return code === 'ACCESS_LOG_UPLOAD_INVALID'
    ? {
        code,
        rule: 'DP-28',
        path: ['entries', ...path],
        message: text(
          `Die Protokolleinträge des Geräts sind unvollständig oder ungültig (höchstens ${DEVICE_ACCESS_LOG_MAX_ENTRIES} je Sendung, jeder mit seiner Kennung); es wurde nichts eingetragen.`,
          `The device's log entries are incomplete or invalid (at most ${DEVICE_ACCESS_LOG_MAX_ENTRIES} per upload, each with its id); nothing was recorded.`,
        ),
      }
    : {
        code,
        rule: 'DP-40',
        path: ['entries', ...path],
        message: text(
          'Ein Gerät kann nur Zugriffe der angemeldeten Person protokollieren; es wurde nichts eingetragen.',
          'A device can only log accesses of the signed-in person; nothing was recorded.',
        ),
      };
}
