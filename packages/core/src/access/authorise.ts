import type { Actor } from '../ports/actor.js';
import type { CaseState } from '../model/case-state.js';
import type { Stage } from '../model/case-header.js';
import { NO_FURTHER_MEASURES_PATH } from '../process/cycle.js';
import type { Refusal } from '../result/refusal.js';
import { ACTOR_ROLES, type ActorRole } from '../ports/actor.js';
import { activeGrant, type PrivacyState } from '../privacy/privacy-state.js';
import { privacyRefusal } from '../privacy/reason-codes.js';
import { commandAccess, type AccessClause, type AccessRelation, type CommandAccess } from './command-access.js';
import { holdingAgencies, isAssignedOn, leadAgencyOn } from './periods.js';
import { DEFAULT_RIGHTS_DECIDERS, NEVER_RIGHTS_DECIDERS, type HumanRole } from './roles.js';

/**
 * The stages in which a case still sits in the lead agency's intake pool: nobody has taken it up in
 * earnest yet (before and at first counselling, or ended there). One definition, used by the access
 * table's `intakePool` relation and by the read decisions.
 */
export const INTAKE_STAGES: readonly Stage[] = NO_FURTHER_MEASURES_PATH.filter((stage) => stage !== 'closed');

/** What an access decision looks at. */
export interface AccessRequest {
  readonly type: string;
  readonly input: unknown;
  readonly actor: Actor;
  /** The case before the command; `undefined` for a command that opens one. */
  readonly state: CaseState | undefined;
  /** Break-glass grants and the staff-case flag of the case. */
  readonly privacy: PrivacyState;
  /** The instant of the decision (grants end at an instant). */
  readonly now: string;
  /** The decision's local date: periods count from `from` (inclusive) to `to` (exclusive) on this day. */
  readonly today: string;
  /** The operator's standard: `rightsDeciderRoles` names who besides the DPO decides rights requests (DP-41). */
  readonly standard?: { readonly [key: string]: unknown } | undefined;
  /** A declaration given with the command definition (a host's own command); wins over the table. */
  readonly declared?: CommandAccess | undefined;
}

/**
 * The roles the operator named for data-subject decisions (`standard.rightsDeciderRoles`), besides the
 * data-protection officer; roles that never decide (DP-41) are dropped.
 */
export function rightsDeciderRoles(standard: AccessRequest['standard']): readonly HumanRole[] {
  const named = standard?.['rightsDeciderRoles'];
  const extra = Array.isArray(named)
    ? named.filter(
        (role): role is HumanRole =>
          typeof role === 'string' &&
          (ACTOR_ROLES as readonly string[]).includes(role) &&
          !NEVER_RIGHTS_DECIDERS.includes(role as ActorRole),
      )
    : [];
  return [...new Set([...DEFAULT_RIGHTS_DECIDERS, ...extra])];
}

function relationHolds(relation: AccessRelation, request: AccessRequest): boolean {
  const { actor, state, privacy, now, today, input } = request;
  if (state === undefined) {
    // A new case: its lead agency and first case manager come from the input.
    const opening = input as
      { leadAgency?: { agencyId?: unknown }; caseManager?: { userId?: unknown; agencyId?: unknown } } | undefined;
    const forOwnAgency = opening?.leadAgency?.agencyId === actor.agencyId;
    if (relation === 'leadAgency') return forOwnAgency;
    if (relation !== 'ownNewCase') return false;
    // The first case manager, if named, works for the same agency: nobody opens a case into another agency.
    const first = opening?.caseManager;
    return forOwnAgency && (first === undefined || first.agencyId === actor.agencyId);
  }
  switch (relation) {
    case 'assigned':
      return isAssignedOn(state, actor, today);
    case 'breakGlass':
      return activeGrant(privacy.breakGlass, actor, now) !== undefined;
    case 'intakePool':
      return INTAKE_STAGES.includes(state.stage) && leadAgencyOn(state, today)?.agencyId === actor.agencyId;
    case 'leadAgency':
      return leadAgencyOn(state, today)?.agencyId === actor.agencyId;
    case 'holdingAgency':
      return holdingAgencies(state, today).has(actor.agencyId);
    case 'ownNewCase':
      return false;
    case 'referredProvider': {
      const id = (input as { providerReferralId?: unknown } | undefined)?.providerReferralId;
      return state.providerReferrals.some((r) => r.id === id && r.provider.agencyId === actor.agencyId);
    }
  }
}

/** The clauses of a declaration, with the operator's named rights deciders added (DP-41). */
function clausesOf(access: CommandAccess, standard: AccessRequest['standard']): readonly AccessClause[] {
  if (access.rightsDecision !== true) return access.clauses;
  const named = rightsDeciderRoles(standard).filter((role) => role !== 'dataProtectionOfficer');
  return [
    ...access.clauses,
    ...named.map((role): AccessClause => ({
      roles: [role],
      // A case worker decides for cases they hold; a team lead for the cases of their agency.
      relation: role === 'teamLead' ? 'holdingAgency' : 'assigned',
    })),
  ];
}

/**
 * Whether the actor may issue this command on this case today (DP-23, DP-25..DP-27, DP-40..DP-42): the
 * one evaluation of the declarations in `COMMAND_ACCESS`. Returns the refusal, or an empty list.
 * Looks only at the actor, the case's periods, grants and flags and the ids the declaration names, never
 * at the rest of the input: so an actor who may not act learns nothing about the case's contents (the
 * same refusal whether or not an id inside exists).
 */
export function authoriseCommand(request: AccessRequest): Refusal[] {
  const { type, input, actor, privacy } = request;
  const access = request.declared ?? commandAccess(type);
  if (access === undefined) return [privacyRefusal('DENY_UNDECLARED_COMMAND', { path: ['type'] })];
  if (actor.role === 'system') {
    const human =
      typeof access.humanDecision === 'function' ? access.humanDecision(input) : access.humanDecision === true;
    if (human) return [privacyRefusal('DENY_AUTOMATED_DECISION', { rule: 'DP-27' })];
    if (access.system === undefined) return [privacyRefusal('DENY_SYSTEM_NOT_ALLOWED')];
    return relationHolds(access.system.relation, request)
      ? []
      : [privacyRefusal('DENY_NOT_ASSIGNED', { rule: 'DP-40' })];
  }
  const allowed = clausesOf(access, request.standard).some(
    (clause) => (clause.roles as readonly string[]).includes(actor.role) && relationHolds(clause.relation, request),
  );
  if (allowed) return [];
  if (actor.role === 'hr' && privacy.staffCaseOf !== undefined) return [privacyRefusal('DENY_STAFF_CASE')];
  return [privacyRefusal('DENY_NOT_ASSIGNED')];
}
