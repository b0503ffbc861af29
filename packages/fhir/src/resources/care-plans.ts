import type { CaseState, Measure } from '@fallkit/core';
import type { FhirResource } from '../fhir-types.js';
import { fhirId, ref } from '../ids.js';
import { localCoding } from '../terminology/code-systems.js';
import { agencyId } from './organisation.js';

const ACTIVITY_STATUS: Readonly<Record<Measure['status'], string>> = {
  planned: 'scheduled',
  running: 'in-progress',
  completed: 'completed',
  interrupted: 'on-hold',
  cancelled: 'cancelled',
};

function activity(measure: Measure, goals: ReadonlySet<string>, names: Map<string, string>): Record<string, unknown> {
  if (measure.by?.agencyId !== undefined && !names.has(measure.by.agencyId))
    names.set(measure.by.agencyId, measure.by.name);
  const goalRefs = (measure.goalIds ?? []).filter((id) => goals.has(id)).map((id) => ref('Goal', fhirId(id)));
  return {
    detail: {
      status: ACTIVITY_STATUS[measure.status],
      description: measure.title,
      ...(measure.startOn === undefined && measure.endOn === undefined
        ? {}
        : {
            scheduledPeriod: {
              ...(measure.startOn === undefined ? {} : { start: measure.startOn }),
              ...(measure.endOn === undefined ? {} : { end: measure.endOn }),
            },
          }),
      ...(goalRefs.length > 0 ? { goal: goalRefs } : {}),
      ...(measure.by?.agencyId === undefined
        ? {}
        : { performer: [ref('Organization', agencyId(measure.by.agencyId), measure.by.name)] }),
    },
  };
}

/** The id of the CarePlan referrals are based on: the latest plan version, or the help plan. */
export function currentCarePlanId(state: CaseState): string {
  const latest = [...(state.plans ?? [])].sort((a, b) => a.version - b.version).at(-1);
  return latest === undefined ? fhirId('helpplan', state.caseId) : fhirId(latest.id);
}

/**
 * The help plan as CarePlans. Each recorded plan version (Kooperationsplan, Hilfeplan, Gesamtplan) is
 * a CarePlan; a later version `replaces` the one before, which is `revoked`. Without recorded
 * versions, one CarePlan holds the goals and measures. Measures are activity details.
 */
export function carePlansOf(state: CaseState, names: Map<string, string>): FhirResource[] {
  const goals = new Set(state.goals.map((g) => g.id));
  const measures = new Map(state.measures.map((m) => [m.id, m]));
  const subject = ref('Patient', fhirId(state.addresseeId));
  const category = [{ coding: [localCoding('resource-kind', 'helpPlan')] }];
  const open = state.status === 'open';
  const plans = [...(state.plans ?? [])].sort((a, b) => a.version - b.version);
  if (plans.length === 0)
    return [
      {
        resourceType: 'CarePlan',
        id: currentCarePlanId(state),
        status: open ? 'active' : 'completed',
        intent: 'plan',
        category,
        title: 'Hilfeplan',
        subject,
        ...(state.goals.length > 0 ? { goal: state.goals.map((g) => ref('Goal', fhirId(g.id))) } : {}),
        ...(state.measures.length > 0 ? { activity: state.measures.map((m) => activity(m, goals, names)) } : {}),
      },
    ];
  return plans.map((plan, index) => {
    const before = plans[index - 1];
    const latest = index === plans.length - 1;
    const planGoals = (plan.goalIds ?? []).filter((id) => goals.has(id));
    const planMeasures = (plan.measureIds ?? []).map((id) => measures.get(id)).filter((m) => m !== undefined);
    return {
      resourceType: 'CarePlan',
      id: fhirId(plan.id),
      identifier: [{ system: 'urn:fallkit:plan', value: `${plan.standard.id}:${plan.version}` }],
      status: latest ? (open ? 'active' : 'completed') : 'revoked',
      intent: 'plan',
      category,
      title: `${plan.standard.id} (Fassung ${plan.version})`,
      subject,
      period: { start: plan.recordedOn, ...(plan.reviewOn === undefined ? {} : { end: plan.reviewOn }) },
      created: plan.recordedAt,
      ...(before === undefined ? {} : { replaces: [ref('CarePlan', fhirId(before.id))] }),
      ...(planGoals.length > 0 ? { goal: planGoals.map((id) => ref('Goal', fhirId(id))) } : {}),
      ...(planMeasures.length > 0 ? { activity: planMeasures.map((m) => activity(m, goals, names)) } : {}),
    };
  });
}
