import { html, nothing } from 'lit';
import type { Refusal } from '@fallkit/core';
import type { ConnectionStatus } from '../controllers/case-connection-controller.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { appointmentsMessages } from './appointments.messages.js';
import type { AppointmentDraft } from './appointments.model.js';

/**
 * What the section views of `<fk-appointments>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface AppointmentsView {
  readonly t: LocalizeController<typeof appointmentsMessages.de>;
  readonly connected: boolean;
  /** The connection's status (`standalone` without a provider). */
  readonly status: ConnectionStatus;
  /** A caseload (`scope` set) rather than one case: read only, no case status. */
  readonly caseload: boolean;
  /** `list` or `week`. */
  readonly mode: 'list' | 'week';
  /** The worker filter (`''`: everyone). */
  readonly worker: string;
  /** The Monday of the week shown. */
  readonly weekStart: string;
  /** The plan form is shown (not read-only, a case, a case-work role). */
  readonly writable: boolean;
  readonly draft: AppointmentDraft;
  /** The draft misses its date or subject (after a submit attempt). */
  readonly error: boolean;
  readonly pending: boolean;
  readonly refusals: readonly Refusal[];
  readonly saved: boolean;
  workerName(id: string | undefined): string;
  setMode(mode: 'list' | 'week'): void;
  setWorker(worker: string): void;
  setWeek(monday: string): void;
  exportCalendar(): void;
  edit(patch: Partial<AppointmentDraft>): void;
  submit(): void;
}

/** The refusals as a plain list, in the page's language. */
export function refusalList(v: AppointmentsView, refusals: readonly Refusal[]) {
  return html`<ul>
    ${refusals.map((r) => html`<li>${v.t.text(r.message)}</li>`)}
  </ul>`;
}

/** Loading, not found or denied (of the case; a caseload has none): the line instead of the list. */
export function statusLine(v: AppointmentsView) {
  const t = v.t;
  if (!v.connected || v.caseload) return nothing;
  const status = v.status;
  if (status === 'loading') return html`<p class="fk-status" role="status">${t.t('appointments.loading')}</p>`;
  if (status === 'not-found') return html`<p class="fk-status" role="status">${t.t('appointments.notFound')}</p>`;
  if (status === 'denied') {
    return html`<div class="fk-refusals" role="alert">
      <p>${t.t('appointments.denied')}</p>
      ${refusalList(v, v.refusals)}
    </div>`;
  }
  return nothing;
}
