import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageDrafts, type DraftStore } from './draft-store.js';

/** Options of {@link DraftKeeper}. */
export interface DraftKeeperOptions {
  /** The draft's key now, or `undefined` when drafts are off (no case and no `draft-key`). */
  key: () => string | undefined;
  /** The store to use now (the provider's, else the page's memory). */
  store?: () => DraftStore | undefined;
}

/**
 * Keeps a form's unsaved value under a key and gives it back after the element is re-created or a
 * save was refused. Writes are issued at once, in call order (a synchronous store has the draft before
 * `keep()` returns, so a re-created element finds it immediately).
 */
export class DraftKeeper<V> implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftKeeperOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private get store(): DraftStore {
    return this.options.store?.() ?? pageDrafts;
  }

  /** The current key, if drafts are on. */
  get key(): string | undefined {
    return this.options.key();
  }

  /** Keeps `value` as the draft (no-op without a key). */
  keep(value: V): Promise<void> {
    const key = this.key;
    if (key === undefined) return Promise.resolve();
    return Promise.resolve(this.store.set(key, value));
  }

  /** The kept draft, or `undefined`. Synchronous stores answer synchronously. */
  restore(): V | undefined | Promise<V | undefined> {
    const key = this.key;
    if (key === undefined) return undefined;
    return this.store.get(key) as V | undefined | Promise<V | undefined>;
  }

  /** Forgets the draft (after a successful save or an explicit discard). */
  discard(): Promise<void> {
    const key = this.key;
    if (key === undefined) return Promise.resolve();
    return Promise.resolve(this.store.delete(key));
  }
}
