import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { has, notFuture, ordered, classification, goals } from '../invariant-checks.js';
import type { closureInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const closureInvariants: { readonly [T in keyof typeof closureInputs]?: InvariantCheck<T> } = {
  closeCase: (state, input, context) => {
    const s = state as CaseState;
    const ids = (input.goalAttainment ?? []).map((g) => g.goalId);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    return [
      ...(s.status === 'closed'
        ? [
            // INV-CLOSE-01
            domainRefusal(
              'CASE_ALREADY_CLOSED',
              [],
              text('Der Fall ist bereits abgeschlossen.', 'The case is already closed.'),
            ),
          ]
        : []),
      ...goals(s, ids, ['goalAttainment']),
      ...(duplicate === undefined
        ? []
        : [
            domainRefusal(
              'DUPLICATE_ID',
              ['goalAttainment'],
              text(`Ziel „${duplicate}“ ist doppelt bewertet.`, `Goal "${duplicate}" is judged twice.`),
            ),
          ]),
      ...notFuture(input.closedOn, ['closedOn'], context),
      ...ordered(s.openedOn, input.closedOn, ['closedOn'], 'der Falleröffnung / the opening'),
      ...classification(s, input),
    ];
  },
  recordEvaluation: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(s.closure === null
        ? [
            // INV-CLOSE-02
            domainRefusal(
              'CASE_NOT_CLOSED',
              [],
              text('Ausgewertet wird nach dem Abschluss des Falls.', 'A case is evaluated after it was closed.'),
            ),
          ]
        : []),
      ...(s.evaluation !== null
        ? [
            // INV-CLOSE-03
            domainRefusal(
              'EVALUATION_ALREADY_RECORDED',
              [],
              text('Die Auswertung ist bereits dokumentiert.', 'The evaluation is already recorded.'),
            ),
          ]
        : []),
      ...(input.providerFeedback ?? []).flatMap((f, index) =>
        f.providerReferralId !== undefined && !has(s.providerReferrals, f.providerReferralId)
          ? [
              unknownId(
                'UNKNOWN_PROVIDER_REFERRAL',
                ['providerFeedback', index, 'providerReferralId'],
                f.providerReferralId,
              ),
            ]
          : [],
      ),
      ...notFuture(input.evaluatedOn, ['evaluatedOn'], context),
      ...ordered(s.closure?.closedOn, input.evaluatedOn, ['evaluatedOn'], 'dem Abschluss / the closure'),
      ...classification(s, input),
    ];
  },
};
