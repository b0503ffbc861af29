import { html, nothing } from 'lit';
import { refusalList, type AppointmentsView } from './appointments.view.js';

/** The plan form (for who may write, DP-40), or the line that the list is read-only. */
export function appointmentForm(v: AppointmentsView, workers: readonly string[]) {
  const t = v.t;
  if (!v.writable) {
    return !v.caseload && (v.status === 'ready' || !v.connected)
      ? html`<p class="fk-hint">${t.t('appointments.readOnly')}</p>`
      : nothing;
  }
  const d = v.draft;
  const pending = v.pending;
  const refusals = v.refusals;
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
      v.submit();
    }}
  >
    <h3 id="form-title" class="wide">${t.t('appointments.form.title')}</h3>
    <div>
      <fk-date-field
        id="date"
        label=${t.t('appointments.form.date')}
        required
        .error=${v.error && d.date === '' ? t.t('appointments.form.required') : undefined}
        .value=${d.date}
        @input=${(e: Event) => v.edit({ date: (e.target as HTMLInputElement).value })}
        @change=${(e: Event) => v.edit({ date: (e.target as HTMLInputElement).value })}
      ></fk-date-field>
    </div>
    ${field(
      'time',
      t.t('appointments.form.time'),
      html`<input
        id="time"
        type="time"
        aria-describedby="time-hint"
        .value=${d.time}
        @input=${(e: Event) => v.edit({ time: (e.target as HTMLInputElement).value })}
      />`,
      t.t('appointments.form.timeHint'),
    )}
    ${field(
      'duration',
      t.t('appointments.form.duration'),
      html`<input
        id="duration"
        type="number"
        min="5"
        max="720"
        step="5"
        inputmode="numeric"
        .value=${d.durationMinutes}
        @input=${(e: Event) => v.edit({ durationMinutes: (e.target as HTMLInputElement).value })}
      />`,
    )}
    ${field(
      'place',
      t.t('appointments.form.place'),
      html`<input
        id="place"
        type="text"
        maxlength="300"
        .value=${d.place}
        @input=${(e: Event) => v.edit({ place: (e.target as HTMLInputElement).value })}
      />`,
    )}
    ${field(
      'assignee',
      t.t('appointments.form.assignee'),
      html`<select
        id="assignee"
        .value=${d.assignedTo}
        @change=${(e: Event) => v.edit({ assignedTo: (e.target as HTMLSelectElement).value })}
      >
        <option value="">${t.t('appointments.form.assigneeDefault')}</option>
        ${workers.map((w) => html`<option value=${w} ?selected=${d.assignedTo === w}>${v.workerName(w)}</option>`)}
      </select>`,
    )}
    ${field(
      'subject',
      t.t('appointments.form.subject'),
      html`<input
        id="subject"
        type="text"
        maxlength="200"
        aria-required="true"
        aria-describedby="subject-hint"
        aria-invalid=${v.error && d.subject.trim() === '' ? 'true' : 'false'}
        .value=${d.subject}
        @input=${(e: Event) => v.edit({ subject: (e.target as HTMLInputElement).value })}
      />`,
      t.t('appointments.form.subjectHint'),
    )}
    ${v.error ? html`<p class="wide fk-feedback fk-feedback--error error" role="alert">${t.t('appointments.form.required')}</p>` : nothing}
    ${
      refusals.length > 0 && v.status === 'ready'
        ? html`<div class="wide fk-refusals" role="alert">
            <p>${t.t('appointments.form.refused')}</p>
            ${refusalList(v, refusals)}
          </div>`
        : nothing
    }
    <p class="wide" role="status">${v.saved ? t.t('appointments.form.saved') : nothing}</p>
    <div class="actions">
      <button class="fk-button fk-button--primary" type="submit" ?disabled=${pending}>
        ${pending ? t.t('appointments.form.saving') : t.t('appointments.form.submit')}
      </button>
    </div>
  </form>`;
}
