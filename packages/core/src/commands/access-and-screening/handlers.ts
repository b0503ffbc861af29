import { recordMeta, splitClassification } from '../handler-context.js';
import { caseEvent } from '../pending-event.js';
import type { CommandHandler } from '../handler-context.js';
import type { accessAndScreeningInputs } from './inputs.js';

/** The handler of each command of this slice: the events it decides. */
export const accessAndScreeningHandlers: { readonly [T in keyof typeof accessAndScreeningInputs]: CommandHandler<T> } =
  {
    recordReferral: (context, input) => {
      const { classification, rest } = splitClassification(input);
      return [
        caseEvent('ReferralRecorded', {
          id: context.ids.next('referral'),
          ...rest,
          ...recordMeta(context, classification, 'referral', { content: rest }),
        }),
      ];
    },
    checkCasefindingCriteria: (context, input) => {
      const { classification, rest } = splitClassification(input);
      return [
        caseEvent('CasefindingCriteriaChecked', {
          id: context.ids.next('casefinding'),
          ...rest,
          checkedOn: rest.checkedOn ?? context.today,
          targetGroupCriteria: rest.targetGroupCriteria ?? [],
          ...recordMeta(context, classification, 'casefindingCheck', { content: rest }),
        }),
      ];
    },
    decideAdmission: (context, input) => {
      const { classification, rest } = splitClassification(input);
      return [
        caseEvent('AdmissionDecided', {
          id: context.ids.next('admission'),
          ...rest,
          decidedOn: rest.decidedOn ?? context.today,
          ...recordMeta(context, classification, 'admission', { content: rest }),
        }),
      ];
    },
    flagCrisis: (context, input) => {
      const { classification, rest } = splitClassification(input);
      return [
        caseEvent('CrisisFlagged', {
          id: context.ids.next('crisis'),
          ...rest,
          flaggedOn: rest.flaggedOn ?? context.today,
          ...recordMeta(context, classification, 'crisis', { content: rest }),
        }),
      ];
    },
    resolveCrisis: (context, input) => [
      caseEvent('CrisisResolved', {
        crisisId: input.crisisId,
        resolvedOn: input.resolvedOn ?? context.today,
        resolution: input.resolution,
      }),
    ],
  };
