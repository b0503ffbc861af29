/**
 * `@fallkit/core`: the domain of rechtskreisübergreifendes Case Management. The case file as a
 * hash-chained event journal, the process rules of the cycle, consent and data protection, planning
 * logic and anonymised aggregation. No DOM, no storage of its own: runs the same in Node and browsers.
 *
 * This entry is the curated public API (issue 19): the service, the views, the model and command types,
 * refusals, the ports, the store port with `MemoryCaseStore`, and journal verification. Each further area is
 * a subpath of its own, so a host that does not import it does not pay for it: `@fallkit/core/reporting`,
 * `/rights`, `/retention`, `/records`, `/examples`, `/sync`, `/testing`. Handlers, reducers, invariant
 * tables and the helpers the repository's own stores and servers share are in `@fallkit/core/internal`,
 * which carries no stability promise (docs/versioning.md).
 * @packageDocumentation
 */

// The case service: the one decision point for writes (`execute`, `executeBatch`) and its options.
export { JournalRefusedError, createCaseService } from './service/case-service.js';
export type { CaseService, CaseServiceOptions, LoadOptions, LoadedCase } from './service/case-service.js';
export { MAX_BATCH_COMMANDS, batchEnvelopeSchema, commandIdSchema } from './service/command-batch.js';
export type { BatchOutcome, CommandBatch, CommandOutcome } from './service/command-batch.js';
export type { CommandGuard, GuardContext, ValidatedCommand } from './service/command-guard.js';
export { DEFAULT_GUARDS, domainInvariantGuard } from './service/default-guards.js';
export { localDate } from './service/local-date.js';

// Views: every read channel of a case file, decided for the current actor (`createCaseViews`).
export type { CaseHistory } from './privacy/view/case-history.js';
export { CASE_SEARCH_SORTS } from './privacy/view/case-search.js';
export type { CaseSearchHit, CaseSearchQuery, CaseSearchSort, DuplicateHit } from './privacy/view/case-search.js';
export { PERSON_FIELD_GROUPS } from './privacy/view/case-units.js';
export type { PersonFieldGroup } from './privacy/view/case-units.js';
export { createCaseViews } from './privacy/view/case-views.js';
export type {
  CaseConsents,
  CaseListOptions,
  CaseSearchRequest,
  CaseViewRequestOptions,
  CaseViews,
  CaseViewsOptions,
  DuplicateCheckRequest,
  WorklistInput,
} from './privacy/view/case-views.js';
export type { TeamOverview } from './privacy/view/team-overview.js';
export type { CaseView } from './privacy/view/view-case.js';
export { visibleState } from './privacy/view/visible-state.js';

// Data protection: consent, purposes, categories and transfers as the views and forms show them.
export type { AccessLogEntry } from './privacy/access-log/access-log.js';
export { CATEGORY_LABELS, ORDINARY_DATA_CATEGORIES } from './privacy/categories.js';
export { CONSENT_REMINDER_DAYS, DEFAULT_CONSENT_MONTHS, addMonths } from './privacy/consent/consent-record.js';
export type { ConfidentialityRelease, ConsentRecord, ConsentWithdrawal } from './privacy/consent/consent-record.js';
export { ADULT_AGE, CONSENT_CAPACITY_AGE, ageOn, validateConsent } from './privacy/consent/consent-validation.js';
export type { ConsentPerson } from './privacy/consent/consent-validation.js';
export { isRedactionMarker } from './privacy/decision.js';
export type { RedactionMarker } from './privacy/decision.js';
export { privacyGuard } from './privacy/guard.js';
export { handoverConsentCheck } from './privacy/handover-check.js';
export type { ConsentState } from './privacy/privacy-state.js';
export { PURPOSE_KINDS, PURPOSE_LABELS, purposeLabel } from './privacy/purposes.js';
export { legalBasisLabel } from './privacy/transfer/legal-basis.js';
export type { LegalBasis, TransferRecipient } from './privacy/transfer/legal-basis.js';
export type { PreviewedUnit, TransferPreview, TransferRequest } from './privacy/transfer/preview-transfer.js';
export type { DisclosureRecipient, PersonRecipient, RecipientViewRequest } from './privacy/transfer/recipient-view.js';
export type { ItemSelection } from './privacy/transfer/transfer-record.js';

