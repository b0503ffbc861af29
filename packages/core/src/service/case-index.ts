import type { CaseIndexEntry } from '../store/case-store.js';
import type { CaseState } from '../model/case-state.js';

function earliest(dates: readonly (string | undefined)[]): string | null {
  let min: string | null = null;
  for (const date of dates) if (date !== undefined && (min === null || date < min)) min = date;
  return min;
}

/**
 * The case index row for a state: what lists, filters and the worklist read without replaying.
 * Holds no special-category data: label, stage, agencies, user ids, legal domains, a due date and
 * flags (`crisis` while a crisis is open).
 */
export function caseIndexEntry(state: CaseState): CaseIndexEntry {
  const lead = state.leadAgencies.at(-1);
  const open = state.status === 'open';
  const flags = state.crises.some((crisis) => crisis.resolvedOn === undefined) ? ['crisis'] : [];
  return {
    caseId: state.caseId,
    lastSeq: state.lastSeq,
    updatedAt: state.updatedAt,
    status: state.status,
    stage: state.stage,
    leadAgencyId: lead?.agencyId ?? null,
    caseManagerIds: [...new Set(state.caseManagers.filter((p) => p.to === undefined).map((p) => p.userId))],
    legalDomains: [...new Set(state.legalDomains.filter((p) => p.to === undefined).map((p) => p.domain))],
    nextDueDate: open
      ? earliest([
          ...state.followUps.filter((f) => !f.done).map((f) => f.dueOn),
          ...state.providerReferrals
            .filter((r) => r.status !== 'completed' && r.status !== 'declined')
            .map((r) => r.feedback.nextFeedbackOn),
        ])
      : null,
    label: state.label,
    ...(flags.length > 0 ? { flags } : {}),
  };
}
