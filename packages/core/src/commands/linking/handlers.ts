import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { linkingInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const linkingHandlers: { readonly [T in keyof typeof linkingInputs]: CommandHandler<T> } = {
  referToProvider: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const referredOn = rest.referredOn ?? context.today;
    return [
      caseEvent('ProviderReferralMade', {
        id: context.ids.next('provider-referral'),
        ...rest,
        referredOn,
        status: 'requested',
        statusHistory: [{ status: 'requested', on: referredOn }],
        ...recordMeta(context, classification, 'providerReferral', { content: rest }),
      }),
    ];
  },
  updateReferralStatus: (context, input) => [
    caseEvent('ProviderReferralStatusUpdated', { ...input, on: input.on ?? context.today }),
  ],
  holdCaseConference: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('CaseConferenceHeld', {
        id: context.ids.next('conference'),
        ...rest,
        heldOn: rest.heldOn ?? context.today,
        ...recordMeta(context, classification, 'caseConference', { content: rest }),
      }),
    ];
  },
};
