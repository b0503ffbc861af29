import { text, type LocalizedText } from '../i18n/localized-text.js';
import { CASE_WORK_ROLES, INTAKE_POOL_ROLES, type HumanRole } from './roles.js';

/**
 * Who may issue which command (DP-40): one declaration per command type of every catalog (the case
 * commands, `PRIVACY_COMMANDS`, `RIGHTS_COMMANDS`), beside the cycle's process rules in
 * `process/cycle.ts` (which takes DP-27's human decisions from here). Data only; `authorise.ts`
 * evaluates it and the access guard enforces it before any other check of a command.
 * @module
 */

/**
 * How an actor must relate to the case, judged on the decision's "today" (periods in force from `from`
 * inclusive to `to` exclusive, `access/periods.ts`) and by agency and user id together:
 *
 * - `assigned`: holds a case-manager or deputy assignment in force today;
 * - `breakGlass`: holds an open break-glass grant (DP-25, DP-42);
 * - `intakePool`: works for the lead agency in force, while the case has not passed first counselling;
 * - `leadAgency`: works for the lead agency in force today;
 * - `holdingAgency`: works for an agency that holds the case today (lead agency or an assignment in force);
 * - `referredProvider`: works for the provider named in the referral the command is about;
 * - `ownNewCase`: (`openCase`) the new case's lead agency and its first case manager (if named) are the
 *   actor's own agency (for the system: `leadAgency`, the new case's lead is its agency).
 */
export type AccessRelation =
  'assigned' | 'breakGlass' | 'intakePool' | 'leadAgency' | 'holdingAgency' | 'referredProvider' | 'ownNewCase';

/** One way to be allowed: one of these roles in this relation. */
export interface AccessClause {
  readonly roles: readonly HumanRole[];
  readonly relation: AccessRelation;
}

/** What a `system` actor may use a command for (DP-40): the closed allow list. */
export type SystemUse = 'import' | 'reminder';

/** The `system` actor's permission for a command: what for, and of which agency (its own). */
export interface SystemAccess {
  readonly use: SystemUse;
  /** The system of the lead agency in force (for `openCase`: of the new case's lead agency). */
  readonly relation: 'leadAgency';
}

/** The declaration of one command type. */
export interface CommandAccess {
  /** The rules it follows, for the docs table and refusals. */
  readonly rule: string;
  /** Who may issue it in words (German, English), for the docs table. */
  readonly summary: LocalizedText;
  /** Any clause suffices. */
  readonly clauses: readonly AccessClause[];
  /**
   * `rightsDecision`: the data-subject-request decisions of DP-41, open to the holding agency's
   * data-protection officer and the roles the operator names in the standard (`rightsDeciderRoles`).
   */
  readonly rightsDecision?: true;
  /** The system's allow-list entry, if any (DP-40). Never on a human decision. */
  readonly system?: SystemAccess;
  /**
   * DP-27: the command (or, as a predicate of its input, this use of it) is a decision about the
   * person that only a human may take; the only list of them.
   */
  readonly humanDecision?: true | ((input: unknown) => boolean);
}

const staff = CASE_WORK_ROLES;

/** Case work: the assigned worker or deputy in force, a break-glass holder, the intake pool early on (DP-23, DP-25). */
const CASE_WORK: readonly AccessClause[] = [
  { roles: staff, relation: 'assigned' },
  { roles: staff, relation: 'breakGlass' },
  { roles: INTAKE_POOL_ROLES, relation: 'intakePool' },
];

const caseWork = (extra: Partial<CommandAccess> = {}): CommandAccess => ({
  rule: 'DP-23, DP-25, DP-40',
  summary: text(
    'Zuständige Fallmanagerin/Vertretung (Zeitraum gilt heute), Notfallzugriff, Eingangsteam der federführenden Stelle bis zur Erstberatung',
    'Assigned case manager/deputy (period in force today), break-glass holder, intake pool of the lead agency until first counselling',
  ),
  clauses: CASE_WORK,
  ...extra,
});

