import { html, nothing } from 'lit';
import type { DataCategory, Notice, Refusal } from '@fallkit/core';
import type { ConnectionStatus } from '../controllers/case-connection-controller.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import type { notesMessages } from './notes.messages.js';
import type { NoteDraft } from './notes.model.js';

/** Why the draft cannot be saved yet (shown at its field). */
export type NoteDraftError = 'required' | 'tooLong' | 'entrustedBy';

/**
 * What the section views of `<fk-notes>` read and may do: the element hands this to each view function in
 * `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface NotesView {
  readonly t: LocalizeController<typeof notesMessages.de>;
  /** The connection's status (`standalone` without a provider). */
  readonly status: ConnectionStatus;
  /** The case view the notes come from (connected), for what a note relates to. */
  readonly caseView: ConnectedCaseView | undefined;
  /** Whether the write form is shown (not read-only; connected: a case-work role, DP-40). */
  readonly writable: boolean;
  /** Whether the element is connected to a provider. */
  readonly connected: boolean;
  readonly draft: NoteDraft;
  readonly error: NoteDraftError | undefined;
  /** A save is on its way. */
  readonly pending: boolean;
  /** The refusals of the last save or read. */
  readonly refusals: readonly Refusal[];
  /** The DP-03 notices to show as a hint. */
  readonly notices: readonly Notice[];
  /** The last note was stored. */
  readonly saved: boolean;
  /** The display name of an author (`undefined`: withheld). */
  author(id: string | undefined): string;
  categoryLabel(category: DataCategory): string;
  edit(patch: Partial<NoteDraft>): void;
  toggleCategory(category: DataCategory, on: boolean): void;
  submit(): void;
}

/** The refusals as a plain list, in the page's language. */
export function refusalList(v: NotesView, refusals: readonly Refusal[]) {
  return html`<ul>
    ${refusals.map((r) => html`<li>${v.t.text(r.message)}</li>`)}
  </ul>`;
}

/** Loading, not found or denied (the read was refused): the line shown instead of the list. */
export function statusLine(v: NotesView) {
  const t = v.t;
  if (v.status === 'loading') return html`<p class="fk-status" role="status">${t.t('notes.loading')}</p>`;
  if (v.status === 'not-found') return html`<p class="fk-status" role="status">${t.t('notes.notFound')}</p>`;
  if (v.status === 'denied') {
    return html`<div class="fk-refusals" role="alert">
      <p>${t.t('notes.denied')}</p>
      ${refusalList(v, v.refusals)}
    </div>`;
  }
  return nothing;
}
