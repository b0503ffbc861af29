/**
 * Where a form keeps its unsaved input until it is saved. Restated here on purpose: the components
 * (`@fallkit/components`, `<fk-case-provider .drafts>`) define the same shape structurally, and the
 * store must not depend on the components. Methods may be synchronous or return promises.
 */
export interface DraftStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** Separates the scope (a case id, or `standalone:<key>`) from the form id in a draft key. */
export const DRAFT_KEY_SEPARATOR = '::';

/**
 * The scope of a draft key as the components build it (`<caseId>::<formId>`): the case id, or the
 * whole key when it has no separator. Drafts are deleted per scope when their case is deleted.
 */
export function draftScopeOf(key: string): string {
  const at = key.indexOf(DRAFT_KEY_SEPARATOR);
  return at < 0 ? key : key.slice(0, at);
}
