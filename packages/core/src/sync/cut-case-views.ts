import type { Actor } from '../ports/actor.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { DataCategory } from '../model/record-meta.js';
import type { CaseState } from '../model/case-state.js';
import { appendAccessLog, type AccessLogEntry } from '../privacy/access-log/access-log.js';
import type {
  CaseConsents,
  CaseListOptions,
  CaseSearchRequest,
  CaseViewRequestOptions,
  CaseViews,
  WorklistInput,
} from '../privacy/view/case-views.js';
import { caseSearchQuerySchema, parseSearch, sortHits, type CaseSearchHit } from '../privacy/view/case-search.js';
import type { CaseView } from '../privacy/view/view-case.js';
import { visibleState } from '../privacy/view/visible-state.js';
import { worklistConsents, type WorklistConsent } from '../process/worklist.js';
import { ok, refused, type Result } from '../result/refusal.js';
import { DEFAULT_TIME_ZONE, localDate } from '../service/local-date.js';
import { matchesCaseQuery } from '../store/case-query.js';
import type { CaseIndexEntry, CaseStore, Observer, Subscribable, Unsubscribable } from '../store/case-store.js';
import { consentCategories, cutConsents, cutLogEntry, cutSearchHit } from './cut-channels.js';
import { cutHistory, cutIndexEntry, cutRefusal } from './cut-reader.js';
import { SYNC_PURPOSE } from './journal-cut.js';
import { matchesSearch } from '../privacy/view/case-search.js';

/** Where a device keeps the decided views of the cases it holds as cuts. */
export interface CutViewSource {
  /** The decided view of a case held as a cut; `undefined` for a case held whole or not at all. */
  view(caseId: string): Promise<CaseView | undefined>;
  /** Every decided view held. */
  list(): Promise<readonly CaseView[]>;
}

/** Options of {@link withCutViews}. */
export interface CutViewsOptions {
  /** The views of the cases the device holds whole (the core's `createCaseViews`). */
  readonly views: CaseViews;
  readonly cuts: CutViewSource;
  /**
   * The local store, whose journal changes say when a held view was replaced; `readJournal`, where given, lets
   * a cut case's history, consents and worklist consents be read from the cut's whole events (else those
   * channels go to `views`, which refuse a cut's journal).
   */
  readonly store: Pick<CaseStore, 'observeJournal'> & Partial<Pick<CaseStore, 'readJournal'>>;
  /** The clock and the organisation's time zone (default `Europe/Berlin`): the rows of cut cases are of its local date. */
  readonly clock: Clock;
  readonly timeZone?: string;
  /**
   * The device's access log (DP-28): every read of a cut case is logged as the core's views log theirs, into
   * the actor's agency's log on the local store (the sync client sends it to the server). A read that cannot
   * be logged is not shown. Absent: cut reads are not logged (a host that keeps no log on the device).
   */
  readonly accessLog?: {
    readonly store: CaseStore;
    readonly ids: IdGenerator;
    /** The actor of the device's views (the service's `currentActor`). */
    readonly actor: () => Actor;
  };
}

/** The held view for a read: only for the purpose it was decided for (DP-24). */
function heldFor(view: CaseView, purpose: string): Result<CaseView> {
  return purpose === view.purpose ? ok(view) : refused(cutRefusal('SYNC_CUT_PURPOSE', purpose));
}

/** Categories of a list row as shown: legal domains are `benefits` data (the core's list logs the same). */
function rowCategories(row: CaseIndexEntry): DataCategory[] {
  return row.legalDomains.length > 0 ? ['benefits'] : [];
}

/**
 * The case views of a synced device: a case the device holds as a cut reads as the server's decided view
 * (for `SYNC_PURPOSE`; another purpose is refused with `SYNC_CUT_PURPOSE`, since nothing else was decided):
 * its view, list row, history, consents, search hit and worklist case come from that decision and the cut's
 * whole events (see `cut-channels.ts`); every other case, and every other channel, is the core's own views
 * over the local store. The device shows no more than the server's decision allowed (DP-24), and logs each
 * read of a cut case as the actor's own (DP-28) when `accessLog` is given.
 */
