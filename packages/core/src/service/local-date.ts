/** The time zone Fallkit assumes when none is configured: German social services work in it. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone. "Today" for a case manager is the
 * local date: a contact recorded at 00:30 in Berlin happened on that day, not on the UTC day before.
 */
export function localDate(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
