import type { CaseState } from '../../model/case-state.js';
import type { CaseSection } from '../categories.js';
import { isRedactionMarker } from '../decision.js';
import { CONTENT_SECTIONS, SINGLE_ITEM_SECTIONS } from './case-units.js';
import type { CaseView } from './view-case.js';

function withoutMarkers(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (isRedactionMarker(field)) continue;
    out[key] = Array.isArray(field) ? field.filter((entry) => !isRedactionMarker(entry)) : field;
  }
  return out;
}

/**
 * The case as the view shows it, with every withheld item and part left out instead of marked: the
 * input of the channels that compute from a case (worklist, list rows). What is not in the view is
 * not in here, so nothing computed from it can name, count or date a withheld item (DP-23, DP-24).
 * The result has the shape of {@link CaseState}, but is partial where the view withheld fields (a
 * person whose details are withheld has no birth date): computations must read it defensively.
 */
export function visibleState(view: CaseView): CaseState {
  const out: Record<string, unknown> = { ...view.case };
  for (const section of CONTENT_SECTIONS) {
    const value = out[section];
    if (SINGLE_ITEM_SECTIONS.includes(section)) {
      out[section] =
        value === null || value === undefined || isRedactionMarker(value)
          ? null
          : withoutMarkers(value as Record<string, unknown>);
      continue;
    }
    out[section] = ((value ?? []) as unknown[])
      .filter((item) => !isRedactionMarker(item))
      .map((item) => withoutMarkers(item as Record<string, unknown>));
  }
  return out as unknown as CaseState;
}

/**
 * The sections the worklist dates items from (`buildWorklist`, `nextDeadline`): a withheld item in one of
 * them may carry a deadline the visible state cannot show.
 */
const DEADLINE_SECTIONS: readonly CaseSection[] = [
  'admission',
  'firstCounselling',
  'assessments',
  'goals',
  'measures',
  'followUps',
  'contacts',
  'caseConferences',
  'progressJudgements',
  'deviations',
  'readinessObservations',
  'referrals',
  'providerReferrals',
  'closure',
  'evaluation',
];

/**
 * Whether the view withholds a whole item the worklist could date (issue 21: the team
 * lead's caseload said "–", no deadline, for cases whose follow-ups it may not see). Says only what the
 * view's markers already say, that something is withheld, never whether it is due or when (DP-23, DP-24).
 */
export function withholdsDeadlines(view: CaseView): boolean {
  const shown = view.case as unknown as Record<string, unknown>;
  // A closed case runs one deadline only, its evaluation's (`evaluationDue`, dated from the closure, while the
  // case stands in the closure stage): it may be hidden only where the closure is withheld and no evaluation
  // exists. Withheld follow-ups and contacts of a
  // closed case are history, not a due date the caseload could be missing; a withheld evaluation exists, so
  // nothing is due.
  if (view.case.status === 'closed')
    return view.case.stage === 'closure' && isRedactionMarker(shown['closure']) && shown['evaluation'] === null;
  return DEADLINE_SECTIONS.some((section) => {
    const value = shown[section];
    // A whole item withheld; a part withheld (a goal's description) leaves the dates the worklist reads.
    return Array.isArray(value) ? value.some(isRedactionMarker) : isRedactionMarker(value);
  });
}

/**
 * Whether the view withholds a legal-domain period of the case (the team lead, a partner agency: legal domains
 * are `benefits` data, DP-01 field map). A list row then shows only the domains the actor sees, maybe none, and
 * must say that some are withheld rather than "none" (DP-23, DP-24). Says only what the view's markers say.
 */
export function withholdsLegalDomains(view: CaseView): boolean {
  const value = (view.case as unknown as Record<string, unknown>)['legalDomains'];
  return Array.isArray(value) ? value.some(isRedactionMarker) : isRedactionMarker(value);
}
