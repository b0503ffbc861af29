import * as z from 'zod/mini';
import { DATE_MAX, DATE_MIN, ID_MAX, LINE_MAX, NAME_MAX, NOTE_MAX, REASON_MAX } from './limits.js';

/*
 * The shared primitives of every schema. Input rules of issue 13 live here so each field gets them by
 * using the right primitive: text is NFC-normalised (IN-03), ids are plain tokens (IN-04), single-line
 * text holds no control or bidi-override characters and no text holds a lone surrogate (IN-05), every
 * string and date is bounded (IN-02, IN-06). The rule id travels in the issue's `params`, so
 * `service/zod-refusals.ts` can name it in the refusal.
 */

/**
 * Parameters of a custom check: the rule and the German and English sentence of the refusal. The
 * service prefixes the field (`service/zod-refusals.ts`); a form shows the sentence at the field.
 */
function ruleCheck(rule: string, de: string, en: string): { message: string; params: Record<string, string> } {
  return { message: en, params: { rule, de, en } };
}

/** C0 and C1 control characters, DEL included. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

const wellFormed = z.refine<string>(
  (value) => !LONE_SURROGATE.test(value),
  ruleCheck(
    'IN-05',
    'Der Text enthält ein ungültiges Zeichen (ein einzelnes Surrogat).',
    'The text contains an invalid character (a lone surrogate).',
  ),
);

const singleLine = z.refine<string>(
  (value) => !CONTROL.test(value),
  ruleCheck(
    'IN-05',
    'Steuerzeichen und Zeilenumbrüche sind hier nicht erlaubt.',
    'Control characters and line breaks are not allowed here.',
  ),
);

const multiLine = z.refine<string>(
  (value) => !CONTROL_EXCEPT_LINE_BREAKS.test(value),
  ruleCheck(
    'IN-05',
    'Steuerzeichen sind nicht erlaubt (Zeilenumbrüche und Tabulatoren schon).',
    'Control characters are not allowed (line breaks and tabs are).',
  ),
);

const noBidiControl = z.refine<string>(
  (value) => !BIDI_CONTROL.test(value),
  ruleCheck(
    'IN-05',
    'Steuerzeichen für die Schreibrichtung sind hier nicht erlaubt.',
    'Bidi control characters are not allowed here.',
  ),
);

/** How a text field is bounded and what it may hold. */
export interface TextRules {
  /** Longest value after normalisation and trimming (a constant of `limits.ts`). */
  readonly max: number;
  /** Shortest value after trimming; 1 for a field that must say something. */
  readonly min?: number;
  /** Line breaks and tabs allowed (notes, narratives); single-line text allows no control character. */
  readonly multiline?: boolean;
  /** Surrounding white space removed (default); free texts keep theirs. */
  readonly trim?: boolean;
}

/**
 * A text field: NFC-normalised (IN-03), optionally trimmed, no lone surrogates, no control characters
 * (tab and line breaks only in multi-line text), no bidi controls in single-line text (IN-05), bounded
 * (IN-02).
 */
export function textSchema({ max, min = 0, multiline = false, trim = true }: TextRules) {
  return z
    .string()
    .check(
      z.normalize('NFC'),
      ...(trim ? [z.trim()] : []),
      wellFormed,
      ...(multiline ? [multiLine] : [singleLine, noBidiControl]),
      ...(min > 0 ? [z.minLength(min)] : []),
      z.maxLength(max),
    );
}

/**
 * Names a plain id may not take: the members of `Object.prototype` (and `prototype`), so an id can
 * never reach a prototype when code looks it up in a record.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** An id token: a letter or digit, then letters, digits and `_ . : @ -`. */
const TOKEN = /^[A-Za-z0-9][\w.:@-]*$/;

/**
 * A plain identifier token (IN-04): `case-1`, `goal-3`, a UUID, `jobcenter-musterstadt`. At most
 * {@link ID_MAX} characters, starts with a letter or digit, no white space or control characters,
 * never a name of `Object.prototype`. Ids are made by the id-generator port or chosen by the host.
 */
export const idSchema = z.string().check(
  z.minLength(1),
  z.maxLength(ID_MAX),
  z.refine<string>(
    (value) => TOKEN.test(value),
    ruleCheck(
      'IN-04',
      'Eine Kennung besteht aus Buchstaben, Ziffern und „_ . : @ -“ und beginnt mit einem Buchstaben oder einer Ziffer.',
      'An id consists of letters, digits and "_ . : @ -" and starts with a letter or digit.',
    ),
  ),
  z.refine<string>(
    (value) => !RESERVED_NAMES.has(value),
    ruleCheck(
      'IN-04',
      'Dieser Name ist reserviert und als Kennung nicht erlaubt.',
      'This name is reserved and not allowed as an id.',
    ),
  ),
);

