import { text } from '../../i18n/localized-text.js';
import type { CaseState } from '../../model/case-state.js';
import { domainRefusal, unknownId } from '../invariant-refusals.js';
import type { InvariantCheck } from '../invariant-checks.js';
import { has, notFuture, ordered, classification } from '../invariant-checks.js';
import type { linkingInputs } from './inputs.js';

/** The domain invariants of this slice's commands; a command without an entry has none beyond its schema. */
export const linkingInvariants: { readonly [T in keyof typeof linkingInputs]?: InvariantCheck<T> } = {
  referToProvider: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...(input.measureId !== undefined && !has(s.measures, input.measureId)
        ? [unknownId('UNKNOWN_MEASURE', ['measureId'], input.measureId)]
        : []),
      ...notFuture(input.referredOn, ['referredOn'], context),
      ...classification(s, input),
    ];
  },
  updateReferralStatus: (state, input, context) => {
    const referral = (state as CaseState).providerReferrals.find((r) => r.id === input.providerReferralId);
    if (!referral) return [unknownId('UNKNOWN_PROVIDER_REFERRAL', ['providerReferralId'], input.providerReferralId)];
    const ended = referral.status === 'completed' || referral.status === 'declined';
    return [
      ...(ended
        ? [
            // INV-LINK-01
            domainRefusal(
              'REFERRAL_ALREADY_ENDED',
              ['status'],
              text(
                'Diese Vermittlung ist abgeschlossen oder abgelehnt; bitte neu vermitteln.',
                'This referral is completed or declined; make a new referral.',
              ),
            ),
          ]
        : []),
      ...notFuture(input.on, ['on'], context),
      ...ordered(referral.statusHistory.at(-1)?.on, input.on, ['on'], 'dem letzten Status / the last status'),
    ];
  },
  holdCaseConference: (state, input, context) => {
    const s = state as CaseState;
    return [
      ...notFuture(input.heldOn, ['heldOn'], context),
      ...ordered(input.heldOn ?? context.today, input.nextConferenceOn, ['nextConferenceOn'], 'heldOn'),
      ...input.participants.flatMap((p, index) =>
        p.personId !== undefined && !has(s.persons, p.personId)
          ? [unknownId('UNKNOWN_PERSON', ['participants', index, 'personId'], p.personId)]
          : [],
      ),
      ...classification(s, input),
    ];
  },
};
