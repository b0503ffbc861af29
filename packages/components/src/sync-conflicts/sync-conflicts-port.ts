import type { LocalizedText, Result, Subscribable } from '@fallkit/core';

/**
 * One event of the other side, as the server decided this actor may see it: whole, or a hidden link
 * of a journal cut (`hidden`, no type, author or time: DP-24).
 */
export interface SyncConflictEventView {
  readonly hidden?: true;
  readonly type?: string;
  readonly seq: number;
  readonly at?: string;
  readonly actor?: { readonly id: string; readonly name?: string };
  /** Absent when the journal cut withholds it from this actor. */
  readonly payload?: unknown;
}

/**
 * A kept conflict as `<fk-sync-conflicts>` shows it, stated structurally so the components do not
 * depend on `@fallkit/sync` (whose `SyncConflict` fits it).
 */
export interface SyncConflictView {
  readonly id: string;
  readonly caseId: string;
  /** `conflict`: another writer changed the same thing; `refused`: the server decided against it. */
  readonly kind: 'conflict' | 'refused';
  readonly createdAt: string;
  /** The own change: the commands as decided on this device. */
  readonly mine: { readonly caseId: string; readonly commands: readonly unknown[] };
  /** The other change: what another writer appended since the own change's base. */
  readonly theirs: readonly SyncConflictEventView[];
  /** The server's reasons, in words. */
  readonly errors: readonly { readonly code: string; readonly message: LocalizedText }[];
}

/** Where `<fk-sync-conflicts>` reads and resolves conflicts: `createSyncClient(...)` fits. */
export interface SyncConflictsSource {
  /** The open conflicts, live. */
  readonly conflicts: Subscribable<readonly SyncConflictView[]>;
  /** Applies the own change again on top of the other one (decided anew by the core). */
  reapply(conflictId: string): Promise<Result<unknown>>;
  /** Discards the own change; the reason is required and recorded. */
  discard(conflictId: string, reason: string): Promise<Result<unknown>>;
}
