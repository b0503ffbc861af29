// Inline `type` modifiers, not `import type`: the API report prints the import as the declarations write it.
import { type CaseCommandType, type CaseState } from '@fallkit/core';

/**
 * The commands that move a case through the cycle, in the order of the cycle. The overview offers
 * these; the rest (notes, persons, assignments) belong to the case file's own screens.
 */
export const CYCLE_ACTIONS: readonly CaseCommandType[] = [
  'recordReferral',
  'checkCasefindingCriteria',
  'decideAdmission',
  'recordFirstCounselling',
  'recordAssessment',
  'confirmAssessment',
  'agreeGoal',
  'addMeasure',
  'referToProvider',
  'holdCaseConference',
  'recordContact',
  'scheduleFollowUp',
  'judgeProgress',
  'recordDeviation',
  'recordReadinessSigns',
  'startReassessment',
  'changeLeadAgency',
  'closeCase',
  'recordEvaluation',
];

/** The steps that carry a stage forward, offered first (the others stay available below them). */
export const STAGE_FOCUS: Readonly<Partial<Record<CaseState['stage'], readonly CaseCommandType[]>>> = {
  referral: ['recordReferral', 'checkCasefindingCriteria'],
  screening: ['checkCasefindingCriteria', 'decideAdmission'],
  firstCounselling: ['recordFirstCounselling'],
  assessment: ['recordAssessment', 'confirmAssessment'],
  reassessment: ['recordAssessment', 'confirmAssessment'],
  goalAgreement: ['agreeGoal', 'addMeasure'],
  helpPlanning: ['addMeasure', 'referToProvider'],
  linking: ['referToProvider', 'holdCaseConference', 'recordContact'],
  monitoring: ['recordContact', 'judgeProgress', 'scheduleFollowUp', 'recordDeviation'],
  noFurtherMeasures: ['closeCase'],
  closure: ['recordEvaluation'],
  closed: ['recordEvaluation'],
};

/** Detail of `fk-action`: the command the user wants to carry out next. */
export interface FkActionDetail {
  readonly command: CaseCommandType;
  readonly caseId: string;
}
