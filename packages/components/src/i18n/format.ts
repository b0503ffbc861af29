import type { Language } from '@fallkit/core';

const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

/**
 * The formatters already made for one options object (by kind and language): most calls pass the same
 * object (a default, a constant), and a row of a 200-measure plan formats two dates, so the lookup by
 * identity skips serialising the options on every call.
 */
const byOptions = new WeakMap<object, Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  kind: string,
  lang: Language,
  options: object,
  make: (locale: string) => T,
): T {
  const short = `${kind}|${lang}`;
  let known = byOptions.get(options);
  const hit = known?.get(short) as T | undefined;
  if (hit) return hit;
  const key = `${short}|${JSON.stringify(options)}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(LOCALES[lang]);
    cache.set(key, formatter);
  }
  if (!known) byOptions.set(options, (known = new Map()));
  known.set(short, formatter);
  return formatter;
}

const MEDIUM_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const MEDIUM_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const NO_OPTIONS: Intl.NumberFormatOptions = {};
/** The UTC variant of each options object used for ISO calendar dates (made once per object). */
const inUtc = new WeakMap<Intl.DateTimeFormatOptions, Intl.DateTimeFormatOptions>();

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
  options: Intl.DateTimeFormatOptions = MEDIUM_DATE,
): string {
  let date: Date;
  let opts = options;
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m) {
    date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    let utc = inUtc.get(options);
    if (!utc) inUtc.set(options, (utc = { ...options, timeZone: 'UTC' }));
    opts = utc;
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
  options: Intl.DateTimeFormatOptions = MEDIUM_DATE_TIME,
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return cached('datetime', lang, options, (l) => new Intl.DateTimeFormat(l, options)).format(date);
}

/** Formats a number (`1.234,5` in German). */
export function formatNumber(value: number, lang: Language, options: Intl.NumberFormatOptions = NO_OPTIONS): string {
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