// Commands: names, input schemas and the command shape.
export {
  checkCasefindingCriteriaInput,
  decideAdmissionInput,
  flagCrisisInput,
  recordReferralInput,
  resolveCrisisInput,
} from './commands/access-and-screening/inputs.js';
export { confirmAssessmentInput, recordAssessmentInput, startReassessmentInput } from './commands/assessment/inputs.js';
export {
  addPersonInput,
  openCaseInput,
  personInputSchema,
  recordResidenceStatusInput,
  updatePersonInput,
} from './commands/case-file/inputs.js';
export { closeCaseInput, recordEvaluationInput } from './commands/closure/inputs.js';
export { CASE_COMMAND_INPUTS, CASE_COMMAND_TYPES, commandEnvelopeSchema } from './commands/command-catalog.js';
export type {
  AnyCommand,
  CaseCommand,
  CaseCommandInput,
  CaseCommandInputIn,
  CaseCommandOf,
  CaseCommandType,
} from './commands/command-catalog.js';
export { recordFirstCounsellingInput } from './commands/counselling/inputs.js';
export {
  agreeGoalInput,
  goalAgreementInputSchema,
  reviseGoalInput,
  setGoalStatusInput,
} from './commands/goals/inputs.js';
export type { CaseServiceStandard } from './commands/handler-context.js';
export {
  assignCaseManagerInput,
  changeLeadAgencyInput,
  endCaseManagerAssignmentInput,
} from './commands/handover/inputs.js';
export { addMeasureInput, reorderMeasuresInput, updateMeasureInput } from './commands/help-plan/inputs.js';
export { addLegalDomainInput, endLegalDomainInput } from './commands/legal-domains/inputs.js';
export { holdCaseConferenceInput, referToProviderInput, updateReferralStatusInput } from './commands/linking/inputs.js';
export {
  completeFollowUpInput,
  judgeProgressInput,
  recordContactInput,
  recordDeviationInput,
  recordReadinessSignsInput,
  scheduleFollowUpInput,
} from './commands/monitoring/inputs.js';
export { recordPlanInput } from './commands/plan-document/inputs.js';
export { attachDocumentInput, recordNoteInput, removeDocumentInput } from './commands/records/inputs.js';

// Events: the catalog of the case file's events.
export { CASE_EVENTS, CASE_EVENT_TYPES } from './events/catalog.js';
export type { CaseEventPayload, CaseEventType } from './events/catalog.js';
export type { EventCatalog } from './events/event-definition.js';
export { describeJournal } from './events/history.js';
export type { HistoryEntry } from './events/history.js';

