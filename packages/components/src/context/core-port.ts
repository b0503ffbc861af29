import {
  ok,
  refused,
  systemClock,
  type Actor,
  type BatchOutcome,
  type CommandOutcome,
  type JournalEvent,
  type CaseIndexEntry,
  type CaseListOptions,
  type CaseService,
  type CaseView,
  type AttachDocumentRequest,
  type CaseDocuments,
  type CaseViews,
  type OpenedDocument,
  type Clock,
  type ConfidentialityRelease,
  type ConsentState,
  type HistoryEntry,
  type Result,
  type Subscribable,
  type TransferPreview,
  type TransferRequest,
  type RecipientViewRequest,
  type WorklistInput,
  type CaseSearchHit,
  type DuplicateHit,
  type TeamOverview,
  localDate,
} from '@fallkit/core';
import { type ReportingConfig, type StatisticalRecord } from '@fallkit/core/reporting';
import type { AgreementConsent } from '../goal-agreement/agreement-print.js';
import { agreementConsent } from './agreement-consent.js';
import { ACTOR_MISMATCH, BATCH_UNSUPPORTED, CHANNEL_MISSING, sameActor } from './core-port.refusals.js';
import type { CaseRequestContext, CaseServicePort } from './case-service-port.js';

/** What {@link connectCaseService} connects: the core's case service and its data-protected views. */
export interface CoreConnection {
  /** `createCaseService(...)`: commands and the current actor. The port never reads the journal itself. */
  readonly service: Pick<CaseService, 'execute' | 'currentActor'> &
    Partial<Pick<CaseService, 'executeBatch' | 'newCommandId'>>;
  /**
   * `createCaseViews(...)` over the same store and actor: every read of the port is one of its decided
   * and logged channels (view, history, transfer preview, consents, case list, worklist and report input).
   */
  readonly views: Pick<
    CaseViews,
    | 'observeCaseView'
    | 'viewCase'
    | 'history'
    | 'previewTransfer'
    | 'consents'
    | 'caseList'
    | 'worklistInput'
    | 'reportInput'
  > &
    Partial<Pick<CaseViews, 'searchCases' | 'checkDuplicates' | 'teamOverview' | 'recipientView'>>;
  /** "Today" of the printable consents; the system clock if absent. */
  readonly clock?: Clock;
  /**
   * `createCaseDocuments(...)` over the same service, views and store: `<fk-documents>` files, opens and
   * removes documents through it (each decided by the core). Without it the element only lists them.
   */
  readonly documents?: CaseDocuments;
}

/**
 * What the port pushes to the components: the case as the actor may see it (`CaseView.case`, items
 * withheld are redaction markers, DP-24) plus what the components read beyond the case state.
 */
export type ConnectedCaseView = CaseView['case'] & {
  /** How many items or parts the view withholds (`<fk-case-overview>` hides history reasons then). */
  readonly redacted: number;
  /**
   * Consents and confidentiality releases (`<fk-consent-manager>`, `<fk-referrals>`, `<fk-handover>`):
   * those the core's consents channel gives this actor (decided through the field map, DP-01, and logged).
   */
  readonly privacy: {
    readonly consents: readonly ConsentState[];
    readonly releases: readonly ConfidentialityRelease[];
  };
  /** The commands the actor may issue on the case today (the core's `CaseView.mayIssue`, DP-40). */
  readonly mayIssue?: readonly string[];
  /** Notices about the actor's own access, as the core decided them (`CaseView.accessNotices`, HO-4). */
  readonly accessNotices?: CaseView['accessNotices'];
  /** The same consents as the printable goal agreement states them (`<fk-goal-agreement>`). */
  readonly consents: readonly AgreementConsent[];
};

/**
 * What a write through the port answers: the case as the writer's own decided view shows it (absent
 * when that view is refused), the envelopes of the stored events (no payloads), and whether the
 * outcome is the replay of an earlier command with the same `commandId`.
 */
export interface DecidedOutcome {
  readonly caseId: string;
  readonly events: readonly Pick<JournalEvent, 'id' | 'type' | 'seq' | 'at' | 'caseId'>[];
  readonly state?: CaseView['case'];
  readonly replayed?: true;
}

