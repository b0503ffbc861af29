import { html, nothing } from 'lit';
import { CATEGORY_LABELS, type DataCategory } from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { ConsentRecordLike } from '../shared/privacy-shapes.js';
import type { ConsentManagerView } from './consent-manager.view.js';

/**
 * The withdrawal panel of one recorded consent (DP-14: as easy as consenting): wholly or in part (by
 * category, by recipient when there are several), with an optional note.
 */
export function withdrawalPanel(v: ConsentManagerView, r: Pick<ConsentRecordLike, 'categories' | 'recipients'>) {
  const t = v.t;
  const w = v.withdrawal;
  return html`<div class="section section--quiet" part="withdrawal">
    <h4 tabindex="-1">${t.t('consent.withdraw.title')}</h4>
    <p class="fk-hint">${t.t('consent.withdraw.lead')}</p>
    <fk-radio-group
      label=${t.t('consent.withdraw.scope')}
      inline
      .options=${[
        { value: 'whole', label: t.t('consent.withdraw.whole') },
        { value: 'partial', label: t.t('consent.withdraw.partial') },
      ]}
      .value=${w.scope}
      @change=${(e: FkFieldChangeEvent<'whole' | 'partial'>) => v.editWithdrawal({ scope: e.value })}
    ></fk-radio-group>
    ${
      w.scope === 'partial'
        ? html`<fk-checkbox-group
              label=${t.t('consent.withdraw.categories')}
              inline
              .options=${r.categories.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
              .value=${w.categories}
              .error=${w.error}
              @change=${(e: FkFieldChangeEvent<readonly DataCategory[]>) =>
                v.editWithdrawal({ categories: [...e.value], error: undefined })}
            ></fk-checkbox-group>
            ${
              r.recipients.length > 1
                ? html`<fk-checkbox-group
                    label=${t.t('consent.withdraw.recipients')}
                    inline
                    .options=${r.recipients.map((x) => ({ value: x.agencyId, label: x.name ?? x.agencyId }))}
                    .value=${w.recipients}
                    @change=${(e: FkFieldChangeEvent<readonly string[]>) =>
                      v.editWithdrawal({ recipients: [...e.value], error: undefined })}
                  ></fk-checkbox-group>`
                : nothing
            }`
        : nothing
    }
    <fk-text-field
      label=${t.t('consent.withdraw.note')}
      .value=${w.note}
      @input=${onFieldText((note) => v.editWithdrawal({ note }))}
    ></fk-text-field>
    <div class="actions">
      <button
        type="button"
        class="fk-button fk-button--primary"
        ?disabled=${v.pending}
        @click=${() => v.submitWithdraw()}
      >
        ${t.t('consent.withdraw.submit')}
      </button>
      <button type="button" class="fk-button" @click=${() => v.cancelWithdraw()}>
        ${t.t('consent.withdraw.cancel')}
      </button>
    </div>
  </div>`;
}
