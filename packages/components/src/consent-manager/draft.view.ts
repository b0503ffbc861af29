import { html, nothing } from 'lit';
import { CATEGORY_LABELS, ORDINARY_DATA_CATEGORIES, SPECIAL_DATA_CATEGORIES, type DataCategory } from '@fallkit/core';
import { purposeName } from '../i18n/glossary.js';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { ConsentManagerView } from './consent-manager.view.js';
import { documentationFields, giverSection } from './giver.view.js';
import { informationSection } from './information.view.js';

/**
 * The new consent or release (DP-07, DP-10: nothing ticked at the start): its kind and subject, the
 * recipients, purposes and data categories one by one, the professionals of a release (DP-15), the time
 * limit (DP-11), the giver, the documentation, the information (DP-09), print and confirm.
 */
export function draftSection(v: ConsentManagerView) {
  const t = v.t;
  const value = v.value;
  const release = value.kind === 'release';
  return html`<section class="section" part="draft" aria-labelledby="draft-heading">
    <h3 id="draft-heading">${t.t('consent.new')}</h3>
    <p class="lead">${t.t('consent.lead')}</p>
    <fk-radio-group
      data-path="kind"
      label=${t.t('consent.kind')}
      inline
      .options=${[
        { value: 'consent', label: t.t('consent.kind.consent') },
        { value: 'release', label: t.t('consent.kind.release') },
      ]}
      .value=${value.kind}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<string>) => v.setField('kind', e.value)}
    ></fk-radio-group>
    ${
      v.persons.length > 1
        ? html`<fk-select
            data-path="subjectId"
            label=${t.t('consent.subject')}
            .options=${v.persons.map((p) => ({ value: p.id, label: p.name }))}
            .value=${v.subject()?.id ?? ''}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @change=${(e: FkFieldChangeEvent<string>) => v.setField('subjectId', e.value)}
          ></fk-select>`
        : nothing
    }
    ${recipientFields(v)} ${categoryFields(v)}
    ${
      release
        ? html`<fk-textarea
            data-path="professionals"
            label=${t.t('consent.professionals')}
            hint=${t.t('consent.professionalsHint')}
            required
            rows="2"
            .value=${v.professionalsText}
            .error=${v.errorAt('professionals')}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @input=${onFieldText((text) => v.setProfessionals(text))}
          ></fk-textarea>`
        : nothing
    }
    <div class="pair">
      <fk-date-field
        data-path="validFrom"
        label=${t.t('consent.validFrom')}
        required
        .value=${value.validFrom ?? ''}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('validFrom', e.value)}
      ></fk-date-field>
      <fk-date-field
        data-path="validUntil"
        label=${t.t('consent.validUntil')}
        hint=${t.t('consent.validUntilHint', { months: v.maxMonths })}
        required
        .value=${value.validUntil ?? ''}
        .error=${v.errorAt('validUntil')}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('validUntil', e.value)}
      ></fk-date-field>
    </div>
    ${giverSection(v)} ${documentationFields(v)} ${informationSection(v)} ${draftActions(v)}
  </section>`;
}

