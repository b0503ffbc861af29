import {
  foldCase,
  foldPrivacy,
  foldRights,
  isAssigned,
  isErasedPayload,
  previewTransfer,
  refused,
  systemClock,
  text,
  withoutErasedPayloads,
  type Actor,
  type CaseService,
  type CaseState,
  type CaseView,
  type CaseViews,
  type Clock,
  type ConfidentialityRelease,
  type ConsentState,
  type JournalEvent,
  type Refusal,
  type Result,
  type Subscribable,
  type TransferPreview,
  type TransferRequest,
} from '@fallkit/core';
import type { AgreementConsent } from '../goal-agreement/agreement-print.js';
import type { CaseRequestContext, CaseServicePort } from './case-service-port.js';

/** What {@link connectCaseService} connects: the core's case service and its data-protected views. */
export interface CoreConnection {
  /** `createCaseService(...)`: commands, the journal (for history and previews), the current actor. */
  readonly service: Pick<CaseService, 'execute' | 'loadCase' | 'currentActor'> &
    Partial<Pick<CaseService, 'executeBatch' | 'newCommandId'>>;
  /** `createCaseViews(...)` over the same store and actor: every pushed view is decided and logged. */
  readonly views: Pick<CaseViews, 'observeCaseView'>;
  /** "Now" of transfer previews and consent validity; the system clock if absent. */
  readonly clock?: Clock;
}

/**
 * What the port pushes to the components: the case as the actor may see it (`CaseView.case`, items
 * withheld are redaction markers, DP-24) plus what the components read beyond the case state.
 */
export type ConnectedCaseView = CaseView['case'] & {
  /** How many items or parts the view withholds (`<fk-case-overview>` hides history reasons then). */
  readonly redacted: number;
  /**
   * Consents and confidentiality releases (`<fk-consent-manager>`, `<fk-referrals>`, `<fk-handover>`).
   * Empty unless the actor holds the case-manager or deputy assignment (see {@link connectCaseService}).
   */
  readonly privacy: {
    readonly consents: readonly ConsentState[];
    readonly releases: readonly ConfidentialityRelease[];
  };
  /** The same consents as the printable goal agreement states them (`<fk-goal-agreement>`). */
  readonly consents: readonly AgreementConsent[];
};

/** The port {@link connectCaseService} returns: the provider port plus the extras the components use. */
export interface CoreCaseServicePort extends CaseServicePort<ConnectedCaseView> {
  /** The actor of the service (the provider uses it when it names none). */
  currentActor(): Actor;
  /**
   * The case's history for `<fk-case-overview>`: envelopes only (who, when, which event), never
   * payloads; reasons only for those who see the case unredacted; only for the people working on the
   * case, after the port pushed them an allowed view of it.
   */
  loadCase(caseId: string): Promise<Result<{ readonly events: readonly JournalEvent[] }>>;
  /**
   * What a transfer would pass on (`<fk-referrals>`, `<fk-handover>`): the core's `previewTransfer`
   * over the case for the service's actor; `undefined` if it cannot be computed for this request.
   */
  previewTransfer(
    caseId: string,
    request: TransferRequest,
    context?: CaseRequestContext,
  ): Promise<TransferPreview | undefined>;
}

/** Roles that work on cases: the history is theirs (a team lead, a partner agency get none). */
const CASE_WORK_ROLES: ReadonlySet<string> = new Set(['caseManager', 'deputy', 'intake']);

const ACTOR_MISMATCH = (): Refusal => ({
  code: 'ACTOR_MISMATCH',
  rule: 'SERVICE',
  message: text(
    'Die Anfrage nennt eine andere Person als die angemeldete. Bitte die Seite neu laden.',
    'The request names someone other than the signed-in user. Please reload the page.',
  ),
});

const BATCH_UNSUPPORTED = (): Refusal => ({
  code: 'COMPONENT_BATCH_UNSUPPORTED',
  rule: 'SERVICE',
  message: text(
    'Dieser Dienst kann mehrere Änderungen nicht gemeinsam speichern; es wurde nichts gespeichert.',
    'This service cannot save several changes together; nothing was saved.',
  ),
});

