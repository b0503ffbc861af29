import type { DataCategory, Origin } from '../model/record-meta.js';

/** Kinds of stored items the commands create. */
export type ItemKind =
  | 'person'
  | 'residenceStatus'
  | 'legalDomain'
  | 'referral'
  | 'casefindingCheck'
  | 'admission'
  | 'crisis'
  | 'firstCounselling'
  | 'assessment'
  | 'reassessment'
  | 'goal'
  | 'measure'
  | 'providerReferral'
  | 'caseConference'
  | 'contact'
  | 'followUp'
  | 'progressJudgement'
  | 'deviation'
  | 'readinessObservation'
  | 'handover'
  | 'note'
  | 'document'
  | 'plan'
  | 'closure'
  | 'evaluation';

/**
 * The categories and origin an item gets when the command does not say. A coarse first
 * classification so every item carries one; the data-protection module refines it (DP rules on
 * categories, e.g. a note about health must be marked `health`) and callers may always be explicit.
 */
export const ITEM_DEFAULTS: {
  readonly [K in ItemKind]: { readonly categories: readonly DataCategory[]; readonly origin: Origin };
} = {
  person: { categories: ['identity', 'contact'], origin: 'client' },
  residenceStatus: { categories: ['residenceStatus'], origin: 'client' },
  legalDomain: { categories: ['benefits'], origin: 'caseManager' },
  referral: { categories: ['notes'], origin: 'caseManager' },
  casefindingCheck: { categories: ['notes'], origin: 'caseManager' },
  admission: { categories: ['notes'], origin: 'caseManager' },
  crisis: { categories: ['notes'], origin: 'caseManager' },
  firstCounselling: { categories: ['notes'], origin: 'client' },
  assessment: { categories: ['notes'], origin: 'client' },
  reassessment: { categories: ['notes'], origin: 'caseManager' },
  goal: { categories: ['goals'], origin: 'client' },
  measure: { categories: ['measures', 'helpPlan'], origin: 'caseManager' },
  providerReferral: { categories: ['measures'], origin: 'caseManager' },
  caseConference: { categories: ['helpPlan', 'notes'], origin: 'caseManager' },
  contact: { categories: ['notes'], origin: 'caseManager' },
  followUp: { categories: ['notes'], origin: 'caseManager' },
  progressJudgement: { categories: ['goals'], origin: 'caseManager' },
  deviation: { categories: ['notes'], origin: 'caseManager' },
  readinessObservation: { categories: ['notes'], origin: 'caseManager' },
  handover: { categories: ['benefits'], origin: 'caseManager' },
  note: { categories: ['notes'], origin: 'caseManager' },
  // A document's categories are what the person filing it says it contains; `notes` until then.
  document: { categories: ['notes'], origin: 'client' },
  plan: { categories: ['helpPlan', 'goals'], origin: 'client' },
  closure: { categories: ['goals'], origin: 'caseManager' },
  evaluation: { categories: ['notes'], origin: 'caseManager' },
};
