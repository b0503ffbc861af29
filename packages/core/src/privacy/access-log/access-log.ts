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

/** The stream id of an agency's access log (a hash-chained stream of its own, DP-28, DP-38). */
export function accessLogStreamId(agencyId: string): string {
  return `access-log:${agencyId}`;
}

/** One access-log entry: who saw or exported what of which case, for which purpose, when (DP-28). */
export const accessLogEntrySchema = z.object({
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
  at: isoDateTimeSchema,
});

/** One access-log entry. */
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** Events of an access-log stream: `CaseViewed` and `CaseExported` (the latter for the export module). */
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
} as const satisfies EventCatalog;

/** What appending to the access log needs. */
export interface AccessLogPorts {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Appends one entry to the actor's agency's access log. Optimistic concurrency like any stream:
 * on `STORE_CONFLICT` (another tab logged first) it re-reads the tail and retries.
 */
export async function appendAccessLog(
  ports: AccessLogPorts,
  actor: Actor,
  entry: AccessLogEntry,
  type: keyof typeof ACCESS_LOG_EVENTS = 'CaseViewed',
): Promise<AppendResult> {
  const caseId = accessLogStreamId(actor.agencyId);
  let result: AppendResult = { ok: true, lastSeq: 0 };
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const journal = await ports.store.readJournal(caseId);
    const last = journal.at(-1);
    const events = await sealEvents([{ type, schemaVersion: 1, payload: entry }], {
      caseId,
      last,
      at: entry.at,
      actor,
      newId: () => ports.ids.next('event'),
    });
    result = await ports.store.append({ caseId, expectedSeq: last?.seq ?? 0, events });
    if (result.ok || result.errors[0]?.code !== 'STORE_CONFLICT') return result;
  }
  return result;
}

/** The entries of an access-log stream. */
export function accessLogEntries(journal: readonly JournalEvent[]): AccessLogEntry[] {
  return journal
    .filter((event) => event.type === 'CaseViewed' || event.type === 'CaseExported')
    .map((event) => event.payload as AccessLogEntry);
}
