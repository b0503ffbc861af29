import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { followUpHolders, isCaseWorkRole, isRedactionMarker, type CaseCommand, type CaseState } from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import { FkCalendarExportEvent } from '../events/fk-calendar-export.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import { FkSubmitEvent } from '../events/fk-submit.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import {
  EMPTY_DRAFT,
  addDays,
  appointmentInput,
  appointmentsOf,
  byStart,
  isCaseloadSource,
  mondayOf,
  primaryManager,
  type Appointment,
  type AppointmentDraft,
  type ContactEntry,
  type FollowUpEntry,
  type ScheduleAppointmentInput,
} from './appointments.model.js';
import { statusLine, type AppointmentsView } from './appointments.view.js';
import { appointmentTable, toolbar, weekGrid } from './agenda.view.js';
import { appointmentForm } from './appointment-form.view.js';
import { appointmentsMessages } from './appointments.messages.js';
import { appointmentsStyles } from './appointments.styles.js';
import { recordPanelStyles } from '../shared/record-panel.styles.js';
import { toICalendar, type CalendarEntry } from './icalendar.js';
import { todayIso as localToday } from '../base/parts-schema.js';

export { appointmentInput } from './appointments.model.js';
export type { AppointmentDraft, ScheduleAppointmentInput } from './appointments.model.js';

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
        (c) =>
          appointmentsOf(
            c.caseId,
            c.followUps,
            c.contacts,
            primaryManager(c.caseManagers),
            followUpHolders(c, localToday()),
          ).appointments,
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
        // HO-3: a follow-up a handover handed to the receiver shows the receiver, as the worklist does.
        followUpHolders(view as unknown as CaseState, localToday()),
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

  /** What the views read and may do (see {@link AppointmentsView}). */
  private sections(): AppointmentsView {
    const connection = this.connection;
    return {
      t: this.i18n,
      connected: connection.connected,
      status: connection.status,
      caseload: this.scope !== undefined,
      mode: this.view,
      worker: this.worker,
      weekStart: this.weekStart,
      writable: this.writable,
      draft: this.value,
      error: this.error,
      pending: connection.pending,
      refusals: connection.refusals,
      saved: this.saved,
      workerName: (id) => this.workerName(id),
      setMode: (mode) => (this.view = mode),
      setWorker: (worker) => (this.worker = worker),
      setWeek: (monday) => (this.week = monday),
      exportCalendar: () => void this.exportCalendar(),
      edit: (patch) => this.edit(patch),
      submit: () => void this.requestSubmit(),
    };
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
    const v = this.sections();
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.i18n.t('appointments.title')}</h2>
      <p class="lead">${this.i18n.t('appointments.lead')}</p>
      ${statusLine(v)}
      ${
        ready
          ? html`${toolbar(v, workers)}
              ${shown.length === 0 && this.view === 'list' ? html`<p>${this.i18n.t('appointments.empty')}</p>` : nothing}
              ${this.view === 'week' ? weekGrid(v, shown) : shown.length > 0 ? appointmentTable(v, shown) : nothing}
              ${withheld > 0 ? html`<p class="meta">${this.i18n.t('appointments.withheldCount', { count: withheld })}</p>` : nothing}
              <p class="meta" role="status">
                ${this.exported === undefined ? nothing : this.i18n.t('appointments.exported', { count: this.exported })}
              </p>`
          : nothing
      }
      ${appointmentForm(v, workers)}
    </section>`;
  }
}
