import type { LocalizedText } from '../i18n/localized-text.js';

/** A path into the input that a refusal points at, as zod reports it (`['goals', 0, 'indicators']`). */
export type IssuePath = readonly (string | number)[];

/**
 * Why something was not done. Every refusal in Fallkit has this shape, whatever refused:
 * schema validation, a process rule of the cycle, a data-protection rule or the store.
 *
 * `code` is stable and machine-readable (UPPER_SNAKE, e.g. `DENY_CONSENT_WITHDRAWN`);
 * `rule` names the rule that refused (`DP-14`, a process rule id, `SCHEMA`, `STORE`);
 * `hint` says what would make the request allowed, where that can be said.
 */
export interface Refusal {
  readonly code: string;
  readonly message: LocalizedText;
  readonly path?: IssuePath;
  readonly rule?: string;
  readonly hint?: LocalizedText;
}

/**
 * Something worth telling the user that does not stop the request, e.g. DP-03's warning that a
 * free-text note seems to contain health data.
 */
export interface Notice {
  readonly code: string;
  readonly message: LocalizedText;
  readonly path?: IssuePath;
  readonly rule?: string;
}

/** A successful outcome, optionally with notices. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
  readonly notices?: readonly Notice[];
}

/** A refused outcome: at least one refusal, nothing was changed. */
export interface Refused {
  readonly ok: false;
  readonly errors: readonly Refusal[];
}

/**
 * The outcome of anything that may be refused for ordinary reasons. Ordinary refusals never throw:
 * callers branch on `ok`. Exceptions are reserved for programming errors and broken platforms.
 */
export type Result<T> = Ok<T> | Refused;

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T, notices?: readonly Notice[]): Ok<T> {
  return notices && notices.length > 0 ? { ok: true, value, notices } : { ok: true, value };
}

/** Builds a refused {@link Result} from one or more refusals. */
export function refused(first: Refusal, ...more: Refusal[]): Refused {
  return { ok: false, errors: [first, ...more] };
}
