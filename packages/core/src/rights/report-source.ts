import type { JournalEvent } from '../journal/journal-event.js';
import { foldCase } from '../fold/fold-case.js';
import type { ReportSource } from '../reporting/build-report.js';
import { foldRights } from './rights-state.js';

/**
 * A case journal as a report source (DP-31): left out of statistics while its addressee's objection
 * is open or upheld, while the case is restricted, and once it is erased. `undefined` for a journal
 * that is not a case.
 */
export function reportSourceOf(events: readonly JournalEvent[]): ReportSource | undefined {
  const state = foldCase(events);
  if (state === undefined) return undefined;
  const rights = foldRights(events);
  const excluded = rights.restricted || rights.erased || rights.excludedSubjectIds.has(state.addresseeId);
  return { state, excludeFromStatistics: excluded };
}
