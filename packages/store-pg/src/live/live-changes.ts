import type { Observer, Subscribable, Unsubscribable } from '@fallkit/core';
import type { Unlisten } from '../sql/sql-database.js';

/** Where a store's live values learn of changes: the tenant's `NOTIFY` channel and its feed. */
export interface ChangeSource {
  /** Listens on the tenant's channel; `undefined` means "notifications may have been missed". */
  listen(onNotify: (payload: string | undefined) => void): Promise<Unlisten>;
  /** The tenant's feed head: the last position handed out and committed. */
  head(): Promise<number>;
  /** Streams that got events after `position`, and the highest position seen (the feed is a gapless prefix). */
  changedSince(position: number): Promise<{ caseIds: readonly string[]; position: number }>;
  /** Turns a failed read into what observers receive. */
  toError(error: unknown): unknown;
}

/** One live value: re-read on a change, emitted when it differs from the last emission. */
class Watch<T> {
  readonly caseId: string | undefined;
  readonly #read: () => Promise<T>;
  readonly #observer: Observer<T>;
  readonly #toError: (error: unknown) => unknown;
  #last: string | undefined;
  #running = false;
  #again = false;
  active = true;

  constructor(read: () => Promise<T>, observer: Observer<T>, toError: (error: unknown) => unknown, caseId?: string) {
    this.#read = read;
    this.#observer = observer;
    this.#toError = toError;
    this.caseId = caseId;
  }

  /** Re-reads; while a read runs, at most one more follows it (changes coalesce, none is lost). */
  refresh(): void {
    if (!this.active) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    this.#read().then(
      (value) => {
        const seen = JSON.stringify(value);
        if (this.active && seen !== this.#last) {
          this.#last = seen;
          this.#observer.next(value);
        }
        this.#settle();
      },
      (error: unknown) => {
        if (this.active) this.#observer.error?.(this.#toError(error));
        this.#settle();
      },
    );
  }

  fail(error: unknown): void {
    if (this.active) this.#observer.error?.(this.#toError(error));
  }

  #settle(): void {
    this.#running = false;
    if (this.#again) {
      this.#again = false;
      this.refresh();
    }
  }
}

function toObserver<T>(observer: Observer<T> | ((value: T) => void)): Observer<T> {
  return typeof observer === 'function' ? { next: observer } : observer;
}

/**
 * The live values of one store. Writes through this store refresh at once; appends elsewhere (another server
 * instance, another process) arrive as `NOTIFY 'a'` after their commit, and the feed says which streams
 * moved since the last position seen (`changedSince`; the feed is a gapless prefix, so nothing between is
 * missed), so only their journals are re-read. The payload carries no case id: any role that may connect
 * can `LISTEN` on any channel. Other changes (erasure, index, deletion) and a lost
 * listening connection refresh everything.
 */
export class LiveChanges {
  readonly #source: ChangeSource;
  readonly #watches = new Set<Watch<unknown>>();
  #listening: Promise<Unlisten> | undefined;
  #seen = 0;
  #catchingUp: Promise<void> = Promise.resolve();

  constructor(source: ChangeSource) {
    this.#source = source;
  }

  /** A live value read by `read`; `caseId` for a journal (refreshed only when that stream moves). */
  observe<T>(read: () => Promise<T>, caseId?: string): Subscribable<T> {
    return {
      subscribe: (observerOrNext): Unsubscribable => {
        const watch = new Watch(read, toObserver(observerOrNext), (e) => this.#source.toError(e), caseId);
        this.#watches.add(watch as Watch<unknown>);
        // Listen first, then read: a change committed in between is then either in the read or notified.
        this.#listen().then(
          () => watch.refresh(),
          (error: unknown) => watch.fail(error),
        );
        return {
          unsubscribe: () => {
            watch.active = false;
            this.#watches.delete(watch as Watch<unknown>);
            if (this.#watches.size === 0) this.#stopListening();
          },
        };
      },
    };
  }

  /** After a write through this store: the stream's journals (all, without `caseId`) and every list. */
  changed(caseId?: string): void {
    for (const watch of this.#watches) {
      if (caseId === undefined || watch.caseId === undefined || watch.caseId === caseId) watch.refresh();
    }
  }

  #listen(): Promise<Unlisten> {
    this.#listening ??= (async () => {
      const unlisten = await this.#source.listen((payload) => this.#notified(payload));
      this.#seen = await this.#source.head();
      return unlisten;
    })();
    const listening = this.#listening;
    listening.catch(() => {
      if (this.#listening === listening) this.#listening = undefined;
    });
    return listening;
  }

  #stopListening(): void {
    const listening = this.#listening;
    this.#listening = undefined;
    listening?.then((unlisten) => unlisten()).catch(() => undefined);
  }

  #notified(payload: string | undefined): void {
    if (payload !== 'a') {
      this.changed();
      return;
    }
    this.#catchingUp = this.#catchingUp.then(async () => {
      try {
        const { caseIds, position } = await this.#source.changedSince(this.#seen);
        this.#seen = Math.max(this.#seen, position);
        const moved = new Set(caseIds);
        for (const watch of this.#watches) if (watch.caseId === undefined || moved.has(watch.caseId)) watch.refresh();
      } catch {
        this.changed();
      }
    });
  }
}
