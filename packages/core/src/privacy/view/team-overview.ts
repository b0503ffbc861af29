/**
 * The team lead's overview (issue 22): cases per worker, overdue items, handovers in progress. Built from
 * the rows and views the team lead's own decided list gives, so it holds **figures and metadata only**:
 * no person's name, no content (DP-23: the team lead sees metadata; content only with a recorded
 * supervision reason, which this overview never asks for). The channel in `case-views.ts` decides and
 * logs it (DP-28); this module is pure.
 *
 * **Deadlines (DP-23, DP-24, data minimisation, Art. 5(1)(c) GDPR).** The team lead's view withholds the
 * content the deadlines come from (follow-ups, goals, measures), so deadlines read from it would all be
 * missing, and "overdue" would always be 0. A deadline's *date* is metadata, and the team lead needs it to
 * plan workload and see what is late; so the core decides here, once: the overdue count and the date of
 * the next deadline ({@link TeamWorkerFigures.nextDeadline}) are computed from the case's deadline
 * skeleton ({@link deadlineSkeleton}: the case without the items of a protected circle, entrusted (§ 65
 * SGB VIII) or child protection (§ 8a SGB VIII), so not even their dates leave the circle), with the
 * worklist's own rules (`buildWorklist`, `nextDeadline`: the figure list and worklist share). The team
 * lead gets a count and a date per worker and for the team: never what is due (no subject, goal, measure
 * or person) and no deadline per case (the overview lists no cases). A restricted case (DP-31) gives
 * none. Rule {@link TEAM_DEADLINE_RULE}.
 */
import type { CaseState } from '../../model/case-state.js';
import { buildWorklist, nextDeadline } from '../../process/worklist.js';
import type { CaseIndexEntry } from '../../store/case-store.js';

/** The figures of one worker (a case manager in force on the day). */
export interface TeamWorkerFigures {
  readonly userId: string;
  /** The worker's display name as the case header records it (staff, not a client). */
  readonly name?: string;
  readonly openCases: number;
  /** Open cases of the worker with at least one overdue item. */
  readonly casesOverdue: number;
  /** Overdue items across the worker's open cases. */
  readonly overdueItems: number;
  /** Open cases of the worker with a handover dated ahead (a new lead agency or case manager from a later day). */
  readonly handoversInProgress: number;
  /**
   * The date (ISO) of the next deadline across the worker's open cases, overdue ones included; absent when
   * none has one. A date only, never what it is for (DP-23, see the module's note).
   */
  readonly nextDeadline?: string;
}

/** The rule that decides what of a deadline the team lead sees: its date, not its content. */
export const TEAM_DEADLINE_RULE = 'DP-23';

/** The overview of the team lead's agency. */
export interface TeamOverview {
  readonly day: string;
  readonly workers: readonly TeamWorkerFigures[];
  readonly totals: {
    readonly openCases: number;
    readonly overdueItems: number;
    readonly handoversInProgress: number;
    /** Open cases with no case manager in force. */
    readonly unassigned: number;
    /** The team's next deadline (ISO date): the earliest of the workers' and the unassigned cases'. */
    readonly nextDeadline?: string;
  };
}

/** Whether the case has a handover dated ahead: a lead agency or an assignment that starts after `day`. */
export function handoverInProgress(state: CaseState, day: string): boolean {
  return (
    (state.leadAgencies ?? []).some((period) => period.from > day) ||
    (state.caseManagers ?? []).some((period) => period.from > day)
  );
}

/** Whether a stored item belongs to a protected circle whose existence is not revealed outside it (DP-24). */
function inProtectedCircle(item: unknown): boolean {
  if (item === null || typeof item !== 'object') return false;
  const flags = item as { entrusted?: unknown; childProtection?: unknown };
  return flags.entrusted === true || flags.childProtection === true;
}

/**
 * The case as the team overview's deadline figures read it (DP-23, DP-24): every list without the items of
 * a protected circle (entrusted, child protection). Only dates and counts are taken from it, never content;
 * it never leaves the core.
 */
export function deadlineSkeleton(state: CaseState): CaseState {
  const out: Record<string, unknown> = { ...state };
  for (const [key, value] of Object.entries(state)) {
    if (Array.isArray(value)) out[key] = value.filter((item) => !inProtectedCircle(item));
  }
  return out as unknown as CaseState;
}

/** One case of the overview: its decided row, the team lead's view, and what the deadline figures read. */
export interface TeamOverviewCase {
  readonly row: CaseIndexEntry;
  readonly visible: CaseState;
  /** The case's {@link deadlineSkeleton}; absent: no deadline figures (a restricted case, DP-31). */
  readonly deadlines?: CaseState;
}

/** The overview from the decided rows, the cases as their views show them and their deadline skeletons. */
export function teamOverview(cases: readonly TeamOverviewCase[], day: string): TeamOverview {
  const workers = new Map<
    string,
    { name?: string; open: number; late: number; items: number; handovers: number; next?: string }
  >();
  const earlier = (a: string | undefined, b: string | null) => (b !== null && (a === undefined || b < a) ? b : a);
  let teamNext: string | undefined;
  let openCases = 0;
  let overdueItems = 0;
  let handovers = 0;
  let unassigned = 0;
  for (const { row, visible, deadlines } of cases) {
    if (row.status !== 'open') continue;
    openCases += 1;
    let items = 0;
    let due: string | null = null;
    if (deadlines !== undefined) {
      try {
        for (const item of buildWorklist([deadlines], day)) if (item.severity === 'overdue') items += 1;
        due = nextDeadline(deadlines, day);
      } catch {
        items = 0;
        due = null;
      }
    }
    const moving = handoverInProgress(visible, day);
    overdueItems += items;
    if (moving) handovers += 1;
    if (row.caseManagerIds.length === 0) unassigned += 1;
    teamNext = earlier(teamNext, due);
    for (const userId of row.caseManagerIds) {
      const period = (visible.caseManagers ?? []).find((candidate) => candidate.userId === userId && candidate.name);
      const figures = workers.get(userId) ?? { open: 0, late: 0, items: 0, handovers: 0 };
      if (period?.name !== undefined) figures.name = period.name;
      figures.open += 1;
      figures.items += items;
      if (items > 0) figures.late += 1;
      if (moving) figures.handovers += 1;
      const next = earlier(figures.next, due);
      if (next !== undefined) figures.next = next;
      workers.set(userId, figures);
    }
  }
  return {
    day,
    workers: [...workers.entries()]
      .map(([userId, f]) => ({
        userId,
        ...(f.name === undefined ? {} : { name: f.name }),
        openCases: f.open,
        casesOverdue: f.late,
        overdueItems: f.items,
        handoversInProgress: f.handovers,
        ...(f.next === undefined ? {} : { nextDeadline: f.next }),
      }))
      .sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    totals: {
      openCases,
      overdueItems,
      handoversInProgress: handovers,
      unassigned,
      ...(teamNext === undefined ? {} : { nextDeadline: teamNext }),
    },
  };
}
