import type { Language } from '@fallkit/core';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  kind: string,
  lang: Language,
  options: object,
  make: (locale: string) => T,
): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(LOCALES[lang]);
    cache.set(key, formatter);
  }
  return formatter;
}

/** The Intl locale used for a language (British English for dates in day-month order). */
export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a calendar date. ISO dates (`2026-11-23`) are calendar days, not instants, so they are
 * formatted in UTC to avoid the off-by-one a local time zone would cause.
 */
export function formatDate(
  value: string | Date,
  lang: Language,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  let date: Date;
  let opts = options;
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m) {
    date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    opts = { ...options, timeZone: 'UTC' };
  } else {
    date = typeof value === 'string' ? new Date(value) : value;
  }
  if (Number.isNaN(date.getTime())) return String(value);
  return cached('date', lang, opts, (l) => new Intl.DateTimeFormat(l, opts)).format(date);
}

/** Formats an instant (ISO timestamp) with date and time in the user's time zone. */
export function formatDateTime(
  value: string | Date,
  lang: Language,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return cached('datetime', lang, options, (l) => new Intl.DateTimeFormat(l, options)).format(date);
}

/** Formats a number (`1.234,5` in German). */
export function formatNumber(value: number, lang: Language, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', lang, options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/** Joins items as a sentence (`A, B und C`). */
export function formatList(
  items: readonly string[],
  lang: Language,
  type: Intl.ListFormatType = 'conjunction',
): string {
  return cached('list', lang, { type }, (l) => new Intl.ListFormat(l, { type })).format(items);
}
