import type { CaseIndexEntry, CaseStore } from '../store/case-store.js';
import type { JournalEvent } from '../journal/journal-event.js';
import { foldCase } from '../fold/fold-case.js';
import { projectRightsIndex } from '../rights/rights-index.js';
import type { CaseState } from '../model/case-state.js';
import { nextDeadline } from '../process/worklist.js';
import { assignmentsInForce, leadAgencyOn, legalDomainsOn, nextPeriodChange } from '../access/periods.js';

/**
 * The case index row for a state on a day: what lists, filters and the worklist read without
 * replaying. Holds no special-category data: label, stage, agencies, user ids, legal domains, a due
 * date and flags (`crisis` while a crisis is open).
 *
 * The lead agency, the case managers and the legal domains are those **in force on `today`** (periods
 * from `from` inclusive to `to` exclusive, DP-40): a handover dated 1 June shows the new lead from
 * 1 June, not from the day it was recorded. `validUntil` is the first later day on which a period
 * starts or ends; from that day the row is stale and must be recomputed ({@link indexRowOn},
 * {@link refreshStaleIndexRows}), so the list of a day is right on that day without waiting for a command.
 * @param today the service's local date (`YYYY-MM-DD`); the date of the last event if absent.
 */
export function caseIndexEntry(state: CaseState, today: string = state.updatedAt.slice(0, 10)): CaseIndexEntry {
  const lead = leadAgencyOn(state, today);
  const flags = state.crises.some((crisis) => crisis.resolvedOn === undefined) ? ['crisis'] : [];
  return {
    caseId: state.caseId,
    lastSeq: state.lastSeq,
    updatedAt: state.updatedAt,
    status: state.status,
    stage: state.stage,
    leadAgencyId: lead?.agencyId ?? null,
    caseManagerIds: [...new Set(assignmentsInForce(state, today).map((p) => p.userId))],
    legalDomains: [...new Set(legalDomainsOn(state, today).map((p) => p.domain))],
    // The worklist's own figure (overdue items included), so list and worklist agree.
    nextDueDate: nextDueDate(state, today),
    label: state.label,
    validUntil: nextPeriodChange(state, today),
    ...(flags.length > 0 ? { flags } : {}),
  };
}

/** One answer of `nextDeadline`: for which day, which members of the state it read (and their values). */
interface DeadlineMemo {
  readonly today: string;
  readonly reads: readonly (readonly [PropertyKey, unknown])[];
  readonly due: string | null;
}

/**
 * The last `nextDeadline` answer per case (issue 18). The worklist walks every follow-up and contact of a case,
 * so computing it on each command made a command on a 5,000-event case three times as slow as on a short one,
 * although a note changes nothing it reads. A folded state is never changed in place (copy on write,
 * `fold/fold-case.ts`): a member that is the very same value as before holds the same data. So the answer is
 * reused when the day is the same and every member the last computation read (recorded, not listed here, so a
 * change of the worklist cannot make this stale) is identical. Kept by the state's `processStandard` object,
 * which one fold makes once (from `CaseOpened`) and every later state of it shares: two cases with the same id
 * (other stores, tenants) never take each other's place, and a dropped fold takes its answer with it.
 */
const deadlineMemos = new WeakMap<object, DeadlineMemo>();

/** `nextDeadline(state, today)`, reused from the last computation for the case when nothing it read changed. */
function nextDueDate(state: CaseState, today: string): string | null {
  const memo = deadlineMemos.get(state.processStandard);
  const member = state as unknown as Record<PropertyKey, unknown>;
  if (memo?.today === today && memo.reads.every(([key, value]) => member[key] === value)) return memo.due;
  const reads: [PropertyKey, unknown][] = [];
  // A spread or `Object.entries` reads each member through `get` too; the members of a state are always the
  // same (`initialCaseState`), so only `in` (a member that may be absent) would read past `get`: not reused.
  let opaque = false;
  const watched = new Proxy(member, {
    get: (target, key) => {
      reads.push([key, target[key]]);
      return target[key];
    },
    has: (target, key) => ((opaque = true), key in target),
  });
  const due = nextDeadline(watched as unknown as CaseState, today);
  if (opaque) deadlineMemos.delete(state.processStandard);
  else deadlineMemos.set(state.processStandard, { today, reads, due });
  return due;
}

/**
 * The index row of a case journal for `day`: the row {@link caseIndexEntry} computes, with the
 * data-subject rights applied (a restricted or erased case stays so, DP-31/DP-32). `undefined` when
 * the journal folds to no case.
 */
export function indexRowOn(journal: readonly JournalEvent[], day: string): CaseIndexEntry | undefined {
  const state = foldCase(journal);
  return state === undefined ? undefined : projectRightsIndex(caseIndexEntry(state, day), journal);
}

/** Whether a row computed earlier is stale on `day`: a period started or ended after it was written, on or before `day`. */
export function indexRowStale(row: CaseIndexEntry, day: string): boolean {
  return row.validUntil !== undefined && row.validUntil !== null && row.validUntil <= day;
}

/**
 * Recomputes every index row that is stale on `day` (see `validUntil`) and writes it back with
 * `putIndex`. A host calls it once a day (at midnight, or before the first list of a day), so the
 * caseload shows the lead agency, the case managers and the legal domains in force that day. Returns the
 * ids of the rows it rewrote.
 */
export async function refreshStaleIndexRows(store: CaseStore, day: string): Promise<string[]> {
  const refreshed: string[] = [];
  for (const row of await store.listCases()) {
    if (!indexRowStale(row, day)) continue;
    const fresh = indexRowOn(await store.readJournal(row.caseId), day);
    if (fresh === undefined) continue;
    await store.putIndex(fresh);
    refreshed.push(row.caseId);
  }
  return refreshed;
}