/** One segment of a field path: a member name or an index. */
const PATH_SEGMENT = /^(?:[A-Za-z][A-Za-z0-9_]{0,63}|\d{1,4})$/;

/**
 * A dotted path to a field of an item (`domains.2.problems`), as a rectification names it: at most
 * eight segments of member names or indexes, never a name of `Object.prototype` (IN-04, IN-09).
 */
export const fieldPathSchema = z.string().check(
  z.minLength(1),
  z.maxLength(8 * 65),
  z.refine<string>(
    (value) => {
      const segments = value.split('.');
      return segments.length <= 8 && segments.every((s) => PATH_SEGMENT.test(s) && !RESERVED_NAMES.has(s));
    },
    ruleCheck(
      'IN-04',
      'Ein Feldpfad besteht aus Namen und Nummern, durch Punkte getrennt (`domains.2.problems`).',
      'A field path consists of names and numbers separated by dots (`domains.2.problems`).',
    ),
  ),
);

/** A calendar date as ISO 8601 `YYYY-MM-DD` between {@link DATE_MIN} and {@link DATE_MAX} (IN-06). */
export const isoDateSchema = z.iso
  .date()
  .check(
    z.refine<string>(
      (value) => value >= DATE_MIN && value <= DATE_MAX,
      ruleCheck(
        'IN-06',
        `Das Datum muss zwischen ${DATE_MIN} und ${DATE_MAX} liegen.`,
        `The date must lie between ${DATE_MIN} and ${DATE_MAX}.`,
      ),
    ),
  );

/** An instant as ISO 8601 UTC timestamp (when something was recorded). */
export const isoDateTimeSchema = z.iso.datetime();

/** A name (person, agency, provider, participant): single line, must say something. */
export const nameSchema = textSchema({ max: NAME_MAX, min: 1 });

/** A title or subject (goal, measure, follow-up, conference topic): single line, must say something. */
export const titleSchema = textSchema({ max: NAME_MAX, min: 1 });

/** A short single-line value that may be empty (language, legal ground, role, cost carrier …). */
export const lineSchema = textSchema({ max: LINE_MAX });

/** A short free text that must say something (a reason, a description); may span lines. */
export const requiredTextSchema = textSchema({ max: REASON_MAX, min: 1, multiline: true });

/** A short free text that may be empty (an optional reason); may span lines. */
export const shortTextSchema = textSchema({ max: REASON_MAX, multiline: true });

/** A longer free text (notes, narratives, the person's own words); may be empty, keeps its white space. */
export const freeTextSchema = textSchema({ max: NOTE_MAX, multiline: true, trim: false });

/** A longer free text that must say something (the text of a note). */
export const noteTextSchema = textSchema({ max: NOTE_MAX, min: 1, multiline: true });

/**
 * The legal domains (Rechtskreise) a case can touch (DOMAIN.md section 3). `nonStatutory` covers free
 * welfare associations, migration counselling and volunteers.
 */
export const LEGAL_DOMAINS = [
  'SGB_II',
  'SGB_III',
  'SGB_V',
  'SGB_VIII',
  'SGB_IX',
  'SGB_XII',
  'SGB_XI',
  'AsylbLG',
  'AufenthG',
  'BAfoeG',
  'nonStatutory',
] as const;

/** One of {@link LEGAL_DOMAINS}. */
export type LegalDomain = (typeof LEGAL_DOMAINS)[number];

/** Schema of a {@link LegalDomain}. */
export const legalDomainSchema = z.enum(LEGAL_DOMAINS);

/** A reference to an organisation (agency, provider) by id with its display name. */
export const agencyRefSchema = z.strictObject({
  /** Stable id, e.g. `jobcenter-musterstadt`. */
  agencyId: idSchema,
  /** Display name, e.g. `Jobcenter Musterstadt`. */
  name: nameSchema,
});

/** A reference to an organisation. */
export type AgencyRef = z.infer<typeof agencyRefSchema>;

/** A list of at most `max` entries (IN-02): `max` is a constant of `limits.ts`. */
export function boundedArray<T extends z.ZodMiniType>(item: T, max: number, min = 0) {
  return z.array(item).check(...(min > 0 ? [z.minLength(min)] : []), z.maxLength(max));
}
