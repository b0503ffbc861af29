import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import type { CaseState } from '../model/case-state.js';

/**
 * Rights bookkeeping kept after erasure: ids, dates and codes, no content about the person. They
 * prove that a request was answered and what was erased (accountability, Art. 5(2) GDPR).
 */
export const KEPT_AFTER_ERASURE: ReadonlySet<string> = new Set([
  'AccessRequestRecorded',
  'AccessRequestAnswered',
  'ErasureDecided',
  'DataErased',
  'RecipientNotified',
  'ProcessingRestricted',
  'RestrictionLifted',
]);

function subjectsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) subjectsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'subjectIds' && Array.isArray(inner)) {
        for (const id of inner) if (typeof id === 'string') into.add(id);
      } else {
        subjectsIn(inner, into);
      }
    }
  }
}

function isOnlyAbout(event: JournalEvent, subjectId: string): boolean {
  const payload = event.payload as Record<string, unknown>;
  if (event.type === 'PersonAdded') return (payload['person'] as { id?: unknown } | undefined)?.id === subjectId;
  if (event.type === 'PersonUpdated') return payload['personId'] === subjectId;
  if (event.type === 'DataRectified' || event.type === 'ObjectionRecorded') return payload['subjectId'] === subjectId;
  const subjects = new Set<string>();
  subjectsIn(payload, subjects);
  return subjects.size > 0 && [...subjects].every((id) => id === subjectId);
}

/**
 * The events whose payloads an erasure removes (DP-32). Scope `case`: every event except the rights
 * bookkeeping of {@link KEPT_AFTER_ERASURE}. Scope `subject`: the events only about that person
 * (items whose subjects are that person alone, the person record itself, their rectifications and
 * objections); items also about others stay, the person is named in them only by id.
 */
export function erasableSeqs(
  journal: readonly JournalEvent[],
  state: CaseState,
  scope: 'case' | 'subject',
  subjectId: string,
): number[] {
  const subjectScope = scope === 'subject' && subjectId !== state.addresseeId;
  return journal
    .filter((event) => !isErasedPayload(event.payload) && !KEPT_AFTER_ERASURE.has(event.type))
    .filter((event) => !subjectScope || isOnlyAbout(event, subjectId))
    .map((event) => event.seq);
}
