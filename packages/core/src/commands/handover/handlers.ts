import { openAssignmentOf } from '../../access/periods.js';
import { recordMeta, splitClassification, stateOf } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import { continuityOnTakeover } from '../../process/handover-continuity.js';
import type { CommandHandler } from '../handler-context.js';
import type { handoverInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const handoverHandlers: { readonly [T in keyof typeof handoverInputs]: CommandHandler<T> } = {
  changeLeadAgency: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const current = stateOf(context).leadAgencies.at(-1);
    return [
      caseEvent('LeadAgencyChanged', {
        id: context.ids.next('handover'),
        ...rest,
        fromAgencyId: current?.agencyId ?? null,
        ...recordMeta(context, classification, 'handover', { content: rest }),
      }),
    ];
  },
  assignCaseManager: (context, input) => {
    const state = stateOf(context);
    const from = input.from ?? context.today;
    const replaced =
      input.replaces === undefined ? undefined : openAssignmentOf(state, input.replaces, input.replacesAgencyId);
    // HO-1/HO-2: the receiver naming its case manager after a handover keeps the sender involved as the variant says.
    const continuity = continuityOnTakeover(state, replaced, { agencyId: input.agencyId, from });
    return [
      caseEvent('CaseManagerAssigned', {
        period: {
          userId: input.userId,
          name: input.name,
          agencyId: input.agencyId,
          role: input.role,
          from,
        },
        endsAssignmentOf: input.replaces,
        ...(input.replaces === undefined ? {} : { endsAssignmentOfAgency: replaced?.agencyId }),
      }),
      ...(continuity === undefined ? [] : [caseEvent('CaseManagerAssigned', { period: continuity.period })]),
    ];
  },
  endCaseManagerAssignment: (context, input) => [
    caseEvent('CaseManagerAssignmentEnded', {
      userId: input.userId,
      agencyId: openAssignmentOf(stateOf(context), input.userId, input.agencyId)?.agencyId ?? input.agencyId,
      to: input.to ?? context.today,
    }),
  ],
};
