import type { CaseState, RedactionMarker, ReadinessSign } from '@fallkit/core';
import { splitRedacted } from '../shared/case-of-view.js';
import type { CaseClosureValue, ClosureGoal, ClosureProvider } from './case-closure.schema.js';

/** What `<fk-case-closure>` takes from the decided case. */
export interface ClosureCase {
  /** The case goals to judge, and the withheld goals. */
  readonly goals: ClosureGoal[];
  readonly redactions: RedactionMarker[];
  /** The providers of the case's referrals, one per name, for feedback. */
  readonly providers: ClosureProvider[];
  /** The readiness signs seen in monitoring. */
  readonly observedSigns: ReadinessSign[];
  readonly closed: boolean;
  /** The stored closure's date and reason, for the header line. */
  readonly closedLine: { on: string; reason: string } | undefined;
  /** The value: the stored closure and evaluation, or `empty` with the observed signs and the providers. */
  value(empty: CaseClosureValue): CaseClosureValue;
}

/** Goals, providers, readiness signs, closure and evaluation of the case (withheld entries as markers). */
export function closureFromCase(state: CaseState): ClosureCase {
  const goals = splitRedacted<CaseState['goals'][number]>(state.goals);
  const referrals = splitRedacted<CaseState['providerReferrals'][number]>(state.providerReferrals).visible;
  const seen = new Map<string, ClosureProvider>();
  for (const r of referrals)
    if (!seen.has(r.provider.name)) seen.set(r.provider.name, { name: r.provider.name, providerReferralId: r.id });
  const providers = [...seen.values()];
  const observations = splitRedacted<CaseState['readinessObservations'][number]>(state.readinessObservations).visible;
  const observedSigns = [...new Set(observations.flatMap((o) => o.signs))];
  const closure = state.closure && !isMarker(state.closure) ? state.closure : undefined;
  const evaluation = state.evaluation && !isMarker(state.evaluation) ? state.evaluation : undefined;
  const closed = state.status === 'closed';
  return {
    goals: goals.visible.filter((g) => g.level === 'case').map((g) => ({ id: g.id, title: g.title, status: g.status })),
    redactions: goals.hidden,
    providers,
    observedSigns,
    closed,
    closedLine: closure ? { on: closure.closedOn, reason: closure.reason } : undefined,
    value: (empty) => ({
      closure: closure
        ? {
            closedOn: closure.closedOn,
            reason: closure.reason,
            ...(closure.reasonNote ? { reasonNote: closure.reasonNote } : {}),
            readinessSigns: [...closure.readinessSigns],
            goalAttainment: closure.goalAttainment.map((g) => ({ ...g })),
            ...(closure.continuedBy ? { continuedBy: closure.continuedBy } : {}),
          }
        : { ...empty.closure, readinessSigns: [...observedSigns] },
      evaluation: evaluation
        ? {
            evaluatedOn: evaluation.evaluatedOn,
            planVersusGoals: evaluation.planVersusGoals,
            methods: evaluation.methods,
            cooperation: evaluation.cooperation,
            effort: { ...evaluation.effort },
            satisfaction: { ...evaluation.satisfaction },
            providerFeedback: evaluation.providerFeedback.map((f) => ({ ...f })),
          }
        : {
            ...empty.evaluation!,
            providerFeedback: providers.map((p) => ({
              provider: p.name,
              ...(p.providerReferralId ? { providerReferralId: p.providerReferralId } : {}),
            })),
          },
      decisionConfirmed: closed,
    }),
  };
}

function isMarker(value: unknown): value is RedactionMarker {
  return typeof value === 'object' && value !== null && (value as { redacted?: unknown }).redacted === true;
}
