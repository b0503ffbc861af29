import {
  ADULT_AGE,
  CONSENT_CAPACITY_AGE,
  addMonths,
  validateConsent,
  type ConsentPerson as CoreConsentPerson,
  type DataCategory,
  type Refusal,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import { agencyIdFromName } from '../shared/agency-id.js';
import type { MessageRef } from '../controllers/localize-controller.js';
import type { ConsentGiverLike, RecipientRefLike } from '../shared/privacy-shapes.js';
import type { InformationSubject } from './consent-information.js';

/** A person who may be the subject or the giver of a consent. */
export interface ConsentPerson {
  readonly id: string;
  readonly name: string;
  readonly birthDate?: string;
  /** Representations this person holds (parental responsibility, legal guardian …): the core checks them (DP-12, DP-13). */
  readonly representations?: CoreConsentPerson['representations'];
}

/**
 * The value of `<fk-consent-manager>`: the consent (or confidentiality release) being recorded, in
 * the shape of the core's `recordConsent` / `recordConfidentialityRelease` input plus its `kind`.
 * Every list starts empty: nothing is preselected (DP-10).
 */
export interface ConsentDraftValue {
  kind: 'consent' | 'release';
  subjectId?: string;
  categories: DataCategory[];
  recipients: RecipientRefLike[];
  purposes: string[];
  validFrom?: string;
  validUntil?: string;
  includesProfessionalSecret?: boolean;
  professionals?: { name: string; profession?: string }[];
  form: {
    kind?: 'written' | 'electronic' | 'oralMinuted';
    scanReference?: string;
    language?: string;
    interpreter?: { used: boolean; language?: string };
    exceptionReason?: string;
  };
  /** SHA-256 of the information text shown to the person; set once every section was shown (DP-09). */
  informationTextHash?: string;
  givenBy: { personId?: string; role?: ConsentGiverLike['role'] };
  childView?: string;
  capacityToConsent?: 'assessed' | 'notAssessed';
}

/** Detail of `fk-withdraw`: the input of the core's `withdrawConsent`. */
export interface ConsentWithdrawDetail {
  readonly consentId: string;
  readonly categories?: DataCategory[];
  readonly recipientAgencyIds?: string[];
  readonly note?: string;
}

/** The roles in which a person gives a consent (DP-12, DP-13), in the order the form offers them. */
export const ROLES: readonly ConsentGiverLike['role'][] = [
  'self',
  'parentalResponsibility',
  'guardianOfMinor',
  'legalGuardian',
];

/** A blocking `CONSENT_INCOMPLETE` at `path`, in the form's words (`key`), with the rule it proves. */
export function consentError(
  path: (string | number)[],
  key: string,
  params?: Record<string, string | number>,
  rule?: string,
): Feedback {
  const message: MessageRef = params ? { key, params } : { key };
  return { type: 'error', code: 'CONSENT_INCOMPLETE', message, path, ...(rule ? { rule } : {}) };
}

/**
 * A new draft: nothing ticked (DP-10), valid from `from` for the longest time allowed (DP-11), about the
 * case's addressee when there is one.
 */
export function emptyDraft(from: string, maxMonths: number, addresseeId: string | undefined): ConsentDraftValue {
  return {
    kind: 'consent',
    ...(addresseeId ? { subjectId: addresseeId } : {}),
    categories: [],
    recipients: [],
    purposes: [],
    validFrom: from,
    validUntil: addMonths(from, maxMonths),
    form: {},
    givenBy: {},
  };
}

/** What {@link consentFeedback} needs besides the refusal: the longest validity and how to word it. */
export interface ConsentFeedbackContext {
  /** The last day the consent may run to (DP-11). */
  readonly maxUntil: string;
  /** Formats a date in the form's language. */
  date(iso: string): string;
  /** Whether the draft names its giver already (then a missing role is what is wrong). */
  giverChosen(): boolean;
}

/** A refusal of the core's consent check as feedback at the form's own path, in the form's own words. */
export function consentFeedback(refusal: Refusal, words: ConsentFeedbackContext): Feedback {
  const path = (refusal.path ?? []).filter((segment, i) => !(i === 0 && segment === 'input'));
  const at = path.join('.');
  const own = (p: (string | number)[], key: string, params?: Record<string, string>): Feedback =>
    consentError(p, key, params, refusal.rule);
  switch (`${refusal.code}|${at}`) {
    case 'DENY_CONSENT_NOT_SPECIFIC|categories':
      return own(['categories'], 'consent.needCategory');
    case 'DENY_CONSENT_NOT_SPECIFIC|recipients':
      return own(['recipients'], 'consent.needRecipient');
    case 'DENY_CONSENT_NOT_SPECIFIC|purposes':
      return own(['purposes'], 'consent.needPurpose');
    case 'DENY_CONSENT_NOT_SPECIFIC|givenBy':
      return own(['givenBy', words.giverChosen() ? 'role' : 'personId'], 'consent.needGiver');
    case 'DENY_CONSENT_NOT_SPECIFIC|validUntil':
      return own(['validUntil'], 'consent.untilBeforeFrom');
    case 'DENY_CONSENT_OPEN_ENDED|validUntil':
      return own(['validUntil'], 'consent.untilTooLate', { date: words.date(words.maxUntil) });
    case 'DENY_CONSENT_UNDOCUMENTED|form':
      return own(['form', 'kind'], 'consent.needForm');
    case 'DENY_CONSENT_UNDOCUMENTED|form.scanReference':
    case 'DENY_CONSENT_UNDOCUMENTED|form.language':
    case 'DENY_CONSENT_UNDOCUMENTED|form.exceptionReason':
      return own(path, 'validation.required');
    case 'DENY_CONSENT_UNDOCUMENTED|informationTextHash':
      return own(['information'], 'consent.readFirst');
    case 'DENY_CONSENT_CAPACITY|givenBy':
      return own(['givenBy', 'role'], 'consent.tooYoung');
    case 'DENY_CONSENT_CAPACITY|capacityToConsent':
      return own(['capacityToConsent'], 'consent.capacityNeeded');
    case 'DENY_CONSENT_CAPACITY|childView':
      return own(['childView'], 'consent.childViewNeeded');
    default:
      // Wrong person, guardian scope …: the core's own sentence, at the core's path.
      return {
        type: 'error',
        code: refusal.code,
        message: refusal.message,
        path: path[0] === 'givenBy' && path.length === 1 ? ['givenBy', 'personId'] : path,
        ...(refusal.rule === undefined ? {} : { rule: refusal.rule }),
        flag: 'customError',
      };
  }
}

/** What {@link draftFeedback} checks a draft against. */
export interface DraftCheckContext extends Omit<ConsentFeedbackContext, 'maxUntil'> {
  readonly persons: readonly ConsentPerson[];
  /** Today (ISO date): the start when the draft names none. */
  readonly day: string;
  /** Longest validity in months (DP-11). */
  readonly maxMonths: number;
  /** The subject's id when the draft names none (the addressee, else the first person). */
  subjectId(value: ConsentDraftValue): string | undefined;
}

/**
 * Everything that keeps a draft from being recorded: what the form itself asks for (a category, a
 * recipient, a purpose, the professionals of a release, an end date) and the core's consent check
 * (`validateConsent`: DP-07, DP-08, DP-11, DP-12, DP-13 are the core's, not re-implemented here), worded in
 * the form's own messages where it has one.
 */
export function draftFeedback(v: ConsentDraftValue, ctx: DraftCheckContext): Feedback[] {
  const out: Feedback[] = [];
  if (!v.categories?.length) out.push(consentError(['categories'], 'consent.needCategory', undefined, 'DP-07'));
  if (!v.recipients?.length) out.push(consentError(['recipients'], 'consent.needRecipient', undefined, 'DP-07'));
  if (!v.purposes?.length) out.push(consentError(['purposes'], 'consent.needPurpose', undefined, 'DP-07'));
  if (v.kind === 'release' && !v.professionals?.length)
    out.push(consentError(['professionals'], 'consent.needProfessional', undefined, 'DP-15'));
  if (!v.validUntil) out.push({ ...consentError(['validUntil'], 'validation.required'), flag: 'valueMissing' });
  const from = v.validFrom ?? ctx.day;
  const maxUntil = addMonths(from, ctx.maxMonths);
  const refusals = validateConsent(
    { persons: ctx.persons },
    { ...v, ...(v.subjectId === undefined ? { subjectId: ctx.subjectId(v) } : {}) },
    { today: from, maxUntil, all: true },
  );
  for (const refusal of refusals) out.push(consentFeedback(refusal, { ...ctx, maxUntil }));
  return out;
}

/**
 * The data `fk-submit` carries: the draft without fields that do not apply (the child's view only under
 * 15 and not given by the child, the capacity only for a minor giving it, professionals only in a release).
 */
export function draftOutput(
  v: ConsentDraftValue,
  age: number | undefined,
  subjectId: string | undefined,
): ConsentDraftValue {
  const { childView, capacityToConsent, professionals, includesProfessionalSecret, ...rest } = v;
  return {
    ...rest,
    ...(subjectId ? { subjectId } : {}),
    ...(v.kind === 'release' ? { professionals } : includesProfessionalSecret ? { includesProfessionalSecret } : {}),
    ...(age !== undefined && age < CONSENT_CAPACITY_AGE && v.givenBy.role !== 'self' && childView?.trim()
      ? { childView }
      : {}),
    ...(age !== undefined && age < ADULT_AGE && v.givenBy.role === 'self' && capacityToConsent
      ? { capacityToConsent }
      : {}),
  };
}

/** What the information text (DP-09) of a draft is about: exactly what is selected. */
export function informationSubjectOf(v: ConsentDraftValue): InformationSubject {
  return {
    kind: v.kind,
    categories: v.categories ?? [],
    recipients: v.recipients ?? [],
    purposes: v.purposes ?? [],
    ...(v.validFrom ? { validFrom: v.validFrom } : {}),
    ...(v.validUntil ? { validUntil: v.validUntil } : {}),
    ...(v.includesProfessionalSecret ? { includesProfessionalSecret: true } : {}),
    ...(v.kind === 'release' && v.professionals ? { professionals: v.professionals } : {}),
  };
}

/** The recipients with the first entry per agency kept (host, directory, case, draft: in that order). */
export function firstPerAgency(all: readonly RecipientRefLike[]): RecipientRefLike[] {
  const map = new Map<string, RecipientRefLike>();
  for (const r of all) if (!map.has(r.agencyId)) map.set(r.agencyId, r);
  return [...map.values()];
}

/** The recipients with one typed by name added (replacing an earlier one of the same id). */
export function withRecipientNamed(recipients: readonly RecipientRefLike[], name: string): RecipientRefLike[] {
  const agencyId = agencyIdFromName(name);
  return [...recipients.filter((r) => r.agencyId !== agencyId), { agencyId, name }];
}

/** The professionals of a release as typed: one a line, `name, profession` (the profession optional). */
export function professionalsOf(text: string): { name: string; profession?: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, ...profession] = line.split(',');
      const p = profession.join(',').trim();
      return p ? { name: name!.trim(), profession: p } : { name: name!.trim() };
    });
}
