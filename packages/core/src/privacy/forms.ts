import type { Stage } from '../model/case-header.js';
import type { DataCategory } from '../model/record-meta.js';
import { isSpecialCategory } from './categories.js';

/** A field of a stage form: required or optional, its categories, and whether it starts collapsed. */
export interface FormField {
  readonly field: string;
  readonly categories: readonly DataCategory[];
  readonly required: boolean;
  /** Art. 9/10 fields start collapsed and are always optional (DP-02). */
  readonly collapsed: boolean;
}

/** The minimal form of a stage (DP-02). */
export interface StageForm {
  readonly stage: Stage;
  readonly fields: readonly FormField[];
}

function field(name: string, categories: readonly DataCategory[], required = false): FormField {
  const special = categories.some(isSpecialCategory);
  // A special-category field is never required, whatever the caller asks (Art. 9 GDPR, § 67a SGB X).
  return { field: name, categories, required: required && !special, collapsed: special };
}

/**
 * Required and optional fields per stage: what a task needs, nothing more. Forms render these;
 * special-category fields are optional and collapsed, and no command fails for their absence.
 */
export const STAGE_FORMS: Readonly<Partial<Record<Stage, StageForm>>> = {
  referral: {
    stage: 'referral',
    fields: [field('referrer', ['notes'], true), field('referredOn', [], true), field('reason', ['notes'], true)],
  },
  screening: {
    stage: 'screening',
    fields: [
      field('givenName', ['identity'], true),
      field('familyName', ['identity'], true),
      field('birthDate', ['identity']),
      field('contact', ['contact']),
      field('languages', ['identity']),
      field('interpreter', ['identity']),
      field('criteria', ['notes'], true),
      field('complexNeeds', ['notes'], true),
      field('summary', ['notes']),
    ],
  },
  firstCounselling: {
    stage: 'firstCounselling',
    fields: [
      field('concernInOwnWords', ['notes'], true),
      field('firstPictureProblems', ['notes']),
      field('firstPictureResources', ['notes']),
      field('motivation', ['notes'], true),
      field('decision', ['notes'], true),
    ],
  },
  assessment: {
    stage: 'assessment',
    fields: [
      field('housing', ['housing']),
      field('workTraining', ['employment']),
      field('education', ['education']),
      field('financesDebts', ['income', 'debts']),
      field('familyChildren', ['household']),
      field('residence', ['residenceStatus']),
      field('health', ['health']),
      field('addictionHistory', ['health', 'addiction']),
      field('wishesAndDreams', ['notes']),
    ],
  },
  goalAgreement: {
    stage: 'goalAgreement',
    fields: [
      field('title', ['goals'], true),
      field('indicators', ['goals'], true),
      field('agreement', ['goals'], true),
    ],
  },
  helpPlanning: {
    stage: 'helpPlanning',
    fields: [field('title', ['measures'], true), field('goalIds', [], true), field('by', ['measures'], true)],
  },
};

/** The form of a stage; stages without their own form use none. */
export function stageForm(stage: Stage): StageForm | undefined {
  return STAGE_FORMS[stage];
}
