import type { IssuePath, Notice, Refusal } from '@fallkit/core';
import type { MessageRef } from '../controllers/localize-controller.js';

/**
 * Lion's feedback types: only `error` blocks saving and makes the element invalid; `warning` and
 * `info` are shown next to the field (an assessment may be incomplete without being wrong), `success`
 * confirms.
 */
export type FeedbackType = 'error' | 'warning' | 'info' | 'success';

/** The validity flag a blocking error sets on the form element (`ValidityState`). */
export type ValidityFlag =
  | 'valueMissing'
  | 'tooShort'
  | 'tooLong'
  | 'rangeUnderflow'
  | 'rangeOverflow'
  | 'typeMismatch'
  | 'badInput'
  | 'customError';

/** One piece of feedback about the value, pointing at a path inside it. */
export interface Feedback {
  readonly type: FeedbackType;
  /** Stable code: a zod issue code (`too_small`), a refusal code (`DENY_…`) or a validator's own. */
  readonly code: string;
  /** The text, resolved in the user's language when shown. */
  readonly message: MessageRef;
  /** Where in the value (`['goals', 0, 'title']`); empty for the whole value. */
  readonly path: IssuePath;
  /** The rule that produced it (`SCHEMA`, `DP-14`, a process rule id). */
  readonly rule?: string;
  /** What would help, for refusals that say so. */
  readonly hint?: MessageRef;
  /** The validity flag for blocking errors. */
  readonly flag?: ValidityFlag;
}

/** The dotted form of a path (`goals.0.title`), the value of `data-path` on a field. */
export function pathKey(path: IssuePath): string {
  return path.join('.');
}

/** Refusals of the core (a refused save) as blocking feedback, shown in place. */
export function feedbackFromRefusals(refusals: readonly Refusal[]): Feedback[] {
  return refusals.map((r) => ({
    type: 'error',
    code: r.code,
    message: r.message,
    path: r.path ?? [],
    rule: r.rule,
    hint: r.hint,
    flag: 'customError',
  }));
}

/** Notices of the core (e.g. DP-03's "looks like health data") as warnings. */
export function feedbackFromNotices(notices: readonly Notice[]): Feedback[] {
  return notices.map((n) => ({ type: 'warning', code: n.code, message: n.message, path: n.path ?? [], rule: n.rule }));
}

/** Feedback whose path is `path` exactly, or (with `nested`) also anything below it. */
export function feedbackAt(feedback: readonly Feedback[], path: IssuePath, nested = false): Feedback[] {
  const key = pathKey(path);
  return feedback.filter((f) => {
    const k = pathKey(f.path);
    return k === key || (nested && (key === '' || k.startsWith(`${key}.`)));
  });
}
