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

  /**
   * Keeps the decided view of a case held as a cut; own applied commands the new cut holds (up to its head)
   * are forgotten, the later ones kept.
   */
  async put(view: CaseView): Promise<void> {
    const seq = (view.case as { lastSeq?: number }).lastSeq ?? 0;
    const sealed = await sealRow(this.#sealer, view);
    await this.#db.transaction('rw', this.#db.cuts, async () => {
      const own = ((await this.#db.cuts.get(view.caseId))?.own ?? []).filter((o) => o.seq > seq);
      await this.#db.cuts.put({ caseId: view.caseId, seq, ...(own.length === 0 ? {} : { own }), ...sealed });
    });
  }

  /**
   * Notes a command of this device the server applied to a cut case (up to `seq`), until a cut holding it
   * arrives: a write queued meanwhile is decided on top of it (`after`, issue 15), not in conflict with it.
   */
  async rememberApplied(caseId: string, commandId: string, seq: number): Promise<void> {
    await this.#db.cuts
      .where('caseId')
      .equals(caseId)
      .modify((row: { seq: number; own?: { commandId: string; seq: number }[] }) => {
        if (seq <= row.seq) return;
        row.own = [...(row.own ?? []).filter((o) => o.commandId !== commandId), { commandId, seq }];
      });
  }

  /** The own applied commands the held cut does not hold yet, in order. */
  async appliedSince(caseId: string): Promise<string[]> {
    return ((await this.#db.cuts.get(caseId))?.own ?? []).map((o) => o.commandId);
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
