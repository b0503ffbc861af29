import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { verifyJournal, type JournalVerification } from '../journal/verify-journal.js';
import type { CaseEventPayload } from '../events/catalog.js';
import type { EventCatalog } from '../events/event-definition.js';
import { checkCaseEventPayload, createPayloadCheck, upcastEvent } from '../events/upcast.js';
import type { CaseState } from '../model/case-state.js';
import { CASE_REDUCERS, type CaseReducer } from './reducers.js';
import { nextStage } from './stage.js';
import type { CaseEventType } from '../events/catalog.js';

/** The parts of the case state an event's reducer writes (see {@link CASE_WRITES}). */
interface SectionWrites {
  /** Lists the reducer appends to or reorders: copied shallowly (their items are shared). */
  readonly append?: readonly CaseSectionKey[];
  /** Lists whose items the reducer changes in place: copied deeply. */
  readonly edit?: readonly CaseSectionKey[];
}

type CaseSectionKey = {
  [K in keyof CaseState]: CaseState[K] extends readonly unknown[] ? K : never;
}[keyof CaseState];

/**
 * What every reducer of `reducers.ts` writes besides top-level fields (`stage`, `status`, `admission`
 * …, which a shallow copy of the state covers). {@link applyEvents} copies exactly these before the
 * reducer runs and shares the rest with the state before, so a command costs what its events touch,
 * not what the case holds. The type demands an entry for every reducer: a new reducer must say what
 * it writes (the write-path tests check the state before an event is never changed).
 */
const CASE_WRITES: { readonly [T in Exclude<CaseEventType, 'CaseOpened'>]: SectionWrites } = {
  PersonAdded: { append: ['persons'] },
  PersonUpdated: { edit: ['persons'] },
  ResidenceStatusRecorded: { append: ['residenceStatuses'] },
  ReferralRecorded: { append: ['referrals'] },
  CasefindingCriteriaChecked: { append: ['casefindingChecks'] },
  AdmissionDecided: {},
  CrisisFlagged: { append: ['crises'] },
  CrisisResolved: { edit: ['crises'] },
  FirstCounsellingRecorded: {},
  AssessmentRecorded: { append: ['assessments'] },
  AssessmentConfirmed: { edit: ['assessments'] },
  ReassessmentStarted: { append: ['reassessments'] },
  GoalAgreed: { append: ['goals'] },
  GoalRevised: { edit: ['goals'] },
  GoalStatusSet: { edit: ['goals'] },
  MeasureAdded: { append: ['measures'] },
  MeasureUpdated: { edit: ['measures'] },
  MeasuresReordered: { append: ['measures'] },
  ProviderReferralMade: { append: ['providerReferrals'] },
  ProviderReferralStatusUpdated: { edit: ['providerReferrals'] },
  CaseConferenceHeld: { append: ['caseConferences'] },
  ContactRecorded: { append: ['contacts'] },
  FollowUpScheduled: { append: ['followUps'] },
  FollowUpCompleted: { edit: ['followUps'] },
  ProgressJudged: { append: ['progressJudgements'] },
  DeviationRecorded: { append: ['deviations'] },
  ReadinessSignsObserved: { append: ['readinessObservations'] },
  LeadAgencyChanged: { edit: ['leadAgencies', 'legalDomains'], append: ['handovers'] },
  CaseManagerAssigned: { edit: ['caseManagers'] },
  CaseManagerAssignmentEnded: { edit: ['caseManagers'] },
  LegalDomainAdded: { append: ['legalDomains'] },
  LegalDomainEnded: { edit: ['legalDomains'] },
  NoteRecorded: { append: ['notes'] },
  DocumentAttached: { append: ['documents'] },
  DocumentRemoved: { edit: ['documents'] },
  PlanRecorded: { append: ['plans'] },
  CaseClosed: { edit: ['goals'] },
  EvaluationRecorded: {},
};