export function withCutViews(options: CutViewsOptions): CaseViews {
  const { views, cuts, store } = options;
  const today = () => localDate(options.clock.now(), options.timeZone ?? DEFAULT_TIME_ZONE);

  /** Writes the entries first; a read that cannot be logged is not shown (DP-28), as the core's views do. */
  async function logged<T>(
    entries: (actor: Actor, at: string) => AccessLogEntry[],
    value: Result<T>,
  ): Promise<Result<T>> {
    const log = options.accessLog;
    if (log === undefined || !value.ok) return value;
    const actor = log.actor();
    // Each entry carries its own id: the sync client uploads the device's log, the server records an id once.
    const list = entries(actor, options.clock.now()).map((entry) => ({ ...entry, entryId: log.ids.next('access') }));
    if (list.length === 0) return value;
    const appended = await appendAccessLog({ store: log.store, clock: options.clock, ids: log.ids }, actor, list);
    return appended.ok ? value : appended;
  }

  /** The held views of the cut cases a list for `list` shows, with their rows (for `SYNC_PURPOSE` only). */
  async function cutRows(list: CaseListOptions | undefined): Promise<{ row: CaseIndexEntry; view: CaseView }[]> {
    const purpose = list?.purpose ?? SYNC_PURPOSE;
    if (purpose !== SYNC_PURPOSE) return [];
    const day = today();
    const rows = (await cuts.list())
      .filter((view) => view.restriction?.code !== 'ERASED')
      .map((view) => ({ row: cutIndexEntry(view, day), view }));
    return list?.query === undefined ? rows : rows.filter(({ row }) => matchesCaseQuery(row, list.query!));
  }

  function merged(rows: CaseIndexEntry[], extra: readonly CaseIndexEntry[]): CaseIndexEntry[] {
    const known = new Set(extra.map((r) => r.caseId));
    return [...rows.filter((r) => !known.has(r.caseId)), ...extra];
  }

  async function listWithCuts(list: CaseListOptions | undefined, rows: CaseIndexEntry[]) {
    const extra = await cutRows(list);
    return logged(
      (actor, at) =>
        extra.map(({ row, view }) =>
          cutLogEntry(actor, view, 'caseList', at, { categories: rowCategories(row), redacted: 0 }),
        ),
      ok(
        merged(
          rows,
          extra.map((e) => e.row),
        ),
      ),
    );
  }

  async function viewHeld(held: CaseView, purpose: string): Promise<Result<CaseView>> {
    return logged((actor, at) => [cutLogEntry(actor, held, 'view', at)], heldFor(held, purpose));
  }

  return {
    ...views,
    async viewCase(caseId, purpose, request?: CaseViewRequestOptions) {
      const held = await cuts.view(caseId);
      return held === undefined ? views.viewCase(caseId, purpose, request) : viewHeld(held, purpose);
    },
    observeCaseView(caseId, purpose, request?: CaseViewRequestOptions) {
      return {
        subscribe(observer: Observer<Result<CaseView> | undefined> | ((value: Result<CaseView> | undefined) => void)) {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          let inner: Unsubscribable | undefined;
          let chain = Promise.resolve();
          let closed = false;
          let shownSeq: number | undefined;
          const outer = store.observeJournal(caseId).subscribe({
            next: () => {
              chain = chain
                .then(async () => {
                  const held = await cuts.view(caseId);
                  if (closed) return;
                  if (held !== undefined) {
                    inner?.unsubscribe();
                    inner = undefined;
                    // Stores re-emit on other streams' writes (this very access log): a held view is shown and
                    // logged once per head, as the core's live view does.
                    const seq = held.case['lastSeq'] as number;
                    if (seq === shownSeq) return;
                    shownSeq = seq;
                    target.next(await viewHeld(held, purpose));
                  } else {
                    shownSeq = undefined;
                    inner ??= views.observeCaseView(caseId, purpose, request).subscribe(target);
                  }
                })
                .catch((error: unknown) => target.error?.(error));
            },
            error: (error) => target.error?.(error),
          });
          return {
            unsubscribe() {
              closed = true;
              outer.unsubscribe();
              inner?.unsubscribe();
            },
          };
        },
      };
    },
    async history(caseId, purpose) {
      const held = await cuts.view(caseId);
      if (held === undefined || store.readJournal === undefined) return views.history(caseId, purpose);
      const decided = heldFor(held, purpose);
      if (!decided.ok) return decided;
      const history = cutHistory(held, await store.readJournal(caseId));
      return logged(
        (actor, at) => [cutLogEntry(actor, held, 'history', at, { categories: [], redacted: 0 })],
        ok(history),
      );
    },
    async consents(caseId, purpose): Promise<Result<CaseConsents>> {
      const held = await cuts.view(caseId);
      if (held === undefined || store.readJournal === undefined) return views.consents(caseId, purpose);
      const decided = heldFor(held, purpose);
      if (!decided.ok) return decided;
      const consents = cutConsents(held, await store.readJournal(caseId));
      return logged(
        (actor, at) => [
          cutLogEntry(actor, held, 'consents', at, { categories: consentCategories(consents), redacted: 0 }),
        ],
        ok(consents),
      );
    },
    async caseList(list?: CaseListOptions) {
      const rows = await views.caseList(list);
      return rows.ok ? listWithCuts(list, rows.value) : rows;
    },
    observeCaseList(list?: CaseListOptions): Subscribable<Result<CaseIndexEntry[]>> {
      return {
        subscribe(observer: Observer<Result<CaseIndexEntry[]>> | ((value: Result<CaseIndexEntry[]>) => void)) {
          const target = typeof observer === 'function' ? { next: observer } : observer;
          let chain = Promise.resolve();
          return views.observeCaseList(list).subscribe({
            next: (rows) => {
              chain = chain
                .then(async () => target.next(rows.ok ? await listWithCuts(list, rows.value) : rows))
                .catch((error: unknown) => target.error?.(error));
            },
            error: (error) => target.error?.(error),
          });
        },
      };
    },
    async searchCases(request: CaseSearchRequest): Promise<Result<CaseSearchHit[]>> {
      const local = await views.searchCases(request);
      if (!local.ok) return local;
      const query = parseSearch(caseSearchQuerySchema, request.query);
      if (!query.ok) return query;
      const day = today();
      const held = (await cutRows({ purpose: request.purpose ?? SYNC_PURPOSE }))
        .map(({ row, view }) => ({ hit: cutSearchHit(view, row, day), view }))
        .filter(({ hit }) => matchesSearch(hit, query.value, day));
      const known = new Set(held.map(({ hit }) => hit.row.caseId));
      const all = sortHits(
        [...local.value.filter((hit) => !known.has(hit.row.caseId)), ...held.map(({ hit }) => hit)],
        query.value.sort,
      ).slice(0, query.value.limit ?? 100);
      const shown = new Set(all.map((hit) => hit.row.caseId));
      return logged(
        (actor, at) =>
          held
            .filter(({ hit }) => shown.has(hit.row.caseId))
            .map(({ hit, view }) =>
              cutLogEntry(actor, view, 'search', at, {
                categories: [...rowCategories(hit.row), ...(hit.name === undefined ? [] : (['identity'] as const))],
                redacted: 0,
              }),
            ),
        ok(all),
      );
    },
    async worklistInput(list?: CaseListOptions): Promise<Result<WorklistInput>> {
      const local = await views.worklistInput(list);
      if (!local.ok || store.readJournal === undefined) return local;
      const extra = await cutRows(list);
      const known = new Set(extra.map(({ view }) => view.caseId));
      const cases: CaseState[] = local.value.cases.filter((c) => !known.has(c.caseId));
      const consents: Record<string, readonly WorklistConsent[]> = { ...local.value.consents };
      for (const { view } of extra) {
        cases.push(visibleState(view));
        consents[view.caseId] = worklistConsents(cutConsents(view, await store.readJournal(view.caseId)));
      }
      return logged(
        (actor, at) => extra.map(({ view }) => cutLogEntry(actor, view, 'worklist', at)),
        ok({ cases, consents }),
      );
    },
  };
}
