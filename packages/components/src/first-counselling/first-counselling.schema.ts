import {
  COOPERATION_LEVELS,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type InterpreterNeed,
} from '@fallkit/core';

type In = CaseCommandInputIn<'recordFirstCounselling'>;
type Level = (typeof COOPERATION_LEVELS)[number];

/**
 * The value of `<fk-first-counselling>`: the input of the core's `recordFirstCounselling`. The
 * judgements (motivation, willingness, ability) and the decision start unset: a person records them.
 */
export type FirstCounsellingValue = Omit<
  In,
  'motivation' | 'willingnessToCooperate' | 'abilityToCooperate' | 'decision'
> & {
  motivation: { level?: Level; note?: string };
  willingnessToCooperate?: Level;
  abilityToCooperate?: Level;
  decision: { kind?: 'assessment' | 'noFurtherMeasures'; reason?: string; referredElsewhereTo?: string };
};

/** The validated data `fk-submit` carries: the parsed `recordFirstCounselling` input. */
export type FirstCounsellingData = CaseCommandInput<'recordFirstCounselling'>;

/** What the form shows about the person's languages (connected: from the case's addressee). */
export interface PersonLanguageInfo {
  readonly languages?: readonly string[];
  readonly interpreter?: InterpreterNeed;
}

/** What the person is told in the first counselling, in display order. */
export const INFO_KEYS = [
  'processExplained',
  'rolesExplained',
  'chancesAndDemandsExplained',
  'dataProtectionExplained',
] as const;

/** Whether a decision refuses case management over language without an interpreter (DOMAIN.md 4.2). */
export function refusesOverLanguage(
  value: Pick<FirstCounsellingValue, 'decision' | 'barriers' | 'interpreterUsed'>,
): boolean {
  return (
    value.decision?.kind === 'noFurtherMeasures' &&
    (value.barriers ?? []).includes('language') &&
    value.interpreterUsed !== true
  );
}