// The model: the case file's items, their types and the closed lists they use.
export { CASEFINDING_CRITERION_IDS, REFERRER_KINDS } from './model/access.js';
export type { AdmissionDecision, CasefindingCheck, Crisis, CriterionCheck, Referral } from './model/access.js';
export { ASSESSMENT_MODES, DEFAULT_LIFE_DOMAIN_IDS } from './model/assessment.js';
export type {
  Assessment,
  AssessmentConfirmation,
  AssessmentDomain,
  AssessmentMode,
  Rating,
  Reassessment,
} from './model/assessment.js';
export { CASE_STATUSES, HANDOVER_VARIANTS, RESIDENCE_STATUSES, STAGES } from './model/case-header.js';
export type {
  CaseManagerPeriod,
  CaseStatus,
  HandoverVariant,
  LeadAgencyInput,
  LeadAgencyPeriod,
  LegalDomainPeriod,
  ProcessStandardRef,
  ResidenceStatus,
  ResidenceStatusKind,
  Stage,
} from './model/case-header.js';
export type { CaseState } from './model/case-state.js';
export { CLOSURE_REASONS, GOAL_ATTAINMENTS, READINESS_SIGNS, READINESS_SIGN_IDS } from './model/closure.js';
export type {
  Closure,
  ClosureReason,
  Evaluation,
  GoalAttainment,
  ReadinessObservation,
  ReadinessSign,
  ReadinessSignGroup,
} from './model/closure.js';
export { DOCUMENT_MAX_BYTES, DOCUMENT_MEDIA_TYPES } from './model/document.js';
export type { CaseDocument } from './model/document.js';
export { COOPERATION_BARRIERS, COOPERATION_LEVELS } from './model/first-counselling.js';
export type { FirstCounselling, FirstCounsellingDecision } from './model/first-counselling.js';
export { AGREEMENT_FORMS, GOAL_LEVELS, GOAL_STATUSES, WAY_OF_LIFE_RELATIONS } from './model/goal.js';
export type { Goal, GoalAgreement, GoalContent, GoalRevision, GoalStatus, Indicator } from './model/goal.js';
export type { Handover } from './model/handover.js';
export { MEASURE_ACTOR_KINDS, MEASURE_STATUSES } from './model/help-plan.js';
export type { Measure, MeasureActor, MeasureStatus, SecondBest } from './model/help-plan.js';
export {
  ADDRESS_MAX,
  CODES_MAX,
  DATE_MAX,
  DATE_MIN,
  EMAIL_MAX,
  ENTRIES_MAX,
  HAPPENED_TOLERANCE_DAYS,
  IDS_MAX,
  ID_MAX,
  INPUT_ARRAY_MAX,
  INPUT_CHARS_MAX,
  INPUT_DEPTH_MAX,
  INPUT_KEYS_MAX,
  INPUT_KEY_MAX,
  INPUT_NODES_MAX,
  INPUT_STRING_MAX,
  LABEL_MAX,
  LINE_MAX,
  NAME_MAX,
  NOTE_MAX,
  PHONE_MAX,
  REASON_MAX,
} from './model/limits.js';
export { PROVIDER_REFERRAL_STATUSES } from './model/linking.js';
export type { CaseConference, FeedbackArrangement, ProviderReferral, ProviderReferralStatus } from './model/linking.js';
export { CONTACT_MODES, DEVIATION_KINDS, PROGRESS_JUDGEMENTS } from './model/monitoring.js';
export type { Contact, ContactMode, Deviation, FollowUp, ItemRef, ProgressJudgement } from './model/monitoring.js';
export type { Note } from './model/note.js';
export { PERSON_ROLES, REPRESENTATION_SCOPES } from './model/person.js';
export type {
  InterpreterNeed,
  Person,
  PersonRelation,
  PersonRole,
  PresumedWill,
  Representation,
  RepresentationScope,
} from './model/person.js';
export type { PlanParticipant, PlanRecord, PlanSection } from './model/plan.js';
export { LEGAL_DOMAINS, RESERVED_NAMES } from './model/primitives.js';
export type { AgencyRef, LegalDomain, TextRules } from './model/primitives.js';
export { DATA_CATEGORIES, SPECIAL_DATA_CATEGORIES } from './model/record-meta.js';
export type { Classification, ClassificationInput, DataCategory, Origin, RecordMeta } from './model/record-meta.js';

// Refusals and results: every refusal has a code, a German and an English message and the rule that refused.
export { ok, refused } from './result/refusal.js';
export type { IssuePath, Notice, Ok, Refusal, Refused, Result } from './result/refusal.js';

// Ports a host replaces: clock, ids, the acting user.
export {
  ACTOR_ID_MAX_LENGTH,
  ACTOR_NAME_MAX_LENGTH,
  ACTOR_ROLES,
  actorTokenSchema,
  fixedActor,
  sameActor,
} from './ports/actor.js';
export type { Actor, ActorRole, ActorSource } from './ports/actor.js';
export { FixedClock, systemClock } from './ports/clock.js';
export type { Clock } from './ports/clock.js';
export { SequentialIds, randomIds } from './ports/id-generator.js';
export type { IdGenerator } from './ports/id-generator.js';

// The store port and the in-memory store.
export type {
  AppendRequest,
  AppendResult,
  CaseIndexEntry,
  CaseQuery,
  CaseStore,
  Observer,
  ReadJournalOptions,
  RecordedCommand,
  Subscribable,
  Unsubscribable,
} from './store/case-store.js';
export { MemoryCaseStore } from './store/memory-store.js';

