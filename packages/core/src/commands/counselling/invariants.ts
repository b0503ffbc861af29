import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { persons, notFuture, ordered, classification } from '../invariant-checks.js';
import type { counsellingInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const counsellingInvariants: { readonly [T in keyof typeof counsellingInputs]?: InvariantCheck<T> } = {
  recordFirstCounselling: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(s.firstCounselling !== null
        ? [
            // INV-COUN-01
            domainRefusal(
              'FIRST_COUNSELLING_ALREADY_RECORDED',
              [],
              text('Die Erstberatung ist bereits dokumentiert.', 'The first counselling is already recorded.'),
            ),
          ]
        : []),
      ...notFuture(input.heldOn, ['heldOn'], context),
      ...ordered(s.openedOn, input.heldOn, ['heldOn'], 'der Falleröffnung / the opening'),
      ...persons(s, input.participantIds, ['participantIds']),
      ...classification(s, input),
    ];
  },
};
