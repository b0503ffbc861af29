import type { CaseState } from '../model/case-state.js';
import { misroutingReport } from '../process/misrouting.js';
import { collectServiceGaps } from '../process/service-gaps.js';

/**
 * The statistical skeleton of one case: only the coarse attributes reports group by, no id, no name,
 * no date finer than a quarter, no free text. Reports are computed from these records, never from
 * case files, and the retention sweep keeps them when it deletes a case (DP-36), so published figures
 * stay reproducible after the personal data are gone.
 */
export interface StatisticalRecord {
  /** Lead agency (federführend) at the end of the record. */
  readonly organisation: string;
  /** Region of the lead agency, from the host's region table; `unknown` if it names none. */
  readonly region: string;
  /** Legal domain of the current lead, else the first legal domain, else `none`. */
  readonly legalDomain: string;
  readonly stage: string;
  readonly status: string;
  /** Closure reason, `open` while not closed. */
  readonly closureReason: string;
  /** Quarter the case was opened in (`2025-Q3`). */
  readonly openedQuarter: string;
  /** Quarter the case was closed in, `open` while not closed. */
  readonly closedQuarter: string;
  /** Attainment of every goal (closure judgement, else the goal's status). */
  readonly goalAttainments: readonly string[];
  /** Kinds of missing services found while monitoring (`unspecified` where none was named). */
  readonly serviceGaps: readonly string[];
  /** `yes` if the admission went against the casefinding check (misrouting), else `no`. */
  readonly misrouted: 'yes' | 'no';
}

/** What the host tells the reporting module about its organisations. */
export interface ReportingConfig {
  /** Region of each agency id (Sozialraum, Kreis); agencies not listed are `unknown`. */
  readonly regions?: Readonly<Record<string, string>>;
  /**
   * Whether a case counts as misrouted; default: the process rules' `misroutingReport` (admitted
   * without the casefinding criteria, or not admitted despite them).
   */
  readonly isMisrouted?: (state: CaseState) => boolean;
  /** Kinds of service gaps of a case; default: the process rules' `collectServiceGaps`. */
  readonly serviceGapsOf?: (state: CaseState) => readonly string[];
}

/** The quarter of an ISO date (`2025-08-14` → `2025-Q3`). */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

// The process rules own both checks (DOMAIN.md 4.1 and 4.5/4.7); reports only count their verdicts.
const defaultMisrouted = (state: CaseState): boolean => misroutingReport([state]).cases.length > 0;

const defaultServiceGaps = (state: CaseState): string[] =>
  collectServiceGaps([state]).map((gap) => gap.serviceKind ?? 'unspecified');

/** The statistical skeleton of a case (see {@link StatisticalRecord}). */
export function statisticalRecord(state: CaseState, config: ReportingConfig = {}): StatisticalRecord {
  const lead = state.leadAgencies.at(-1);
  const organisation = lead?.agencyId ?? 'unknown';
  const legalDomain = lead?.legalDomain ?? state.legalDomains[0]?.domain ?? 'none';
  const attainmentOf = new Map(state.closure?.goalAttainment.map((g) => [g.goalId, g.attainment]) ?? []);
  return {
    organisation,
    region: config.regions?.[organisation] ?? 'unknown',
    legalDomain,
    stage: state.stage,
    status: state.status,
    closureReason: state.closure?.reason ?? 'open',
    openedQuarter: quarterOf(state.openedOn),
    closedQuarter: state.closure ? quarterOf(state.closure.closedOn) : 'open',
    goalAttainments: state.goals.map((goal) => attainmentOf.get(goal.id) ?? goal.status),
    serviceGaps: [...(config.serviceGapsOf ?? defaultServiceGaps)(state)],
    misrouted: (config.isMisrouted ?? defaultMisrouted)(state) ? 'yes' : 'no',
  };
}
