import type { JournalEvent } from '../journal/journal-event.js';
import type { CaseEventPayload, CaseEventType } from '../events/catalog.js';
import type { CaseState } from '../model/case-state.js';
import type { Goal, GoalContent } from '../model/goal.js';
import type { Measure } from '../model/help-plan.js';

/**
 * Applies one event's payload to a draft state. Drafts are private copies owned by the fold, so a
 * reducer may change them in place; that keeps a 5,000-event replay linear.
 */
export type CaseReducer<T extends CaseEventType> = (
  draft: CaseState,
  payload: CaseEventPayload<T>,
  event: JournalEvent,
) => void;

function pick<T extends object>(source: T, keys: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Partial<T>;
}

function contentOf(goal: Goal): GoalContent {
  const { level, parentGoalId, title, description, indicators, timeFrame, domainIds, wayOfLife } = goal;
  return JSON.parse(
    JSON.stringify({ level, parentGoalId, title, description, indicators, timeFrame, domainIds, wayOfLife }),
  ) as GoalContent;
}

function byId<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  return items.find((item) => item.id === id);
}

/** Reducers of every case event except `CaseOpened`, which creates the state (see `fold-case.ts`). */
export const CASE_REDUCERS: { readonly [T in Exclude<CaseEventType, 'CaseOpened'>]: CaseReducer<T> } = {
  PersonAdded: (draft, { person }) => {
    draft.persons.push(person);
  },
  PersonUpdated: (draft, { personId, changes }) => {
    const person = byId(draft.persons, personId);
    if (person) Object.assign(person, changes);
  },
  ResidenceStatusRecorded: (draft, payload) => {
    draft.residenceStatuses.push(payload);
  },
  ReferralRecorded: (draft, payload) => {
    draft.referrals.push(payload);
  },
  CasefindingCriteriaChecked: (draft, payload) => {
    draft.casefindingChecks.push(payload);
  },
  AdmissionDecided: (draft, payload) => {
    draft.admission = payload;
  },
  CrisisFlagged: (draft, payload) => {
    draft.crises.push(payload);
  },
  CrisisResolved: (draft, { crisisId, resolvedOn, resolution }) => {
    const crisis = byId(draft.crises, crisisId);
    if (crisis) Object.assign(crisis, { resolvedOn, resolution });
  },
  FirstCounsellingRecorded: (draft, payload) => {
    draft.firstCounselling = payload;
  },
  AssessmentRecorded: (draft, payload) => {
    draft.assessments.push(payload);
  },
  AssessmentConfirmed: (draft, { assessmentId, confirmation }) => {
    const assessment = byId(draft.assessments, assessmentId);
    if (assessment) Object.assign(assessment, { status: 'confirmed', confirmation });
  },
  ReassessmentStarted: (draft, payload) => {
    draft.reassessments.push(payload);
  },
  GoalAgreed: (draft, payload) => {
    draft.goals.push(payload);
  },
  GoalRevised: (draft, { goalId, revisedOn, reason, changes, agreement }, event) => {
    const goal = byId(draft.goals, goalId);
    if (!goal) return;
    goal.revisions.push({
      revisedOn,
      reason,
      previous: contentOf(goal),
      ...(agreement && goal.agreement ? { previousAgreement: goal.agreement } : {}),
      recordedBy: event.actor.id,
      recordedAt: event.at,
    });
    Object.assign(goal, changes);
    if (agreement) goal.agreement = agreement;
  },
  GoalStatusSet: (draft, { goalId, status, on, note }) => {
    const goal = byId(draft.goals, goalId);
    if (!goal) return;
    goal.status = status;
    goal.statusHistory.push(note === undefined ? { status, on } : { status, on, note });
  },
  MeasureAdded: (draft, payload) => {
    draft.measures.push(payload);
  },
  MeasureUpdated: (draft, { measureId, changedOn, reason, changes }) => {
    const measure = byId(draft.measures, measureId);
    if (!measure) return;
    const previous = JSON.parse(
      JSON.stringify(pick(measure, Object.keys(changes))),
    ) as Measure['history'][number]['previous'];
    measure.history.push(reason === undefined ? { changedOn, previous } : { changedOn, reason, previous });
    Object.assign(measure, changes);
  },
  MeasuresReordered: (draft, { measureIds }) => {
    // Measures the event does not name keep their place after the named ones, so an older event
    // replayed against a later plan never drops a measure.
    const rank = new Map(measureIds.map((id, index) => [id, index]));
    draft.measures.sort((a, b) => (rank.get(a.id) ?? measureIds.length) - (rank.get(b.id) ?? measureIds.length));
  },
  ProviderReferralMade: (draft, payload) => {
    draft.providerReferrals.push(payload);
  },
  ProviderReferralStatusUpdated: (draft, { providerReferralId, status, on, note, feedback }) => {
    const referral = byId(draft.providerReferrals, providerReferralId);
    if (!referral) return;
    referral.status = status;
    referral.statusHistory.push(note === undefined ? { status, on } : { status, on, note });
    if (feedback) referral.feedback = feedback;
  },
  CaseConferenceHeld: (draft, payload) => {
    draft.caseConferences.push(payload);
  },
  ContactRecorded: (draft, payload) => {
    draft.contacts.push(payload);
  },
  FollowUpScheduled: (draft, payload) => {
    draft.followUps.push(payload);
  },
  FollowUpCompleted: (draft, { followUpId, doneOn, outcome }) => {
    const followUp = byId(draft.followUps, followUpId);
    if (followUp) Object.assign(followUp, { done: true, doneOn }, outcome === undefined ? {} : { outcome });
  },
  ProgressJudged: (draft, payload) => {
    draft.progressJudgements.push(payload);
  },
  DeviationRecorded: (draft, payload) => {
    draft.deviations.push(payload);
  },
  ReadinessSignsObserved: (draft, payload) => {
    draft.readinessObservations.push(payload);
  },
  LeadAgencyChanged: (draft, handover) => {
    const current = draft.leadAgencies.at(-1);
    if (current && current.to === undefined) current.to = handover.effectiveFrom;
    draft.leadAgencies.push({
      agencyId: handover.to.agencyId,
      name: handover.to.name,
      legalDomain: handover.legalDomain,
      from: handover.effectiveFrom,
      handoverId: handover.id,
    });
    if (handover.endsLegalDomain !== undefined) {
      for (const period of draft.legalDomains) {
        if (period.domain === handover.endsLegalDomain && period.to === undefined) period.to = handover.effectiveFrom;
      }
    }
    if (!draft.legalDomains.some((period) => period.domain === handover.legalDomain && period.to === undefined)) {
      draft.legalDomains.push({
        domain: handover.legalDomain,
        from: handover.effectiveFrom,
        reason: handover.reason,
        subjectIds: handover.subjectIds,
        categories: ['benefits'],
        origin: handover.origin,
        recordedBy: handover.recordedBy,
        recordedAt: handover.recordedAt,
      });
    }
    draft.handovers.push(handover);
  },
  CaseManagerAssigned: (draft, { period, endsAssignmentOf, endsAssignmentOfAgency }) => {
    if (endsAssignmentOf !== undefined) {
      for (const other of draft.caseManagers)
        if (
          other.userId === endsAssignmentOf &&
          (endsAssignmentOfAgency === undefined || other.agencyId === endsAssignmentOfAgency) &&
          other.to === undefined
        )
          other.to = period.from;
    }
    draft.caseManagers.push(period);
  },
  CaseManagerAssignmentEnded: (draft, { userId, agencyId, to }) => {
    for (const period of draft.caseManagers)
      if (
        period.userId === userId &&
        (agencyId === undefined || period.agencyId === agencyId) &&
        period.to === undefined
      )
        period.to = to;
  },
  LegalDomainAdded: (draft, payload) => {
    draft.legalDomains.push(payload);
  },
  LegalDomainEnded: (draft, { domain, to }) => {
    for (const period of draft.legalDomains) if (period.domain === domain && period.to === undefined) period.to = to;
  },
  NoteRecorded: (draft, payload) => {
    draft.notes.push(payload);
  },
  DocumentAttached: (draft, payload) => {
    draft.documents.push(payload);
  },
  DocumentRemoved: (draft, { documentId, ...removed }) => {
    const document = byId(draft.documents, documentId);
    if (document) document.removed = removed;
  },
  PlanRecorded: (draft, payload) => {
    draft.plans.push(payload);
  },
  CaseClosed: (draft, payload) => {
    draft.closure = payload;
    draft.status = 'closed';
    for (const { goalId, attainment } of payload.goalAttainment) {
      const goal = byId(draft.goals, goalId);
      if (goal && goal.status === 'open') {
        goal.status = attainment;
        goal.statusHistory.push({ status: attainment, on: payload.closedOn });
      }
    }
  },
  EvaluationRecorded: (draft, payload) => {
    draft.evaluation = payload;
  },
};
