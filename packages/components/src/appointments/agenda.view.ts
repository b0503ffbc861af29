import { html, nothing } from 'lit';
import { addDays, type Appointment } from './appointments.model.js';
import type { AppointmentsView } from './appointments.view.js';

/** What an appointment is about: its subject, a contact's mode, or "ausgeblendet" (DP-24). */
export function subjectOf(v: AppointmentsView, a: Appointment) {
  const t = v.t;
  if (a.subject === undefined) {
    return html`<span class="withheld">${t.t('appointments.withheld')}</span>`;
  }
  if (a.kind === 'contact') {
    const key = `appointments.mode.${a.subject}`;
    const mode = t.has(key) ? t.t(key as 'appointments.mode.phone') : a.subject;
    return t.t('appointments.contactSummary', { mode });
  }
  return a.subject;
}

/** Day and time (or all day), with the duration. */
export function whenOf(v: AppointmentsView, a: Appointment): string {
  const t = v.t;
  const day = t.date(a.date);
  if (a.time === undefined) return `${day}, ${t.t('appointments.allDay')}`;
  const minutes =
    a.durationMinutes === undefined ? '' : ` (${t.t('appointments.minutes', { minutes: a.durationMinutes })})`;
  return `${day}, ${a.time}${minutes}`;
}

/** List or week, whose appointments, which week, and the calendar export. */
export function toolbar(v: AppointmentsView, workers: readonly string[]) {
  const t = v.t;
  const from = v.weekStart;
  const to = addDays(from, 6);
  return html`<div class="toolbar" part="toolbar">
    <div role="group" aria-label=${t.t('appointments.view')}>
      ${(['list', 'week'] as const).map(
        (mode) =>
          html`<button
            type="button"
            class="fk-button"
            aria-pressed=${v.mode === mode ? 'true' : 'false'}
            data-view=${mode}
            @click=${() => v.setMode(mode)}
          >
            ${t.t(`appointments.view.${mode}`)}
          </button>`,
      )}
    </div>
    <div>
      <label for="worker">${t.t('appointments.worker')}</label>
      <select
        id="worker"
        .value=${v.worker}
        @change=${(e: Event) => v.setWorker((e.target as HTMLSelectElement).value)}
      >
        <option value="">${t.t('appointments.worker.all')}</option>
        ${workers.map((w) => html`<option value=${w} ?selected=${v.worker === w}>${v.workerName(w)}</option>`)}
      </select>
    </div>
    ${
      v.mode === 'week'
        ? html`<div
            role="group"
            aria-label=${t.t('appointments.week.label', {
              from: t.date(from),
              to: t.date(to),
            })}
          >
            <button type="button" class="fk-button" data-week="previous" @click=${() => v.setWeek(addDays(from, -7))}>
              ${t.t('appointments.week.previous')}
            </button>
            <button type="button" class="fk-button" data-week="next" @click=${() => v.setWeek(addDays(from, 7))}>
              ${t.t('appointments.week.next')}
            </button>
          </div>`
        : nothing
    }
    <button type="button" class="fk-button" part="export" @click=${() => v.exportCalendar()}>
      ${t.t('appointments.export')}
    </button>
  </div>`;
}

/** The appointments as a table. */
export function appointmentTable(v: AppointmentsView, shown: readonly Appointment[]) {
  const t = v.t;
  return html`<table part="list">
    <thead>
      <tr>
        <th scope="col">${t.t('appointments.col.when')}</th>
        <th scope="col">${t.t('appointments.col.what')}</th>
        <th scope="col">${t.t('appointments.col.where')}</th>
        <th scope="col">${t.t('appointments.col.who')}</th>
      </tr>
    </thead>
    <tbody>
      ${shown.map(
        (a) =>
          html`<tr data-id=${a.id}>
            <td>${whenOf(v, a)}</td>
            <td>
              ${t.t(`appointments.kind.${a.kind}`)}: ${subjectOf(v, a)}
              ${a.done && a.kind === 'followUp' ? html`<span class="meta">(${t.t('appointments.done')})</span>` : nothing}
            </td>
            <td>${a.place ?? ''}</td>
            <td>${v.workerName(a.worker)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The week from Monday: one section per day with its appointments. */
export function weekGrid(v: AppointmentsView, shown: readonly Appointment[]) {
  const t = v.t;
  const from = v.weekStart;
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return html`<div class="week" part="week">
    ${days.map((day) => {
      const items = shown.filter((a) => a.date === day);
      return html`<section class="day" part="day" data-day=${day} aria-labelledby=${`day-${day}`}>
        <h3 id=${`day-${day}`}>${t.date(day, { weekday: 'short', day: '2-digit', month: '2-digit' })}</h3>
        ${
          items.length === 0
            ? nothing
            : html`<ul>
                ${items.map(
                  (a) =>
                    html`<li data-id=${a.id}>
                      ${a.time ?? t.t('appointments.allDay')} · ${subjectOf(v, a)}
                      ${a.place ? html`<span class="meta">(${a.place})</span>` : nothing}
                    </li>`,
                )}
              </ul>`
        }
      </section>`;
    })}
  </div>`;
}
