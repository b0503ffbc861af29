import type { JournalEvent } from '../journal/journal-event.js';
import { sameActor, type Actor } from '../ports/actor.js';
import type { SyncCommand } from './protocol.js';

/*
 * What the server does with a command whose author saw an older journal than the server holds now (a
 * stale `baseSeq`), by command type: core policy, so every server and client decides it the same way.
 *
 * - `rebase`: the command only adds (a contact, a note, a follow-up, a progress judgement …). It is
 *   re-decided on the current state: the same guards and invariants run again, so it is applied if it
 *   still may be, and refused with the core's code if not. Nothing another writer did is overwritten.
 * - `conflict`: the command changes something that exists (a goal's content, the help plan, the lead
 *   agency, consents, an erasure …). If the events other writers appended since `baseSeq` touch one of
 *   its targets, it comes back as a conflict with both sides; a person decides. If they touch nothing
 *   of it, it is decided on the current state like a rebase.
 *
 * Targets are paths: `goals/<id>` is a goal, `goals` the list, `*` the whole case. Two targets overlap
 * when one is a prefix of the other (by whole segments), and `*` overlaps every target.
 */

/** How a stale command of one type is merged. */
export type SyncMergeClass = 'rebase' | 'conflict';

/** One command type's merge policy: its class and, for `conflict`, the targets a command of it touches. */
export interface SyncMergePolicy {
  readonly merge: SyncMergeClass;
  /** The targets the command changes (for `conflict`); reads the raw input defensively. */
  readonly targets?: (input: Readonly<Record<string, unknown>>) => readonly string[];
}

/** The case-wide target: overlaps every other. */
export const WHOLE_CASE = '*';

