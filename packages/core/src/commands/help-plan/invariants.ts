import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import type { Refusal } from '../../result/refusal.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { has, ordered, classification, goals } from '../invariant-checks.js';
import type { helpPlanInputs } from './inputs.js';

/** Whether adding `edges` (measure → measures it must come after) to the plan creates a cycle. */
function hasAfterCycle(
  state: CaseState,
  measureId: string,
  dependsOn: readonly { measureId: string; kind: string }[],
): boolean {
  const edges = new Map<string, string[]>();
  for (const measure of state.measures) {
    edges.set(
      measure.id,
      (measure.dependsOn ?? []).filter((d) => d.kind === 'after').map((d) => d.measureId),
    );
  }
  edges.set(
    measureId,
    dependsOn.filter((d) => d.kind === 'after').map((d) => d.measureId),
  );
  const seen = new Set<string>();
  const stack = [...(edges.get(measureId) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (next === measureId) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return false;
}

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const helpPlanInvariants: { readonly [T in keyof typeof helpPlanInputs]?: InvariantCheck<T> } = {
  addMeasure: (state, input) => {
    const s = state as CaseState;
    return [
      ...goals(s, input.goalIds, ['goalIds']),
      ...(input.dependsOn ?? []).flatMap((d, index) =>
        has(s.measures, d.measureId)
          ? []
          : [unknownId('UNKNOWN_MEASURE', ['dependsOn', index, 'measureId'], d.measureId)],
      ),
      ...ordered(input.startOn, input.endOn, ['endOn'], 'startOn'),
      ...(input.by.personId !== undefined && !has(s.persons, input.by.personId)
        ? [unknownId('UNKNOWN_PERSON', ['by', 'personId'], input.by.personId)]
        : []),
      ...classification(s, input),
    ];
  },
  updateMeasure: (state, input) => {
    const s = state as CaseState;
    const measure = s.measures.find((m) => m.id === input.measureId);
    if (!measure) return [unknownId('UNKNOWN_MEASURE', ['measureId'], input.measureId)];
    const { changes } = input;
    const refusals: Refusal[] = [
      ...goals(s, changes.goalIds, ['changes', 'goalIds']),
      ...ordered(changes.startOn ?? measure.startOn, changes.endOn ?? measure.endOn, ['changes', 'endOn'], 'startOn'),
    ];
    if (Object.keys(changes).length === 0)
      refusals.push(
        domainRefusal('NOTHING_TO_CHANGE', ['changes'], text('Keine Änderung angegeben.', 'No change given.')),
      );
    if (changes.dependsOn !== undefined) {
      const unknown = changes.dependsOn.flatMap((d, index) =>
        has(s.measures, d.measureId)
          ? []
          : [unknownId('UNKNOWN_MEASURE', ['changes', 'dependsOn', index, 'measureId'], d.measureId)],
      );
      refusals.push(...unknown);
      if (
        unknown.length === 0 &&
        (changes.dependsOn.some((d) => d.measureId === measure.id) || hasAfterCycle(s, measure.id, changes.dependsOn))
      ) {
        refusals.push(
          // INV-MEAS-01
          domainRefusal(
            'MEASURE_DEPENDENCY_CYCLE',
            ['changes', 'dependsOn'],
            text(
              'Die Reihenfolge der Maßnahmen würde sich im Kreis drehen.',
              'The sequence of measures would form a cycle.',
            ),
          ),
        );
      }
    }
    return refusals;
  },
  reorderMeasures: (state, input) => {
    const s = state as CaseState;
    const unknown = input.measureIds.flatMap((id, index) =>
      has(s.measures, id) ? [] : [unknownId('UNKNOWN_MEASURE', ['measureIds', index], id)],
    );
    if (unknown.length > 0) return unknown;
    // A new order must name every measure exactly once: a partial list would silently reorder measures
    // the user did not see (another writer may have added one meanwhile).
    const named = new Set(input.measureIds);
    if (named.size !== input.measureIds.length || named.size !== s.measures.length)
      return [
        // INV-MEAS-02
        domainRefusal(
          'MEASURE_ORDER_INCOMPLETE',
          ['measureIds'],
          text(
            'Die neue Reihenfolge muss jede Maßnahme des Hilfeplans genau einmal nennen.',
            'The new order must name every measure of the help plan exactly once.',
          ),
        ),
      ];
    return [];
  },
};
