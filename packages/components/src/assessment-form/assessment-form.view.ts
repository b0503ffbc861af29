import { html, nothing } from 'lit';
import type { Assessment, AssessmentConfirmation } from '@fallkit/core';
import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { AssessmentStandard } from '../shared/assessment-standard.js';
import { markerCategory, type Redactions } from '../shared/view-redactions.js';
import type { assessmentMessages } from './assessment-form.messages.js';
import type { AssessmentDomainValue, AssessmentFormValue, PreviousAssessment } from './assessment-form.schema.js';

/** The confirm-with-person step's own inputs (not part of the value). */
export interface AssessmentConfirmInput {
  readonly on: string;
  readonly form: AssessmentConfirmation['form'];
  readonly note: string;
}

/**
 * What the section views of `<fk-assessment-form>` read and may do: the element builds it once per
 * render and hands it to each view function (no access to the element's internals).
 */
export interface AssessmentFormView {
  readonly t: LocalizeController<typeof assessmentMessages.de>;
  readonly value: AssessmentFormValue;
  /** The opened life domains. */
  readonly domains: readonly AssessmentDomainValue[];
  /** Neither read-only nor disabled. */
  readonly editable: boolean;
  /** The form is disabled (own attribute or a disabled fieldset). */
  readonly disabled: boolean;
  /** The form is read-only. */
  readonly readonly: boolean;
  /** The form has unsaved changes. */
  readonly dirty: boolean;
  /** A save or side action is running. */
  readonly pending: boolean;
  /** Whether the form records a narrative (free-text) assessment instead of life domains. */
  readonly narrative: boolean;
  readonly standard: AssessmentStandard;
  readonly record: Pick<Assessment, 'id' | 'version' | 'kind' | 'recordedOn' | 'status' | 'confirmation'> | undefined;
  readonly previous: PreviousAssessment | undefined;
  readonly redactions: Redactions;
  readonly confirmInput: AssessmentConfirmInput;
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<AssessmentFormValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<AssessmentFormValue, P>>;
  /** The error at a path (`nested`: with its children). */
  errorAt(path: string, nested?: boolean): string | undefined;
  /** Records an edit of a field the views do not bind (choices shown read-only). */
  setField(path: string, value: unknown): void;
  /** The label of a life domain, with its ICF code when it has one. */
  label(domainId: string): string;
  openDomain(domainId: string): void;
  removeDomain(index: number): void;
  setRating(index: number, raw: number | string | null): void;
  setConfirmInput(patch: Partial<AssessmentConfirmInput>): void;
  /** Confirms the stored version with the person (`fk-confirm`, then `confirmAssessment`). */
  confirm(): void;
}

/** A withheld field or section with its reason (DP-24), or nothing when it is not withheld. */
export function redactedField(v: AssessmentFormView, key: string, label: string, category?: string) {
  const marker = v.redactions[key];
  if (!marker) return nothing;
  const named = markerCategory(marker) ?? category;
  return html`<fk-redacted label=${label} category=${named ?? nothing} .marker=${marker}></fk-redacted>`;
}

/** Title, version line and status badge. */
export function assessmentHeader(v: AssessmentFormView) {
  const r = v.record;
  const t = v.t;
  const parts: string[] = [];
  if (r) {
    parts.push(t.t('assessment.version', { version: t.number(r.version) }));
    parts.push(t.t(r.kind === 'reassessment' ? 'assessment.kind.reassessment' : 'assessment.kind.initial'));
    parts.push(t.t('assessment.recordedOn', { date: t.date(r.recordedOn) }));
  } else if (v.previous) {
    parts.push(t.t('assessment.version', { version: t.number(v.previous.version + 1) }));
    parts.push(t.t('assessment.kind.reassessment'));
  }
  const badge = !r
    ? v.previous
      ? html`<span class="badge badge--info">${t.t('assessment.status.new')}</span>`
      : nothing
    : r.status === 'confirmed' && r.confirmation
      ? html`<span class="badge badge--ok"
          >${t.t('assessment.status.confirmed', { date: t.date(r.confirmation.confirmedOn) })}</span
        >`
      : html`<span class="badge badge--warn">${t.t('assessment.status.recorded')}</span>`;
  return html`<div class="head" part="header">
    <div>
      <h2>${t.t('assessment.title')}</h2>
      ${parts.length ? html`<p class="meta">${parts.join(' · ')}</p>` : nothing}
    </div>
    ${badge}
  </div>`;
}
