import Dexie, { type Table } from 'dexie';
import type { SealedBox } from '../schema/rows.js';

/**
 * A stored draft. With an encrypted store the value is sealed under the store's master key
 * (`sealed`, DP-37); with an unencrypted one it is kept as it is (`value`). The key and its scope
 * (a case id) stay in clear so drafts can be found and deleted without the key.
 */
export interface DraftRow {
  readonly key: string;
  readonly scope: string;
  /** When the draft was last kept (ISO timestamp, for diagnostics and clean-up). */
  readonly savedAt: string;
  readonly sealed?: SealedBox;
  readonly value?: unknown;
}

/**
 * Version 1 of the drafts database. It is a database of its own (`<store name>-drafts`), so the
 * store's schema and its migrations are not touched by drafts.
 */
export const DRAFTS_SCHEMA_V1 = { drafts: 'key, scope' } as const;

/** The Dexie database holding one store's drafts. */
export type DraftsDexie = Dexie & { drafts: Table<DraftRow, string> };

/** The name of the drafts database belonging to a store database. */
export function draftsDatabaseName(storeName: string): string {
  return `${storeName}-drafts`;
}

/** Declares the drafts schema on a Dexie instance. */
export function declareDraftsSchema(db: Dexie): DraftsDexie {
  db.version(1).stores(DRAFTS_SCHEMA_V1);
  return db as DraftsDexie;
}