const HISTORY_WITHHELD = (): Refusal => ({
  code: 'DENY_NEED_TO_KNOW',
  rule: 'DP-23',
  message: text('Der Verlauf ist nur für die Fallbearbeitung sichtbar.', 'The history is shown to case work only.'),
});

function sameActor(a: Pick<Actor, 'id' | 'role' | 'agencyId'>, b: Pick<Actor, 'id' | 'role' | 'agencyId'>): boolean {
  return a.id === b.id && a.role === b.role && a.agencyId === b.agencyId;
}

/** The journal as the views read it: payloads an erasure has decided count as erased (DP-32). */
function readable(journal: readonly JournalEvent[]): JournalEvent[] {
  return withoutErasedPayloads(journal, foldRights(journal).erasedSeqs);
}

/** What the port remembers of the last view it pushed for a case (gates the history). */
interface ViewMemo {
  readonly actor: Pick<Actor, 'id' | 'role' | 'agencyId'>;
  readonly worksOnCase: boolean;
  readonly redacted: boolean;
}

/**
 * A consent as the printable agreement states it: partial withdrawals narrow it, a whole withdrawal
 * (or one that leaves nothing) revokes it, an expired one is left out (it no longer allows anything).
 */
function agreementConsent(consent: ConsentState, today: string): AgreementConsent | undefined {
  const { record } = consent;
  if (record.validUntil.slice(0, 10) < today) return undefined;
  let categories: readonly string[] = record.categories;
  let recipients = record.recipients;
  let revokedOn: string | undefined;
  for (const w of consent.withdrawals) {
    const cats = w.categories ?? [];
    const agencies = w.recipientAgencyIds ?? [];
    if (cats.length === 0 && agencies.length === 0) revokedOn ??= w.withdrawnAt.slice(0, 10);
    // A withdrawal naming both narrows the categories: the printed consent never claims more than holds.
    if (cats.length > 0) categories = categories.filter((c) => !(cats as readonly string[]).includes(c));
    else if (agencies.length > 0) recipients = recipients.filter((r) => !agencies.includes(r.agencyId));
    if (categories.length === 0 || recipients.length === 0) revokedOn ??= w.withdrawnAt.slice(0, 10);
  }
  return {
    id: record.id,
    categories,
    recipients: recipients.map((r) => ({ agencyId: r.agencyId, ...(r.name === undefined ? {} : { name: r.name }) })),
    purposes: record.purposes,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    givenBy: record.givenBy,
    ...(revokedOn === undefined ? {} : { revokedOn }),
  };
}

