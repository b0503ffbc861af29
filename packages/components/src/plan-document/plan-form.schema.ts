import { isRedactionMarker, type CaseCommandInput, type CaseState } from '@fallkit/core';

/** A participant row as the form edits it. */
export interface PlanFormParticipant {
  name: string;
  role: string;
  personId?: string;
}

/**
 * The value of `<fk-plan-form>`: the input of the core's `recordPlan`, with the section texts keyed
 * by the profile's item id (the form shows one field per item; the command carries a list).
 */
export interface PlanFormValue {
  recordedOn?: string;
  participants: PlanFormParticipant[];
  sections: Record<string, string>;
  personsOwnWords: string;
  helpOutsideFamily: boolean;
  reviewOn?: string;
}

/** The validated data `fk-submit` carries: the parsed `recordPlan` input. */
export type PlanFormData = CaseCommandInput<'recordPlan'>;

/** What the plan takes from the rest of the case: agreed open case goals, measures not cancelled. */
export function caseCounts(view: CaseState | undefined): { goals: number; measures: number } {
  if (view === undefined) return { goals: 0, measures: 0 };
  const goals = (view.goals ?? []).filter(
    (g) => !isRedactionMarker(g) && g.level === 'case' && g.status === 'open' && g.agreement !== undefined,
  ).length;
  const measures = (view.measures ?? []).filter((m) => !isRedactionMarker(m) && m.status !== 'cancelled').length;
  return { goals, measures };
}
