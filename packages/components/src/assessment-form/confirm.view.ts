import { html, nothing } from 'lit';
import type { AssessmentConfirmation } from '@fallkit/core';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { AssessmentFormView } from './assessment-form.view.js';

const CONFIRM_FORMS: readonly AssessmentConfirmation['form'][] = ['oral', 'written', 'signed'];

/** The confirm-with-person step, offered while the stored version is `recorded` and nothing is edited. */
export function confirmSection(v: AssessmentFormView) {
  const r = v.record;
  if (!r || r.status !== 'recorded' || v.readonly || v.disabled || v.dirty) return nothing;
  const t = v.t;
  const input = v.confirmInput;
  return html`<section class="section section--quiet" part="confirm" aria-labelledby="confirm-heading">
    <h3 id="confirm-heading">${t.t('assessment.confirm.title')}</h3>
    <p class="lead">${t.t('assessment.confirm.lead')}</p>
    <div class="pair">
      <fk-date-field
        label=${t.t('assessment.confirm.on')}
        required
        .value=${input.on}
        @change=${(e: FkFieldChangeEvent<string>) => v.setConfirmInput({ on: e.value })}
      ></fk-date-field>
      <fk-radio-group
        label=${t.t('assessment.confirm.form')}
        inline
        .options=${CONFIRM_FORMS.map((f) => ({ value: f, label: t.t(`assessment.confirm.form.${f}`) }))}
        .value=${input.form}
        @change=${(e: FkFieldChangeEvent<string>) => {
          const form = CONFIRM_FORMS.find((f) => f === e.value);
          if (form) v.setConfirmInput({ form });
        }}
      ></fk-radio-group>
    </div>
    <fk-textarea
      label=${t.t('assessment.confirm.note')}
      rows="2"
      .value=${input.note}
      @input=${(e: Event) => v.setConfirmInput({ note: (e.target as HTMLTextAreaElement).value })}
    ></fk-textarea>
    <div class="actions">
      <button
        type="button"
        class="fk-button"
        part="confirm-button"
        ?disabled=${!input.on || v.pending}
        @click=${() => v.confirm()}
      >
        ${t.t('assessment.confirm.submit')}
      </button>
    </div>
  </section>`;
}