/**
 * Connects the core to `<fk-case-provider>`: the glue every host would otherwise write itself.
 *
 * - `execute` runs commands through the case service (as the service's actor; a request naming another
 *   actor is refused with `ACTOR_MISMATCH`, never carried out as someone else); `executeBatch` saves
 *   several as one decision (the core's `executeBatch`), always with a `commandId` (the form's, or a
 *   fresh one from the service's id port), so a retried save never stores twice.
 * - `observeCase` pushes the data-protected view (`views.observeCaseView`, decided and logged per
 *   DP-23..DP-28) of the service's actor for the requested purpose, never the unfiltered state; a refused
 *   view is pushed as the `Result`, so components show the refusal. The view is enriched with what the
 *   components read: `redacted`, `privacy.{consents,releases}` and `consents` (agreement shape).
 * - `loadCase` (history envelopes) and `previewTransfer` (transfer preview) for the components that use
 *   them.
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
  const lastViews = new Map<string, ViewMemo>();
  const newCommandId = (): string => service.newCommandId?.() ?? `command-${crypto.randomUUID()}`;

  /**
   * Adds what the components read to an allowed view. Consent records are themselves personal data
   * (who consented to what, for which agencies): they go to the actor who holds the case-manager or
   * deputy assignment, who records, checks and relies on them. Everyone else whose view is allowed
   * (team lead under supervision, a partner agency reading under a consent, break-glass) gets empty
   * lists: their task does not need them, and empty lists (not absent ones) replace whatever an
   * element showed for the previous actor. A case restricted or erased as a whole (DP-31/DP-32) shows
   * none either.
   */
  async function enrich(caseId: string, view: CaseView): Promise<ConnectedCaseView> {
    const actor = service.currentActor();
    let consents: readonly ConsentState[] = [];
    let releases: readonly ConfidentialityRelease[] = [];
    let state: CaseState | undefined;
    const loaded = await service.loadCase(caseId);
    if (loaded.ok) {
      const journal = readable(loaded.value.events);
      state = foldCase(journal);
      if (state && !view.breakGlass && view.restriction === undefined && isAssigned(state, actor.id)) {
        const privacy = foldPrivacy(journal);
        consents = privacy.consents;
        releases = privacy.releases;
      }
    }
    lastViews.set(caseId, {
      actor: view.actor,
      worksOnCase:
        CASE_WORK_ROLES.has(view.actor.role) &&
        !view.breakGlass &&
        view.decision.reasons.some((r) => r.code === 'ALLOW_ASSIGNED_PURPOSE'),
      redacted: view.redacted > 0 || view.restriction !== undefined,
    });
    const today = clock.now().slice(0, 10);
    return {
      ...view.case,
      redacted: view.redacted,
      privacy: { consents, releases },
      consents: consents.map((c) => agreementConsent(c, today)).filter((c) => c !== undefined),
    };
  }

  return {
    async execute(command, request) {
      if (request && !sameActor(request.actor, service.currentActor())) return refused(ACTOR_MISMATCH());
      return service.execute(command as Parameters<CaseService['execute']>[0]);
    },

    async executeBatch(batch, request) {
      if (request && !sameActor(request.actor, service.currentActor())) return refused(ACTOR_MISMATCH());
      if (service.executeBatch === undefined) return refused(BATCH_UNSUPPORTED());
      // Every save is retry-safe: a batch without an id gets one here (a form sends its own, kept
      // across a retry of the same save).
      const commandId = batch.commandId ?? newCommandId();
      return service.executeBatch({ ...batch, commandId } as Parameters<CaseService['executeBatch']>[0]);
    },

    newCommandId: () => newCommandId(),

    observeCase(caseId, request): Subscribable<Result<ConnectedCaseView> | undefined> {
      const purpose = request.purpose ?? 'caseManagement';
      return {
        subscribe(observer) {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          let closed = false;
          // Pushes stay in the order the views came, although enriching one awaits the journal.
          let chain = Promise.resolve();
          const push = (value: Result<ConnectedCaseView> | undefined) => {
            if (!closed) target.next(value);
          };
          const inner = views.observeCaseView(caseId, purpose).subscribe({
            next: (view: Result<CaseView> | undefined) => {
              chain = chain.then(async () => {
                if (view === undefined) {
                  lastViews.delete(caseId);
                  return push(undefined);
                }
                if (!view.ok) {
                  lastViews.delete(caseId);
                  return push(view);
                }
                // The view is decided for the service's actor: never hand it to a request for someone else.
                if (!sameActor(view.value.actor, request.actor)) {
                  lastViews.delete(caseId);
                  return push(refused(ACTOR_MISMATCH()));
                }
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

    async loadCase(caseId) {
      const memo = lastViews.get(caseId);
      if (!memo || !memo.worksOnCase || !sameActor(memo.actor, service.currentActor())) {
        return refused(HISTORY_WITHHELD());
      }
      const loaded = await service.loadCase(caseId);
      if (!loaded.ok) return loaded;
      const events = readable(loaded.value.events).map((event): JournalEvent => {
        // Envelopes only: the payload goes, an erasure marker stays (the history says "erased").
        const { payload, reason, ...envelope } = event;
        return {
          ...envelope,
          payload: isErasedPayload(payload) ? payload : undefined,
          ...(reason === undefined || memo.redacted ? {} : { reason }),
        };
      });
      return { ok: true, value: { events } };
    },

    async previewTransfer(caseId, request, context) {
      const actor = service.currentActor();
      if (context && !sameActor(context.actor, actor)) return undefined;
      const loaded = await service.loadCase(caseId);
      if (!loaded.ok) return undefined;
      const journal = readable(loaded.value.events);
      const state = foldCase(journal);
      if (!state) return undefined;
      try {
        return previewTransfer(state, actor, request, { now: clock.now(), privacy: foldPrivacy(journal) });
      } catch {
        // A request the core cannot read (e.g. a recipient without agency): the form says "unavailable".
        return undefined;
      }
    },
  };
}
