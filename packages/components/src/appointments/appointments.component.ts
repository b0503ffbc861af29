import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  isCaseWorkRole,
  isRedactionMarker,
  type CaseCommand,
  type CaseCommandInput,
  type CaseState,
  type Refusal,
  type Result,
  type WorklistInput,
} from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { CaseRequestContext } from '../context/case-service-port.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import { FkCalendarExportEvent } from '../events/fk-calendar-export.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import { FkSubmitEvent } from '../events/fk-submit.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import {
  addDays,
  appointmentsOf,
  byStart,
  mondayOf,
  type Appointment,
  type ContactEntry,
  type FollowUpEntry,
} from './appointments.model.js';
import { appointmentsMessages } from './appointments.messages.js';
import { appointmentsStyles } from './appointments.styles.js';
import { recordPanelStyles } from '../shared/record-panel.styles.js';
import { toICalendar, type CalendarEntry } from './icalendar.js';
import { todayIso as localToday } from '../base/parts-schema.js';

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

const EMPTY_DRAFT: AppointmentDraft = {
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
interface CaseloadSource {
  loadWorklist(request: CaseRequestContext, scope?: 'mine' | 'agency'): Promise<Result<WorklistInput>>;
}

function isCaseloadSource(service: unknown): service is CaseloadSource {
  return typeof (service as Partial<CaseloadSource> | undefined)?.loadWorklist === 'function';
}

/** The current primary case manager of a case as its (visible) state names it. */
function primaryManager(managers: readonly unknown[] | undefined): string | undefined {
  const current = (managers ?? []).filter(
    (m): m is { userId: string; to?: string } =>
      !isRedactionMarker(m) && typeof (m as { userId?: unknown }).userId === 'string' && !(m as { to?: string }).to,
  );
  return current.at(-1)?.userId;
}

/**
 * Appointments (Termine): contacts and follow-ups planned for a date and a time, as a list or a week
 * view per worker, exportable as an iCalendar file (RFC 5545) for the office calendar.
 *
 * Standalone, the host hands the appointments in (`appointments`) and handles `fk-submit`, whose
 * detail is the validated `scheduleFollowUp` input. Inside `<fk-case-provider>` with a case, the
 * appointments come from the case's data-protected view (follow-ups and contacts; a withheld subject is
 * "ausgeblendet", a wholly withheld item only counted, DP-24), and planning goes through the service's
 * `scheduleFollowUp` with one `commandId` per save. With `scope="mine"` or `scope="agency"` the element
 * shows the caseload instead, from the core's decided worklist channel (the cases the actor may see, as
 * its views show them), read only. The export holds only what the list shows: subject, place and
 * time, never a person's name.
 *
 * @tagname fk-appointments
 * @summary Appointments of a case or a caseload: list or week per worker, plan form, iCalendar export.
 *
 * @event fk-submit - A valid appointment is to be saved; `detail` is the `scheduleFollowUp` input. Cancel it to stop the connected save.
 * @event fk-saved - The connected save succeeded; `detail` is the service's result value.
 * @event fk-refused - The connected save was refused; `detail` is `{ errors, value }`, the draft stays.
 * @event fk-calendar-export - A calendar file was made; `detail` is `{ filename, text }`. Cancel it to stop the download.
 *
 * @csspart toolbar - View switch, worker filter, week navigation and export.
 * @csspart list - The list table.
 * @csspart week - The week grid.
 * @csspart day - One day of the week grid.
 * @csspart form - The plan form.
 * @csspart export - The export button.
 */
export class FkAppointments extends LitElement {
  static override styles = [sharedStyles, recordPanelStyles, appointmentsStyles];

  /** The appointments to show (standalone); connected, the view or the caseload wins. */
  @property({ attribute: false }) appointments: readonly Appointment[] = [];

  /** `list` or `week`. */
  @property({ reflect: true }) view: 'list' | 'week' = 'list';

  /** The caseload to show instead of one case: `mine` (cases the actor manages) or `agency`. */
  @property() scope?: 'mine' | 'agency';

  /** Only this worker's appointments (a user id); all when empty. */
  @property() worker = '';

  /** A day of the week to show (`YYYY-MM-DD`); this week if absent. */
  @property() week?: string;

  /** Display names of workers by user id. */
  @property({ attribute: false }) workers: Readonly<Record<string, string>> = {};

  /** Hides the plan form. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The case to work on; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** The draft of the plan form. */
  @property({ attribute: false }) value: AppointmentDraft = EMPTY_DRAFT;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private caseload?: readonly CaseState[];
  @state() private error = false;
  @state() private saved = false;
  @state() private exported?: number;

  private readonly i18n = new LocalizeController(this, {
    catalog: appointmentsMessages,
    overrides: () => this.messages,
  });
  private readonly connection = new CaseConnectionController<ConnectedCaseView, CaseCommand>(this, {
    caseId: () => (this.scope === undefined ? this.caseId : undefined),
    onContext: () => void this.loadCaseload(),
  });
  private saveAttempt: { readonly key: string; readonly commandId: string } | undefined;
  private caseloadKey: string | undefined;

  /** Every appointment before the worker and week filters, earliest first, and how many are withheld. */
  get all(): { readonly appointments: readonly Appointment[]; readonly withheld: number } {
    if (this.connection.connected && this.scope !== undefined) {
      const rows = (this.caseload ?? []).flatMap(
        (c) => appointmentsOf(c.caseId, c.followUps, c.contacts, primaryManager(c.caseManagers)).appointments,
      );
      return { appointments: rows.sort(byStart), withheld: 0 };
    }
    const view = this.connection.connected ? this.connection.view : undefined;
    if (this.connection.connected) {
      if (view === undefined) return { appointments: [], withheld: 0 };
      return appointmentsOf(
        view.caseId,
        view.followUps as readonly FollowUpEntry[],
        view.contacts as readonly ContactEntry[],
        primaryManager(view.caseManagers as readonly unknown[]),
      );
    }
    return { appointments: [...this.appointments].sort(byStart), withheld: 0 };
  }

  /** The appointments shown now: the worker filter applied, and in the week view only that week. */
  get shown(): readonly Appointment[] {
    const byWorker = this.all.appointments.filter((a) => this.worker === '' || a.worker === this.worker);
    if (this.view !== 'week') return byWorker;
    const from = this.weekStart;
    const to = addDays(from, 6);
    return byWorker.filter((a) => a.date >= from && a.date <= to);
  }

  /** The Monday of the week shown. */
  get weekStart(): string {
    return mondayOf(this.week ?? localToday());
  }

  /** Whether the plan form is shown. */
  get writable(): boolean {
    if (this.readonly || this.scope !== undefined) return false;
    if (!this.connection.connected) return true;
    const actor = this.connection.request?.actor;
    return this.connection.status === 'ready' && actor !== undefined && isCaseWorkRole(actor.role);
  }

  /** Loads the caseload again (caseload scope only). */
  async refresh(): Promise<void> {
    this.caseloadKey = undefined;
    await this.loadCaseload();
  }

  private async loadCaseload(): Promise<void> {
    const service = this.connection.service;
    const request = this.connection.request;
    if (this.scope === undefined || !isCaseloadSource(service) || !request) return;
    const key = `${request.actor.id}|${request.actor.role}|${request.actor.agencyId}|${this.scope}`;
    if (key === this.caseloadKey) return;
    this.caseloadKey = key;
    const loaded = await service.loadWorklist(request, this.scope);
    // A refused channel shows nothing, never an earlier actor's caseload.
    this.caseload = loaded.ok ? loaded.value.cases : [];
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('scope')) void this.loadCaseload();
  }

  /** The calendar file of what is shown now (RFC 5545). */
  calendar(now = new Date().toISOString()): string {
    const entries: CalendarEntry[] = this.shown
      .filter((a) => a.kind === 'followUp' && !a.done)
      .map((a) => ({
        id: a.id,
        caseId: a.caseId,
        date: a.date,
        ...(a.time === undefined ? {} : { time: a.time }),
        ...(a.durationMinutes === undefined ? {} : { durationMinutes: a.durationMinutes }),
        ...(a.place === undefined ? {} : { place: a.place }),
        summary: a.subject ?? this.i18n.t('appointments.withheldSummary'),
      }));
    return toICalendar(entries, { now, name: this.i18n.t('appointments.calendarName') });
  }

  /** Makes the calendar file, fires `fk-calendar-export` and, not cancelled, downloads it. */
  exportCalendar(): { readonly filename: string; readonly text: string } {
    const text = this.calendar();
    const filename = `fallkit-termine-${this.view === 'week' ? this.weekStart : localToday()}.ics`;
    const event = new FkCalendarExportEvent({ filename, text });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
    this.exported = (text.match(/BEGIN:VEVENT/g) ?? []).length;
    return { filename, text };
  }

  /** Validates the draft, fires `fk-submit` and, connected and not cancelled, saves it. */
  async requestSubmit(): Promise<boolean> {
    const input = appointmentInput(this.value);
    this.error = input === undefined;
    if (input === undefined) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.value.date === '' ? '#date' : '#subject')?.focus();
      return false;
    }
    const submit = new FkSubmitEvent<ScheduleAppointmentInput>(input);
    this.dispatchEvent(submit);
    if (submit.defaultPrevented || !this.connection.connected) return !submit.defaultPrevented;
    const caseId = this.connection.caseId;
    if (caseId === undefined) return false;
    const key = JSON.stringify([caseId, input]);
    if (this.saveAttempt?.key !== key) this.saveAttempt = { key, commandId: this.connection.newCommandId() };
    const result = await this.connection.executeBatch([{ type: 'scheduleFollowUp', caseId, input } as CaseCommand], {
      commandId: this.saveAttempt.commandId,
    });
    if (!result.ok) {
      this.dispatchEvent(new FkRefusedEvent<AppointmentDraft>({ errors: result.errors, value: this.value }));
      return false;
    }
    this.saveAttempt = undefined;
    this.value = EMPTY_DRAFT;
    this.saved = true;
    this.dispatchEvent(new FkSavedEvent(result.value));
    return true;
  }

  private edit(patch: Partial<AppointmentDraft>): void {
    this.value = { ...this.value, ...patch };
    this.saved = false;
    if (this.error && appointmentInput(this.value) !== undefined) this.error = false;
    this.connection.clearRefusals();
  }

  private workerName(id: string | undefined): string {
    if (id === undefined) return '';
    const own = this.connection.request?.actor;
    return this.workers[id] ?? (own?.id === id ? own.name : undefined) ?? id;
  }

  private subjectOf(a: Appointment) {
    if (a.subject === undefined) {
      return html`<span class="withheld">${this.i18n.t('appointments.withheld')}</span>`;
    }
    if (a.kind === 'contact') {
      const key = `appointments.mode.${a.subject}`;
      const mode = this.i18n.has(key) ? this.i18n.t(key as 'appointments.mode.phone') : a.subject;
      return this.i18n.t('appointments.contactSummary', { mode });
    }
    return a.subject;
  }

  private whenOf(a: Appointment): string {
    const day = this.i18n.date(a.date);
    if (a.time === undefined) return `${day}, ${this.i18n.t('appointments.allDay')}`;
    const minutes =
      a.durationMinutes === undefined
        ? ''
        : ` (${this.i18n.t('appointments.minutes', { minutes: a.durationMinutes })})`;
    return `${day}, ${a.time}${minutes}`;
  }

  private renderToolbar(workers: readonly string[]) {
    const from = this.weekStart;
    const to = addDays(from, 6);
    return html`<div class="toolbar" part="toolbar">
      <div role="group" aria-label=${this.i18n.t('appointments.view')}>
        ${(['list', 'week'] as const).map(
          (v) =>
            html`<button
              type="button"
              class="fk-button"
              aria-pressed=${this.view === v ? 'true' : 'false'}
              data-view=${v}
              @click=${() => (this.view = v)}
            >
              ${this.i18n.t(`appointments.view.${v}`)}
            </button>`,
        )}
      </div>
      <div>
        <label for="worker">${this.i18n.t('appointments.worker')}</label>
        <select
          id="worker"
          .value=${this.worker}
          @change=${(e: Event) => (this.worker = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${this.i18n.t('appointments.worker.all')}</option>
          ${workers.map((w) => html`<option value=${w} ?selected=${this.worker === w}>${this.workerName(w)}</option>`)}
        </select>
      </div>
      ${
        this.view === 'week'
          ? html`<div
              role="group"
              aria-label=${this.i18n.t('appointments.week.label', {
                from: this.i18n.date(from),
                to: this.i18n.date(to),
              })}
            >
              <button
                type="button"
                class="fk-button"
                data-week="previous"
                @click=${() => (this.week = addDays(from, -7))}
              >
                ${this.i18n.t('appointments.week.previous')}
              </button>
              <button type="button" class="fk-button" data-week="next" @click=${() => (this.week = addDays(from, 7))}>
                ${this.i18n.t('appointments.week.next')}
              </button>
            </div>`
          : nothing
      }
      <button type="button" class="fk-button" part="export" @click=${() => this.exportCalendar()}>
        ${this.i18n.t('appointments.export')}
      </button>
    </div>`;
  }

  private renderList(shown: readonly Appointment[]) {
    return html`<table part="list">
      <thead>
        <tr>
          <th scope="col">${this.i18n.t('appointments.col.when')}</th>
          <th scope="col">${this.i18n.t('appointments.col.what')}</th>
          <th scope="col">${this.i18n.t('appointments.col.where')}</th>
          <th scope="col">${this.i18n.t('appointments.col.who')}</th>
        </tr>
      </thead>
      <tbody>
        ${shown.map(
          (a) =>
            html`<tr data-id=${a.id}>
              <td>${this.whenOf(a)}</td>
              <td>
                ${this.i18n.t(`appointments.kind.${a.kind}`)}: ${this.subjectOf(a)}
                ${a.done && a.kind === 'followUp' ? html`<span class="meta">(${this.i18n.t('appointments.done')})</span>` : nothing}
              </td>
              <td>${a.place ?? ''}</td>
              <td>${this.workerName(a.worker)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderWeek(shown: readonly Appointment[]) {
    const from = this.weekStart;
    const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
    return html`<div class="week" part="week">
      ${days.map((day) => {
        const items = shown.filter((a) => a.date === day);
        return html`<section class="day" part="day" data-day=${day} aria-labelledby=${`day-${day}`}>
          <h3 id=${`day-${day}`}>${this.i18n.date(day, { weekday: 'short', day: '2-digit', month: '2-digit' })}</h3>
          ${
            items.length === 0
              ? nothing
              : html`<ul>
                  ${items.map(
                    (a) =>
                      html`<li data-id=${a.id}>
                        ${a.time ?? this.i18n.t('appointments.allDay')} · ${this.subjectOf(a)}
                        ${a.place ? html`<span class="meta">(${a.place})</span>` : nothing}
                      </li>`,
                  )}
                </ul>`
          }
        </section>`;
      })}
    </div>`;
  }

  private renderRefusals(refusals: readonly Refusal[]) {
    return html`<ul>
      ${refusals.map((r) => html`<li>${this.i18n.text(r.message)}</li>`)}
    </ul>`;
  }

  private renderForm(workers: readonly string[]) {
    if (!this.writable) {
      return this.scope === undefined && (this.connection.status === 'ready' || !this.connection.connected)
        ? html`<p class="fk-hint">${this.i18n.t('appointments.readOnly')}</p>`
        : nothing;
    }
    const d = this.value;
    const pending = this.connection.pending;
    const refusals = this.connection.refusals;
    const field = (id: string, label: string, control: unknown, hint?: string) =>
      html`<div class=${id === 'subject' ? 'wide' : ''}>
        <label for=${id}>${label}</label>
        ${hint ? html`<p class="fk-hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${control}
      </div>`;
    return html`<form
      part="form"
      aria-labelledby="form-title"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.requestSubmit();
      }}
    >
      <h3 id="form-title" class="wide">${this.i18n.t('appointments.form.title')}</h3>
      <div>
        <fk-date-field
          id="date"
          label=${this.i18n.t('appointments.form.date')}
          required
          .error=${this.error && d.date === '' ? this.i18n.t('appointments.form.required') : undefined}
          .value=${d.date}
          @input=${(e: Event) => this.edit({ date: (e.target as HTMLInputElement).value })}
          @change=${(e: Event) => this.edit({ date: (e.target as HTMLInputElement).value })}
        ></fk-date-field>
      </div>
      ${field(
        'time',
        this.i18n.t('appointments.form.time'),
        html`<input
          id="time"
          type="time"
          aria-describedby="time-hint"
          .value=${d.time}
          @input=${(e: Event) => this.edit({ time: (e.target as HTMLInputElement).value })}
        />`,
        this.i18n.t('appointments.form.timeHint'),
      )}
      ${field(
        'duration',
        this.i18n.t('appointments.form.duration'),
        html`<input
          id="duration"
          type="number"
          min="5"
          max="720"
          step="5"
          inputmode="numeric"
          .value=${d.durationMinutes}
          @input=${(e: Event) => this.edit({ durationMinutes: (e.target as HTMLInputElement).value })}
        />`,
      )}
      ${field(
        'place',
        this.i18n.t('appointments.form.place'),
        html`<input
          id="place"
          type="text"
          maxlength="300"
          .value=${d.place}
          @input=${(e: Event) => this.edit({ place: (e.target as HTMLInputElement).value })}
        />`,
      )}
      ${field(
        'assignee',
        this.i18n.t('appointments.form.assignee'),
        html`<select
          id="assignee"
          .value=${d.assignedTo}
          @change=${(e: Event) => this.edit({ assignedTo: (e.target as HTMLSelectElement).value })}
        >
          <option value="">${this.i18n.t('appointments.form.assigneeDefault')}</option>
          ${workers.map((w) => html`<option value=${w} ?selected=${d.assignedTo === w}>${this.workerName(w)}</option>`)}
        </select>`,
      )}
      ${field(
        'subject',
        this.i18n.t('appointments.form.subject'),
        html`<input
          id="subject"
          type="text"
          maxlength="200"
          aria-required="true"
          aria-describedby="subject-hint"
          aria-invalid=${this.error && d.subject.trim() === '' ? 'true' : 'false'}
          .value=${d.subject}
          @input=${(e: Event) => this.edit({ subject: (e.target as HTMLInputElement).value })}
        />`,
        this.i18n.t('appointments.form.subjectHint'),
      )}
      ${this.error ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${this.i18n.t('appointments.form.required')}</p>` : nothing}
      ${
        refusals.length > 0 && this.connection.status === 'ready'
          ? html`<div class="wide fk-refusals" role="alert">
              <p>${this.i18n.t('appointments.form.refused')}</p>
              ${this.renderRefusals(refusals)}
            </div>`
          : nothing
      }
      <p class="wide" role="status">${this.saved ? this.i18n.t('appointments.form.saved') : nothing}</p>
      <div class="actions">
        <button class="fk-button fk-button--primary" type="submit" ?disabled=${pending}>
          ${pending ? this.i18n.t('appointments.form.saving') : this.i18n.t('appointments.form.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderStatus() {
    if (!this.connection.connected || this.scope !== undefined) return nothing;
    const status = this.connection.status;
    if (status === 'loading')
      return html`<p class="fk-status" role="status">${this.i18n.t('appointments.loading')}</p>`;
    if (status === 'not-found')
      return html`<p class="fk-status" role="status">${this.i18n.t('appointments.notFound')}</p>`;
    if (status === 'denied') {
      return html`<div class="fk-refusals" role="alert">
        <p>${this.i18n.t('appointments.denied')}</p>
        ${this.renderRefusals(this.connection.refusals)}
      </div>`;
    }
    return nothing;
  }

  override render() {
    const { appointments, withheld } = this.all;
    const workers = [...new Set(appointments.map((a) => a.worker).filter((w): w is string => w !== undefined))];
    const managers = this.connection.view?.caseManagers as readonly unknown[] | undefined;
    for (const m of managers ?? []) {
      const id = isRedactionMarker(m) ? undefined : (m as { userId?: unknown }).userId;
      if (typeof id === 'string' && !workers.includes(id)) workers.push(id);
    }
    const ready = !this.connection.connected || this.scope !== undefined || this.connection.status === 'ready';
    const shown = this.shown;
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('appointments.title')}</h2>
      <p class="lead">${this.i18n.t('appointments.lead')}</p>
      ${this.renderStatus()}
      ${
        ready
          ? html`${this.renderToolbar(workers)}
              ${shown.length === 0 && this.view === 'list' ? html`<p>${this.i18n.t('appointments.empty')}</p>` : nothing}
              ${this.view === 'week' ? this.renderWeek(shown) : shown.length > 0 ? this.renderList(shown) : nothing}
              ${withheld > 0 ? html`<p class="meta">${this.i18n.t('appointments.withheldCount', { count: withheld })}</p>` : nothing}
              <p class="meta" role="status">
                ${this.exported === undefined ? nothing : this.i18n.t('appointments.exported', { count: this.exported })}
              </p>`
          : nothing
      }
      ${this.renderForm(workers)}
    </section>`;
  }
}
