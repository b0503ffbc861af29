import type { SyncDexie, OutboxRow } from '../database/sync-database.js';
import { openRow, sealRow, type CompanionSealer } from './sealing.js';

/** A command batch as the local service decided it: one case, one or more commands (the core's `CommandBatch` without its ids). */
export interface QueuedBatch {
  readonly caseId: string;
  readonly commands: readonly unknown[];
}

/** A command waiting in the outbox, opened. */
export interface QueuedCommand {
  readonly order: number;
  readonly commandId: string;
  readonly caseId: string;
  readonly baseSeq: number;
  /** The own earlier commands it was decided on top of (see `pushEntrySchema`); absent on rows queued before. */
  readonly after?: readonly string[];
  readonly queuedAt: string;
  readonly attempts: number;
  readonly batch: QueuedBatch;
}

/**
 * The outbox: commands decided locally and not yet answered by the server, in IndexedDB so they survive
 * a reload, a crash and a closed laptop. Each keeps its `commandId` (the server applies a repeat once
 * and answers the stored outcome) and its `baseSeq`. The batches are sealed under the store's master
 * key when the store is encrypted: the raw database holds no plaintext of a queued command.
 */
export class Outbox {
  readonly #db: SyncDexie;
  readonly #sealer: CompanionSealer;

  constructor(db: SyncDexie, sealer: CompanionSealer) {
    this.#db = db;
    this.#sealer = sealer;
  }

  /**
   * Queues a batch; a second add of the same `commandId` keeps the first (the command is the same
   * decision) and answers `false`, so the caller never takes out an entry it did not put in.
   */
  async add(entry: {
    commandId: string;
    baseSeq: number;
    after?: readonly string[];
    batch: QueuedBatch;
    queuedAt: string;
  }): Promise<boolean> {
    const row: OutboxRow = {
      commandId: entry.commandId,
      caseId: entry.batch.caseId,
      baseSeq: entry.baseSeq,
      ...(entry.after === undefined ? {} : { after: [...entry.after] }),
      queuedAt: entry.queuedAt,
      attempts: 0,
      ...(await sealRow(this.#sealer, entry.batch)),
    };
    return this.#db.transaction('rw', this.#db.outbox, async () => {
      if ((await this.#db.outbox.where('commandId').equals(entry.commandId).count()) > 0) return false;
      await this.#db.outbox.add(row);
      return true;
    });
  }

  /** How many commands wait (needs no key). */
  count(): Promise<number> {
    return this.#db.outbox.count();
  }

  /** The first `limit` commands in queue order, opened (needs the key). */
  async peek(limit: number): Promise<QueuedCommand[]> {
    return this.#openAll(await this.#db.outbox.orderBy('order').limit(limit).toArray());
  }

  /** The waiting commands of one case, in order. */
  async forCase(caseId: string): Promise<QueuedCommand[]> {
    return this.#openAll(await this.#db.outbox.where('caseId').equals(caseId).sortBy('order'));
  }

  /** The ids of the waiting commands of one case, in order (ids are in clear: needs no key). */
  async pendingIds(caseId: string): Promise<string[]> {
    return (await this.#db.outbox.where('caseId').equals(caseId).sortBy('order')).map((row) => row.commandId);
  }

  /** The last journal position of a case the device holds as the server sent it (0 for none). */
  async serverSeq(caseId: string): Promise<number> {
    return (await this.#db.heads.get(caseId))?.seq ?? 0;
  }

  /** Removes a command the server answered (applied, replayed, or moved to the conflict list). */
  async remove(commandId: string): Promise<void> {
    await this.#db.outbox.where('commandId').equals(commandId).delete();
  }

  /** Counts a push of these commands that got no answer. */
  async countAttempt(commandIds: readonly string[]): Promise<void> {
    await this.#db.outbox
      .where('commandId')
      .anyOf([...commandIds])
      .modify((row: { attempts: number }) => {
        row.attempts += 1;
      });
  }

  /** Removes every queued command of a case (access to it ended: the device keeps nothing of it). Returns how many. */
  removeCase(caseId: string): Promise<number> {
    return this.#db.outbox.where('caseId').equals(caseId).delete();
  }

  async #openAll(rows: readonly OutboxRow[]): Promise<QueuedCommand[]> {
    const opened: QueuedCommand[] = [];
    for (const row of rows) {
      const batch = await openRow<QueuedBatch>(this.#sealer, row);
      // A row this store cannot open was not written by it: it is not pushed as anyone's command.
      if (batch === undefined) continue;
      opened.push({
        order: row.order!,
        commandId: row.commandId,
        caseId: row.caseId,
        baseSeq: row.baseSeq,
        ...(row.after === undefined ? {} : { after: row.after }),
        queuedAt: row.queuedAt,
        attempts: row.attempts,
        batch,
      });
    }
    return opened;
  }
}
