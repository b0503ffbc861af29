import type { Actor, ActorSource, CaseServiceOptions, Result, Subscribable } from '@fallkit/core';
import type { DexieCaseStore } from '@fallkit/store-dexie';
import { openSyncDatabase, syncDatabaseName, type SyncDexie } from '../database/sync-database.js';
import { Outbox } from '../outbox/outbox.js';
import { ConflictList, type SyncConflict } from '../conflicts/conflict-list.js';
import { CutViews } from '../cuts/cut-views.js';
import { createSyncedCaseService, type SyncedCaseService } from '../service/synced-case-service.js';
import { SyncEngine, type SyncEngineOptions, type SyncRound } from '../loop/sync-engine.js';
import type { SyncStatus } from '../loop/sync-status.js';
import type { SyncTransport } from '../transport/sync-transport.js';
import type { HeadKeySet } from '@fallkit/core/sync';
import { ServerKeys } from '../keys/server-keys.js';
import { ContentUploads } from '../content/content-uploads.js';

/** Options of {@link createSyncClient}. */
export interface SyncClientOptions
  extends
    Omit<CaseServiceOptions, 'store'>,
    Pick<SyncEngineOptions, 'intervalMs' | 'backoff' | 'pageLimit' | 'timers' | 'checkJournal' | 'onRevoked'> {
  /** The local store (opened with `openDexieCaseStore`, encrypted): the outbox and conflicts are sealed with its key. */
  readonly store: DexieCaseStore;
  /** How to reach the server: `createFetchTransport({ baseUrl, token })`, or a fake in tests. */
  readonly transport: SyncTransport;
  /** The sync database name (default `<store name>-sync`). */
  readonly name?: string;
  /** The IndexedDB factory (default `globalThis.indexedDB`). */
  readonly indexedDB?: IDBFactory;
  /**
   * The server's public head keys, pinned by the host (its configuration): only these verify. Absent: they are
   * fetched from the server (`transport.keys`) and kept. Either way every received journal is checked (DP-44).
   */
  readonly serverKeys?: HeadKeySet;
}

/**
 * One device's sync: hand {@link SyncClient.service} to `createCaseViews` and `connectCaseService` in
 * place of the core's service, {@link SyncClient.status} to `<fk-sync-status>` and the client itself to
 * `<fk-sync-conflicts>`.
 */
export interface SyncClient {
  /** The case service: decides locally (offline too) and queues for the server. */
  readonly service: SyncedCaseService;
  /** Online/offline, pending count, conflicts, last synced, the error in words. */
  readonly status: Subscribable<SyncStatus>;
  /** The decided views of the cases held as journal cuts (issue 15): hand them to the core's `withCutViews`. */
  readonly cuts: CutViews;
  /** The sync database (diagnostics and tests). */
  readonly database: SyncDexie;
  /** Starts the loops (a round now, on reconnect, on live updates, on the timer). */
  start(): void;
  /** Stops the loops. */
  stop(): void;
  /** A push-and-pull round now. */
  syncNow(): Promise<Result<SyncRound>>;
  /** A person has read what the server refused for good (`status.setAside`): the status forgets it. */
  acknowledgeSetAside(): void;
  /** The conflicts waiting for a person (with `all`, the resolved ones too, with their resolution). */
  listConflicts(options?: { all?: boolean }): Promise<SyncConflict[]>;
  /** The open conflicts, live: emits on subscribe and after every change of the list. */
  readonly conflicts: Subscribable<readonly SyncConflict[]>;
  /** Re-applies the own side of a conflict on top of the other change (a new command, queued). */
  reapply(conflictId: string): Promise<Result<{ commandId: string }>>;
  /** Discards the own side of a conflict; the reason is required and recorded. */
  discard(conflictId: string, reason: string): Promise<Result<void>>;
  /** Stops and closes the sync database (the store stays open: it is the host's). */
  close(): void;
}

function actorSource(actor: Actor | ActorSource): ActorSource {
  return 'current' in actor ? actor : { current: () => actor };
}

/**
 * Creates the sync client of one device around its local Dexie store.
 *
 * @example
 * const opened = await openDexieCaseStore({ name: 'fallkit-kim', encryption: { key } });
 * const sync = createSyncClient({
 *   store: opened.value, clock: systemClock, ids: new RandomIds(), actor,
 *   transport: createFetchTransport({ baseUrl: 'http://127.0.0.1:7300', token: () => oidc.accessToken }),
 * });
 * const views = createCaseViews({ service: sync.service, store: opened.value, clock, ids });
 * provider.service = connectCaseService({ service: sync.service, views });
 * statusElement.source = sync; conflictsElement.source = sync;
 * sync.start();
 */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { store, transport } = options;
  const db = openSyncDatabase(options.name ?? syncDatabaseName(store.database.name), {
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
  });
  const outbox = new Outbox(db, store);
  const conflictList = new ConflictList(db, store);
  const cuts = new CutViews(db, store);
  const uploads = new ContentUploads(db, store);
  const actor = actorSource(options.actor);
  // The service tells the engine about queued commands; the engine needs the service: a late binding.
  const queued = { notify: (): void => undefined };
  const service = createSyncedCaseService({ ...options, outbox, cuts, onQueued: () => queued.notify() });
  const keys = new ServerKeys({
    db,
    ...(transport.keys === undefined ? {} : { fetchKeys: () => transport.keys!() }),
    ...(options.serverKeys === undefined ? {} : { pinned: options.serverKeys }),
    now: () => Date.parse(options.clock.now()),
  });
  const engine = new SyncEngine({
    keys,
    store,
    db,
    outbox,
    conflicts: conflictList,
    transport,
    service,
    actor,
    cuts,
    uploads,
    content: store,
    accessLog: store,
    now: () => options.clock.now(),
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.pageLimit === undefined ? {} : { pageLimit: options.pageLimit }),
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    ...(options.checkJournal === undefined ? {} : { checkJournal: options.checkJournal }),
    ...(options.onRevoked === undefined ? {} : { onRevoked: options.onRevoked }),
  });
  const running = engine;
  let started = false;
  queued.notify = () => {
    void running.refreshStatus().catch(() => undefined);
    if (started) void running.syncNow();
  };
  void running.refreshStatus().catch(() => undefined);

  const conflicts: Subscribable<readonly SyncConflict[]> = {
    subscribe(observer) {
      const target = typeof observer === 'function' ? { next: observer } : observer;
      let last = -1;
      let closed = false;
      // The list changes with the status counters: re-read it when they move.
      const watch = running.status.subscribe((status) => {
        const key = status.conflicts * 1_000_003 + status.pending;
        if (key === last) return;
        last = key;
        void conflictList.list().then(
          (list) => !closed && target.next(list),
          (error: unknown) => target.error?.(error),
        );
      });
      return {
        unsubscribe() {
          closed = true;
          watch.unsubscribe();
        },
      };
    },
  };

  return {
    service,
    cuts,
    status: running.status,
    database: db,
    conflicts,
    start() {
      started = true;
      running.start();
    },
    stop() {
      started = false;
      running.stop();
    },
    syncNow: () => running.syncNow(),
    acknowledgeSetAside: () => running.acknowledgeSetAside(),
    listConflicts: (listOptions) => running.listConflicts(listOptions),
    reapply: (id) => running.reapply(id),
    discard: (id, reason) => running.discard(id, reason),
    close() {
      started = false;
      running.stop();
      db.close();
    },
  };
}