/** A deep copy of JSON data (the state holds nothing else). */
function deepCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A private draft for one event: a shallow copy of the state with the lists the event writes copied
 * (copy on write). Events without a reducer (other modules' events) only move `lastSeq`; a reducer
 * missing from {@link CASE_WRITES} would get a deep copy of everything, slow but never wrong.
 */
function draftFor(state: CaseState, type: string): CaseState {
  const writes = (CASE_WRITES as Record<string, SectionWrites | undefined>)[type];
  if (writes === undefined) return Object.hasOwn(CASE_REDUCERS, type) ? deepCopy(state) : { ...state };
  const draft: Record<string, unknown> = { ...state };
  for (const key of writes.append ?? []) draft[key] = [...state[key]];
  for (const key of writes.edit ?? []) draft[key] = deepCopy(state[key]);
  return draft as unknown as CaseState;
}

/** The state right after `CaseOpened`. */
export function initialCaseState(
  payload: CaseEventPayload<'CaseOpened'>,
  event: Pick<JournalEvent, 'seq' | 'at'>,
): CaseState {
  return {
    caseId: payload.caseId,
    label: payload.label,
    status: 'open',
    stage: 'referral',
    openedOn: payload.openedOn,
    processStandard: payload.processStandard,
    addresseeId: payload.addressee.id,
    persons: [payload.addressee],
    leadAgencies: [payload.leadAgency],
    caseManagers: [payload.caseManager],
    legalDomains: payload.legalDomains,
    residenceStatuses: [],
    referrals: [],
    casefindingChecks: [],
    admission: null,
    crises: [],
    firstCounselling: null,
    assessments: [],
    reassessments: [],
    goals: [],
    measures: [],
    providerReferrals: [],
    caseConferences: [],
    contacts: [],
    followUps: [],
    progressJudgements: [],
    deviations: [],
    readinessObservations: [],
    handovers: [],
    notes: [],
    documents: [],
    plans: [],
    closure: null,
    evaluation: null,
    lastSeq: event.seq,
    updatedAt: event.at,
  };
}

/** A shell for a case whose opening event was erased (DP-32): the journal goes on, the content is gone. */
function erasedShell(event: JournalEvent): CaseState {
  return initialCaseState(
    {
      caseId: event.caseId,
      label: '',
      openedOn: event.at.slice(0, 10),
      processStandard: { id: 'erased', version: '0' },
      addressee: {
        id: 'erased',
        roles: ['addressee'],
        givenName: '–',
        familyName: '–',
        subjectIds: [],
        categories: [],
        origin: 'client',
        recordedBy: event.actor.id,
        recordedAt: event.at,
      },
      leadAgency: { agencyId: event.actor.agencyId, name: event.actor.agencyId, from: event.at.slice(0, 10) },
      caseManager: {
        userId: event.actor.id,
        agencyId: event.actor.agencyId,
        role: 'primary',
        from: event.at.slice(0, 10),
      },
      legalDomains: [],
    },
    event,
  );
}

/** Applies one (already upcast) event to a draft in place. */
function applyToDraft(draft: CaseState | undefined, event: JournalEvent): CaseState | undefined {
  if (event.type === 'CaseOpened' && draft === undefined) {
    return isErasedPayload(event.payload)
      ? erasedShell(event)
      : initialCaseState(JSON.parse(JSON.stringify(event.payload)) as CaseEventPayload<'CaseOpened'>, event);
  }
  if (draft === undefined) return undefined;
  const reducer = (CASE_REDUCERS as Record<string, CaseReducer<never> | undefined>)[event.type];
  if (reducer !== undefined && !isErasedPayload(event.payload)) {
    // Payloads are copied so the state never shares objects with the journal array.
    reducer(draft, JSON.parse(JSON.stringify(event.payload)) as never, event);
    draft.stage = nextStage(draft, event);
  }
  draft.lastSeq = event.seq;
  draft.updatedAt = event.at;
  return draft;
}

/**
 * The case as a pure fold over its journal: upcasts old event versions, applies each event, and
 * computes the stage. Events of types outside the case catalog (other modules' streams) only advance
 * `lastSeq`. Returns `undefined` for a journal that does not start with `CaseOpened`.
 * Does not verify hashes; use {@link replayCase} for that.
 */
export function foldCase(events: readonly JournalEvent[]): CaseState | undefined {
  let draft: CaseState | undefined;
  for (const stored of events) draft = applyToDraft(draft, upcastEvent(stored));
  return draft;
}

/**
 * Applies further events to a state without changing the given state. Used by the command pipeline to
 * compute the state after a command's events, and by the case reader to bring a held state up to the
 * store's head. The new state shares every part the events did not touch with the given one (copy on
 * write, {@link CASE_WRITES}), so the cost follows the events, not the size of the case: no deep copy
 * of the state per command.
 */
export function applyEvents(state: CaseState | undefined, events: readonly JournalEvent[]): CaseState | undefined {
  if (state === undefined) return foldCase(events);
  let current: CaseState | undefined = state;
  for (const stored of events) {
    if (current === undefined) break;
    const event = upcastEvent(stored);
    current = applyToDraft(draftFor(current, event.type), event);
  }
  return current;
}

/** The outcome of {@link replayCase}: the verification verdict and, if it verified, the state. */
export interface ReplayResult {
  readonly verification: JournalVerification;
  readonly state: CaseState | undefined;
}

/** Options of {@link replayCase}. */
export interface ReplayOptions {
  /**
   * The event catalog payloads are checked against; the case catalog if absent. Pass the union of
   * every module's events when the case stream holds events of other modules (consents, transfers).
   */
  readonly catalog?: EventCatalog;
}

/**
 * Verifies a stored journal (hash chain, sequence, payload schemas after upcasting) and folds it.
 * The state is only built when the journal verifies.
 */
export async function replayCase(events: readonly JournalEvent[], options: ReplayOptions = {}): Promise<ReplayResult> {
  const checkPayload = options.catalog === undefined ? checkCaseEventPayload : createPayloadCheck(options.catalog);
  const verification = await verifyJournal(events, { checkPayload });
  return { verification, state: verification.ok ? foldCase(events) : undefined };
}
