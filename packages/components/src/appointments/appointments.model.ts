import {
  isRedactionMarker,
  type CaseCommandInput,
  type Contact,
  type FollowUp,
  type RedactionMarker,
  type Result,
  type WorklistInput,
} from '@fallkit/core';
import type { CaseRequestContext } from '../context/case-service-port.js';

/** A value as the data-protected view hands it: the value, or the marker that stands in its place. */
type Shown<T> = T | RedactionMarker;

/** A follow-up as the view lists it (fields may be markers), or a whole-item marker (DP-24). */
export type FollowUpEntry = { readonly [K in keyof FollowUp]: Shown<FollowUp[K]> } | RedactionMarker;
/** A contact as the view lists it. */
export type ContactEntry = { readonly [K in keyof Contact]: Shown<Contact[K]> } | RedactionMarker;

/**
 * One appointment as `<fk-appointments>` shows it: a planned follow-up (Wiedervorlage or Termin) or a
 * contact that took place. A field the view withheld is `undefined` with `withheld` set; the element
 * never has the withheld text.
 */
export interface Appointment {
  readonly id: string;
  readonly caseId: string;
  readonly kind: 'followUp' | 'contact';
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM`, local; absent for a day-only follow-up. */
  readonly time?: string;
  readonly durationMinutes?: number;
  readonly place?: string;
  /** The subject (follow-up) or the contact's mode; absent when withheld. */
  readonly subject?: string;
  /** User id of who does it (the follow-up's assignee, or the case manager the caller names). */
  readonly worker?: string;
  readonly done: boolean;
  /** The view withheld part of it (subject or place): shown as "ausgeblendet". */
  readonly withheld: boolean;
}

function shown<T>(value: Shown<T> | undefined): T | undefined {
  return value === undefined || isRedactionMarker(value) ? undefined : value;
}

/**
 * The appointments of one case from its decided view: every follow-up and contact the view lists
 * with a date (a wholly withheld item has none and is left out; the list only says how many).
 * `holders` are the core's holders of the open follow-ups (`followUpHolders`, HO-3): a follow-up a
 * handover handed over is the receiver's, whatever its stored assignee says.
 */
export function appointmentsOf(
  caseId: string,
  followUps: readonly FollowUpEntry[],
  contacts: readonly ContactEntry[],
  caseManager?: string,
  holders?: ReadonlyMap<string, string>,
): { readonly appointments: readonly Appointment[]; readonly withheld: number } {
  const out: Appointment[] = [];
  let withheld = 0;
  for (const f of followUps) {
    const date = isRedactionMarker(f) ? undefined : shown(f.dueOn);
    const id = isRedactionMarker(f) ? undefined : shown(f.id);
    if (isRedactionMarker(f) || date === undefined || id === undefined) {
      withheld += 1;
      continue;
    }
    const time = shown(f.time);
    const minutes = shown(f.durationMinutes);
    const place = shown(f.place);
    const subject = shown(f.subject);
    const worker = holders?.get(id) ?? shown(f.assignedTo) ?? caseManager;
    out.push({
      id,
      caseId,
      kind: 'followUp',
      date,
      ...(time === undefined ? {} : { time }),
      ...(minutes === undefined ? {} : { durationMinutes: minutes }),
      ...(place === undefined ? {} : { place }),
      ...(subject === undefined ? {} : { subject }),
      ...(worker === undefined ? {} : { worker }),
      done: shown(f.done) === true,
      withheld: isRedactionMarker(f.subject) || isRedactionMarker(f.place),
    });
  }
  for (const c of contacts) {
    const date = isRedactionMarker(c) ? undefined : shown(c.on);
    const id = isRedactionMarker(c) ? undefined : shown(c.id);
    if (isRedactionMarker(c) || date === undefined || id === undefined) {
      withheld += 1;
      continue;
    }
    const time = shown(c.time);
    const mode = shown(c.mode);
    const worker = shown(c.recordedBy) ?? caseManager;
    out.push({
      id,
      caseId,
      kind: 'contact',
      date,
      ...(time === undefined ? {} : { time }),
      ...(mode === undefined ? {} : { subject: mode }),
      ...(worker === undefined ? {} : { worker }),
      done: true,
      withheld: isRedactionMarker(c.mode),
    });
  }
  return { appointments: out.sort(byStart), withheld };
}

/** Earliest first; a day-only entry before the timed ones of its day. */
export function byStart(a: Appointment, b: Appointment): number {
  return `${a.date} ${a.time ?? '00:00'} ${a.id}`.localeCompare(`${b.date} ${b.time ?? '00:00'} ${b.id}`);
}

/** The Monday of the ISO week `date` (`YYYY-MM-DD`) falls in. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** `date` plus `days` (may be negative), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The input of the core's `scheduleFollowUp` command (an appointment when it has a time). */
export type ScheduleAppointmentInput = CaseCommandInput<'scheduleFollowUp'>;

/** What the plan form holds while the user types. */
export interface AppointmentDraft {
  readonly date: string;
  readonly time: string;
  readonly durationMinutes: string;
  readonly place: string;
  readonly subject: string;
  readonly assignedTo: string;
}

/** The empty plan form (after a save). */
export const EMPTY_DRAFT: AppointmentDraft = {
  date: '',
  time: '',
  durationMinutes: '',
  place: '',
  subject: '',
  assignedTo: '',
};

/** The `scheduleFollowUp` input of a draft (undefined while date or subject is missing). */
export function appointmentInput(draft: AppointmentDraft): ScheduleAppointmentInput | undefined {
  const subject = draft.subject.trim();
  if (draft.date === '' || subject === '') return undefined;
  const minutes = Number.parseInt(draft.durationMinutes, 10);
  return {
    dueOn: draft.date,
    subject,
    ...(draft.time === '' ? {} : { time: draft.time }),
    ...(draft.time === '' || !Number.isFinite(minutes) ? {} : { durationMinutes: minutes }),
    ...(draft.place.trim() === '' ? {} : { place: draft.place.trim() }),
    ...(draft.assignedTo === '' ? {} : { assignedTo: draft.assignedTo }),
  } as ScheduleAppointmentInput;
}

/** What a caseload source needs: the core port's decided worklist channel (as `<fk-worklist>` uses it). */
export interface CaseloadSource {
  loadWorklist(request: CaseRequestContext, scope?: 'mine' | 'agency'): Promise<Result<WorklistInput>>;
}

/** Whether the provider's service has the core port's worklist channel. */
export function isCaseloadSource(service: unknown): service is CaseloadSource {
  return typeof (service as Partial<CaseloadSource> | undefined)?.loadWorklist === 'function';
}

/** The current primary case manager of a case as its (visible) state names it. */
export function primaryManager(managers: readonly unknown[] | undefined): string | undefined {
  const current = (managers ?? []).filter(
    (m): m is { userId: string; to?: string } =>
      !isRedactionMarker(m) && typeof (m as { userId?: unknown }).userId === 'string' && !(m as { to?: string }).to,
  );
  return current.at(-1)?.userId;
}
