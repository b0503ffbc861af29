import { text } from '../i18n/localized-text.js';
import type { DataCategory } from '../model/record-meta.js';
import type { Refusal } from '../result/refusal.js';
import type { CommandGuard, GuardContext } from '../service/command-guard.js';
import { classifyFields, lifeDomainCategories, type CaseSection } from './categories.js';
import { caseRelation } from './decide.js';
import { freeTextNotices } from './free-text.js';
import { foldPrivacy } from './privacy-state.js';
import { privacyRefusal } from './reason-codes.js';

/** Commands whose outcome is a decision about the person: only a human may give them (DP-27). */
function isHumanDecision(type: string, input: Record<string, unknown>): boolean {
  if (type === 'decideAdmission' || type === 'closeCase') return true;
  const decision = input['decision'] as { kind?: string } | undefined;
  return type === 'recordFirstCounselling' && decision?.kind === 'noFurtherMeasures';
}

/** The case section each item-creating command writes to, for the DP-01 field check. */
export const COMMAND_SECTIONS: Readonly<Record<string, CaseSection>> = {
  addPerson: 'persons',
  recordResidenceStatus: 'residenceStatuses',
  recordReferral: 'referrals',
  checkCasefindingCriteria: 'casefindingChecks',
  decideAdmission: 'admission',
  flagCrisis: 'crises',
  recordFirstCounselling: 'firstCounselling',
  recordAssessment: 'assessments',
  startReassessment: 'reassessments',
  agreeGoal: 'goals',
  addMeasure: 'measures',
  referToProvider: 'providerReferrals',
  holdCaseConference: 'caseConferences',
  recordContact: 'contacts',
  scheduleFollowUp: 'followUps',
  judgeProgress: 'progressJudgements',
  recordDeviation: 'deviations',
  recordReadinessSigns: 'readinessObservations',
  changeLeadAgency: 'handovers',
  addLegalDomain: 'legalDomains',
  recordNote: 'notes',
  recordPlan: 'plans',
  closeCase: 'closure',
  recordEvaluation: 'evaluation',
};

/** Input members that are not item fields but say what to do (ids of the target, the person of a status). */
const INPUT_ONLY_FIELDS = new Set(['personId']);

/** Free-text fields the DP-03 check reads, per command. */
const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  recordNote: ['text'],
  recordContact: ['note'],
  judgeProgress: ['note'],
  recordDeviation: ['description'],
  flagCrisis: ['description', 'immediateHelp'],
  recordReferral: ['reason'],
  recordFirstCounselling: ['concernInOwnWords', 'firstPictureProblems', 'firstPictureResources'],
  startReassessment: ['reason'],
  recordAssessment: ['narrative'],
  recordPlan: ['personsOwnWords'],
  addPerson: ['note'],
};

/** Who may run a command besides the assigned worker (DP-23). */
const ACCESS: Readonly<Record<string, (context: GuardContext) => boolean>> = {
  openBreakGlass: ({ actor }) => ['caseManager', 'deputy', 'intake', 'teamLead'].includes(actor.role),
  recordSupervisionReason: ({ actor, state }) =>
    actor.role === 'teamLead' &&
    state !== undefined &&
    (state.caseManagers.some((p) => p.agencyId === actor.agencyId) ||
      state.leadAgencies.some((p) => p.agencyId === actor.agencyId)),
  assignCaseManager: ({ actor, state }) =>
    actor.role === 'teamLead' && state !== undefined && state.leadAgencies.some((p) => p.agencyId === actor.agencyId),
  endCaseManagerAssignment: ({ actor, state }) =>
    actor.role === 'teamLead' && state !== undefined && state.leadAgencies.some((p) => p.agencyId === actor.agencyId),
  updateReferralStatus: ({ actor, state, command }) => {
    const id = (command.input as { providerReferralId?: string }).providerReferralId;
    return (
      (actor.role === 'provider' || actor.role === 'partnerAgency') &&
      state !== undefined &&
      state.providerReferrals.some((r) => r.id === id && r.provider.agencyId === actor.agencyId)
    );
  },
};

/** Roles that may open a case. */
const OPENING_ROLES = new Set(['caseManager', 'deputy', 'intake', 'teamLead', 'system']);

/** DP-01: fields without categories, and assessment domains nobody classified. */
function untagged(type: string, input: Record<string, unknown>): Refusal[] {
  const section = COMMAND_SECTIONS[type];
  if (section === undefined) return [];
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (!INPUT_ONLY_FIELDS.has(key)) fields[key] = value;
  return classifyFields(section, fields).untagged.map((field) =>
    privacyRefusal('DENY_UNTAGGED_DATA', {
      path: ['input', ...field.split('.')],
      detail: text(`Feld „${field}“.`, `Field "${field}".`),
      hint: text('Kategorie angeben (z. B. categories: ["health"]).', 'Give a category (e.g. categories: ["health"]).'),
    }),
  );
}