const IMPORT: SystemAccess = { use: 'import', relation: 'leadAgency' };

/** DP-41: requests are recorded by the holding agency's staff: assigned worker, deputy, data-protection officer. */
const rightsRequest = (): CommandAccess => ({
  rule: 'DP-41',
  summary: text(
    'Zuständige Fachkraft/Vertretung oder Datenschutzbeauftragte/r der aktenführenden Stelle, nach Identitätsprüfung',
    'Assigned worker/deputy or data-protection officer of the holding agency, after the identity check',
  ),
  clauses: [
    { roles: staff, relation: 'assigned' },
    { roles: ['dataProtectionOfficer'], relation: 'holdingAgency' },
  ],
});

/** DP-41: decided by the holding agency's data-protection officer (or a role the operator names). */
const rightsDecision = (): CommandAccess => ({
  rule: 'DP-41, DP-27',
  summary: text(
    'Datenschutzbeauftragte/r der aktenführenden Stelle (oder eine vom Betreiber benannte Rolle)',
    "The holding agency's data-protection officer (or a role the operator names)",
  ),
  clauses: [{ roles: ['dataProtectionOfficer'], relation: 'holdingAgency' }],
  rightsDecision: true,
  humanDecision: true,
});

/** Every command type and who may issue it. */
export const COMMAND_ACCESS: Readonly<Record<string, CommandAccess>> = {
  // --- case commands -------------------------------------------------------------------------
  openCase: {
    rule: 'DP-40',
    summary: text(
      'Fachkräfte für die eigene Stelle als federführende (erste Fallmanagerin aus derselben Stelle); System der federführenden Stelle (Import)',
      'Staff, for their own agency as lead (first case manager of the same agency); the lead agency\u2019s system (import)',
    ),
    clauses: [{ roles: staff, relation: 'ownNewCase' }],
    system: IMPORT,
  },
  addPerson: caseWork({ system: IMPORT }),
  updatePerson: caseWork(),
  recordResidenceStatus: caseWork({ system: IMPORT }),
  recordReferral: caseWork({ system: IMPORT }),
  checkCasefindingCriteria: caseWork(),
  decideAdmission: caseWork({ humanDecision: true }),
  flagCrisis: caseWork(),
  resolveCrisis: caseWork(),
  recordFirstCounselling: caseWork({
    humanDecision: (input) =>
      (input as { decision?: { kind?: unknown } } | undefined)?.decision?.kind === 'noFurtherMeasures',
  }),
  recordAssessment: caseWork(),
  confirmAssessment: caseWork(),
  startReassessment: caseWork(),
  agreeGoal: caseWork(),
  reviseGoal: caseWork(),
  setGoalStatus: caseWork(),
  addMeasure: caseWork(),
  updateMeasure: caseWork(),
  reorderMeasures: caseWork(),
  referToProvider: caseWork(),
  updateReferralStatus: {
    rule: 'DP-23, DP-40',
    summary: text(
      'Wie Fallarbeit; außerdem der beauftragte Träger für seine eigene Überleitung',
      'As case work; also the commissioned provider for its own referral',
    ),
    clauses: [...CASE_WORK, { roles: ['provider', 'partnerAgency'], relation: 'referredProvider' }],
  },
  holdCaseConference: caseWork(),
  recordContact: caseWork(),
  scheduleFollowUp: caseWork({ system: { use: 'reminder', relation: 'leadAgency' } }),
  completeFollowUp: caseWork(),
  judgeProgress: caseWork(),
  recordDeviation: caseWork(),
  recordReadinessSigns: caseWork(),
  changeLeadAgency: caseWork(),
  assignCaseManager: {
    rule: 'DP-23, DP-40',
    summary: text(
      'Zuständige Fallmanagerin/Vertretung (Übergabe); Teamleitung der federführenden Stelle',
      'Assigned case manager/deputy (handover); team lead of the lead agency',
    ),
    clauses: [
      { roles: staff, relation: 'assigned' },
      { roles: ['teamLead'], relation: 'leadAgency' },
    ],
  },
  endCaseManagerAssignment: {
    rule: 'DP-23, DP-40',
    summary: text(
      'Zuständige Fallmanagerin/Vertretung; Teamleitung der federführenden Stelle',
      'Assigned case manager/deputy; team lead of the lead agency',
    ),
    clauses: [
      { roles: staff, relation: 'assigned' },
      { roles: ['teamLead'], relation: 'leadAgency' },
    ],
  },
  addLegalDomain: caseWork({ system: IMPORT }),
  endLegalDomain: caseWork(),
  recordNote: caseWork(),
  attachDocument: caseWork(),
  removeDocument: caseWork(),
  recordPlan: caseWork(),
  closeCase: caseWork({ humanDecision: true }),
  recordEvaluation: caseWork(),
  // --- data-protection commands (PRIVACY_COMMANDS) -------------------------------------------
  recordConsent: caseWork(),
  withdrawConsent: caseWork(),
  recordConfidentialityRelease: caseWork(),
  transferData: caseWork({ rule: 'DP-16, DP-23, DP-40' }),
  openBreakGlass: {
    rule: 'DP-25, DP-42',
    summary: text(
      'Fachkräfte einer Stelle, die die Akte führt (federführend oder mit laufender Zuständigkeit)',
      'Staff of an agency that holds the case (lead agency or an assignment in force)',
    ),
    clauses: [{ roles: staff, relation: 'holdingAgency' }],
  },
  recordSupervisionReason: {
    rule: 'DP-23',
    summary: text('Teamleitung einer aktenführenden Stelle', 'Team lead of a holding agency'),
    clauses: [{ roles: ['teamLead'], relation: 'holdingAgency' }],
  },
  flagStaffCase: caseWork({ rule: 'DP-26, DP-40' }),
  recordTransferObjection: caseWork({ rule: 'DP-15, DP-40' }),
  // --- data-subject rights (RIGHTS_COMMANDS) -------------------------------------------------
  recordAccessRequest: rightsRequest(),
  recordObjection: rightsRequest(),
  answerAccessRequest: rightsDecision(),
  rectifyData: rightsDecision(),
  resolveDispute: rightsDecision(),
  requestErasure: rightsDecision(),
  restrictProcessing: rightsDecision(),
  liftRestriction: rightsDecision(),
  decideObjection: rightsDecision(),
  // --- handover packages between agencies (HANDOVER_PACKAGE_COMMANDS) ------------------------
  openCaseFromHandover: {
    rule: 'DP-16, DP-40',
    summary: text(
      'Fachkräfte der empfangenden Stelle für die eigene Stelle als federführende (nach Prüfung des Pakets)',
      'Staff of the receiving agency, for their own agency as lead (after the package verified)',
    ),
    clauses: [{ roles: staff, relation: 'ownNewCase' }],
  },
  recordHandoverStatus: caseWork({ rule: 'DP-14, DP-16, DP-40' }),
};

/** The declaration of a command type, or `undefined` when it has none (the guard then refuses it). */
export function commandAccess(type: string): CommandAccess | undefined {
  return Object.hasOwn(COMMAND_ACCESS, type) ? COMMAND_ACCESS[type] : undefined;
}

/**
 * DP-27: whether this command (with this input) is a decision about the person that only a human may
 * take. The one definition; the cycle (PR-07), the access guard and the decision point read it.
 */
export function isHumanDecision(type: string, input: unknown): boolean {
  const declared = commandAccess(type)?.humanDecision;
  return typeof declared === 'function' ? declared(input) : declared === true;
}

/** The command types that are human decisions in every use (DP-27), for docs and tests. */
export const HUMAN_DECISION_COMMANDS: readonly string[] = Object.keys(COMMAND_ACCESS).filter(
  (type) => COMMAND_ACCESS[type]!.humanDecision !== undefined,
);
