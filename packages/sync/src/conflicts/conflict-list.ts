import type { Refusal } from '@fallkit/core';
import type { ReceivedEvent } from '../protocol/sync-protocol.js';
import type { ConflictRow, ConflictStatus, SyncDexie } from '../database/sync-database.js';
import { openRow, sealRow, type CompanionSealer } from '../outbox/sealing.js';
import type { QueuedBatch } from '../outbox/outbox.js';

/** How a kept conflict was resolved, recorded with it. */
export interface ConflictResolution {
  readonly status: Exclude<ConflictStatus, 'open'>;
  readonly at: string;
  /** Who resolved it (the actor id of this device's person). */
  readonly by: string;
  /** Why the own change was discarded (required for a discard). */
  readonly reason?: string;
  /** The new command id a re-applied change was queued under. */
  readonly reappliedAs?: string;
}

/**
 * A command the server did not take as it was: a conflict (another writer changed the same thing since
 * the command's base) or a refusal (the server's core decided against it). It stays in the list, visible,
 * until a person re-applies it on top of the other change or discards it with a reason; nothing is
 * rolled back or overwritten silently.
 */
export interface SyncConflict {
  readonly id: string;
  readonly caseId: string;
  readonly commandId: string;
  readonly kind: 'conflict' | 'refused';
  readonly status: ConflictStatus;
  readonly createdAt: string;
  /** The own command, as it was decided on this device. */
  readonly mine: QueuedBatch;
  readonly baseSeq: number;
  /** What the other writer appended since the base (decided events, as this actor may see them). */
  readonly theirs: readonly ReceivedEvent[];
  /** The server's refusals (for `refused`, and any it gave with a conflict). */
  readonly errors: readonly Refusal[];
  readonly resolution?: ConflictResolution;
}

/** The sealed part of a conflict row. */
interface ConflictContent {
  readonly mine: QueuedBatch;
  readonly baseSeq: number;
  readonly theirs: readonly ReceivedEvent[];
  readonly errors: readonly Refusal[];
  readonly resolution?: ConflictResolution;
}

/** The conflict list in IndexedDB, sealed like the outbox. Resolved entries are kept with their resolution (the record). */
export class ConflictList {
  readonly #db: SyncDexie;
  readonly #sealer: CompanionSealer;

  constructor(db: SyncDexie, sealer: CompanionSealer) {
    this.#db = db;
    this.#sealer = sealer;
  }

  /** Keeps a conflict or refusal of a pushed command. */
  async add(entry: Omit<SyncConflict, 'id' | 'status' | 'resolution'>): Promise<SyncConflict> {
    const id = `conflict-${entry.commandId}`;
    const content: ConflictContent = {
      mine: entry.mine,
      baseSeq: entry.baseSeq,
      theirs: entry.theirs,
      errors: entry.errors,
    };
    const row: ConflictRow = {
      id,
      caseId: entry.caseId,
      commandId: entry.commandId,
      status: 'open',
      kind: entry.kind,
      createdAt: entry.createdAt,
      ...(await sealRow(this.#sealer, content)),
    };
    await this.#db.conflicts.put(row);
    return { ...entry, id, status: 'open' };
  }

  /** The conflicts (open ones only, unless `all`), oldest first. */
  async list(options: { all?: boolean } = {}): Promise<SyncConflict[]> {
    const rows = options.all
      ? await this.#db.conflicts.toArray()
      : await this.#db.conflicts.where('status').equals('open').toArray();
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const opened: SyncConflict[] = [];
    for (const row of rows) {
      const conflict = await this.#open(row);
      if (conflict !== undefined) opened.push(conflict);
    }
    return opened;
  }

  /** One conflict, or `undefined`. */
  async get(id: string): Promise<SyncConflict | undefined> {
    const row = await this.#db.conflicts.get(id);
    return row === undefined ? undefined : this.#open(row);
  }

  /** How many wait for a person (needs no key). */
  openCount(): Promise<number> {
    return this.#db.conflicts.where('status').equals('open').count();
  }

  /** Records how a conflict was resolved; it stays in the database as the record of that decision. */
  async resolve(id: string, resolution: ConflictResolution): Promise<void> {
    const conflict = await this.get(id);
    if (conflict === undefined) return;
    const content: ConflictContent = {
      mine: conflict.mine,
      baseSeq: conflict.baseSeq,
      theirs: conflict.theirs,
      errors: conflict.errors,
      resolution,
    };
    await this.#db.conflicts.update(id, {
      status: resolution.status,
      resolvedAt: resolution.at,
      ...(await sealRow(this.#sealer, content)),
    });
  }

  /** Deletes every conflict of a case (access to it ended). Returns how many. */
  removeCase(caseId: string): Promise<number> {
    return this.#db.conflicts.where('caseId').equals(caseId).delete();
  }

  async #open(row: ConflictRow): Promise<SyncConflict | undefined> {
    const content = await openRow<ConflictContent>(this.#sealer, row);
    if (content === undefined) return undefined;
    return {
      id: row.id,
      caseId: row.caseId,
      commandId: row.commandId,
      kind: row.kind,
      status: row.status,
      createdAt: row.createdAt,
      mine: content.mine,
      baseSeq: content.baseSeq,
      theirs: content.theirs,
      errors: content.errors,
      ...(content.resolution === undefined ? {} : { resolution: content.resolution }),
    };
  }
}