/** Which cases a worklist shows: those the actor is case manager of, or every case its list holds. */
export type WorklistScope = 'mine' | 'agency';

/** The port {@link connectCaseService} returns: the provider port plus the extras the components use. */
export interface CoreCaseServicePort extends CaseServicePort<ConnectedCaseView> {
  /** The actor of the service (the provider uses it when it names none). */
  currentActor(): Actor;
  /** The case's history for `<fk-case-overview>`: the core's decided history channel (envelopes only). */
  loadHistory(
    caseId: string,
    request?: CaseRequestContext,
  ): Promise<Result<{ readonly entries: readonly HistoryEntry[] }>>;
  /**
   * What a transfer would pass on (`<fk-referrals>`, `<fk-handover>`): the core's decided preview
   * channel; `undefined` when the channel refuses it (the form says "unavailable").
   */
  previewTransfer(
    caseId: string,
    request: TransferRequest,
    context?: CaseRequestContext,
  ): Promise<TransferPreview | undefined>;
  /**
   * What one recipient of a letter may receive (`<fk-letter>`, issue 22): the core's decided, logged
   * `recipientView` channel (the actor's own view narrowed to the recipient, DP-29).
   */
  loadRecipientView(
    caseId: string,
    request: RecipientViewRequest,
    context?: CaseRequestContext,
  ): Promise<Result<CaseView['case']>>;
  /** The case list of the actor (need-to-know rows and columns), from the core's list channel. */
  loadCaseList(request?: CaseRequestContext, options?: CaseListOptions): Promise<Result<CaseIndexEntry[]>>;
  /** Worklist input for `<fk-worklist>`: the cases as the actor's views show them. */
  loadWorklist(request: CaseRequestContext, scope?: WorklistScope): Promise<Result<WorklistInput>>;
  /** The case search for `<fk-case-search>`: the core's decided, logged search channel. */
  searchCases(request: CaseRequestContext | undefined, query: unknown): Promise<Result<CaseSearchHit[]>>;
  /** The duplicate check before a case is opened: the core's decided, logged channel. */
  checkDuplicates(request: CaseRequestContext | undefined, candidate: unknown): Promise<Result<DuplicateHit[]>>;
  /** The team lead's overview for `<fk-team-overview>`: figures only, the core's decided channel (DP-23). */
  loadTeamOverview(request?: CaseRequestContext): Promise<Result<TeamOverview>>;
  /** Files a document (`<fk-documents>`): the core decides the command, then stores the bytes. */
  attachDocument(
    caseId: string,
    request: AttachDocumentRequest,
    bytes: Uint8Array,
    context?: CaseRequestContext,
  ): Promise<Result<DecidedOutcome>>;
  /** Opens a document: decided by the actor's own view, its bytes checked against the journal (DP-44). */
  openDocument(caseId: string, documentId: string, context?: CaseRequestContext): Promise<Result<OpenedDocument>>;
  /** Takes a document out of the file; its content is deleted. */
  removeDocument(
    caseId: string,
    documentId: string,
    reason: string,
    context?: CaseRequestContext,
  ): Promise<Result<DecidedOutcome>>;
  /** Report input for `<fk-report>`: statistical skeletons, for the statistics role only. */
  loadReportInput(
    request?: CaseRequestContext,
    config?: ReportingConfig,
  ): Promise<Result<readonly StatisticalRecord[]>>;
}

