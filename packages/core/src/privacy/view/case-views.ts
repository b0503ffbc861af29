import { text } from '../../i18n/localized-text.js';
import { foldCase } from '../../fold/fold-case.js';
import { verifyJournal } from '../../journal/verify-journal.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import { ok, refused, type Result } from '../../result/refusal.js';
import type { CaseService } from '../../service/case-service.js';
import type { CaseStore, Observer, Subscribable, Unsubscribable } from '../../store/case-store.js';
import type { JournalEvent } from '../../journal/journal-event.js';
import { accessLogEntries, accessLogStreamId, appendAccessLog, type AccessLogEntry } from '../access-log/access-log.js';
import { foldPrivacy } from '../privacy-state.js';
import { privacyRefusal } from '../reason-codes.js';
import { foldRights } from '../../rights/rights-state.js';
import { viewCase, type CaseView } from './view-case.js';
import { withoutErasedPayloads } from './view-restrictions.js';
import type { CaseSection } from '../categories.js';
import type { DataCategory } from '../../model/record-meta.js';

/** What the case views are made of: the case service (for the current actor) and its ports. */
export interface CaseViewsOptions {
  /** The service: the current actor, and the verified read of a journal (DP-44). */
  readonly service: Pick<CaseService, 'currentActor' | 'readVerifiedJournal'>;
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Options of one view request. */
export interface CaseViewRequestOptions {
  /** Only these sections (a tab of the case file). */
  readonly sections?: readonly CaseSection[];
  /** A case conference's agenda. */
  readonly agenda?: readonly DataCategory[];
}

/**
 * Data-protected reading: every view is decided for the current actor and purpose and logged in the
 * agency's access log (DP-23..DP-28). Hosts and components read case content through this, not
 * through `loadCase`.
 */
export interface CaseViews {
  /** Loads, decides, logs and returns the case as the current actor may see it. */
  viewCase(caseId: string, purpose: string, options?: CaseViewRequestOptions): Promise<Result<CaseView>>;
  /** The live view: emits on subscribe and after every change of the case; each emitted view is logged. */
  observeCaseView(
    caseId: string,
    purpose: string,
    options?: CaseViewRequestOptions,
  ): Subscribable<Result<CaseView> | undefined>;
  /**
   * The access log of the current actor's agency (DP-28): readable by the data-protection officer;
   * verified as a hash chain first (DP-38).
   */
  readAccessLog(filter?: { readonly caseId?: string }): Promise<Result<AccessLogEntry[]>>;
}

function entryFor(
  view: Result<CaseView>,
  caseId: string,
  purpose: string,
  actor: ReturnType<CaseService['currentActor']>,
  at: string,
): AccessLogEntry {
  const base = { caseId, actorId: actor.id, role: actor.role, agencyId: actor.agencyId, purpose, at };
  if (!view.ok) {
    return {
      ...base,
      categories: [],
      outcome: 'deny',
      redacted: 0,
      breakGlass: false,
      refusedWith: view.errors[0]?.code ?? 'DENY',
    };
  }
  const v = view.value;
  return {
    ...base,
    categories: [...v.categories],
    outcome: v.decision.outcome,
    redacted: v.redacted,
    breakGlass: v.breakGlass,
  };
}

/** Creates the data-protected case views over the service's store. */
export function createCaseViews(options: CaseViewsOptions): CaseViews {
  const { service, store, clock, ids } = options;
  const ports = { store, clock, ids };

  function decideFrom(
    journal: readonly JournalEvent[],
    caseId: string,
    purpose: string,
    request: CaseViewRequestOptions,
  ): Result<CaseView> | undefined {
    // DP-31/DP-32: restrictions and erasures decide what the view may show; a decided erasure hides
    // its payloads even before the store has removed them.
    const rights = foldRights(journal);
    const readable = withoutErasedPayloads(journal, rights.erasedSeqs);
    const state = foldCase(readable);
    if (state === undefined) return undefined;
    return viewCase(state, service.currentActor(), purpose, {
      now: clock.now(),
      privacy: foldPrivacy(readable),
      rights,
      ...(request.sections === undefined ? {} : { sections: request.sections }),
      ...(request.agenda === undefined ? {} : { agenda: request.agenda }),
    });
  }

  async function log(view: Result<CaseView>, caseId: string, purpose: string): Promise<Result<CaseView>> {
    const actor = service.currentActor();
    const logged = await appendAccessLog(ports, actor, entryFor(view, caseId, purpose, actor, clock.now()));
    // A view that cannot be logged is not shown (DP-28): accountability first.
    return logged.ok ? view : logged;
  }

  return {
    async viewCase(caseId, purpose, request = {}) {
      // A tampered journal is never shown (DP-44): the refusal names the first bad event, and is logged.
      const read = await service.readVerifiedJournal(caseId);
      if (!read.ok) return log(read, caseId, purpose);
      const view = decideFrom(read.value, caseId, purpose, request);
      if (view === undefined) {
        return refused({
          code: 'CASE_NOT_FOUND',
          rule: 'SERVICE',
          message: text(`Die Akte „${caseId}“ gibt es nicht.`, `There is no case "${caseId}".`),
        });
      }
      return log(view, caseId, purpose);
    },
    observeCaseView(caseId, purpose, request = {}) {
      return {
        subscribe(
          observer: Observer<Result<CaseView> | undefined> | ((value: Result<CaseView> | undefined) => void),
        ): Unsubscribable {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          let chain = Promise.resolve();
          let lastHash: string | undefined | null = null;
          return store.observeJournal(caseId).subscribe({
            next: (journal) => {
              // Stores may re-emit without a change (another stream was written, e.g. this very access log):
              // a view is produced and logged only for a journal it has not shown yet.
              const hash = journal.at(-1)?.hash;
              if (hash === lastHash) return;
              lastHash = hash;
              // Views are verified (DP-44) and logged in order; the value is emitted once its log entry is written.
              chain = chain.then(async () => {
                const read = await service.readVerifiedJournal(caseId);
                if (!read.ok) return target.next(await log(read, caseId, purpose));
                const view = decideFrom(read.value, caseId, purpose, request);
                if (view === undefined) return target.next(undefined);
                target.next(await log(view, caseId, purpose));
              });
            },
            error: (error) => target.error?.(error),
          });
        },
      };
    },
    async readAccessLog(filter = {}) {
      const actor = service.currentActor();
      if (actor.role !== 'dataProtectionOfficer' && actor.role !== 'admin') {
        return refused(privacyRefusal('DENY_NOT_ASSIGNED', { rule: 'DP-28' }));
      }
      const journal = await store.readJournal(accessLogStreamId(actor.agencyId));
      const verdict = await verifyJournal(journal);
      if (!verdict.ok) return refused({ code: verdict.problem.code, rule: 'DP-38', message: verdict.problem.message });
      const entries = accessLogEntries(journal);
      return ok(filter.caseId === undefined ? entries : entries.filter((e) => e.caseId === filter.caseId));
    },
  };
}
