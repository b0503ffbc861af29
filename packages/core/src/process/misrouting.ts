import type { CaseState } from '../model/case-state.js';
import { DEFAULT_PROCESS_STANDARD } from './standard/default-standard.js';
import { standardRegistry, type StandardSource } from './standard/registry.js';
import { criteriaMet, latestCasefindingCheck } from './state-queries.js';

/** Who referred, as the intake report groups it. */
export interface ReferrerRef {
  readonly kind: string;
  readonly name: string;
  readonly agencyId?: string;
}

/** The intake figures of one referrer. */
export interface MisroutingRow {
  readonly referrer: ReferrerRef;
  /** Cases this referrer referred. */
  readonly referred: number;
  /** … of which admitted / not admitted / not decided yet. */
  readonly admitted: number;
  readonly notAdmitted: number;
  readonly undecided: number;
  /** Decided without a casefinding check: misrouting cannot be judged. */
  readonly decidedWithoutCheck: number;
  /** Admitted although the casefinding criteria were not met. */
  readonly admittedWithoutCriteria: number;
  /** Not admitted although the casefinding criteria were met. */
  readonly notAdmittedDespiteCriteria: number;
}

/** One misrouted case (for the case manager's own review, not for aggregate reports). */
export interface MisroutedCase {
  readonly caseId: string;
  readonly referrer: ReferrerRef;
  readonly kind: 'admittedWithoutCriteria' | 'notAdmittedDespiteCriteria';
  readonly decidedOn: string;
  /** The reason given for deciding against the check, if any (PR-06 asks for one). */
  readonly deviationReason?: string;
}

/** The misrouting report: per referrer, and the misrouted cases. */
export interface MisroutingReport {
  readonly byReferrer: readonly MisroutingRow[];
  readonly cases: readonly MisroutedCase[];
  /** Cases without a recorded referral (not in any row). */
  readonly withoutReferral: number;
}

type MutableRow = { -readonly [K in keyof MisroutingRow]: MisroutingRow[K] };

const referrerKey = (r: ReferrerRef): string => r.agencyId ?? `${r.kind}:${r.name}`;

/**
 * Makes the two misroutings of DOMAIN.md 4.1 visible: people admitted although the casefinding
 * criteria were not met, and people not admitted although they were, counted per referrer (the
 * first referral of each case). "Met" follows the case's process standard: its minimum of met
 * criteria where it sets one, otherwise the checker's overall judgement.
 */
export function misroutingReport(cases: Iterable<CaseState>, standards?: StandardSource): MisroutingReport {
  const registry = standardRegistry(standards);
  const rows = new Map<string, MutableRow>();
  const misrouted: MisroutedCase[] = [];
  let withoutReferral = 0;
  for (const state of cases) {
    const referral = state.referrals[0];
    if (referral === undefined) {
      withoutReferral += 1;
      continue;
    }
    const referrer: ReferrerRef = {
      kind: referral.referrer.kind,
      name: referral.referrer.name,
      ...(referral.referrer.agencyId === undefined ? {} : { agencyId: referral.referrer.agencyId }),
    };
    const key = referrerKey(referrer);
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        referrer,
        referred: 0,
        admitted: 0,
        notAdmitted: 0,
        undecided: 0,
        decidedWithoutCheck: 0,
        admittedWithoutCriteria: 0,
        notAdmittedDespiteCriteria: 0,
      };
      rows.set(key, row);
    }
    row.referred += 1;
    const admission = state.admission;
    if (admission === null) {
      row.undecided += 1;
      continue;
    }
    if (admission.admitted) row.admitted += 1;
    else row.notAdmitted += 1;
    const check = latestCasefindingCheck(state);
    if (check === undefined) {
      row.decidedWithoutCheck += 1;
      continue;
    }
    const met = criteriaMet(check, registry.get(state.processStandard) ?? DEFAULT_PROCESS_STANDARD);
    if (met === admission.admitted) continue;
    const kind = admission.admitted ? 'admittedWithoutCriteria' : 'notAdmittedDespiteCriteria';
    row[kind] += 1;
    misrouted.push({
      caseId: state.caseId,
      referrer,
      kind,
      decidedOn: admission.decidedOn,
      ...(admission.deviationReason === undefined ? {} : { deviationReason: admission.deviationReason }),
    });
  }
  const byReferrer = [...rows.values()].sort(
    (a, b) => b.referred - a.referred || referrerKey(a.referrer).localeCompare(referrerKey(b.referrer)),
  );
  misrouted.sort((a, b) => a.caseId.localeCompare(b.caseId));
  return { byReferrer, cases: misrouted, withoutReferral };
}
