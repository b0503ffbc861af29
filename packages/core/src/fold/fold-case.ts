import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { verifyJournal, type JournalVerification } from '../journal/verify-journal.js';
import type { CaseEventPayload } from '../events/catalog.js';
import type { EventCatalog } from '../events/event-definition.js';
import { checkCaseEventPayload, createPayloadCheck, upcastEvent } from '../events/upcast.js';
import type { CaseState } from '../model/case-state.js';
import { CASE_REDUCERS, type CaseReducer } from './reducers.js';
import { nextStage } from './stage.js';

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

function copyState(state: CaseState): CaseState {
  return JSON.parse(JSON.stringify(state)) as CaseState;
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
 * Applies further events to a state without changing the given state (it is copied first). Used by
 * the command pipeline to compute the state after a command's events.
 */
export function applyEvents(state: CaseState | undefined, events: readonly JournalEvent[]): CaseState | undefined {
  let draft = state === undefined ? undefined : copyState(state);
  for (const stored of events) draft = applyToDraft(draft, upcastEvent(stored));
  return draft;
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
