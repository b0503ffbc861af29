import type { LocalizedText, Subscribable } from '@fallkit/core';

/**
 * The sync state an element shows, stated structurally so the components do not depend on
 * `@fallkit/sync` (whose `SyncStatus` fits it).
 */
export interface SyncStatusView {
  readonly online: boolean;
  readonly syncing?: boolean;
  /** Commands decided on this device and not yet answered by the server. */
  readonly pending: number;
  /** Conflicts waiting for a person. */
  readonly conflicts?: number;
  /** When the device last had everything the server had (ISO timestamp). */
  readonly lastSyncedAt?: string;
  /** The last error in words (German and English). */
  readonly error?: { readonly code: string; readonly message: LocalizedText };
  /** Progress of a pull under way. */
  readonly progress?: { readonly done: number; readonly total: number };
  /**
   * What the server refused for good and the device set aside (a document's content, access-log entries),
   * each in words: no retry brings them through, so a person must learn of them.
   */
  readonly setAside?: readonly { readonly code: string; readonly message: LocalizedText }[];
}

/** Where `<fk-sync-status>` reads the state from: `createSyncClient(...)` fits. */
export interface SyncStatusSource {
  readonly status: Subscribable<SyncStatusView>;
  /** Starts a sync round now (the element's button); absent: no button. */
  syncNow?(): Promise<unknown>;
  /** A person has read the set-aside refusals (the element's "read" button); absent: no button. */
  acknowledgeSetAside?(): void;
}
