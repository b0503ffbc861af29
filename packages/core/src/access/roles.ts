import type { ActorRole } from '../ports/actor.js';

/**
 * The roles that do case work when they hold the case (assigned, break-glass, the intake pool): the one
 * list every decision and every component uses (DP-23, DP-40).
 */
export const CASE_WORK_ROLES = ['caseManager', 'deputy', 'intake', 'teamLead'] as const satisfies readonly ActorRole[];

/** A role of {@link CASE_WORK_ROLES}. */
export type CaseWorkRole = (typeof CASE_WORK_ROLES)[number];

/** The staff of the lead agency who may take up a case from its intake pool before first counselling. */
export const INTAKE_POOL_ROLES = ['intake', 'caseManager', 'deputy'] as const satisfies readonly CaseWorkRole[];

/** Every role but `system`: the roles an access clause can name (a `system` actor has its own allow list, DP-40). */
export type HumanRole = Exclude<ActorRole, 'system'>;

/**
 * Roles that never decide a data-subject request, whatever the operator configures (DP-41): statistics,
 * partner agencies, providers, case conferences, personnel, the person themself and the system.
 */
export const NEVER_RIGHTS_DECIDERS: readonly ActorRole[] = [
  'statistics',
  'partnerAgency',
  'provider',
  'caseConference',
  'hr',
  'dataSubject',
  'admin',
  'system',
];

/** Who decides data-subject requests when the operator names nobody else (DP-41). */
export const DEFAULT_RIGHTS_DECIDERS: readonly HumanRole[] = ['dataProtectionOfficer'];

/** Whether a role is one of {@link CASE_WORK_ROLES}. */
export function isCaseWorkRole(role: string): role is CaseWorkRole {
  return (CASE_WORK_ROLES as readonly string[]).includes(role);
}
