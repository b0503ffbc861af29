import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { IssuePath, Refusal } from '../result/refusal.js';

/** The rule id of every domain-invariant refusal (schema refusals use `SCHEMA`). */
export const DOMAIN_RULE = 'DOMAIN';

/** Codes of domain-invariant refusals, with what they mean. */
export const DOMAIN_REFUSAL_CODES = [
  'UNKNOWN_PERSON',
  'UNKNOWN_GOAL',
  'UNKNOWN_MEASURE',
  'UNKNOWN_ASSESSMENT',
  'UNKNOWN_CRISIS',
  'UNKNOWN_PROVIDER_REFERRAL',
  'UNKNOWN_FOLLOW_UP',
  'UNKNOWN_DEVIATION',
  'UNKNOWN_CASE_MANAGER',
  'UNKNOWN_REFERENCE',
  'UNKNOWN_DOCUMENT',
  'DATE_ORDER',
  'DATE_IN_FUTURE',
  'DUPLICATE_ID',
  'GOAL_AGREEMENT_MISSING',
  'GOAL_AGREEMENT_DATE_MISSING',
  'GOAL_NOT_OPEN',
  'NOTHING_TO_CHANGE',
  'ADDRESSEE_ROLE_REQUIRED',
  'RELATION_TO_SELF',
  'FIRST_COUNSELLING_ALREADY_RECORDED',
  'ASSESSMENT_ALREADY_CONFIRMED',
  'ASSESSMENT_SUPERSEDED',
  'ASSESSMENT_PART_WITHHELD',
  'NO_ASSESSMENT',
  'CRISIS_ALREADY_RESOLVED',
  'FOLLOW_UP_ALREADY_DONE',
  'REFERRAL_ALREADY_ENDED',
  'MEASURE_DEPENDENCY_CYCLE',
  'MEASURE_ORDER_INCOMPLETE',
  'SAME_LEAD_AGENCY',
  'TRANSITION_BEFORE_HANDOVER',
  'LEGAL_DOMAIN_ALREADY_ACTIVE',
  'LEGAL_DOMAIN_NOT_ACTIVE',
  'CASE_MANAGER_ALREADY_ASSIGNED',
  'LAST_CASE_MANAGER',
  'AMBIGUOUS_CASE_MANAGER',
  'CASE_ALREADY_CLOSED',
  'CASE_NOT_CLOSED',
  'EVALUATION_ALREADY_RECORDED',
  'ENTRUSTED_BY_MISSING',
  'DOCUMENT_ALREADY_REMOVED',
] as const;

/** One of {@link DOMAIN_REFUSAL_CODES}. */
export type DomainRefusalCode = (typeof DOMAIN_REFUSAL_CODES)[number];

/** Builds a domain-invariant refusal pointing at a path of the command input. */
export function domainRefusal(
  code: DomainRefusalCode,
  path: IssuePath,
  message: LocalizedText,
  hint?: LocalizedText,
): Refusal {
  return hint === undefined
    ? { code, rule: DOMAIN_RULE, path: ['input', ...path], message }
    : { code, rule: DOMAIN_RULE, path: ['input', ...path], message, hint };
}

const KIND_NAMES = {
  UNKNOWN_PERSON: ['Person', 'person'],
  UNKNOWN_GOAL: ['Ziel', 'goal'],
  UNKNOWN_MEASURE: ['Maßnahme', 'measure'],
  UNKNOWN_ASSESSMENT: ['Assessment', 'assessment'],
  UNKNOWN_CRISIS: ['Krise', 'crisis'],
  UNKNOWN_PROVIDER_REFERRAL: ['Vermittlung', 'provider referral'],
  UNKNOWN_FOLLOW_UP: ['Wiedervorlage', 'follow-up'],
  UNKNOWN_DEVIATION: ['Abweichung', 'deviation'],
  UNKNOWN_CASE_MANAGER: ['Fallmanager/in', 'case manager'],
  UNKNOWN_REFERENCE: ['Eintrag', 'item'],
  UNKNOWN_DOCUMENT: ['Dokument', 'document'],
} as const;

/** A refusal for an id that the case does not contain. */
export function unknownId(code: keyof typeof KIND_NAMES, path: IssuePath, id: string): Refusal {
  const [de, en] = KIND_NAMES[code];
  return domainRefusal(
    code,
    path,
    text(
      `${de} „${id}“ gibt es in dieser Akte nicht (Feld ${path.join('.')}).`,
      `There is no ${en} "${id}" in this case (field ${path.join('.')}).`,
    ),
  );
}

/** A refusal for two dates in the wrong order. */
export function dateOrder(path: IssuePath, earlierLabel: string, earlier: string, later: string): Refusal {
  return domainRefusal(
    'DATE_ORDER',
    path,
    text(
      `Das Datum in ${path.join('.')} (${later}) liegt vor ${earlierLabel} (${earlier}).`,
      `The date in ${path.join('.')} (${later}) is before ${earlierLabel} (${earlier}).`,
    ),
  );
}

/** A refusal for a date of something that happened but lies in the future. */
export function dateInFuture(path: IssuePath, date: string, today: string): Refusal {
  return domainRefusal(
    'DATE_IN_FUTURE',
    path,
    text(
      `Das Datum in ${path.join('.')} (${date}) liegt in der Zukunft (heute ist ${today}).`,
      `The date in ${path.join('.')} (${date}) is in the future (today is ${today}).`,
    ),
    text(
      'Dokumentieren Sie nur, was bereits geschehen ist; Künftiges als Wiedervorlage.',
      'Record only what has happened; plan future steps as follow-ups.',
    ),
  );
}
