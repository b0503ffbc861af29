import type { CaseState } from '../model/case-state.js';
import type { Assessment } from '../model/assessment.js';
import type { Goal } from '../model/goal.js';
import type { ProcessStandard, RequirableStage } from './standard/schema.js';

/*
 * Small questions the rules ask of a case state. Kept apart from the cycle so the cycle file reads
 * as a table.
 */

/** The newest assessment version, if any. */
export function latestAssessment(state: CaseState): Assessment | undefined {
  return state.assessments.at(-1);
}

/** Whether the newest assessment version is confirmed with the person. */
export function latestAssessmentConfirmed(state: CaseState): boolean {
  return latestAssessment(state)?.status === 'confirmed';
}

/** Case-level goals that are still open (guiding and strategic goals are the organisation's). */
export function openCaseGoals(state: CaseState): Goal[] {
  return state.goals.filter((goal) => goal.level === 'case' && goal.status === 'open');
}

/** Whether a goal is agreed (with the person, dated) and still open. */
export function isAgreedOpenGoal(goal: Goal): boolean {
  return goal.status === 'open' && goal.agreement !== undefined;
}

/** Whether the standard requires a stage. */
export function requires(standard: ProcessStandard, stage: RequirableStage): boolean {
  return standard.requiredStages.includes(stage);
}

/** The latest casefinding check, if any. */
export function latestCasefindingCheck(state: CaseState): CaseState['casefindingChecks'][number] | undefined {
  return state.casefindingChecks.at(-1);
}

/**
 * Whether the casefinding criteria of the standard are met by a check: by the standard's minimum
 * count of met criteria (and every target-group criterion the standard names) where it sets one,
 * otherwise by the checker's overall judgement.
 */
export function criteriaMet(
  check: CaseState['casefindingChecks'][number],
  standard: ProcessStandard | undefined,
): boolean {
  const minimum = standard?.casefinding.minimumMet;
  if (minimum === undefined || standard === undefined) return check.complexNeeds;
  const known = new Set(standard.casefinding.criteria.map((c) => c.id));
  const met = check.criteria.filter((c) => c.met === true && known.has(c.criterionId)).length;
  const targetGroupOk = standard.casefinding.targetGroupCriteria.every((criterion) =>
    check.targetGroupCriteria.some((c) => c.criterionId === criterion.id && c.met === true),
  );
  return met >= minimum && targetGroupOk;
}
