import type { CaseState } from '../model/case-state.js';
import type { RetentionRule, RetentionSchedule } from './retention-schedule.js';

/** A deadline a closed case got from one row of the retention table. */
export interface RetentionDeadline {
  readonly ruleId: string;
  /** The day from which the data are due (ISO date). */
  readonly dueOn: string;
  readonly basis: RetentionRule['basis'];
  readonly action: RetentionRule['action'];
  readonly reference: string;
  readonly verified: boolean;
}

/** The retention of one case: every deadline, and the one that decides (the latest). */
export interface CaseRetention {
  readonly caseId: string;
  readonly deadlines: readonly RetentionDeadline[];
  /** When the whole case is due: the latest deadline; `null` while open or when no row applies. */
  readonly dueOn: string | null;
  /** What happens then: the deciding row's action (anonymise wins a tie, it keeps more statistics). */
  readonly action: RetentionRule['action'] | null;
  readonly ruleId: string | null;
  /** Until when a statutory duty to keep applies (blocks erasure on request, DP-31); `null` if none. */
  readonly statutoryDutyUntil: string | null;
}

/** Adds whole years to an ISO date (29 February rolls to 1 March). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

function collect(value: unknown, key: string, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, key, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && Array.isArray(v)) {
        for (const s of v) if (typeof s === 'string') into.add(s);
      } else {
        collect(v, key, into);
      }
    }
  }
}

/** What a case touches for the retention table: legal domains, data categories, purpose kinds. */
export function retentionProfile(state: CaseState): {
  legalDomains: Set<string>;
  categories: Set<string>;
  purposes: Set<string>;
} {
  const legalDomains = new Set<string>(state.legalDomains.map((period) => period.domain));
  for (const lead of state.leadAgencies) if (lead.legalDomain !== undefined) legalDomains.add(lead.legalDomain);
  const categories = new Set<string>();
  collect(state, 'categories', categories);
  const purposeIds = new Set<string>();
  collect(state, 'purposeIds', purposeIds);
  const purposes = new Set<string>(['caseManagement', ...[...purposeIds].map((p) => p.split(':')[0] ?? p)]);
  return { legalDomains, categories, purposes };
}

function applies(rule: RetentionRule, profile: ReturnType<typeof retentionProfile>): boolean {
  return (
    (rule.legalDomain === undefined || profile.legalDomains.has(rule.legalDomain)) &&
    (rule.category === undefined || profile.categories.has(rule.category)) &&
    (rule.purpose === undefined || profile.purposes.has(rule.purpose))
  );
}

/**
 * The deadlines a case gets on closure (DP-35): one per row of the table that applies to it. A rule
 * with `untilAge` counts from the addressee's birth date (or, without one, from the closure date).
 * Open cases have none yet.
 */
export function retentionDeadlines(state: CaseState, schedule: RetentionSchedule): RetentionDeadline[] {
  if (state.closure === null) return [];
  const closedOn = state.closure.closedOn;
  const profile = retentionProfile(state);
  const birthDate = state.persons.find((person) => person.id === state.addresseeId)?.birthDate;
  return schedule.rules
    .filter((rule) => applies(rule, profile))
    .map((rule) => {
      const afterClosure = addYears(closedOn, rule.yearsAfterClosure ?? 0);
      const byAge = rule.untilAge === undefined ? undefined : addYears(birthDate ?? closedOn, rule.untilAge);
      const dueOn = byAge !== undefined && byAge > afterClosure ? byAge : afterClosure;
      return {
        ruleId: rule.id,
        dueOn,
        basis: rule.basis,
        action: rule.action,
        reference: rule.reference,
        verified: rule.verified,
      };
    });
}

/** The retention of a case: its deadlines and the deciding one (see {@link CaseRetention}). */
export function caseRetention(state: CaseState, schedule: RetentionSchedule): CaseRetention {
  const deadlines = retentionDeadlines(state, schedule);
  let deciding: RetentionDeadline | undefined;
  for (const deadline of deadlines) {
    if (
      deciding === undefined ||
      deadline.dueOn > deciding.dueOn ||
      (deadline.dueOn === deciding.dueOn && deadline.action === 'anonymise')
    )
      deciding = deadline;
  }
  const duties = deadlines.filter((deadline) => deadline.basis === 'statutoryDuty').map((d) => d.dueOn);
  return {
    caseId: state.caseId,
    deadlines,
    dueOn: deciding?.dueOn ?? null,
    action: deciding?.action ?? null,
    ruleId: deciding?.ruleId ?? null,
    statutoryDutyUntil: duties.length === 0 ? null : (duties.sort().at(-1) ?? null),
  };
}

/**
 * A statutory duty to keep a case on a day (DP-31): from an applicable `statutoryDuty` row whose period
 * has not ended. While a case is open its rows count from today, so an open SGB VIII help file is under
 * the § 9b duty as well.
 */
export function statutoryDutyOn(
  state: CaseState,
  schedule: RetentionSchedule,
  today: string,
): RetentionDeadline | undefined {
  const closed = state.closure === null ? { ...state, closure: { ...placeholderClosure, closedOn: today } } : state;
  return retentionDeadlines(closed as CaseState, schedule)
    .filter((deadline) => deadline.basis === 'statutoryDuty' && deadline.dueOn > today)
    .sort((a, b) => (a.dueOn < b.dueOn ? 1 : -1))[0];
}

const placeholderClosure = {
  id: 'retention-probe',
  reason: 'other',
  readinessSigns: [],
  goalAttainment: [],
  subjectIds: [],
  categories: [],
  origin: 'caseManager',
  recordedBy: 'retention',
  recordedAt: '1970-01-01T00:00:00.000Z',
} as const;

/** A case whose retention has ended by a date. */
export interface DueCase {
  readonly caseId: string;
  readonly dueOn: string;
  readonly ruleId: string;
  readonly action: RetentionRule['action'];
}

/**
 * The closed cases due for deletion or anonymisation on `date` (DP-35): every case whose deciding
 * deadline is on or before it, earliest first. Cases without an applicable row are never due.
 */
export function dueForDeletion(cases: readonly CaseState[], date: string, schedule: RetentionSchedule): DueCase[] {
  const due: DueCase[] = [];
  for (const state of cases) {
    const retention = caseRetention(state, schedule);
    if (retention.dueOn !== null && retention.dueOn <= date && retention.action !== null && retention.ruleId !== null)
      due.push({ caseId: state.caseId, dueOn: retention.dueOn, ruleId: retention.ruleId, action: retention.action });
  }
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.caseId < b.caseId ? -1 : 1));
}
