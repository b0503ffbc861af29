import Dexie, { type Table } from 'dexie';
import type { SealedBox } from '../outbox/sealing.js';

/**
 * A queued command. The command itself (case text) is sealed under the store's master key when the
 * store is encrypted (`sealed`, DP-37); ids, order and counters stay in clear, so the queue can be
 * counted, ordered and cleared without the key. Without encryption the command is kept as it is (`plain`).
 */
export interface OutboxRow {
  /** Queue order (auto-increment): commands are pushed in the order they were decided. */
  readonly order?: number;
  readonly commandId: string;
  readonly caseId: string;
  /**
   * The server's journal position the command was decided on (the part of the local journal that is the
   * server's, up to the local head before the command); rows queued before `after` existed hold the local head.
   */
  readonly baseSeq: number;
  /** The device's own earlier commands on the case the command was decided on top of (ids only, see `pushEntrySchema`). */
  readonly after?: readonly string[];
  readonly queuedAt: string;
  /** How many pushes of this command failed without an answer (network, server error). */
  readonly attempts: number;
  readonly sealed?: SealedBox;
  readonly plain?: unknown;
}

/** Whether a kept conflict is still waiting for a person, or how it was resolved. */
export type ConflictStatus = 'open' | 'reapplied' | 'discarded';

/** A kept conflict or refusal; its content (mine, theirs, the refusals, the reason) is sealed like the outbox. */
export interface ConflictRow {
  readonly id: string;
  readonly caseId: string;
  readonly commandId: string;
  readonly status: ConflictStatus;
  readonly kind: 'conflict' | 'refused';
  readonly createdAt: string;
  readonly resolvedAt?: string;
  readonly sealed?: SealedBox;
  readonly plain?: unknown;
}

/** The last event of a case as the server sent it: the part of the local journal that is the server's. */
export interface ServerHeadRow {
  readonly caseId: string;
  readonly seq: number;
  readonly hash: string;
  /** The server's Ed25519 signature of this head (`SignedHead`, public data), kept as the proof it was checked against. */
  readonly signedHead?: unknown;
}

/** Key of the meta row with the feed position the next pull starts after. */
export const CURSOR_KEY = 'cursor';
/** Key of the meta row with the time of the last complete sync. */
export const LAST_SYNCED_KEY = 'lastSynced';

/** Key of the meta row with the server's public head keys (a JWKS: public data, in clear). */
export const SERVER_KEYS_KEY = 'serverKeys';

/** Key of the meta row with the last event of the device's access log already uploaded (issue 15, DP-28). */
export const ACCESS_LOG_CURSOR_KEY = 'accessLogUploaded';

/** A row of the sync meta table. */
export type SyncMetaRow =
  | { readonly key: typeof ACCESS_LOG_CURSOR_KEY; readonly seq: number }
  | { readonly key: typeof CURSOR_KEY; readonly position: number }
  | { readonly key: typeof LAST_SYNCED_KEY; readonly at: string }
  | { readonly key: typeof SERVER_KEYS_KEY; readonly jwks: unknown; readonly at: string };

/** Version 1 of the sync database: a database of its own beside the store, so the store's schema is untouched. */
export const SYNC_SCHEMA_V1 = {
  outbox: '++order, &commandId, caseId',
  conflicts: 'id, caseId, status, commandId',
  heads: 'caseId',
  meta: 'key',
} as const;

/**
 * A case the device holds as a journal cut (issue 15): the server's decided view of it, sealed like the
 * outbox (DP-37); the case id and the head it was decided at stay in clear.
 */
export interface CutViewRow {
  readonly caseId: string;
  readonly seq: number;
  /** The device's own commands on the case the server applied (up to `seq` of the journal) and the cut does not hold yet. */
  readonly own?: readonly { readonly commandId: string; readonly seq: number }[];
  readonly sealed?: SealedBox;
  readonly plain?: unknown;
}

/** Version 2: the decided views of the cases held as cuts. */
export const SYNC_SCHEMA_V2 = { ...SYNC_SCHEMA_V1, cuts: 'caseId' } as const;

/**
 * A document's content waiting to go up (issue 22): the server applied the `attachDocument` that filed it, the
 * bytes are in the store's content table and go up with `PUT …/documents/content/:sha256`. The hash and size are
 * sealed like the outbox (a document's hash is not left in clear); the id (`<commandId>#<n>`), case and counters are.
 */
export interface UploadRow {
  /** `<commandId>#<n>`: the n-th document the command filed, so a repeated answer adds no second row. */
  readonly id: string;
  readonly caseId: string;
  readonly commandId: string;
  readonly queuedAt: string;
  /** How many upload rounds found no bytes or no answer yet. */
  readonly attempts: number;
  readonly sealed?: SealedBox;
  readonly plain?: unknown;
}

/** Version 3: documents' content waiting to be uploaded. */
export const SYNC_SCHEMA_V3 = { ...SYNC_SCHEMA_V2, uploads: 'id, caseId' } as const;

/** The Dexie database of one store's sync state. */
export type SyncDexie = Dexie & {
  uploads: Table<UploadRow, string>;
  outbox: Table<OutboxRow, number>;
  conflicts: Table<ConflictRow, string>;
  heads: Table<ServerHeadRow, string>;
  meta: Table<SyncMetaRow, string>;
  cuts: Table<CutViewRow, string>;
};

/** The name of the sync database belonging to a store database. */
export function syncDatabaseName(storeName: string): string {
  return `${storeName}-sync`;
}

/** Opens (lazily, on first use) the sync database. */
export function openSyncDatabase(
  name: string,
  options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): SyncDexie {
  const db = new Dexie(name, {
    indexedDB: options.indexedDB ?? globalThis.indexedDB,
    IDBKeyRange: options.IDBKeyRange ?? globalThis.IDBKeyRange,
  });
  db.version(1).stores(SYNC_SCHEMA_V1);
  db.version(2).stores(SYNC_SCHEMA_V2);
  db.version(3).stores(SYNC_SCHEMA_V3);
  return db as SyncDexie;
}
