import type { LocalizedText } from '../i18n/localized-text.js';
import type { IssuePath, Notice, Refusal } from '../result/refusal.js';

/**
 * A process rule of the case-management cycle. Every rule has a stable id (`PR-12`) that refusals
 * carry in `rule`, a stable code, the message a user sees, what would make the request allowed, the
 * reason (why the rule exists) and where in the source texts it comes from.
 */
export interface ProcessRule {
  readonly id: string;
  /** Stable, machine-readable code of the refusal (UPPER_SNAKE). */
  readonly code: string;
  /** `refuse` stops the command; `warn` lets it pass with a notice. */
  readonly severity: 'refuse' | 'warn';
  /** Short title for tables and the stepper. */
  readonly title: LocalizedText;
  /** What the user is told when the rule stops a command. */
  readonly message: LocalizedText;
  /** What would make the command allowed. */
  readonly hint: LocalizedText;
  /** Why the rule exists, in one sentence (docs/process.md lists it). */
  readonly reason: LocalizedText;
  /** Where the rule comes from (`DOMAIN.md 4.4`, `seed 003`, `DP-27`). */
  readonly source: string;
}

/** Builds the refusal of a rule, optionally with a detail sentence and the input path it points at. */
export function ruleRefusal(rule: ProcessRule, detail?: LocalizedText, path?: IssuePath): Refusal {
  const message =
    detail === undefined
      ? rule.message
      : { de: `${rule.message.de} ${detail.de}`, en: `${rule.message.en} ${detail.en}` };
  return path === undefined
    ? { code: rule.code, rule: rule.id, message, hint: rule.hint }
    : { code: rule.code, rule: rule.id, message, hint: rule.hint, path };
}

/** Builds the notice of a warning rule, optionally with a detail sentence (which item, which paragraph). */
export function ruleNotice(rule: ProcessRule, path?: IssuePath, detail?: LocalizedText): Notice {
  const message =
    detail === undefined
      ? rule.message
      : { de: `${rule.message.de} ${detail.de}`, en: `${rule.message.en} ${detail.en}` };
  return path === undefined
    ? { code: rule.code, rule: rule.id, message }
    : { code: rule.code, rule: rule.id, message, path };
}
