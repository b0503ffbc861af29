import type { CaseState } from '../model/case-state.js';
import type { CaseManagerPeriod, LeadAgencyPeriod, LegalDomainPeriod } from '../model/case-header.js';
import { sameActor } from '../ports/actor.js';

/**
 * Periods in force (DP-40). A period of an assignment, a lead agency or a legal domain counts from its
 * `from` date **inclusive** to its `to` date **exclusive**: on the day a handover takes effect the new
 * lead leads and the old one no longer does, and an assignment ended "today" no longer counts today.
 * That matches how the fold closes periods: the old period's `to` is the new period's `from`, so on
 * every day exactly one of them is in force. A period whose `from` lies in the future gives nothing yet.
 * @module
 */

/** A dated period: `from` inclusive, `to` exclusive (absent: open-ended). */
export interface DatedPeriod {
  readonly from: string;
  readonly to?: string | undefined;
}

/** Whether a period is in force on `day` (`YYYY-MM-DD`): `from <= day < to`. */
export function inForce(period: DatedPeriod, day: string): boolean {
  return period.from <= day && (period.to === undefined || day < period.to);
}

/** The case-manager and deputy assignments in force on `day`. */
export function assignmentsInForce(state: CaseState, day: string): CaseManagerPeriod[] {
  return state.caseManagers.filter((period) => inForce(period, day));
}

/** Whether the actor (agency and user id together) holds an assignment in force on `day`. */
export function isAssignedOn(
  state: CaseState,
  actor: { readonly id: string; readonly agencyId: string },
  day: string,
): boolean {
  return state.caseManagers.some((period) => sameActor(period, actor) && inForce(period, day));
}

/**
 * The one open (not ended) assignment of a user id, narrowed to an agency when given (DP-40: a person
 * is agency and user id). `undefined` when there is none, or more than one and no agency says which.
 */
export function openAssignmentOf(state: CaseState, userId: string, agencyId?: string): CaseManagerPeriod | undefined {
  const open = state.caseManagers.filter(
    (p) => p.userId === userId && p.to === undefined && (agencyId === undefined || p.agencyId === agencyId),
  );
  return open.length === 1 ? open[0] : undefined;
}

/** All open assignments of a user id (more than one: the same id at several agencies). */
export function openAssignmentsOf(state: CaseState, userId: string, agencyId?: string): CaseManagerPeriod[] {
  return state.caseManagers.filter(
    (p) => p.userId === userId && p.to === undefined && (agencyId === undefined || p.agencyId === agencyId),
  );
}

/** The lead-agency period in force on `day`, if any (the latest that started, when periods overlap). */
export function leadAgencyOn(state: CaseState, day: string): LeadAgencyPeriod | undefined {
  return state.leadAgencies.filter((period) => inForce(period, day)).at(-1);
}

/** The legal-domain periods in force on `day`. */
export function legalDomainsOn(state: CaseState, day: string): LegalDomainPeriod[] {
  return state.legalDomains.filter((period) => inForce(period, day));
}

/**
 * The agencies that hold the case on `day`: the lead agency in force and the agencies of the
 * assignments in force. Their staff may open break-glass (DP-42), their data-protection officer
 * records and decides data-subject requests (DP-41). Partner agencies and providers are not holders:
 * they get data by transfer only.
 */
export function holdingAgencies(state: CaseState, day: string): Set<string> {
  const agencies = new Set<string>();
  const lead = leadAgencyOn(state, day);
  if (lead !== undefined) agencies.add(lead.agencyId);
  for (const period of assignmentsInForce(state, day)) agencies.add(period.agencyId);
  return agencies;
}

/**
 * The first date after `day` on which some period starts or ends, or `null`: the day a case index row
 * computed for `day` goes stale and must be recomputed (see `caseIndexEntry`).
 */
export function nextPeriodChange(state: CaseState, day: string): string | null {
  let next: string | null = null;
  const consider = (date: string | undefined): void => {
    if (date !== undefined && date > day && (next === null || date < next)) next = date;
  };
  for (const period of [...state.caseManagers, ...state.leadAgencies, ...state.legalDomains]) {
    consider(period.from);
    consider(period.to);
  }
  return next;
}
