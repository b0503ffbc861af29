import type { PendingEvent } from '../journal/journal-event.js';
import { openAssignmentOf } from '../access/periods.js';
import type { Assessment, AssessmentDomain } from '../model/assessment.js';
import type { DataCategory } from '../model/record-meta.js';
import type { CaseCommandInput, CaseCommandType } from './command-catalog.js';
import { recordMeta, splitClassification, stateOf, type HandlerContext } from './handler-context.js';
import { lifeDomainCategories } from '../privacy/categories.js';
import { caseEvent } from './pending-event.js';
import { continuityOnTakeover } from '../process/handover-continuity.js';
import { withheldAssessmentParts } from './withheld-parts.js';

/**
 * Turns a validated, guarded command input into the events it decides. Handlers are pure apart from
 * the id port; domain invariants were checked before (see `invariants.ts`), so handlers only decide.
 */
export type CommandHandler<T extends CaseCommandType> = (
  context: HandlerContext,
  input: CaseCommandInput<T>,
) => PendingEvent[];

function domainCategories(domain: AssessmentDomain): DataCategory[] {
  // The one map of life domains to categories is the data-protection module's (DP-01).
  return [...(domain.categories ?? lifeDomainCategories(domain.domainId) ?? [])];
}

/** The handlers of every case command. */
export const CASE_COMMAND_HANDLERS: { readonly [T in CaseCommandType]: CommandHandler<T> } = {
  openCase: (context, input) => {
    const { classification, rest: person } = splitClassification(input.addressee);
    const personId = context.ids.next('person');
    const openedOn = input.openedOn ?? context.today;
    const roles = person.roles.includes('addressee')
      ? person.roles
      : (['addressee', ...person.roles] as typeof person.roles);
    const meta = recordMeta(context, classification, 'person', { subjectIds: [personId], content: person });
    const caseManager = input.caseManager ?? {
      userId: context.actor.id,
      agencyId: context.actor.agencyId,
      name: context.actor.name,
    };
    const standard =
      input.processStandard ??
      (context.standard
        ? { id: context.standard.id, version: context.standard.version }
        : { id: 'default', version: '1' });
    return [
      caseEvent('CaseOpened', {
        caseId: context.caseId,
        label: input.label ?? context.caseId,
        openedOn,
        processStandard: standard,
        addressee: { id: personId, ...person, roles, ...meta },
        leadAgency: {
          agencyId: input.leadAgency.agencyId,
          name: input.leadAgency.name,
          legalDomain: input.leadAgency.legalDomain,
          from: openedOn,
        },
        caseManager: {
          userId: caseManager.userId,
          name: caseManager.name,
          agencyId: caseManager.agencyId,
          role: 'primary',
          from: openedOn,
        },
        legalDomains: (input.legalDomains ?? []).map(({ domain, reason }) => ({
          domain,
          from: openedOn,
          reason,
          ...recordMeta(context, {}, 'legalDomain', { subjectIds: [personId], content: { domain, reason } }),
        })),
      }),
    ];
  },
  addPerson: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const id = context.ids.next('person');
    const meta = recordMeta(context, { thirdParty: true, ...classification }, 'person', {
      subjectIds: [id],
      content: rest,
    });
    return [caseEvent('PersonAdded', { person: { id, ...rest, ...meta } })];
  },
  updatePerson: (context, input) => [
    caseEvent('PersonUpdated', {
      personId: input.personId,
      updatedOn: input.updatedOn ?? context.today,
      changes: input.changes,
    }),
  ],
  recordResidenceStatus: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const personId = rest.personId ?? stateOf(context).addresseeId;
    return [
      caseEvent('ResidenceStatusRecorded', {
        id: context.ids.next('residence'),
        ...rest,
        personId,
        ...recordMeta(context, classification, 'residenceStatus', { subjectIds: [personId], content: rest }),
      }),
    ];
  },
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
  recordFirstCounselling: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const state = stateOf(context);
    return [
      caseEvent('FirstCounsellingRecorded', {
        id: context.ids.next('first-counselling'),
        ...rest,
        heldOn: rest.heldOn ?? context.today,
        participantIds: rest.participantIds ?? [state.addresseeId],
        ...recordMeta(context, classification, 'firstCounselling', { content: rest }),
      }),
    ];
  },
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
  agreeGoal: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const { agreement, ...content } = rest;
    return [
      caseEvent('GoalAgreed', {
        id: context.ids.next('goal'),
        ...content,
        agreement:
          agreement && agreement.agreedOn !== undefined ? { ...agreement, agreedOn: agreement.agreedOn } : undefined,
        status: 'open',
        statusHistory: [{ status: 'open', on: agreement?.agreedOn ?? context.today }],
        revisions: [],
        ...recordMeta(context, classification, 'goal', { content: rest }),
      }),
    ];
  },
  reviseGoal: (context, input) => [
    caseEvent('GoalRevised', {
      goalId: input.goalId,
      revisedOn: input.revisedOn ?? context.today,
      reason: input.reason,
      changes: input.changes,
      agreement:
        input.agreement?.agreedOn !== undefined
          ? { ...input.agreement, agreedOn: input.agreement.agreedOn }
          : undefined,
    }),
  ],
  setGoalStatus: (context, input) => [caseEvent('GoalStatusSet', { ...input, on: input.on ?? context.today })],
  addMeasure: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('MeasureAdded', {
        id: context.ids.next('measure'),
        ...rest,
        agreement: rest.agreement ?? { agreed: true },
        status: rest.status ?? 'planned',
        history: [],
        ...recordMeta(context, classification, 'measure', { content: rest }),
      }),
    ];
  },
  updateMeasure: (context, input) => [
    caseEvent('MeasureUpdated', { ...input, changedOn: input.changedOn ?? context.today }),
  ],
  reorderMeasures: (_context, input) => [caseEvent('MeasuresReordered', { measureIds: input.measureIds })],
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
  recordContact: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ContactRecorded', {
        id: context.ids.next('contact'),
        ...rest,
        on: rest.on ?? context.today,
        withInterpreter: rest.withInterpreter ?? false,
        participantIds: rest.participantIds ?? [stateOf(context).addresseeId],
        reached: rest.reached ?? true,
        ...recordMeta(context, classification, 'contact', { content: rest }),
      }),
    ];
  },
  scheduleFollowUp: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('FollowUpScheduled', {
        id: context.ids.next('follow-up'),
        ...rest,
        done: false,
        ...recordMeta(context, classification, 'followUp', { content: rest }),
      }),
    ];
  },
  completeFollowUp: (context, input) => [
    caseEvent('FollowUpCompleted', { ...input, doneOn: input.doneOn ?? context.today }),
  ],
  judgeProgress: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ProgressJudged', {
        id: context.ids.next('progress'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'progressJudgement', {
          content: rest,
          extraCategories: rest.target.kind === 'measure' ? ['measures'] : [],
        }),
      }),
    ];
  },
  recordDeviation: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('DeviationRecorded', {
        id: context.ids.next('deviation'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'deviation', { content: rest }),
      }),
    ];
  },
  recordReadinessSigns: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('ReadinessSignsObserved', {
        id: context.ids.next('readiness'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'readinessObservation', { content: rest }),
      }),
    ];
  },
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
  addLegalDomain: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('LegalDomainAdded', {
        ...rest,
        from: rest.from ?? context.today,
        ...recordMeta(context, classification, 'legalDomain', { content: rest }),
      }),
    ];
  },
  endLegalDomain: (context, input) => [caseEvent('LegalDomainEnded', { ...input, to: input.to ?? context.today })],
  recordNote: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('NoteRecorded', {
        id: context.ids.next('note'),
        ...rest,
        on: rest.on ?? context.today,
        ...recordMeta(context, classification, 'note', { content: rest }),
      }),
    ];
  },
  attachDocument: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('DocumentAttached', {
        id: context.ids.next('document'),
        ...rest,
        receivedOn: rest.receivedOn ?? context.today,
        ...recordMeta(context, classification, 'document', { content: rest }),
      }),
    ];
  },
  removeDocument: (context, input) => [
    caseEvent('DocumentRemoved', {
      documentId: input.documentId,
      on: context.today,
      at: context.now,
      by: context.actor.id,
      reason: input.reason,
    }),
  ],
  recordPlan: (context, input) => {
    const { classification, rest } = splitClassification(input);
    const state = stateOf(context);
    // The plan carries what the case agreed when it was written, so a printed version stays what was
    // handed over even after goals and measures change.
    const goalIds = state.goals
      .filter((g) => g.level === 'case' && g.status === 'open' && g.agreement)
      .map((g) => g.id);
    const measureIds = state.measures.filter((m) => m.status !== 'cancelled').map((m) => m.id);
    return [
      caseEvent('PlanRecorded', {
        id: context.ids.next('plan'),
        version: state.plans.length + 1,
        standard: state.processStandard,
        ...rest,
        recordedOn: rest.recordedOn ?? context.today,
        goalIds,
        measureIds,
        ...recordMeta(context, classification, 'plan', { content: rest }),
      }),
    ];
  },
  closeCase: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('CaseClosed', {
        id: context.ids.next('closure'),
        ...rest,
        closedOn: rest.closedOn ?? context.today,
        readinessSigns: rest.readinessSigns ?? [],
        goalAttainment: rest.goalAttainment ?? [],
        ...recordMeta(context, classification, 'closure', { content: rest }),
      }),
    ];
  },
  recordEvaluation: (context, input) => {
    const { classification, rest } = splitClassification(input);
    return [
      caseEvent('EvaluationRecorded', {
        id: context.ids.next('evaluation'),
        ...rest,
        evaluatedOn: rest.evaluatedOn ?? context.today,
        providerFeedback: rest.providerFeedback ?? [],
        ...recordMeta(context, classification, 'evaluation', { content: rest }),
      }),
    ];
  },
};
