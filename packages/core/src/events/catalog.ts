import type * as z from 'zod/mini';
import { text } from '../i18n/localized-text.js';
import { defineEvent, type EventCatalog } from './event-definition.js';
import * as p from './payloads.js';
import { upcastContactRecordedV1 } from './upcasters.js';

/**
 * The event catalog of the case file: every event type with its payload schema, version and
 * upcasters. Event types are past-tense facts; payloads carry whole items with their record meta,
 * so the journal alone is the case file.
 */
export const CASE_EVENTS = {
  CaseOpened: defineEvent({
    type: 'CaseOpened',
    version: 1,
    schema: p.caseOpenedPayload,
    title: text('Fall eröffnet', 'Case opened'),
  }),
  PersonAdded: defineEvent({
    type: 'PersonAdded',
    version: 1,
    schema: p.personAddedPayload,
    title: text('Person hinzugefügt', 'Person added'),
  }),
  PersonUpdated: defineEvent({
    type: 'PersonUpdated',
    version: 1,
    schema: p.personUpdatedPayload,
    title: text('Person geändert', 'Person updated'),
  }),
  ResidenceStatusRecorded: defineEvent({
    type: 'ResidenceStatusRecorded',
    version: 1,
    schema: p.residenceStatusRecordedPayload,
    title: text('Aufenthaltsstatus erfasst', 'Residence status recorded'),
  }),
  ReferralRecorded: defineEvent({
    type: 'ReferralRecorded',
    version: 1,
    schema: p.referralRecordedPayload,
    title: text('Zuweisung erfasst', 'Referral recorded'),
  }),
  CasefindingCriteriaChecked: defineEvent({
    type: 'CasefindingCriteriaChecked',
    version: 1,
    schema: p.casefindingCriteriaCheckedPayload,
    title: text('Fallauswahlkriterien geprüft', 'Casefinding criteria checked'),
  }),
  AdmissionDecided: defineEvent({
    type: 'AdmissionDecided',
    version: 1,
    schema: p.admissionDecidedPayload,
    title: text('Aufnahme entschieden', 'Admission decided'),
  }),
  CrisisFlagged: defineEvent({
    type: 'CrisisFlagged',
    version: 1,
    schema: p.crisisFlaggedPayload,
    title: text('Krise markiert', 'Crisis flagged'),
  }),
  CrisisResolved: defineEvent({
    type: 'CrisisResolved',
    version: 1,
    schema: p.crisisResolvedPayload,
    title: text('Krise beendet', 'Crisis resolved'),
  }),
  FirstCounsellingRecorded: defineEvent({
    type: 'FirstCounsellingRecorded',
    version: 1,
    schema: p.firstCounsellingRecordedPayload,
    title: text('Erstberatung dokumentiert', 'First counselling recorded'),
  }),
  AssessmentRecorded: defineEvent({
    type: 'AssessmentRecorded',
    version: 1,
    schema: p.assessmentRecordedPayload,
    title: text('Assessment dokumentiert', 'Assessment recorded'),
  }),
  AssessmentConfirmed: defineEvent({
    type: 'AssessmentConfirmed',
    version: 1,
    schema: p.assessmentConfirmedPayload,
    title: text('Assessment mit der Person bestätigt', 'Assessment confirmed with the person'),
  }),
  ReassessmentStarted: defineEvent({
    type: 'ReassessmentStarted',
    version: 1,
    schema: p.reassessmentStartedPayload,
    title: text('Re-Assessment begonnen', 'Re-assessment started'),
  }),
  GoalAgreed: defineEvent({
    type: 'GoalAgreed',
    version: 1,
    schema: p.goalAgreedPayload,
    title: text('Ziel vereinbart', 'Goal agreed'),
  }),
  GoalRevised: defineEvent({
    type: 'GoalRevised',
    version: 1,
    schema: p.goalRevisedPayload,
    title: text('Ziel überarbeitet', 'Goal revised'),
  }),
  GoalStatusSet: defineEvent({
    type: 'GoalStatusSet',
    version: 1,
    schema: p.goalStatusSetPayload,
    title: text('Zielstatus gesetzt', 'Goal status set'),
  }),
  MeasureAdded: defineEvent({
    type: 'MeasureAdded',
    version: 1,
    schema: p.measureAddedPayload,
    title: text('Maßnahme geplant', 'Measure added'),
  }),
  MeasureUpdated: defineEvent({
    type: 'MeasureUpdated',
    version: 1,
    schema: p.measureUpdatedPayload,
    title: text('Maßnahme geändert', 'Measure updated'),
  }),
  MeasuresReordered: defineEvent({
    type: 'MeasuresReordered',
    version: 1,
    schema: p.measuresReorderedPayload,
    title: text('Reihenfolge der Maßnahmen geändert', 'Measures reordered'),
  }),
  ProviderReferralMade: defineEvent({
    type: 'ProviderReferralMade',
    version: 1,
    schema: p.providerReferralMadePayload,
    title: text('An Anbieter vermittelt', 'Referred to provider'),
  }),
  ProviderReferralStatusUpdated: defineEvent({
    type: 'ProviderReferralStatusUpdated',
    version: 1,
    schema: p.providerReferralStatusUpdatedPayload,
    title: text('Vermittlungsstatus geändert', 'Referral status updated'),
  }),
  CaseConferenceHeld: defineEvent({
    type: 'CaseConferenceHeld',
    version: 1,
    schema: p.caseConferenceHeldPayload,
    title: text('Fallkonferenz durchgeführt', 'Case conference held'),
  }),
  ContactRecorded: defineEvent({
    type: 'ContactRecorded',
    version: 2,
    schema: p.contactRecordedPayload,
    upcasters: { 1: upcastContactRecordedV1 },
    title: text('Kontakt dokumentiert', 'Contact recorded'),
  }),
  FollowUpScheduled: defineEvent({
    type: 'FollowUpScheduled',
    version: 1,
    schema: p.followUpScheduledPayload,
    title: text('Wiedervorlage angelegt', 'Follow-up scheduled'),
  }),
  FollowUpCompleted: defineEvent({
    type: 'FollowUpCompleted',
    version: 1,
    schema: p.followUpCompletedPayload,
    title: text('Wiedervorlage erledigt', 'Follow-up completed'),
  }),
  ProgressJudged: defineEvent({
    type: 'ProgressJudged',
    version: 1,
    schema: p.progressJudgedPayload,
    title: text('Fortschritt eingeschätzt', 'Progress judged'),
  }),
  DeviationRecorded: defineEvent({
    type: 'DeviationRecorded',
    version: 1,
    schema: p.deviationRecordedPayload,
    title: text('Abweichung dokumentiert', 'Deviation recorded'),
  }),
  ReadinessSignsObserved: defineEvent({
    type: 'ReadinessSignsObserved',
    version: 1,
    schema: p.readinessSignsObservedPayload,
    title: text('Zeichen der Ablösebereitschaft beobachtet', 'Readiness signs observed'),
  }),
  LeadAgencyChanged: defineEvent({
    type: 'LeadAgencyChanged',
    version: 1,
    schema: p.leadAgencyChangedPayload,
    title: text('Federführung gewechselt (Rechtskreiswechsel)', 'Lead agency changed (handover)'),
  }),
  CaseManagerAssigned: defineEvent({
    type: 'CaseManagerAssigned',
    version: 1,
    schema: p.caseManagerAssignedPayload,
    title: text('Fallmanager/in zugeordnet', 'Case manager assigned'),
  }),
  CaseManagerAssignmentEnded: defineEvent({
    type: 'CaseManagerAssignmentEnded',
    version: 1,
    schema: p.caseManagerAssignmentEndedPayload,
    title: text('Zuordnung Fallmanager/in beendet', 'Case manager assignment ended'),
  }),
  LegalDomainAdded: defineEvent({
    type: 'LegalDomainAdded',
    version: 1,
    schema: p.legalDomainAddedPayload,
    title: text('Rechtskreis hinzugekommen', 'Legal domain added'),
  }),
  LegalDomainEnded: defineEvent({
    type: 'LegalDomainEnded',
    version: 1,
    schema: p.legalDomainEndedPayload,
    title: text('Rechtskreis beendet', 'Legal domain ended'),
  }),
  NoteRecorded: defineEvent({
    type: 'NoteRecorded',
    version: 1,
    schema: p.noteRecordedPayload,
    title: text('Vermerk erfasst', 'Note recorded'),
  }),
  DocumentAttached: defineEvent({
    type: 'DocumentAttached',
    version: 1,
    schema: p.documentAttachedPayload,
    title: text('Dokument abgelegt', 'Document attached'),
  }),
  DocumentRemoved: defineEvent({
    type: 'DocumentRemoved',
    version: 1,
    schema: p.documentRemovedPayload,
    title: text('Dokument aus der Akte genommen', 'Document removed from the file'),
  }),
  PlanRecorded: defineEvent({
    type: 'PlanRecorded',
    version: 1,
    schema: p.planRecordedPayload,
    title: text('Plan festgeschrieben', 'Plan recorded'),
  }),
  CaseClosed: defineEvent({
    type: 'CaseClosed',
    version: 1,
    schema: p.caseClosedPayload,
    title: text('Fall abgeschlossen', 'Case closed'),
  }),
  EvaluationRecorded: defineEvent({
    type: 'EvaluationRecorded',
    version: 1,
    schema: p.evaluationRecordedPayload,
    title: text('Auswertung dokumentiert', 'Evaluation recorded'),
  }),
} as const satisfies EventCatalog;

/** The type of a case event. */
export type CaseEventType = keyof typeof CASE_EVENTS;

/** The payload type of a case event at its current version. */
export type CaseEventPayload<T extends CaseEventType> = z.infer<(typeof CASE_EVENTS)[T]['schema']>;

/** Every case event type, in catalog order. */
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENTS) as CaseEventType[];
