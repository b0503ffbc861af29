import type { Assessment, AssessmentDomain } from '../../model/assessment.js';
import type { DataCategory } from '../../model/record-meta.js';
import { recordMeta, splitClassification, stateOf } from '../handler-context.js';
import { lifeDomainCategories } from '../../privacy/categories.js';
import { caseEvent } from '../pending-event.js';
import { withheldAssessmentParts } from '../withheld-parts.js';
import type { CommandHandler } from '../handler-context.js';
import type { assessmentInputs } from './inputs.js';

function domainCategories(domain: AssessmentDomain): DataCategory[] {
  // The one map of life domains to categories is the data-protection module's (DP-01).
  return [...(domain.categories ?? lifeDomainCategories(domain.domainId) ?? [])];
}

/** The handler of each command of this slice: the events it decides. */
export const assessmentHandlers: { readonly [T in keyof typeof assessmentInputs]: CommandHandler<T> } = {
  recordAssessment: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const state = stateOf(context);
    const previous = state.assessments.at(-1);
    // The parts of the previous version withheld from the writer are carried forward unchanged (DP-23, DP-24).
    const withheld = withheldAssessmentParts(state, context);
    const carried = withheld ? withheld.previous.domains.filter((d) => withheld.domainIds.has(d.domainId)) : [];
    const ownText = withheld?.ownText === true ? withheld.previous : undefined;
    const extra = [...rest.domains.flatMap(domainCategories), ...carried.flatMap((d) => d.categories ?? [])];
    const assessment: Assessment = {
      id: context.ids.next('assessment'),
      version: (previous?.version ?? 0) + 1,
      kind: state.reassessments.length > 0 ? 'reassessment' : 'initial',
      recordedOn: rest.recordedOn ?? context.today,
      participantIds: rest.participantIds ?? [state.addresseeId],
      mode: rest.mode ?? 'structured',
      domains: [
        ...rest.domains.map((domain) => ({ ...domain, categories: domain.categories ?? domainCategories(domain) })),
        ...carried,
      ],
      ...(ownText !== undefined
        ? ownText.narrative === undefined
          ? {}
          : { narrative: ownText.narrative }
        : rest.narrative === undefined
          ? {}
          : { narrative: rest.narrative }),
      wishesAndDreams: ownText?.wishesAndDreams ?? rest.wishesAndDreams,
      supersedesId: previous?.id,
      status: 'recorded',
      ...recordMeta(context, classification, 'assessment', { extraCategories: extra, content: rest }),
    };
    return [caseEvent('AssessmentRecorded', assessment)];
  },
  confirmAssessment: (_context, input) => [caseEvent('AssessmentConfirmed', input)],
  startReassessment: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ReassessmentStarted', {
        id: context.ids.next('reassessment'),
        ...rest,
        startedOn: rest.startedOn ?? context.today,
        ...recordMeta(context, classification, 'reassessment', { content: rest }),
      }),
    ];
  },
};
