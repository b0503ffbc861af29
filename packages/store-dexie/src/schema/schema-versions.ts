import Dexie, { type Table } from 'dexie';
import type { JournalSealRecord } from '@fallkit/core';
import type { CaseKeyRow, CaseRow, ContentRow, EventRow, MetaRow } from './rows.js';
import { INDEX_STALE_META_KEY } from './rows.js';

/**
 * Version 1 of the store schema, kept as history: migrations are tested against a database created
 * with exactly this definition. Never change it.
 */
export const SCHEMA_V1 = {
  events: '[caseId+seq]',
  cases: 'caseId, status, stage, leadAgencyId, *caseManagerIds, *legalDomains, nextDueDate',
  meta: 'key',
} as const;

/**
 * Version 2: per-case keys for crypto-shredding (`keys`), a unique index on event
 * ids (idempotent sync and import), and a multi-entry index on the case flags (DP-26, DP-31).
 */
export const SCHEMA_V2 = {
  events: '[caseId+seq], &id',
  cases: 'caseId, status, stage, leadAgencyId, *caseManagerIds, *legalDomains, nextDueDate, *flags',
  meta: 'key',
  keys: 'caseId',
} as const;

/**
 * Version 3: an index on the events' `commandId`, so an append can refuse a command that was stored
 * before and the service can find a retried command's original events (idempotency).
 */
export const SCHEMA_V3 = {
  events: '[caseId+seq], &id, commandId',
  cases: 'caseId, status, stage, leadAgencyId, *caseManagerIds, *legalDomains, nextDueDate, *flags',
  meta: 'key',
  keys: 'caseId',
} as const;

/**
 * Version 4: the latest seal of every stream (DP-44), written in the same transaction as the append it
 * seals.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, seals: 'caseId' } as const;

/** Version 5, the current one: documents' content under `[caseId+hash]` (issue 22). */
export const SCHEMA_V5 = { ...SCHEMA_V4, contents: '[caseId+hash]' } as const;

/** The schema version this code writes. */
export const STORE_SCHEMA_VERSION = 5;

/** The Dexie database of one Fallkit store. */
export type FallkitDexie = Dexie & {
  events: Table<EventRow, [string, number]>;
  cases: Table<CaseRow, string>;
  meta: Table<MetaRow, string>;
  keys: Table<CaseKeyRow, string>;
  seals: Table<JournalSealRecord, string>;
  contents: Table<ContentRow, [string, string]>;
};

/**
 * Declares every schema version on a Dexie instance, oldest first, with the upgrade steps between
 * them. The v1 → v2 step gives old index rows an empty `flags` list and marks the index stale: v1 did
 * not record flags, so the host should rebuild the index from the journals (`rebuildIndex`).
 */
export function declareSchema(db: Dexie): FallkitDexie {
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table('cases')
        .toCollection()
        .modify((row: { flags?: unknown }) => {
          if (!Array.isArray(row.flags)) row.flags = [];
        });
      await tx.table('meta').put({ key: INDEX_STALE_META_KEY, since: 1 });
    });
  // Only adds an index: events written before it have no commandId and are simply not in it.
  db.version(3).stores(SCHEMA_V3);
  // Journals of an older database have no seal: with a seal configured they are refused with
  // JOURNAL_SEAL_MISSING rather than sealed silently by an upgrade (docs/store.md, "Seals").
  db.version(4).stores(SCHEMA_V4);
  // Only adds a table: a database from before has no documents.
  db.version(5).stores(SCHEMA_V5);
  return db as FallkitDexie;
}
