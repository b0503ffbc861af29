/**
 * Plain words for refusals, reasons and markers (issue 21 item 5). The core gives every refusal a
 * machine-readable `code`, a rule id and a sentence in German and English; a case manager reads the
 * sentence, an administrator the code. Elements show {@link plainMessage} and put codes and rule ids
 * only into the administrators' disclosure (`adminDetails` in `admin-details.view.ts`).
 */
import type { Language, LocalizedText } from '@fallkit/core';

/** A refusal, decision reason or redaction marker as the core gives it. */
export interface Explained {
  readonly code: string;
  readonly rule?: string | undefined;
  readonly message: LocalizedText;
}

/** A rule id of PRIVACY.md or of the cycle (`DP-23`, `PR-04`). */
const RULE_ID = String.raw`(?:DP|PR)-\d{1,3}`;
/** A machine-readable code (`DENY_NOT_ASSIGNED`, `STORE_LOCKED`). */
const CODE = String.raw`[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+`;

/** A parenthesis that holds only rule ids and codes: "(DP-27)", "(Grund: REDACT_NO_CONSENT, Regel DP-10)". */
const CODE_PARENTHESIS = new RegExp(
  String.raw`\s*\((?:\s*(?:Grund|Regel|Code|reason|rule|code)?:?\s*(?:${RULE_ID}|${CODE})\s*[,;/]?)+\)`,
  'g',
);
/** A command name given as advice: "Vermerk (recordNote) festhalten". */
const COMMAND_PARENTHESIS = /\s*\((?:[a-z]+[A-Z][A-Za-z]*)(?:\s*[,/]\s*[a-z]+[A-Z][A-Za-z]*)*\)/g;
/** Anything a person should not have to read: a rule id, a code. */
const RAW = new RegExp(String.raw`\b(?:${RULE_ID}|${CODE})\b`);

/**
 * A sentence without the codes, rule ids and command names written into it: the core's sentences are
 * meant for people, but some carry "(DP-27)" or "(recordNote)" for the ones who wrote the rules.
 */
export function plainWords(sentence: string): string {
  return sentence
    .replace(CODE_PARENTHESIS, '')
    .replace(COMMAND_PARENTHESIS, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The plain sentence of a refusal, reason or marker in `lang`. */
export function plainMessage(item: Explained, lang: Language): string {
  return plainWords(item.message[lang]);
}

/** The plain sentences of several refusals, each once, joined. */
export function plainMessages(items: readonly Explained[], lang: Language): string {
  return [...new Set(items.map((item) => plainMessage(item, lang)))].join(' ');
}

// The name of a purpose lives in the glossary (one source for every element, print and rule text).
export { purposeName } from './glossary.js';

/** Whether a text shows a raw code or rule id (what tests look for outside the administrators' details). */
export function showsRawCode(text: string): boolean {
  return RAW.test(text);
}
