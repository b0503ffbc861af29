/**
 * Calendar dates inside the core's sentences, written as each language writes them: "16.02.2026" in
 * German, "16 Feb 2026" in English (issue 21 item 5: no ISO dates inside sentences). Pure and
 * locale-free, so every engine writes the same bytes; a value that is not an ISO date is left as it is.
 */
import type { Language } from './localized-text.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** An ISO calendar date (`2026-02-16`, or the date part of a timestamp) as `lang` writes it. */
export function calendarDate(iso: string, lang: Language): string {
  const match = ISO_DATE.exec(iso);
  if (match === null) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (lang === 'de') return `${day}.${month}.${year}`;
  const name = MONTHS_EN[Number(month) - 1];
  return name === undefined ? iso : `${Number(day)} ${name} ${year}`;
}

/** {@link calendarDate} in German. */
export const deDate = (iso: string): string => calendarDate(iso, 'de');
/** {@link calendarDate} in English. */
export const enDate = (iso: string): string => calendarDate(iso, 'en');