function idOf(input: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = input[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A `conflict` policy whose target is one item of a section, named by an input field (the section if absent). */
function item(section: string, key: string): SyncMergePolicy {
  return {
    merge: 'conflict',
    targets: (input) => {
      const id = idOf(input, key);
      return [id === undefined ? section : `${section}/${id}`];
    },
  };
}

/** A `conflict` policy with fixed targets. */
function fixed(...targets: string[]): SyncMergePolicy {
  return { merge: 'conflict', targets: () => targets };
}

const REBASE: SyncMergePolicy = { merge: 'rebase' };

/**
 * The merge policy of every command type of the core's catalogs (case, privacy and rights commands). A
 * new command type needs an entry here, like its `COMMAND_ACCESS` declaration (a test checks both lists
 * agree); a type missing here is treated as `conflict` on the whole case, the safe side.
 */
export const SYNC_MERGE: Readonly<Record<string, SyncMergePolicy>> = {
  // --- case commands -------------------------------------------------------------------------
  openCase: fixed(WHOLE_CASE),
  addPerson: REBASE,
  updatePerson: item('persons', 'personId'),
  recordResidenceStatus: REBASE,
  recordReferral: REBASE,
  checkCasefindingCriteria: REBASE,
  decideAdmission: fixed('admission'),
  flagCrisis: REBASE,
  resolveCrisis: item('crises', 'crisisId'),
  recordFirstCounselling: fixed('firstCounselling'),
  recordAssessment: REBASE,
  confirmAssessment: item('assessments', 'assessmentId'),
  startReassessment: fixed('stage', 'assessments'),
  agreeGoal: REBASE,
  reviseGoal: item('goals', 'goalId'),
  setGoalStatus: item('goals', 'goalId'),
  addMeasure: REBASE,
  updateMeasure: item('measures', 'measureId'),
  reorderMeasures: fixed('measures'),
  referToProvider: REBASE,
  updateReferralStatus: item('providerReferrals', 'providerReferralId'),
  holdCaseConference: REBASE,
  recordContact: REBASE,
  scheduleFollowUp: REBASE,
  completeFollowUp: REBASE,
  judgeProgress: REBASE,
  recordDeviation: REBASE,
  recordReadinessSigns: REBASE,
  changeLeadAgency: fixed('leadAgencies', 'legalDomains'),
  assignCaseManager: fixed('caseManagers'),
  endCaseManagerAssignment: fixed('caseManagers'),
  addLegalDomain: fixed('legalDomains'),
  endLegalDomain: fixed('legalDomains'),
  recordNote: REBASE,
  attachDocument: REBASE,
  removeDocument: item('documents', 'documentId'),
  recordPlan: fixed('plans', 'goals', 'measures'),
  closeCase: fixed(WHOLE_CASE),
  recordEvaluation: fixed(WHOLE_CASE),
  // --- data protection -----------------------------------------------------------------------
  recordConsent: fixed('consents'),
  withdrawConsent: fixed('consents'),
  recordConfidentialityRelease: fixed('consents'),
  transferData: fixed('consents', 'transfers'),
  openBreakGlass: REBASE,
  recordSupervisionReason: REBASE,
  flagStaffCase: fixed('flags'),
  recordTransferObjection: fixed('consents'),
  // --- data-subject rights -------------------------------------------------------------------
  recordAccessRequest: REBASE,
  answerAccessRequest: fixed('rights'),
  rectifyData: fixed(WHOLE_CASE),
  resolveDispute: fixed('rights'),
  requestErasure: fixed(WHOLE_CASE),
  restrictProcessing: fixed(WHOLE_CASE),
  liftRestriction: fixed(WHOLE_CASE),
  recordObjection: REBASE,
  decideObjection: fixed('rights', 'consents'),
  // --- handover packages between agencies with their own files ------------------------------
  openCaseFromHandover: fixed(WHOLE_CASE),
  recordHandoverStatus: REBASE,
};

/** The policy of a command type; an unknown type is `conflict` on the whole case. */
export function syncMergePolicy(type: string): SyncMergePolicy {
  return Object.hasOwn(SYNC_MERGE, type) ? SYNC_MERGE[type]! : fixed(WHOLE_CASE);
}

function payloadOf(event: Pick<JournalEvent, 'payload'>): Readonly<Record<string, unknown>> {
  const payload = event.payload;
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}

/** A target for an event that writes one item of a section, named by a payload field. */
const itemEvent =
  (section: string, key: string) =>
  (payload: Readonly<Record<string, unknown>>): string[] => {
    const id = idOf(payload, key);
    return [id === undefined ? section : `${section}/${id}`];
  };

/**
 * What each event type touches. Additions name their new item (nothing a stale command changes can
 * be that new item, so they overlap only the section-wide targets); changes name the item they change.
 * An event type missing here touches the whole case (the safe side).
 */
const EVENT_TARGETS: Readonly<Record<string, (payload: Readonly<Record<string, unknown>>) => readonly string[]>> = {
  PersonAdded: (p) => [`persons/${idOf((p['person'] ?? {}) as Record<string, unknown>, 'id') ?? '?'}`],
  PersonUpdated: itemEvent('persons', 'personId'),
  ResidenceStatusRecorded: itemEvent('residenceStatuses', 'id'),
  ReferralRecorded: itemEvent('referrals', 'id'),
  CasefindingCriteriaChecked: itemEvent('casefindingChecks', 'id'),
  AdmissionDecided: () => ['admission', 'stage'],
  CrisisFlagged: itemEvent('crises', 'id'),
  CrisisResolved: itemEvent('crises', 'crisisId'),
  FirstCounsellingRecorded: () => ['firstCounselling', 'stage'],
  AssessmentRecorded: itemEvent('assessments', 'id'),
  AssessmentConfirmed: itemEvent('assessments', 'assessmentId'),
  ReassessmentStarted: () => ['stage', 'assessments'],
  GoalAgreed: itemEvent('goals', 'id'),
  GoalRevised: itemEvent('goals', 'goalId'),
  GoalStatusSet: itemEvent('goals', 'goalId'),
  MeasureAdded: itemEvent('measures', 'id'),
  MeasureUpdated: itemEvent('measures', 'measureId'),
  MeasuresReordered: () => ['measures'],
  ProviderReferralMade: itemEvent('providerReferrals', 'id'),
  ProviderReferralStatusUpdated: itemEvent('providerReferrals', 'providerReferralId'),
  CaseConferenceHeld: itemEvent('caseConferences', 'id'),
  ContactRecorded: itemEvent('contacts', 'id'),
  FollowUpScheduled: itemEvent('followUps', 'id'),
  FollowUpCompleted: itemEvent('followUps', 'followUpId'),
  ProgressJudged: itemEvent('progressJudgements', 'id'),
  DeviationRecorded: itemEvent('deviations', 'id'),
  ReadinessSignsObserved: itemEvent('readinessObservations', 'id'),
  LeadAgencyChanged: () => ['leadAgencies', 'legalDomains', 'handovers'],
  CaseManagerAssigned: () => ['caseManagers'],
  CaseManagerAssignmentEnded: () => ['caseManagers'],
  LegalDomainAdded: () => ['legalDomains'],
  LegalDomainEnded: () => ['legalDomains'],
  NoteRecorded: itemEvent('notes', 'id'),
  DocumentAttached: itemEvent('documents', 'id'),
  DocumentRemoved: itemEvent('documents', 'documentId'),
  PlanRecorded: () => ['plans'],
  CaseClosed: () => [WHOLE_CASE],
  EvaluationRecorded: () => ['evaluation'],
  ConsentRecorded: () => ['consents'],
  ConsentWithdrawn: () => ['consents'],
  ConfidentialityReleaseRecorded: () => ['consents'],
  TransferObjectionRecorded: () => ['consents'],
  DataTransferred: () => ['transfers'],
  BreakGlassUsed: () => ['grants'],
  SupervisionReasonRecorded: () => ['grants'],
  StaffCaseFlagged: () => ['flags'],
  ChildProtectionDisclosure: () => ['disclosures'],
  RecipientNotified: () => ['rights'],
  AccessRequestRecorded: () => ['rights'],
  AccessRequestAnswered: () => ['rights'],
  ObjectionRecorded: () => ['rights'],
  ObjectionDecided: () => ['rights', 'consents'],
  DisputeResolved: () => ['rights'],
  // Rectification, erasure and restriction reach into the whole case.
  DataRectified: () => [WHOLE_CASE],
  ErasureDecided: () => [WHOLE_CASE],
  DataErased: () => [WHOLE_CASE],
  ProcessingRestricted: () => [WHOLE_CASE],
  RestrictionLifted: () => [WHOLE_CASE],
  RetentionApplied: () => [WHOLE_CASE],
};

/** The targets an event touches (see {@link SYNC_MERGE}). */
export function eventTargets(event: Pick<JournalEvent, 'type' | 'payload'>): readonly string[] {
  const targets = Object.hasOwn(EVENT_TARGETS, event.type) ? EVENT_TARGETS[event.type]! : () => [WHOLE_CASE];
  return targets(payloadOf(event));
}

/** Whether two targets overlap: equal, one a prefix of the other by segments, or either the whole case. */
export function targetsOverlap(a: string, b: string): boolean {
  if (a === WHOLE_CASE || b === WHOLE_CASE || a === b) return true;
  return a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** The commands of a queued command or batch, in order. */
export function commandsOf(command: SyncCommand): readonly { readonly type: string; readonly input: unknown }[] {
  return 'commands' in command ? command.commands : [command];
}

/** The merge class of a queued command or batch: `rebase` only if every command in it is. */
export function mergeClassOf(command: SyncCommand): SyncMergeClass {
  return commandsOf(command).every((c) => syncMergePolicy(c.type).merge === 'rebase') ? 'rebase' : 'conflict';
}

/** The targets a queued command or batch changes (its `conflict`-class commands' targets). */
export function commandTargets(command: SyncCommand): string[] {
  const out = new Set<string>();
  for (const c of commandsOf(command)) {
    const policy = syncMergePolicy(c.type);
    if (policy.merge !== 'conflict') continue;
    const input =
      typeof c.input === 'object' && c.input !== null && !Array.isArray(c.input)
        ? (c.input as Record<string, unknown>)
        : {};
    for (const target of policy.targets?.(input) ?? [WHOLE_CASE]) out.add(target);
  }
  return [...out];
}

/** How the server goes on with a pushed command, given the journal now (see {@link decideMerge}). */
export type MergeDecision =
  /** The base is current: execute pinned to it. */
  | { readonly action: 'execute' }
  /** Stale, but only adds or touches nothing another writer changed: decide on the current state. */
  | { readonly action: 'redecide'; readonly merge: SyncMergeClass }
  /** Stale, and another writer's events touch what it changes: both sides go back to the device. */
  | {
      readonly action: 'conflict';
      readonly targets: readonly string[];
      readonly theirs: readonly JournalEvent[];
    };

/**
 * Decides what happens to a pushed command whose author saw the journal up to `baseSeq` while the
 * server's journal is `journal` now. "Another writer" is anyone whose events the command was not decided
 * on top of: with `after` (the device's own earlier commands on the case, see `pushEntrySchema`), every
 * event since `baseSeq` except those of the actor's commands named there; without it, anyone but the actor
 * itself. A device's own earlier commands never conflict with it. Pure.
 */
export function decideMerge(
  command: SyncCommand,
  baseSeq: number,
  journal: readonly JournalEvent[],
  actor: Pick<Actor, 'id' | 'agencyId'>,
  after?: readonly string[],
): MergeDecision {
  const head = journal.at(-1)?.seq ?? 0;
  if (baseSeq >= head) return { action: 'execute' };
  const merge = mergeClassOf(command);
  if (merge === 'rebase') return { action: 'redecide', merge };
  const mine = commandTargets(command);
  const own = after === undefined ? undefined : new Set(after);
  const ownEvent = (event: JournalEvent) =>
    sameActor(event.actor, actor) && (own === undefined || (event.commandId !== undefined && own.has(event.commandId)));
  const since = journal.filter((event) => event.seq > baseSeq && !ownEvent(event));
  const hits = new Set<string>();
  const theirs: JournalEvent[] = [];
  for (const event of since) {
    const touched = eventTargets(event).filter((t) => mine.some((m) => targetsOverlap(t, m)));
    if (touched.length === 0) continue;
    theirs.push(event);
    for (const m of mine) if (touched.some((t) => targetsOverlap(t, m))) hits.add(m);
  }
  if (theirs.length === 0) return { action: 'redecide', merge };
  return { action: 'conflict', targets: [...hits], theirs: since };
}
