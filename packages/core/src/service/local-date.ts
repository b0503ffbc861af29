/** The time zone Fallkit assumes when none is configured: German social services work in it. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    // A handful of zones at most in one process; the bound keeps a caller passing arbitrary zones harmless.
    if (FORMATTERS.size < 32) FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Dates already computed, per time zone and instant. `formatToParts` is the dearest step of a read decision:
 * a view asks for the local date of the same `now` once per consent per item (the consent window, DP-11),
 * a worklist for the dates of the same few instants again and again. The function is pure, so a repeated
 * instant gives the remembered date; the map is emptied when it reaches its bound, so arbitrary instants
 * never grow it without limit.
 */
const DAYS = new Map<string, string>();
const MAX_REMEMBERED_DAYS = 4096;

/** The instant, zone and date of the last call; none before the first. */
let last: { readonly instant: string; readonly timeZone: string; readonly day: string } | undefined;

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone. "Today" for a case manager is the
 * local date: a contact recorded at 00:30 in Berlin happened on that day, not on the UTC day before.
 */
export function localDate(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  // The same instant as the call before (a decision asks for its `now` several times): no key text.
  if (last !== undefined && instant === last.instant && timeZone === last.timeZone) return last.day;
  const day = rememberedDate(instant, timeZone);
  last = { instant, timeZone, day };
  return day;
}

function rememberedDate(instant: string, timeZone: string): string {
  const key = `${timeZone}\u0000${instant}`;
  const known = DAYS.get(key);
  if (known !== undefined) return known;
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  if (DAYS.size >= MAX_REMEMBERED_DAYS) DAYS.clear();
  DAYS.set(key, day);
  return day;
}
