/** The languages every user-facing text of Fallkit exists in. German is the working language. */
export type Language = 'de' | 'en';

/** The languages in the order Fallkit prefers them. */
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/**
 * A user-facing sentence in every supported language. Refusals, redaction markers and explanations
 * carry one, so a host can show them without its own translation table.
 */
export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

/** Builds a {@link LocalizedText}; reads better at call sites than an object literal. */
export function text(de: string, en: string): LocalizedText {
  return { de, en };
}
