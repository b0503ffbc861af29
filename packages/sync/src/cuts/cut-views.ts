import type { CaseView } from '@fallkit/core';
import type { CutViewSource } from '@fallkit/core/sync';
import type { SyncDexie } from '../database/sync-database.js';
import { openRow, sealRow, type CompanionSealer } from '../outbox/sealing.js';

/**
 * The decided views of the cases this device holds as journal cuts (issue 15), sealed under the store's
 * key (DP-37). Written by the sync engine after `acceptCut` verified the cut, removed when the case
 * arrives whole or is revoked. The core's `withCutViews` reads them.
 */
export class CutViews implements CutViewSource {
  readonly #db: SyncDexie;
  readonly #sealer: CompanionSealer;

  constructor(db: SyncDexie, sealer: CompanionSealer) {
    this.#db = db;
    this.#sealer = sealer;
  }

  /** Keeps the decided view of a case held as a cut. */
  async put(view: CaseView): Promise<void> {
    const seq = (view.case as { lastSeq?: number }).lastSeq ?? 0;
    await this.#db.cuts.put({ caseId: view.caseId, seq, ...(await sealRow(this.#sealer, view)) });
  }

  /** Forgets a case's view (it arrived whole, or access ended). */
  async remove(caseId: string): Promise<void> {
    await this.#db.cuts.delete(caseId);
  }

  /** Whether the device holds the case as a cut. */
  async has(caseId: string): Promise<boolean> {
    return (await this.#db.cuts.get(caseId)) !== undefined;
  }

  async view(caseId: string): Promise<CaseView | undefined> {
    const row = await this.#db.cuts.get(caseId);
    return row === undefined ? undefined : openRow<CaseView>(this.#sealer, row);
  }

  async list(): Promise<readonly CaseView[]> {
    const views: CaseView[] = [];
    for (const row of await this.#db.cuts.toArray()) {
      const view = await openRow<CaseView>(this.#sealer, row);
      if (view !== undefined) views.push(view);
    }
    return views;
  }
}
