import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { notFuture, ordered, classification } from '../invariant-checks.js';
import type { accessAndScreeningInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const accessAndScreeningInvariants: {
  readonly [T in keyof typeof accessAndScreeningInputs]?: InvariantCheck<T>;
} = {
  recordReferral: (state, input, context) => [
    ...notFuture(input.referredOn, ['referredOn'], context),
    ...classification(state, input),
  ],
  checkCasefindingCriteria: (state, input, context) => {
    const ids = [...input.criteria, ...(input.targetGroupCriteria ?? [])].map((c) => c.criterionId);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    return [
      ...notFuture(input.checkedOn, ['checkedOn'], context),
      ...(duplicate === undefined
        ? []
        : [
            domainRefusal(
              'DUPLICATE_ID',
              ['criteria'],
              text(`Kriterium „${duplicate}“ ist doppelt.`, `Criterion "${duplicate}" appears twice.`),
            ),
          ]),
      ...classification(state, input),
    ];
  },
  decideAdmission: (state, input, context) => {
    const s = state as CaseState;
    const referredOn = s.referrals.at(-1)?.referredOn;
    return [
      ...notFuture(input.decidedOn, ['decidedOn'], context),
      ...ordered(referredOn, input.decidedOn, ['decidedOn'], 'der Zuweisung / the referral'),
      ...classification(s, input),
    ];
  },
  flagCrisis: (state, input, context) => [
    ...notFuture(input.flaggedOn, ['flaggedOn'], context),
    ...classification(state, input),
  ],
  resolveCrisis: (state, input, context) => {
    const crisis = (state as CaseState).crises.find((c) => c.id === input.crisisId);
    if (!crisis) return [unknownId('UNKNOWN_CRISIS', ['crisisId'], input.crisisId)];
    if (crisis.resolvedOn !== undefined) {
      return [
        // INV-ACC-01
        domainRefusal(
          'CRISIS_ALREADY_RESOLVED',
          ['crisisId'],
          text('Diese Krise ist bereits beendet.', 'This crisis is already resolved.'),
        ),
      ];
    }
    return [
      ...notFuture(input.resolvedOn, ['resolvedOn'], context),
      ...ordered(crisis.flaggedOn, input.resolvedOn, ['resolvedOn'], 'flaggedOn'),
    ];
  },
};