/**
 * Connects the core to `<fk-case-provider>`: the glue every host would otherwise write itself. It maps
 * shapes only and decides nothing: every read is one of the core's decided and logged channels
 * (`createCaseViews`, DP-23..DP-28, DP-40), for the service's actor.
 *
 * - `execute` runs commands through the case service (as the service's actor; a request naming another
 *   actor is refused with `ACTOR_MISMATCH`, never carried out as someone else); `executeBatch` saves
 *   several as one decision (the core's `executeBatch`), always with a `commandId` (the form's, or a
 *   fresh one from the service's id port), so a retried save never stores twice.
 * - `observeCase` pushes the data-protected view (`views.observeCaseView`) for the requested purpose,
 *   never the unfiltered state; a refused view is pushed as the `Result`, so components show the
 *   refusal. Each view is enriched with `redacted` and the consents channel's records
 *   (`privacy.{consents,releases}`, and `consents` in the agreement shape).
 * - `loadHistory`, `previewTransfer`, `loadCaseList`, `loadWorklist`, `loadReportInput`: the channels
 *   of the same names.
 *
 * ```ts
 * const service = createCaseService({ store, clock, ids, actor });
 * const views = createCaseViews({ service, store, clock, ids });
 * provider.service = connectCaseService({ service, views });
 * ```
 *
 * The views decide for `service.currentActor()`; build service and views over the same actor source.
 */
