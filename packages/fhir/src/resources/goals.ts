import type { CaseState, Goal } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { observationId } from './assessments.js';

const ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';

function lifecycle(goal: Goal): string {
  switch (goal.status) {
    case 'open':
      return goal.agreement === undefined ? 'proposed' : 'active';
    case 'dropped':
      return 'cancelled';
    default:
      return 'completed';
  }
}

const ACHIEVED: Readonly<Record<Goal['status'], string>> = {
  open: 'in-progress',
  achieved: 'achieved',
  partlyAchieved: 'improving',
  notAchieved: 'not-achieved',
  dropped: 'not-achieved',
};

/**
 * The goals as Goal resources. An agreed goal names who expressed it (`expressedBy`: the person, when
 * the person agreed); indicators are targets (the measure in words, the target value as detail); the
 * goal `addresses` the life-domain Observations it derives from. R4's Goal has no element for a
 * higher-level goal, so the parent is named in a note (docs/fhir.md).
 */
export function goalsOf(state: CaseState): FhirResource[] {
  const observations = new Set(state.assessments.flatMap((a) => (a.domains ?? []).map((d) => `${a.id}/${d.domainId}`)));
  return state.goals.map((goal) => {
    const due = goal.timeFrame?.until;
    const targets = (goal.indicators ?? []).map((indicator) => ({
      measure: { text: indicator.description },
      ...(indicator.target === undefined ? {} : { detailString: indicator.target }),
      ...(due === undefined ? {} : { dueDate: due }),
    }));
    const addresses =
      goal.assessmentId === undefined
        ? []
        : (goal.domainIds ?? [])
            .filter((d) => observations.has(`${goal.assessmentId}/${d}`))
            .map((d) => ref('Observation', observationId(goal.assessmentId!, d)));
    const notes = [
      ...(goal.agreement?.dissent ? [{ text: `Abweichende Position: ${goal.agreement.dissent}` }] : []),
      ...(goal.parentGoalId ? [{ text: `Teilziel von ${goal.parentGoalId}` }] : []),
    ];
    return {
      resourceType: 'Goal',
      id: fhirId(goal.id),
      lifecycleStatus: lifecycle(goal),
      achievementStatus: { coding: [{ system: ACHIEVEMENT, code: ACHIEVED[goal.status] }] },
      category: [{ text: goal.level }],
      description: { text: goal.title },
      subject: ref('Patient', fhirId(state.addresseeId)),
      ...(goal.timeFrame?.from === undefined ? {} : { startDate: goal.timeFrame.from }),
      ...(targets.length > 0 ? { target: targets } : due === undefined ? {} : { target: [{ dueDate: due }] }),
      ...(goal.agreement?.agreedByPerson === true ? { expressedBy: ref('Patient', fhirId(state.addresseeId)) } : {}),
      ...(goal.statusHistory?.length ? { statusDate: goal.statusHistory.at(-1)!.on } : {}),
      ...(addresses.length > 0 ? { addresses } : {}),
      ...(notes.length > 0 ? { note: notes } : {}),
    };
  });
}
