/**
 * iCalendar (RFC 5545) text for a list of appointments, so an office calendar can show what Fallkit
 * plans. Written by hand: the format is small, and a dependency would carry far more than the few
 * properties needed here.
 *
 * Choices, with their reason:
 * - Times are *floating* local times (RFC 5545 3.3.5, form 1): the core stores the office's local
 *   `HH:MM`, not an instant, and the calendar shows it at that wall-clock time. No VTIMEZONE is needed.
 * - An appointment without a time is an all-day event (`DTSTART;VALUE=DATE`), a Wiedervorlage.
 * - Only what the user saw goes out: the subject and place as the decided view showed them; a withheld
 *   subject becomes the neutral summary the caller passes. No person names, no notes.
 * - Lines end in CRLF and are folded at 75 octets (3.1); text values escape `\`, `;`, `,` and newlines (3.3.11).
 */

/** One appointment as the calendar export takes it. */
export interface CalendarEntry {
  /** Stable id (the follow-up's or contact's id). */
  readonly id: string;
  /** The case it belongs to (part of the UID, so two cases never collide). */
  readonly caseId: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM`, local; absent for an all-day entry. */
  readonly time?: string;
  /** Minutes; 30 when absent and a time is given. */
  readonly durationMinutes?: number;
  readonly summary: string;
  readonly place?: string;
  /** Cancelled or done entries are exported with their status so the calendar updates. */
  readonly status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
}

/** Options of {@link toICalendar}. */
export interface CalendarOptions {
  /** `DTSTAMP` of every event: when the export was made, an ISO instant. */
  readonly now: string;
  /** The `PRODID`; Fallkit's if absent. */
  readonly productId?: string;
  /** The calendar's name (`X-WR-CALNAME`, shown by most calendars). */
  readonly name?: string;
}

const DEFAULT_MINUTES = 30;

/** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + one space), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line may hold 75 octets; a continuation line's leading space counts, so 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

/** `YYYYMMDDTHHMMSS` of a local date and time plus minutes (floating). */
function localStamp(date: string, time: string, plusMinutes = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  // UTC arithmetic only to carry minutes over midnight; the result is read back as a wall-clock time.
  const at = new Date(Date.UTC(y, m - 1, d, hh, mm + plusMinutes));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}00`;
}

/** The day after `date` (an all-day event's exclusive end). */
function nextDay(date: string): string {
  return localStamp(date, '00:00', 24 * 60).slice(0, 8);
}

/** `YYYYMMDDTHHMMSSZ` of an ISO instant. */
function utcStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A UID safe for any calendar: only the id characters the core allows, at Fallkit's domain. */
function uidOf(entry: CalendarEntry): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe(entry.caseId)}.${safe(entry.id)}@fallkit.invalid`;
}

/** The iCalendar text (one VCALENDAR, one VEVENT per entry), lines ending in CRLF. */
export function toICalendar(entries: readonly CalendarEntry[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.productId ?? '-//Fallkit//Termine//DE'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name === undefined ? [] : [`X-WR-CALNAME:${escapeText(options.name)}`]),
  ];
  const stamp = utcStamp(options.now);
  for (const entry of entries) {
    lines.push('BEGIN:VEVENT', `UID:${uidOf(entry)}`, `DTSTAMP:${stamp}`);
    if (entry.time === undefined) {
      lines.push(`DTSTART;VALUE=DATE:${compactDate(entry.date)}`, `DTEND;VALUE=DATE:${nextDay(entry.date)}`);
    } else {
      lines.push(
        `DTSTART:${localStamp(entry.date, entry.time)}`,
        `DTEND:${localStamp(entry.date, entry.time, entry.durationMinutes ?? DEFAULT_MINUTES)}`,
      );
    }
    lines.push(`SUMMARY:${escapeText(entry.summary)}`);
    if (entry.place !== undefined && entry.place !== '') lines.push(`LOCATION:${escapeText(entry.place)}`);
    lines.push(`STATUS:${entry.status ?? 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
