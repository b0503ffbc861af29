import type { LocalizedText } from '@fallkit/core';

/** The kinds of letter an office writes from a case (issue 22). */
export const LETTER_KINDS = ['invitation', 'consentForm', 'planDocument', 'handoverConfirmation', 'other'] as const;

/** One of {@link LETTER_KINDS}. */
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * A letter template, configured by the host (the office writes its own wording). The body is plain
 * text with `{{placeholder}}` fields (see {@link LETTER_FIELDS}); paragraphs are separated by an empty
 * line. German and English, like every user-facing text.
 */
export interface LetterTemplate {
  readonly id: string;
  readonly kind: LetterKind;
  readonly title: LocalizedText;
  /** The subject line of the letter (placeholders allowed). */
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
}

/** The office's letterhead, configured by the host. */
export interface Letterhead {
  readonly office: string;
  /** Address lines of the office. */
  readonly address: readonly string[];
  readonly phone?: string;
  readonly email?: string;
  /** Where the letter is written ("Musterstadt"), before the date. */
  readonly place?: string;
  /** A line at the foot (opening hours, bank, data-protection contact). */
  readonly footer?: string;
}

/** The placeholders a template may use, each filled from the decided case view. */
export const LETTER_FIELDS = [
  'recipient.name',
  'recipient.address',
  'addressee.name',
  'addressee.birthDate',
  'caseManager.name',
  'office.name',
  'today',
  'appointment.date',
  'appointment.time',
  'appointment.place',
  'appointment.subject',
] as const;

/** One of {@link LETTER_FIELDS}. */
export type LetterField = (typeof LETTER_FIELDS)[number];

/**
 * What a letter is filled with: a value, `withheld` where the view withholds it (the letter shows a
 * gap and the writer is told), or absent where the case has nothing.
 */
export type LetterValues = Partial<Record<LetterField, string | { readonly withheld: true }>>;

/** A template filled in: subject, paragraphs, and the fields that were withheld or empty. */
export interface FilledLetter {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly withheld: readonly LetterField[];
  readonly missing: readonly LetterField[];
}

/**
 * Fills a template's text: each known `{{field}}` by its value, a withheld one by `gap` (so nothing
 * the writer may not see ends up in the letter), an empty one by `missing`; unknown placeholders stay
 * as written so a typo in a host template is noticed in the preview.
 */
export function fillLetter(
  subject: string,
  body: string,
  values: LetterValues,
  marks: { readonly gap: string; readonly missing: string },
): FilledLetter {
  const withheld = new Set<LetterField>();
  const missing = new Set<LetterField>();
  const known = new Set<string>(LETTER_FIELDS);
  const fill = (text: string) =>
    text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
      if (!known.has(name)) return whole;
      const field = name as LetterField;
      const value = values[field];
      if (value === undefined || value === '') {
        missing.add(field);
        return marks.missing;
      }
      if (typeof value !== 'string') {
        withheld.add(field);
        return marks.gap;
      }
      return value;
    });
  return {
    subject: fill(subject),
    paragraphs: fill(body)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    withheld: [...withheld],
    missing: [...missing],
  };
}
