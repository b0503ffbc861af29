import type { JournalEvent } from '../journal/journal-event.js';
import { foldCase } from '../fold/fold-case.js';
import type { ReportSource } from '../reporting/build-report.js';
import { pseudonymisedView, type PseudonymisedCase } from '../reporting/pseudonymised-view.js';
import { text } from '../i18n/localized-text.js';
import { ok, refused, type Result } from '../result/refusal.js';
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

/**
 * A pseudonymised case example (DP-34) that respects objections and restrictions (DP-31): refused
 * with `DENY_EXCLUDED_FROM_EXAMPLES` while the addressee's objection is open or upheld, or the case is
 * restricted or erased.
 */
export async function caseExampleOf(events: readonly JournalEvent[], key: string): Promise<Result<PseudonymisedCase>> {
  const source = reportSourceOf(events);
  if (source === undefined) {
    return refused({
      code: 'CASE_NOT_FOUND',
      rule: 'DP-34',
      message: text('Diese Akte gibt es nicht.', 'There is no such case.'),
    });
  }
  if (source.excludeFromStatistics === true) {
    return refused({
      code: 'DENY_EXCLUDED_FROM_EXAMPLES',
      rule: 'DP-31',
      message: text(
        'Die Person hat widersprochen oder die Verarbeitung ist eingeschränkt: die Akte dient nicht als Fallbeispiel.',
        'The person objected or processing is restricted: the case is not used as a case example.',
      ),
    });
  }
  return ok(await pseudonymisedView(source.state, key));
}
