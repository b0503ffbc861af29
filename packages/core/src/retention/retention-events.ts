import * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from '../events/event-definition.js';
import type { CaseIndexEntry } from '../store/case-store.js';

/**
 * `RetentionApplied` v1, written into a case journal by the retention sweep before it anonymises the
 * case (DP-36): the decision every erasure marker of the sweep points to (DP-44). It erases every
 * event before it and carries only codes, ids and dates, so it stays after the sweep.
 */
export const retentionAppliedPayload = z.strictObject({
  /** The marker rule of the erased events: `DP-36:<rule id of the retention table>`. */
  rule: z.string().check(z.regex(/^DP-36:[A-Za-z0-9._-]{1,80}$/)),
  ruleId: z.string().check(z.minLength(1), z.maxLength(80)),
  planHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  appliedOn: z.iso.date(),
});

/** Events the retention module writes into case journals (the retention log has its own catalog). */
export const RETENTION_CASE_EVENTS = {
  RetentionApplied: defineEvent({
    type: 'RetentionApplied',
    version: 1,
    schema: retentionAppliedPayload,
    title: text('Aufbewahrungsfrist abgelaufen, anonymisiert', 'Retention period over, anonymised'),
  }),
} as const satisfies EventCatalog;

/** The index row of a case the retention sweep anonymised: no label, no people, no agency (DP-36). */
export function anonymisedIndexEntry(caseId: string, lastSeq: number, updatedAt: string): CaseIndexEntry {
  return {
    caseId,
    lastSeq,
    updatedAt,
    status: 'anonymised',
    stage: 'anonymised',
    leadAgencyId: null,
    caseManagerIds: [],
    legalDomains: [],
    nextDueDate: null,
    label: '',
    flags: ['anonymised'],
  };
}