/** DP-04: data not from the person need a recorded basis. */
function collection(input: Record<string, unknown>): Refusal[] {
  const origins: { origin: unknown; legalBasis: unknown; path: (string | number)[] }[] = [
    { origin: input['origin'], legalBasis: input['legalBasis'], path: ['input', 'origin'] },
  ];
  const domains = input['domains'];
  if (Array.isArray(domains)) {
    domains.forEach((d: Record<string, unknown>, i) =>
      origins.push({
        origin: d['origin'],
        legalBasis: d['legalBasis'] ?? input['legalBasis'],
        path: ['input', 'domains', i, 'origin'],
      }),
    );
  }
  return origins
    .filter(
      ({ origin, legalBasis }) =>
        (origin === 'thirdParty' || (typeof origin === 'string' && origin.startsWith('agency:'))) &&
        (typeof legalBasis !== 'string' || legalBasis.trim() === ''),
    )
    .map(({ path }) => privacyRefusal('DENY_THIRD_PARTY_COLLECTION', { path }));
}

/** DP-03: warnings for free text that seems to hold special-category data or third-party names. */
function freeText(context: GuardContext, input: Record<string, unknown>): void {
  const tagged = (input['categories'] as DataCategory[] | undefined) ?? [];
  for (const field of FREE_TEXT_FIELDS[context.command.type] ?? []) {
    const value = input[field];
    if (typeof value === 'string')
      for (const notice of freeTextNotices(value, tagged, ['input', field])) context.addNotice(notice);
  }
  const domains = input['domains'];
  if (context.command.type === 'recordAssessment' && Array.isArray(domains)) {
    domains.forEach((d: Record<string, unknown>, i) => {
      const domainTags = (d['categories'] as DataCategory[] | undefined) ?? [];
      for (const field of ['problems', 'resources', 'personView', 'caseManagerView']) {
        const value = d[field];
        if (typeof value === 'string' && value !== '') {
          const known = [...tagged, ...domainTags, ...(lifeDomainCategories(String(d['domainId'])) ?? [])];
          for (const notice of freeTextNotices(value, known, ['input', 'domains', i, field])) {
            context.addNotice(notice);
          }
        }
      }
    });
  }
}

/**
 * The data-protection guard of the command pipeline: humans decide (DP-27), staff cases are closed
 * to personnel roles (DP-26), only the assigned worker, a deputy or break-glass writes (DP-23,
 * DP-25), every field is tagged (DP-01), third-party data need a basis (DP-04); free text is checked
 * and warned about (DP-03). Commands of other modules (data-subject rights, retention) pass the
 * assignment check: they declare their own access rules.
 */
export const privacyGuard: CommandGuard = (context) => {
  const { command, state, journal, actor, now } = context;
  const input = (command.input ?? {}) as Record<string, unknown>;
  if (actor.role === 'system' && isHumanDecision(command.type, input))
    return [privacyRefusal('DENY_AUTOMATED_DECISION')];
  if (state === undefined) {
    if (!OPENING_ROLES.has(actor.role)) return [privacyRefusal('DENY_NOT_ASSIGNED')];
    const addressee = (input['addressee'] ?? {}) as Record<string, unknown>;
    return [...collection(addressee)];
  }
  const privacy = foldPrivacy(journal);
  if (actor.role === 'hr' && privacy.staffCaseOf !== undefined) return [privacyRefusal('DENY_STAFF_CASE')];
  const known =
    COMMAND_SECTIONS[command.type] !== undefined ||
    ACCESS[command.type] !== undefined ||
    KNOWN_COMMANDS.has(command.type);
  if (known && actor.role !== 'system') {
    const relation = caseRelation(actor, state, privacy, now);
    const allowed = relation === 'assigned' || relation === 'breakGlass' || (ACCESS[command.type]?.(context) ?? false);
    if (!allowed) return [privacyRefusal(relation === 'DENY_STAFF_CASE' ? 'DENY_STAFF_CASE' : 'DENY_NOT_ASSIGNED')];
  }
  const refusals = [...untagged(command.type, input), ...collection(input)];
  if (refusals.length > 0) return refusals;
  freeText(context, input);
  return [];
};

/** Case and privacy commands without an item section that still need an assigned worker. */
const KNOWN_COMMANDS = new Set([
  'updatePerson',
  'resolveCrisis',
  'confirmAssessment',
  'reviseGoal',
  'setGoalStatus',
  'updateMeasure',
  'reorderMeasures',
  'completeFollowUp',
  'endLegalDomain',
  'recordConsent',
  'withdrawConsent',
  'recordConfidentialityRelease',
  'transferData',
  'flagStaffCase',
  'recordTransferObjection',
]);
