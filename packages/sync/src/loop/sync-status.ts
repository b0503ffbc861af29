import type { Observer, Refusal, Subscribable, Unsubscribable } from '@fallkit/core';

/** What the sync client reports to the person (through `<fk-sync-status>`). */
export interface SyncStatus {
  /** Whether the last contact with the server succeeded (and the browser is not offline). */
  readonly online: boolean;
  /** Whether a push or pull is under way. */
  readonly syncing: boolean;
  /** Commands decided on this device and not yet answered by the server. */
  readonly pending: number;
  /** Conflicts and refusals waiting for a person. */
  readonly conflicts: number;
  /** When the device last had everything the server had (ISO timestamp). */
  readonly lastSyncedAt?: string;
  /** The last error, in words (German and English); absent after a sync that went through. */
  readonly error?: Refusal;
  /** Progress of the pull under way (cases done of total), e.g. during a first sync. */
  readonly progress?: { readonly done: number; readonly total: number };
  /** When the next retry is due after a failure (ISO timestamp). */
  readonly retryAt?: string;
  /**
   * What the server refused for good and the device therefore set aside: a document's content it will not take
   * (the document was removed or is withheld, the bytes do not match), access-log entries it found malformed.
   * Nothing a person decided is among them (commands that are refused stay in the conflict list); these are
   * the device's own uploads, which no retry can bring through. They stay here, newest last and at most
   * {@link SET_ASIDE_KEPT}, until a person has read them (`acknowledgeSetAside()`): a silent drop would hide
   * that a letter's scan or a read in the access log never reached the server.
   */
  readonly setAside?: readonly Refusal[];
}

/** How many set-aside refusals the status keeps for a person to read (the newest). */
export const SET_ASIDE_KEPT = 20;

/** A value with subscribers that get it at once and after each change (like the store's live queries). */
export class StatusChannel implements Subscribable<SyncStatus> {
  #value: SyncStatus;
  readonly #observers = new Set<Observer<SyncStatus>>();

  constructor(initial: SyncStatus) {
    this.#value = initial;
  }

  get value(): SyncStatus {
    return this.#value;
  }

  update(
    change: Partial<SyncStatus> & {
      error?: Refusal | undefined;
      retryAt?: string | undefined;
      setAside?: readonly Refusal[] | undefined;
    },
  ): void {
    const next: Record<string, unknown> = { ...this.#value, ...change };
    for (const key of ['error', 'retryAt', 'progress', 'lastSyncedAt', 'setAside'] as const)
      if (next[key] === undefined) delete next[key];
    this.#value = next as unknown as SyncStatus;
    for (const observer of [...this.#observers]) observer.next(this.#value);
  }

  subscribe(observer: Observer<SyncStatus> | ((value: SyncStatus) => void)): Unsubscribable {
    const target: Observer<SyncStatus> = typeof observer === 'function' ? { next: observer } : observer;
    this.#observers.add(target);
    target.next(this.#value);
    return { unsubscribe: () => void this.#observers.delete(target) };
  }
}
