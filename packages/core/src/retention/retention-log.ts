import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from '../events/event-definition.js';
import { createPayloadCheck } from '../events/upcast.js';
import { isErasedPayload, type JournalEvent } from '../journal/journal-event.js';
import type { CaseStore } from '../store/case-store.js';
import type { StatisticalRecord } from '../reporting/statistical-record.js';

/** The stream the retention sweep writes its deletion log to (hash-chained like a case journal). */
export const RETENTION_LOG_STREAM = 'retention-log';

const statisticalRecordSchema = z.object({
  organisation: z.string(),
  region: z.string(),
  legalDomain: z.string(),
  stage: z.string(),
  status: z.string(),
  closureReason: z.string(),
  openedQuarter: z.string(),
  closedQuarter: z.string(),
  goalAttainments: z.array(z.string()),
  serviceGaps: z.array(z.string()),
  misrouted: z.enum(['yes', 'no']),
});

/** One line of the deletion log: only a hash of the case id, the date and the rule (DP-36). */
export const deletionLogEntrySchema = z.object({
  caseIdHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  date: z.iso.date(),
  ruleId: z.string().check(z.minLength(1)),
  action: z.enum(['delete', 'anonymise']),
});

/** One line of the deletion log. */
export type DeletionLogEntry = z.infer<typeof deletionLogEntrySchema>;

/** `RetentionExecuted` v1: a confirmed batch of the retention sweep was carried out. */
export const retentionExecutedPayload = z.object({
  batchId: z.string().check(z.minLength(1)),
  planHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  scheduleVersion: z.string(),
  /** The day the plan was made for. */
  planDate: z.iso.date(),
  entries: z.array(deletionLogEntrySchema),
  /**
   * The statistical skeletons of the removed cases (no ids, no names, no free text), so published
   * aggregates can be reproduced after the personal data are gone.
   */
  statisticalRecords: z.array(statisticalRecordSchema),
});

/** The events of the retention log. */
export const RETENTION_EVENTS = {
  RetentionExecuted: defineEvent({
    type: 'RetentionExecuted',
    version: 1,
    schema: retentionExecutedPayload,
    title: text('Aufbewahrungsfristen vollzogen', 'Retention executed'),
  }),
} as const satisfies EventCatalog;

/** Checks payloads of the retention log for `verifyJournal`. */
export const checkRetentionLogPayload = createPayloadCheck(RETENTION_EVENTS);

/** The `RetentionExecuted` events of the log, in order (erased ones left out). */
export async function readRetentionLog(store: CaseStore): Promise<JournalEvent[]> {
  const events = await store.readJournal(RETENTION_LOG_STREAM);
  return events.filter((event) => event.type === 'RetentionExecuted' && !isErasedPayload(event.payload));
}

/** The statistical records the sweep kept (pass them to `buildReport` as `archive`). */
export async function retentionArchive(store: CaseStore): Promise<StatisticalRecord[]> {
  const events = await readRetentionLog(store);
  return events.flatMap((event) => (event.payload as z.infer<typeof retentionExecutedPayload>).statisticalRecords);
}
