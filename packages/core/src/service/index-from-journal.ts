import type { JournalEvent } from '../journal/journal-event.js';
import { foldCase } from '../fold/fold-case.js';
import { projectRightsIndex } from '../rights/rights-index.js';
import { anonymisedIndexEntry } from '../retention/retention-events.js';
import type { CaseIndexEntry } from '../store/case-store.js';
import { caseIndexEntry } from './case-index.js';

/**
 * The index row of a case as the core computes it from the journal alone: the fold's row with the
 * rights projection (restricted, erased: DP-31, DP-32), or the anonymised row once the retention
 * sweep ran (DP-36). `undefined` for streams that are not cases (the access log). Restoring a backup
 * and rebuilding an index use this, so index rows never come from anywhere but the journal.
 */
export function indexEntryFromJournal(events: readonly JournalEvent[]): CaseIndexEntry | undefined {
  const applied = [...events].reverse().find((event) => event.type === 'RetentionApplied');
  if (applied !== undefined) return anonymisedIndexEntry(applied.caseId, applied.seq, applied.at);
  const state = foldCase(events);
  return state === undefined ? undefined : projectRightsIndex(caseIndexEntry(state), events);
}
