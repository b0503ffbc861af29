import {
  createCaseViews,
  ok,
  randomIds,
  systemClock,
  type Actor,
  type CaseDocuments,
  type CaseViews,
  type Result,
} from '@fallkit/core';
import { createSyncedDocuments } from '../content/synced-documents.js';
import { withCutViews } from '@fallkit/core/sync';
import { openDexieCaseStore, type DexieCaseStore, type EncryptionSecret } from '@fallkit/store-dexie';
import { createFetchTransport, type TokenSource } from '../transport/fetch-transport.js';
import type { SyncTransport } from '../transport/sync-transport.js';
import { createSyncClient, type SyncClient, type SyncClientOptions } from './create-sync-client.js';

/** Options of {@link openSyncedDevice}. */
export interface OpenSyncedDeviceOptions {
  /** The sync server's origin, e.g. `http://127.0.0.1:7300`. */
  readonly baseUrl: string;
  /** The access token of the signed-in person (the host's OIDC client; refreshed by it). */
  readonly token: TokenSource;
  /**
   * The local database name; one per person and tenant on a shared device (default
   * `fallkit-<tenant>-<actor id>`, from the server's `/me`).
   */
  readonly name?: string;
  /** How the local store is encrypted (DP-37): a host key or a passphrase; no default. */
  readonly encryption: EncryptionSecret;
  /** Another transport (tests); the fetch transport over `baseUrl` and `token` otherwise. */
  readonly transport?: SyncTransport;
  /** Further sync client options (timers, backoff, page size, onRevoked …). */
  readonly sync?: Partial<Omit<SyncClientOptions, 'store' | 'transport' | 'actor'>>;
}

/** What {@link openSyncedDevice} opened: hand `service` and `views` to `connectCaseService`, `sync` to the sync elements. */
export interface SyncedDevice {
  /** The actor as the server sees it: the local decisions are taken for the same person. */
  readonly actor: Actor;
  readonly tenantId: string;
  readonly store: DexieCaseStore;
  readonly sync: SyncClient;
  /** The synced case service (= `sync.service`). */
  readonly service: SyncClient['service'];
  /** The core's data-protected views over the synced service and the local store. */
  readonly views: CaseViews;
  /**
   * The documents of the case file (issue 22; hand them to `connectCaseService({ documents })`): filed here,
   * their bytes go up after the server applied the filing; opened here without the bytes, they are fetched
   * from the server through the actor's decided view there, checked and kept (see `createSyncedDocuments`).
   */
  readonly documents: CaseDocuments;
  /** Stops syncing and closes the databases (logout). */
  close(): void;
}

/**
 * The one call a host page makes to work synced: asks the server who the token's person is (`/me`),
 * opens that person's encrypted local store, creates the sync client and the core's views over it, and
 * starts syncing. Never throws: a refused `/me` (token missing, expired, unknown user …) or store
 * (wrong key, no IndexedDB …) comes back as the result.
 *
 * @example
 * const device = await openSyncedDevice({ baseUrl, token: () => oidc.accessToken, encryption: { key } });
 * if (!device.ok) showRefusal(device.errors[0]);
 * else {
 *   provider.service = connectCaseService({ service: device.value.service, views: device.value.views });
 *   statusElement.source = device.value.sync;
 *   conflictsElement.source = device.value.sync;
 * }
 */
export async function openSyncedDevice(options: OpenSyncedDeviceOptions): Promise<Result<SyncedDevice>> {
  const transport = options.transport ?? createFetchTransport({ baseUrl: options.baseUrl, token: options.token });
  if (transport.me === undefined)
    return {
      ok: false,
      errors: [
        {
          code: 'SYNC_ANSWER_MALFORMED',
          rule: 'SYNC',
          message: {
            de: 'Der Abgleich kann die angemeldete Person nicht erfragen.',
            en: 'The sync cannot ask who is signed in.',
          },
        },
      ],
    };
  const me = await transport.me();
  if (!me.ok) return me;
  const { actor, tenantId } = me.value;
  const name = options.name ?? `fallkit-${tenantId}-${actor.id}`;
  const opened = await openDexieCaseStore({ name, encryption: options.encryption });
  if (!opened.ok) return opened;
  const store = opened.value;
  const clock = options.sync?.clock ?? systemClock;
  const ids = options.sync?.ids ?? randomIds;
  const sync = createSyncClient({ ...options.sync, store, transport, actor, clock, ids });
  // A case held as a journal cut reads as the server's decided view (issue 15); every other one is decided here.
  const views = withCutViews({
    views: createCaseViews({ service: sync.service, store, clock, ids }),
    cuts: sync.cuts,
    store,
    clock,
    // DP-28: a read of a cut case is logged as the actor's own, into the agency's log on this device.
    accessLog: { store, ids, actor: () => sync.service.currentActor() },
  });
  const documents = createSyncedDocuments({ service: sync.service, views, store, transport });
  sync.start();
  return ok({
    documents,
    actor,
    tenantId,
    store,
    sync,
    service: sync.service,
    views,
    close() {
      sync.close();
      store.close();
    },
  });
}
