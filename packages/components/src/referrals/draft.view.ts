import { html, nothing } from 'lit';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { OUTSIDE_DIRECTORY } from './referrals.schema.js';
import type { ReferralsView } from './referrals.view.js';
import { sharePart } from './share.view.js';

/** The new referral: provider, measure, purpose, modalities, date, the feedback arrangement, what goes along. */
export function draftSection(v: ReferralsView) {
  const t = v.t;
  const value = v.value;
  const f = value.feedback ?? { agreed: false };
  const common = { disabled: v.disabled, readonly: v.readonly };
  return html`<section class="section" part="draft" aria-labelledby="draft-heading">
    <h3 id="draft-heading">${t.t('referrals.new')}</h3>
    ${
      v.directory.entries.length
        ? providerChoice(v)
        : html` <div class="pair">
            <fk-text-field
              data-path="provider.name"
              label=${t.t('referrals.provider')}
              required
              .value=${value.provider?.name ?? ''}
              .error=${v.errorAt('provider.name')}
              ?disabled=${common.disabled}
              ?readonly=${common.readonly}
              @input=${onFieldText((text) => v.setField('provider.name', text))}
            ></fk-text-field>
            <fk-text-field
              data-path="provider.contactPerson"
              label=${t.t('referrals.contactPerson')}
              .value=${value.provider?.contactPerson ?? ''}
              ?disabled=${common.disabled}
              ?readonly=${common.readonly}
              @input=${onFieldText((text) => v.setField('provider.contactPerson', text || undefined))}
            ></fk-text-field>
          </div>`
    }
    <div class="pair">
      ${
        v.directory.entries.length
          ? nothing
          : html` <fk-text-field
              data-path="provider.agencyId"
              label=${t.t('referrals.providerAgency')}
              hint=${t.t('referrals.providerAgencyHint')}
              .value=${value.provider?.agencyId ?? ''}
              ?disabled=${common.disabled}
              ?readonly=${common.readonly}
              @input=${onFieldText((text) => v.setField('provider.agencyId', text || undefined))}
            ></fk-text-field>`
      }
      <fk-select
        data-path="measureId"
        label=${t.t('referrals.measure')}
        .options=${[{ value: '', label: t.t('referrals.noMeasure') }, ...v.measures.map((m) => ({ value: m.id, label: m.title }))]}
        .value=${value.measureId ?? ''}
        ?disabled=${common.disabled}
        ?readonly=${common.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('measureId', e.value || undefined)}
      ></fk-select>
    </div>
    <fk-textarea
      data-path="purpose"
      label=${t.t('referrals.purpose')}
      hint=${t.t('referrals.purposeHint')}
      required
      rows="2"
      .value=${value.purpose ?? ''}
      .error=${v.errorAt('purpose')}
      ?disabled=${common.disabled}
      ?readonly=${common.readonly}
      @input=${onFieldText((text) => v.setField('purpose', text))}
    ></fk-textarea>
    <div class="pair">
      <fk-textarea
        data-path="modalities"
        label=${t.t('referrals.modalities')}
        rows="2"
        .value=${value.modalities ?? ''}
        ?disabled=${common.disabled}
        ?readonly=${common.readonly}
        @input=${onFieldText((text) => v.setField('modalities', text))}
      ></fk-textarea>
      <fk-date-field
        data-path="referredOn"
        label=${t.t('referrals.on')}
        .value=${value.referredOn ?? ''}
        .error=${v.errorAt('referredOn')}
        ?disabled=${common.disabled}
        ?readonly=${common.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('referredOn', e.value || undefined)}
      ></fk-date-field>
    </div>
    <h4>${t.t('referrals.feedback')}</h4>
    <fk-checkbox
      data-path="feedback.agreed"
      label=${t.t('referrals.feedbackAgreedLabel')}
      .checked=${f.agreed}
      .warning=${v.warningAt('feedback.agreed')}
      ?disabled=${common.disabled}
      ?readonly=${common.readonly}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.setField('feedback.agreed', e.value)}
    ></fk-checkbox>
    ${
      f.agreed
        ? html`<fk-text-field
              data-path="feedback.description"
              label=${t.t('referrals.feedbackDescription')}
              .value=${f.description ?? ''}
              ?disabled=${common.disabled}
              ?readonly=${common.readonly}
              @input=${onFieldText((text) => v.setField('feedback.description', text))}
            ></fk-text-field>
            <div class="pair">
              <fk-text-field
                data-path="feedback.intervalDays"
                label=${t.t('referrals.feedbackInterval')}
                .value=${f.intervalDays === undefined ? '' : String(f.intervalDays)}
                .error=${v.errorAt('feedback.intervalDays')}
                ?disabled=${common.disabled}
                ?readonly=${common.readonly}
                @input=${onFieldText((text) => {
                  const raw = text.trim();
                  v.setField('feedback.intervalDays', raw === '' ? undefined : Number(raw));
                })}
              ></fk-text-field>
              <fk-date-field
                data-path="feedback.nextFeedbackOn"
                label=${t.t('referrals.feedbackNextOn')}
                .value=${f.nextFeedbackOn ?? ''}
                ?disabled=${common.disabled}
                ?readonly=${common.readonly}
                @change=${(e: FkFieldChangeEvent<string>) => v.setField('feedback.nextFeedbackOn', e.value || undefined)}
              ></fk-date-field>
            </div>`
        : nothing
    }
    ${sharePart(v)}
    ${
      v.readonly || v.disabled
        ? nothing
        : html`<div class="actions actions--end">${v.submitButton(t.t('referrals.save'))}</div>`
    }
  </section>`;
}

/** Choosing the provider from the host's directory by name; "not in the directory" lets the user type one. */
function providerChoice(v: ReferralsView) {
  const t = v.t;
  const value = v.value;
  const chosen = v.directory.find(value.provider?.agencyId);
  const other = v.outsideDirectory && chosen === undefined;
  const providers = [...v.directory.of('provider'), ...v.directory.of('agency')];
  return html`<div class="pair">
    <fk-select
      data-path=${other ? 'provider.directory' : 'provider.name'}
      label=${t.t('referrals.provider')}
      hint=${chosen?.offers ?? nothing}
      required
      placeholder=${t.t('referrals.directory.pick')}
      .options=${[
        ...providers.map((e) => ({ value: e.agencyId, label: e.name })),
        { value: OUTSIDE_DIRECTORY, label: t.t('referrals.directory.other') },
      ]}
      .value=${other ? OUTSIDE_DIRECTORY : (chosen?.agencyId ?? '')}
      .error=${other ? undefined : v.errorAt('provider.name')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<string>) => v.chooseProvider(e.value)}
    ></fk-select>
    ${
      other
        ? html`<fk-text-field
            data-path="provider.name"
            label=${t.t('referrals.directory.otherName')}
            required
            .value=${value.provider?.name ?? ''}
            .error=${v.errorAt('provider.name')}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @input=${onFieldText((text) => v.nameOtherProvider(text))}
          ></fk-text-field>`
        : nothing
    }
    <fk-text-field
      data-path="provider.contactPerson"
      label=${t.t('referrals.contactPerson')}
      .value=${value.provider?.contactPerson ?? ''}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @input=${onFieldText((text) => v.setField('provider.contactPerson', text || undefined))}
    ></fk-text-field>
  </div>`;
}
