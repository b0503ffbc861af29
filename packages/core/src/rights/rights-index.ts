import type { JournalEvent } from '../journal/journal-event.js';
import type { CaseIndexEntry } from '../store/case-store.js';
import { foldRights } from './rights-state.js';

/**
 * The case index row with the data-subject rights applied (DP-31, DP-32): a restricted case gets
 * status `restricted` and leaves every list that asks for open or closed cases; an erased case gets
 * status `erased` and keeps nothing but its id and sequence. The case service applies it to every row
 * it writes, so no later command puts a restricted case back on a worklist.
 */
export function projectRightsIndex(entry: CaseIndexEntry, journal: readonly JournalEvent[]): CaseIndexEntry {
  const rights = foldRights(journal);
  if (rights.erased) {
    return {
      caseId: entry.caseId,
      lastSeq: entry.lastSeq,
      updatedAt: entry.updatedAt,
      status: 'erased',
      stage: 'erased',
      leadAgencyId: null,
      caseManagerIds: [],
      legalDomains: [],
      nextDueDate: null,
      label: '',
      flags: ['erased'],
    };
  }
  if (rights.restricted) {
    return {
      ...entry,
      status: 'restricted',
      nextDueDate: null,
      flags: [...new Set([...(entry.flags ?? []), 'restricted'])],
    };
  }
  return entry;
}
