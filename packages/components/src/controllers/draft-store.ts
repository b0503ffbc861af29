/**
 * Where unsaved form input is kept until it is saved. The domain text warns against typing during a
 * consultation, so forms are filled afterwards and must never lose typed text (not on a refused save,
 * not when the element is re-created). A host with a connected store may pass its own implementation
 * to `<fk-case-provider .drafts>`; methods may be synchronous or return promises.
 */
export interface DraftStore {
  get(key: string): unknown | Promise<unknown>;
  set(key: string, value: unknown): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** Keeps drafts in memory for the lifetime of the page; values are deep-copied in and out. */
export class MemoryDraftStore implements DraftStore {
  private readonly drafts = new Map<string, unknown>();

  get(key: string): unknown {
    const value = this.drafts.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    this.drafts.set(key, structuredClone(value));
  }

  delete(key: string): void {
    this.drafts.delete(key);
  }

  /** Number of drafts held (for tests and diagnostics). */
  get size(): number {
    return this.drafts.size;
  }

  /** Forgets every draft. */
  clear(): void {
    this.drafts.clear();
  }
}

/** The page-wide default draft store, shared so a re-created element finds its draft again. */
export const pageDrafts = new MemoryDraftStore();

/** The key of a draft: the case (or a standalone key) and the form. */
export function draftKey(scope: string, formId: string): string {
  return `${scope}::${formId}`;
}