// The journal: events, the hash chain's verification, seals.
export {
  GENESIS_HASH,
  actorRefSchema,
  erasedPayloadSchema,
  eventNoteSchema,
  journalEventSchema,
} from './journal/journal-event.js';
export type { ErasedPayload, EventNote, JournalEvent, PendingEvent } from './journal/journal-event.js';
export {
  HMAC_SEAL_ALG,
  createHmacJournalSeal,
  generateHmacSealKey,
  importHmacSealKey,
  journalSealRecordSchema,
  sealedBytes,
} from './journal/journal-seal.js';
export type { JournalHead, JournalSeal, JournalSealRecord } from './journal/journal-seal.js';
export { createJournalVerifier } from './journal/journal-verifier.js';
export type { JournalVerifier, JournalVerifierOptions } from './journal/journal-verifier.js';
export { sha256Hex } from './journal/sha256.js';
export { checkSeal, journalProblem, verifyJournal, verifyJournalTail } from './journal/verify-journal.js';
export type {
  JournalProblem,
  JournalProblemCode,
  JournalVerification,
  PayloadCheck,
  SealCheck,
  VerifyOptions,
} from './journal/verify-journal.js';

// Texts and calendar dates.
export { calendarDate, deDate, enDate } from './i18n/calendar-date.js';
export { LANGUAGES, text } from './i18n/localized-text.js';
export type { Language, LocalizedText } from './i18n/localized-text.js';

// Process rules as the stepper and the worklist show them.
export { CYCLE_PATH, NO_FURTHER_MEASURES_PATH, STAGE_DEFINITIONS } from './process/cycle.js';
export { followUpHolders, handoverConsequences } from './process/handover-continuity.js';
export { assignmentConsequences } from './process/assignment-consequences.js';
export type { AssignmentPlan } from './process/assignment-consequences.js';
export type { AccessNotice } from './process/handover-continuity.js';
export { allowedActions } from './process/next-steps.js';
export type { ActionAvailability } from './process/next-steps.js';
export { createProcessGuard } from './process/process-guard.js';
export type { HandoverConsentContext, ProcessGuardOptions } from './process/process-guard.js';
export { DEFAULT_PROCESS_STANDARD } from './process/standard/default-standard.js';
export type { LegalSource, PlanContentSource, PlanItem, PlanObligation } from './process/standard/legal-schema.js';
export { parseProcessStandard } from './process/standard/parse-standard.js';
export { applicablePlanItems } from './process/standard/plan-content.js';
export { planDocumentLayout, sourceLabel } from './process/standard/plan-document.js';
export type { PlanDocumentLayout, PlanDocumentLine, PlanDocumentSection } from './process/standard/plan-document.js';
export { LEGAL_PROFILES } from './process/standard/profiles/index.js';
export { SGB2_KOOPERATIONSPLAN } from './process/standard/profiles/sgb2-kooperationsplan.js';
export { SGB8_HILFEPLAN } from './process/standard/profiles/sgb8-hilfeplan.js';
export { SGB9_GESAMTPLAN } from './process/standard/profiles/sgb9-gesamtplan.js';
export { createStandardRegistry } from './process/standard/registry.js';
export type { StandardSource } from './process/standard/registry.js';
export type { ProcessStandard, ProcessStandardInput } from './process/standard/schema.js';
export { WORKLIST_ITEM_KINDS, buildWorklist } from './process/worklist.js';
export type { WorklistConsent, WorklistItem, WorklistItemKind, WorklistOptions } from './process/worklist.js';

// Who may act: roles and the access notices.
export { isCaseWorkRole } from './access/roles.js';

// Documents of the case file.
export { createCaseDocuments } from './documents/case-documents.js';
export type { AttachDocumentRequest, CaseDocuments, OpenedDocument } from './documents/case-documents.js';

// Handover packages between agencies.
export { HANDOVER_STATUSES } from './handover-package/handover-package-events.js';
export type { HandoverStatus } from './handover-package/handover-package-events.js';
export type { CaseHandoverStatus } from './privacy/view/handover-status.js';
export type { HandoverLoop, HandoverStatusStep, ReceivedPackage } from './handover-package/handover-package-state.js';

// The handover inbox of a shared server: who may deliver and read (issue 16).
export { HANDOVER_INBOX_KINDS, decideHandoverInbox } from './access/handover-inbox.js';
export type { HandoverInboxKind, HandoverInboxRequest } from './access/handover-inbox.js';