/** The recipient agencies (offered ones and one typed in) and the purposes. */
function recipientFields(v: ConsentManagerView) {
  const t = v.t;
  const value = v.value;
  const recipients = v.recipients;
  return html`<fk-checkbox-group
      data-path="recipients"
      label=${t.t('consent.recipients')}
      hint=${recipients.length ? t.t('consent.recipientsHint') : t.t('consent.noRecipients')}
      required
      .options=${recipients.map((r) => ({ value: r.agencyId, label: r.name ?? r.agencyId }))}
      .value=${(value.recipients ?? []).map((r) => r.agencyId)}
      .error=${v.errorAt('recipients')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<readonly string[]>) => {
        const ids = e.value;
        v.setField(
          'recipients',
          recipients.filter((r) => ids.includes(r.agencyId)),
        );
      }}
    ></fk-checkbox-group>
    ${
      v.readonly
        ? nothing
        : html`<div class="inline-add">
            <fk-text-field
              label=${t.t('consent.recipientOther')}
              .value=${v.otherRecipient}
              ?disabled=${v.disabled}
              @input=${onFieldText((text) => v.setOtherRecipient(text))}
            ></fk-text-field>
            <button
              type="button"
              class="fk-button"
              ?disabled=${v.disabled || !v.otherRecipient.trim()}
              @click=${() => v.addOtherRecipient()}
            >
              ${t.t('consent.recipientAdd')}
            </button>
          </div>`
    }
    <fk-checkbox-group
      data-path="purposes"
      label=${t.t('consent.purposes')}
      required
      .options=${v.purposes.map((p) => ({ value: p, label: purposeName(p, t.lang, v.purposeTitles) }))}
      .value=${value.purposes ?? []}
      .error=${v.errorAt('purposes')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<readonly string[]>) => v.setField('purposes', [...e.value])}
    ></fk-checkbox-group>`;
}

/** The data categories one by one; the special ones (Art. 9 GDPR) and the professional secret apart. */
function categoryFields(v: ConsentManagerView) {
  const t = v.t;
  const value = v.value;
  const release = value.kind === 'release';
  const isSpecial = (c: DataCategory) => SPECIAL_DATA_CATEGORIES.includes(c);
  return html`<fk-checkbox-group
      data-path="categories"
      label=${t.t('consent.categories')}
      hint=${t.t('consent.categoriesHint')}
      required
      inline
      .options=${ORDINARY_DATA_CATEGORIES.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
      .value=${(value.categories ?? []).filter((c) => !isSpecial(c))}
      .error=${v.errorAt('categories')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<readonly DataCategory[]>) => {
        v.setField('categories', [...e.value, ...(value.categories ?? []).filter((c) => isSpecial(c))]);
      }}
    ></fk-checkbox-group>
    <details class="special" ?open=${(value.categories ?? []).some((c) => isSpecial(c)) || release}>
      <summary>${t.t('consent.special')}</summary>
      <p class="fk-hint">${t.t('consent.specialHint')}</p>
      <fk-checkbox-group
        data-path="specialCategories"
        label=${t.t('consent.special')}
        hide-label
        inline
        .options=${SPECIAL_DATA_CATEGORIES.map((c) => ({ value: c, label: t.text(CATEGORY_LABELS[c]) }))}
        .value=${(value.categories ?? []).filter((c) => isSpecial(c))}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<readonly DataCategory[]>) => {
          v.setField('categories', [...(value.categories ?? []).filter((c) => !isSpecial(c)), ...e.value]);
        }}
      ></fk-checkbox-group>
      ${
        release
          ? nothing
          : html`<fk-checkbox
              data-path="includesProfessionalSecret"
              label=${t.t('consent.secret')}
              .checked=${value.includesProfessionalSecret === true}
              ?disabled=${v.disabled}
              ?readonly=${v.readonly}
              @change=${(e: FkFieldChangeEvent<boolean>) => v.setField('includesProfessionalSecret', e.value)}
            ></fk-checkbox>`
      }
    </details>`;
}

/** Print and confirm; confirming waits until every information section was shown (DP-09). */
function draftActions(v: ConsentManagerView) {
  if (v.readonly || v.disabled) return nothing;
  const t = v.t;
  const shown = v.information.complete;
  return html`<div class="actions actions--end">
    <button type="button" class="fk-button" part="print" @click=${() => v.print()}>${t.t('consent.print')}</button>
    <button
      type="button"
      class="fk-button fk-button--primary"
      part="submit"
      ?disabled=${!shown || v.pending}
      aria-describedby=${shown ? nothing : 'confirm-why'}
      @click=${() => v.submit()}
    >
      ${v.value.kind === 'release' ? t.t('consent.confirmRelease') : t.t('consent.confirm')}
    </button>
    ${shown ? nothing : html`<span id="confirm-why" class="fk-hint">${t.t('consent.readFirst')}</span>`}
  </div>`;
}
