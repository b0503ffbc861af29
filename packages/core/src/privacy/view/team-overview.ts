/**
 * The team lead's overview (issue 22): cases per worker, overdue items, handovers in progress. Built from
 * the rows and views the team lead's own decided list gives, so it holds **figures and metadata only**:
 * no person's name, no content (DP-23: the team lead sees metadata; content only with a recorded
 * supervision reason, which this overview never asks for). The channel in `case-views.ts` decides and
 * logs it (DP-28); this module is pure.
 */
import type { CaseState } from '../../model/case-state.js';
import { buildWorklist } from '../../process/worklist.js';
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
}

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
  };
}

/** Whether the case has a handover dated ahead: a lead agency or an assignment that starts after `day`. */
export function handoverInProgress(state: CaseState, day: string): boolean {
  return (
    (state.leadAgencies ?? []).some((period) => period.from > day) ||
    (state.caseManagers ?? []).some((period) => period.from > day)
  );
}

/** The overview from the decided rows and the cases as their views show them. */
export function teamOverview(
  cases: readonly { readonly row: CaseIndexEntry; readonly visible: CaseState }[],
  day: string,
): TeamOverview {
  const workers = new Map<string, { name?: string; open: number; late: number; items: number; handovers: number }>();
  let openCases = 0;
  let overdueItems = 0;
  let handovers = 0;
  let unassigned = 0;
  for (const { row, visible } of cases) {
    if (row.status !== 'open') continue;
    openCases += 1;
    let items = 0;
    try {
      for (const item of buildWorklist([visible], day)) if (item.severity === 'overdue') items += 1;
    } catch {
      items = row.nextDueDate !== null && row.nextDueDate < day ? 1 : 0;
    }
    const moving = handoverInProgress(visible, day);
    overdueItems += items;
    if (moving) handovers += 1;
    if (row.caseManagerIds.length === 0) unassigned += 1;
    for (const userId of row.caseManagerIds) {
      const period = (visible.caseManagers ?? []).find((candidate) => candidate.userId === userId && candidate.name);
      const figures = workers.get(userId) ?? { open: 0, late: 0, items: 0, handovers: 0 };
      if (period?.name !== undefined) figures.name = period.name;
      figures.open += 1;
      figures.items += items;
      if (items > 0) figures.late += 1;
      if (moving) figures.handovers += 1;
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
      }))
      .sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    totals: { openCases, overdueItems, handoversInProgress: handovers, unassigned },
  };
}
