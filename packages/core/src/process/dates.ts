/*
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) as whole UTC days. Deadlines are calendar dates,
 * never instants, so time zones and daylight saving cannot shift them.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`; a longer ISO timestamp is cut to its date). */
export function dayNumber(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The ISO date of a day number ({@link dayNumber}). */
export function dateOfDay(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `isoDate` plus `days` (negative to go back). */
export function addDays(isoDate: string, days: number): string {
  return dateOfDay(dayNumber(isoDate) + days);
}

/**
 * `isoDate` plus whole calendar months; the day is clamped to the end of a shorter month
 * (31 January + 1 month = 28/29 February), as deadlines "after N months" are read in German practice.
 */
export function addMonths(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7)) - 1 + months;
  const day = Number(isoDate.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** The later of two ISO dates; `undefined` counts as "no date". */
export function laterDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