export function connectCaseService(connection: CoreConnection): CoreCaseServicePort {
  const { service, views } = connection;
  const clock = connection.clock ?? systemClock;
  const newCommandId = (): string => service.newCommandId?.() ?? `command-${crypto.randomUUID()}`;

  /**
   * What a write hands back to the element (DP-23, DP-40): the service's outcome carries the unfiltered
   * case, which only trusted host code may see. The element gets the case as its actor's own decided
   * view shows it (`views.viewCase`, logged like every view) and the stored events' envelopes without
   * payloads, so a writer with a narrow view (a provider updating its referral) learns nothing it may
   * not see by writing.
   */
  async function decidedOutcome(
    result: Result<CommandOutcome | BatchOutcome>,
    request: CaseRequestContext | undefined,
  ): Promise<Result<DecidedOutcome>> {
    if (!result.ok) return result;
    const { caseId, events } = result.value;
    const view = await views.viewCase(caseId, request?.purpose ?? 'caseManagement');
    const outcome: DecidedOutcome = {
      caseId,
      events: events.map(({ id, type, seq, at, caseId: stream }) => ({ id, type, seq, at, caseId: stream })),
      ...(view.ok ? { state: view.value.case } : {}),
      ...('replayed' in result.value && result.value.replayed ? { replayed: true } : {}),
    };
    return ok(outcome, result.notices);
  }

  /** A request for someone other than the service's actor is never answered with that actor's data. */
  function mismatch(request: CaseRequestContext | undefined): boolean {
    return request !== undefined && !sameActor(request.actor, service.currentActor());
  }

  async function enrich(caseId: string, view: CaseView): Promise<ConnectedCaseView> {
    const decided = await views.consents(caseId, view.purpose);
    const consents = decided.ok ? decided.value.consents : [];
    const releases = decided.ok ? decided.value.releases : [];
    const today = localDate(clock.now());
    return {
      ...view.case,
      redacted: view.redacted,
      // The core's answer to "may this actor issue …" (DP-40): elements offer only those actions.
      ...(view.mayIssue === undefined ? {} : { mayIssue: view.mayIssue }),
      ...(view.accessNotices === undefined ? {} : { accessNotices: view.accessNotices }),
      // Empty lists (not absent ones) replace whatever an element showed for the previous actor.
      privacy: { consents, releases },
      consents: consents.map((c) => agreementConsent(c, today)).filter((c) => c !== undefined),
    };
  }

  return {
    async execute(command, request) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      return decidedOutcome(await service.execute(command as Parameters<CaseService['execute']>[0]), request);
    },

    async executeBatch(batch, request) {
      if (request && !sameActor(request.actor, service.currentActor())) return refused(ACTOR_MISMATCH());
      if (service.executeBatch === undefined) return refused(BATCH_UNSUPPORTED());
      // Every save is retry-safe: a batch without an id gets one here (a form sends its own, kept
      // across a retry of the same save).
      const commandId = batch.commandId ?? newCommandId();
      return decidedOutcome(
        await service.executeBatch({ ...batch, commandId } as Parameters<CaseService['executeBatch']>[0]),
        request,
      );
    },

    newCommandId: () => newCommandId(),

    observeCase(caseId, request): Subscribable<Result<ConnectedCaseView> | undefined> {
      const purpose = request.purpose ?? 'caseManagement';
      return {
        subscribe(observer) {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          let closed = false;
          // Pushes stay in the order the views came, although enriching one awaits the consents channel.
          let chain = Promise.resolve();
          const push = (value: Result<ConnectedCaseView> | undefined) => {
            if (!closed) target.next(value);
          };
          const inner = views.observeCaseView(caseId, purpose).subscribe({
            next: (view: Result<CaseView> | undefined) => {
              chain = chain.then(async () => {
                if (view === undefined || !view.ok) return push(view);
                // The view is decided for the service's actor: never hand it to a request for someone else.
                if (!sameActor(view.value.actor, request.actor)) return push(refused(ACTOR_MISMATCH()));
                push({ ok: true, value: await enrich(caseId, view.value) });
              });
              chain = chain.catch((error: unknown) => {
                if (!closed) target.error?.(error);
              });
            },
            error: (error: unknown) => {
              if (!closed) target.error?.(error);
            },
          });
          return {
            unsubscribe() {
              closed = true;
              inner.unsubscribe();
            },
          };
        },
      };
    },

    currentActor: () => service.currentActor(),

    async loadHistory(caseId, request) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      const history = await views.history(caseId, request?.purpose ?? 'caseManagement');
      return history.ok ? { ok: true, value: { entries: history.value.entries } } : history;
    },

    async previewTransfer(caseId, request, context) {
      if (mismatch(context)) return undefined;
      const preview = await views.previewTransfer(caseId, request);
      return preview.ok ? preview.value : undefined;
    },

    async loadRecipientView(caseId, request, context) {
      if (mismatch(context)) return refused(ACTOR_MISMATCH());
      if (!views.recipientView) return refused(CHANNEL_MISSING());
      const view = await views.recipientView(caseId, request);
      return view.ok ? ok(view.value.case) : view;
    },

    async loadCaseList(request, options = {}) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      return views.caseList({ ...options, ...(request?.purpose ? { purpose: request.purpose } : {}) });
    },

    async loadWorklist(request, scope = 'agency') {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      const actor = service.currentActor();
      return views.worklistInput({
        ...(request.purpose ? { purpose: request.purpose } : {}),
        ...(scope === 'mine' ? { query: { caseManagerId: actor.id } } : {}),
      });
    },

    async searchCases(request, query) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      if (!views.searchCases) return refused(CHANNEL_MISSING());
      return views.searchCases({ query, ...(request?.purpose ? { purpose: request.purpose } : {}) });
    },

    async checkDuplicates(request, candidate) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      if (!views.checkDuplicates) return refused(CHANNEL_MISSING());
      return views.checkDuplicates({ candidate, ...(request?.purpose ? { purpose: request.purpose } : {}) });
    },

    async loadTeamOverview(request) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      if (!views.teamOverview) return refused(CHANNEL_MISSING());
      return views.teamOverview(request?.purpose ? { purpose: request.purpose } : {});
    },

    async loadReportInput(request, config) {
      if (mismatch(request)) return refused(ACTOR_MISMATCH());
      return views.reportInput(config === undefined ? {} : { config });
    },

    async attachDocument(caseId, request, bytes, context) {
      if (mismatch(context)) return refused(ACTOR_MISMATCH());
      if (!connection.documents) return refused(CHANNEL_MISSING());
      return decidedOutcome(await connection.documents.attach(caseId, request, bytes), context);
    },

    async openDocument(caseId, documentId, context) {
      if (mismatch(context)) return refused(ACTOR_MISMATCH());
      if (!connection.documents) return refused(CHANNEL_MISSING());
      return connection.documents.open(caseId, documentId, context?.purpose ?? 'caseManagement');
    },

    async removeDocument(caseId, documentId, reason, context) {
      if (mismatch(context)) return refused(ACTOR_MISMATCH());
      if (!connection.documents) return refused(CHANNEL_MISSING());
      return decidedOutcome(await connection.documents.remove(caseId, documentId, reason), context);
    },
  };
}
