import type { LocalizedText } from '../i18n/localized-text.js';

/** What a data-protection decision can be asked about. */
export const PRIVACY_ACTIONS = ['read', 'transfer', 'write', 'export', 'aggregate', 'decide'] as const;

/** One of {@link PRIVACY_ACTIONS}: `decide` is a decision about a person (admission, refusal, closure; DP-27). */
export type PrivacyAction = (typeof PRIVACY_ACTIONS)[number];

/** The outcomes of PRIVACY.md section 4: everything, nothing, or what is left after redaction. */
export const DECISION_OUTCOMES = ['allow', 'deny', 'allow-redacted'] as const;

/** One of {@link DECISION_OUTCOMES}. */
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** One reason of a decision: a stable code, the rule it comes from and a sentence in every language. */
export interface DecisionReason {
  /** Stable reason code (`ALLOW_CONSENT`, `REDACT_NO_CONSENT` …), see `REASON_CODES`. */
  readonly code: string;
  /** The rule id (`DP-10`) or, for the decision table only, `DP-TABLE`. */
  readonly rule: string;
  readonly message: LocalizedText;
  /** What the reason applies to, where it is narrower than the request (a category, an item id). */
  readonly subject?: string;
}

/** The outcome of a data-protection decision with every reason that led to it. */
export interface Decision {
  readonly outcome: DecisionOutcome;
  /** At least one reason; the first one is the deciding reason. */
  readonly reasons: readonly DecisionReason[];
}

/**
 * The marker a view puts in place of an item or field it withholds (DP-24). Components render it as
 * "[zurückgehalten: keine Einwilligung …]". Items whose mere existence must stay hidden (entrusted
 * or child-protection data outside their circle) leave no marker at all.
 */
export interface RedactionMarker {
  readonly redacted: true;
  readonly code: string;
  readonly rule: string;
  readonly message: LocalizedText;
}

/** Tells whether a view value is a {@link RedactionMarker}. */
export function isRedactionMarker(value: unknown): value is RedactionMarker {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { redacted?: unknown }).redacted === true &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
