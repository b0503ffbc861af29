import type { JournalEvent } from '../journal/journal-event.js';
import type { Stage } from '../model/case-header.js';
import type { CaseState } from '../model/case-state.js';

const AFTER_ASSESSMENT: readonly Stage[] = ['assessment', 'reassessment', 'goalAgreement'];
const PLANNING: readonly Stage[] = ['goalAgreement', 'helpPlanning'];
const BEFORE_MONITORING: readonly Stage[] = ['goalAgreement', 'helpPlanning', 'linking'];

/**
 * The stage a case is in after an event. `state` already includes the event's effect, but
 * `state.stage` is still the stage before it. Events that may happen in any stage (contacts, notes,
 * follow-ups, crises, persons) keep the stage.
 *
 * A simple mapping of event types; the process rules replace it with the declarative cycle.
 */
export function nextStage(state: CaseState, event: Pick<JournalEvent, 'type'>): Stage {
  const current = state.stage;
  switch (event.type) {
    case 'CaseOpened':
    case 'ReferralRecorded':
      return current === 'referral' ? 'referral' : current;
    case 'CasefindingCriteriaChecked':
      return current === 'referral' ? 'screening' : current;
    case 'AdmissionDecided':
      return state.admission?.admitted === true ? 'firstCounselling' : 'screening';
    case 'FirstCounsellingRecorded':
      return state.firstCounselling?.decision.kind === 'noFurtherMeasures' ? 'noFurtherMeasures' : 'assessment';
    case 'AssessmentRecorded':
      return current === 'reassessment' ? 'reassessment' : 'assessment';
    case 'AssessmentConfirmed':
      return 'goalAgreement';
    case 'ReassessmentStarted':
      return 'reassessment';
    case 'GoalAgreed':
    case 'GoalRevised':
      return AFTER_ASSESSMENT.includes(current) ? 'goalAgreement' : current;
    case 'MeasureAdded':
      return PLANNING.includes(current) ? 'helpPlanning' : current;
    case 'ProviderReferralMade':
      return BEFORE_MONITORING.includes(current) ? 'linking' : current;
    case 'ProgressJudged':
      return BEFORE_MONITORING.includes(current) ? 'monitoring' : current;
    case 'ProviderReferralStatusUpdated':
    case 'MeasureUpdated':
      return current === 'linking' ? 'monitoring' : current;
    case 'CaseClosed':
      return state.closure !== null && NO_EVALUATION_REASONS.includes(state.closure.reason) ? 'closed' : 'closure';
    case 'EvaluationRecorded':
      return 'closed';
    default:
      return current;
  }
}

const NO_EVALUATION_REASONS: readonly string[] = ['noFurtherMeasures', 'notAdmitted', 'contactLost', 'death'];
