import { text } from '../i18n/localized-text.js';
import type { DataCategory } from '../model/record-meta.js';
import type { Refusal } from '../result/refusal.js';
import type { CommandGuard, GuardContext } from '../service/command-guard.js';
import { accessGuard } from '../access/access-guard.js';
import { classifyFields, lifeDomainCategories, type CaseSection } from './categories.js';
import { freeTextNotices } from './free-text.js';
import { privacyRefusal } from './reason-codes.js';

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
  attachDocument: 'documents',
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
 * The content part of the data-protection guard: every field is tagged (DP-01), third-party data need
 * a basis (DP-04); free text is checked and warned about (DP-03). Runs after the access guard, the
 * domain invariants and the process rules (`DEFAULT_GUARDS`).
 */
export const privacyContentGuard: CommandGuard = (context) => {
  const { command, state } = context;
  const input = (command.input ?? {}) as Record<string, unknown>;
  if (state === undefined) {
    const addressee = (input['addressee'] ?? {}) as Record<string, unknown>;
    return [...collection(addressee)];
  }
  const refusals = [...untagged(command.type, input), ...collection(input)];
  if (refusals.length > 0) return refusals;
  freeText(context, input);
  return [];
};

/**
 * The whole data-protection guard for pipelines that compose their own guards: who may issue the
 * command (DP-23, DP-25..DP-27, DP-40..DP-42, from `COMMAND_ACCESS`) and then the content checks of
 * {@link privacyContentGuard}. `DEFAULT_GUARDS` runs the two parts apart, the access part first.
 */
export const privacyGuard: CommandGuard = (context) => {
  const denied = accessGuard(context);
  return denied.length > 0 ? denied : privacyContentGuard(context);
};
