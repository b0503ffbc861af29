import { html, nothing } from 'lit';
import type { Refusal } from '@fallkit/core';
import type { ConnectionStatus } from '../controllers/case-connection-controller.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { personRecordMessages } from './person-record.messages.js';
import type { ContactDraft, NewPersonDraft, RepresentationDraft } from './person-record.model.js';
import type { PersonEntry, ResidenceEntry } from './person-record.view.js';
import type { RelationDraft, RelationsHost } from './relations.view.js';

/** Why a form cannot be saved yet (shown at the form). */
export type PersonRecordError = 'person' | 'representation' | 'relation';

/**
 * What the section views of `<fk-person-record>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface PersonRecordView {
  readonly t: LocalizeController<typeof personRecordMessages.de>;
  readonly connected: boolean;
  /** The connection's status (`standalone` without a provider). */
  readonly status: ConnectionStatus;
  readonly pending: boolean;
  readonly refusals: readonly Refusal[];
  /** Whether the forms and edit buttons show (not read-only; connected: a case-work role, DP-40). */
  readonly writable: boolean;
  /** The addressee's person id. */
  readonly addressee: string | undefined;
  readonly residence: readonly ResidenceEntry[];
  readonly newPerson: NewPersonDraft;
  /** The contact being edited, if any. */
  readonly contact: ContactDraft | undefined;
  readonly representation: RepresentationDraft;
  readonly relation: RelationDraft;
  readonly error: PersonRecordError | undefined;
  /** What the relations view needs (texts, names, the withheld marker). */
  readonly relations: RelationsHost;
  idOf(person: PersonEntry): string | undefined;
  personName(id: string): string;
  editContact(personId: string): void;
  editNewPerson(patch: Partial<NewPersonDraft>): void;
  /** Replaces the contact draft (`undefined`: the form closes). */
  editContactDraft(next: ContactDraft | undefined): void;
  editRepresentation(patch: Partial<RepresentationDraft>): void;
  editRelation(patch: Partial<RelationDraft>): void;
  submitPerson(): void;
  submitContact(): void;
  submitRepresentation(): void;
  submitRelation(): void;
}

/** The refusals of the last save, in place. */
export function refusalsBlock(v: PersonRecordView) {
  const refusals: readonly Refusal[] = v.refusals;
  if (refusals.length === 0 || v.status !== 'ready') return nothing;
  return html`<div class="wide fk-refusals" role="alert">
    <p>${v.t.t('person.refused')}</p>
    <ul>
      ${refusals.map((r) => html`<li>${v.t.text(r.message)}</li>`)}
    </ul>
  </div>`;
}

/** Loading, not found or denied: the line shown instead of the record. */
export function statusLine(v: PersonRecordView) {
  if (!v.connected) return nothing;
  const status = v.status;
  if (status === 'loading') return html`<p class="fk-status" role="status">${v.t.t('person.loading')}</p>`;
  if (status === 'not-found') return html`<p class="fk-status" role="status">${v.t.t('person.notFound')}</p>`;
  if (status === 'denied') {
    return html`<div class="fk-refusals" role="alert">
      <p>${v.t.t('person.denied')}</p>
      <ul>
        ${v.refusals.map((r) => html`<li>${v.t.text(r.message)}</li>`)}
      </ul>
    </div>`;
  }
  return nothing;
}
