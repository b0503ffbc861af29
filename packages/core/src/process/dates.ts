/*
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) as whole UTC days. Deadlines are calendar dates,
 * never instants, so time zones and daylight saving cannot shift them.
 */

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`; a longer ISO timestamp is cut to its date). */
export function dayNumber(isoDate: string): number {
  // Civil-date arithmetic (H. Hinnant's days_from_civil): the worklist calls this for every deadline,
  // and plain integer maths is several times faster than building Date objects.
  let year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The ISO date of a day number ({@link dayNumber}). */
export function dateOfDay(days: number): string {
  // H. Hinnant's civil_from_days.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
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
  // Integer maths instead of two Date objects (issue 18: the worklist calls this for every open goal).
  const lastDay = daysInMonth(targetYear, targetMonth + 1);
  return `${String(targetYear).padStart(4, '0')}-${pad2(targetMonth + 1)}-${pad2(Math.min(day, lastDay))}`;
}

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The later of two ISO dates; `undefined` counts as "no date". */
export function laterDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}
