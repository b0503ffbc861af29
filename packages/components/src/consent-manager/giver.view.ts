import { html, nothing } from 'lit';
import { ADULT_AGE, CONSENT_CAPACITY_AGE } from '@fallkit/core';
import { onFieldText } from '../base/field-input.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { ROLES, type ConsentDraftValue } from './consent-manager.schema.js';
import type { ConsentManagerView } from './consent-manager.view.js';

/**
 * Who gives the consent and in which role (DP-12, DP-13): the person, persons with parental
 * responsibility (the child's view recorded under 15), a young person from 15 with an assessed capacity,
 * or a legal guardian within scope.
 */
export function giverSection(v: ConsentManagerView) {
  const t = v.t;
  const value = v.value;
  const age = v.ageOfSubject();
  return html`<fieldset class="section section--quiet">
    <legend class="fk-visually-hidden">${t.t('consent.giver')}</legend>
    <h4>${t.t('consent.giver')}</h4>
    ${
      age !== undefined && age < CONSENT_CAPACITY_AGE
        ? html`<p class="notice">${t.t('consent.minorUnder15', { age })}</p>`
        : nothing
    }
    ${
      age !== undefined && age >= CONSENT_CAPACITY_AGE && age < ADULT_AGE
        ? html`<p class="notice">${t.t('consent.minor15', { age })}</p>`
        : nothing
    }
    <div class="pair">
      <fk-select
        data-path="givenBy.personId"
        label=${t.t('consent.giverPerson')}
        required
        .options=${v.persons.map((p) => ({ value: p.id, label: p.name }))}
        .value=${value.givenBy?.personId ?? ''}
        .error=${v.errorAt('givenBy.personId')}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('givenBy.personId', e.value || undefined)}
      ></fk-select>
      <fk-radio-group
        data-path="givenBy.role"
        label=${t.t('consent.giverRole')}
        hint=${value.givenBy?.role === 'legalGuardian' ? t.t('consent.guardianHint') : nothing}
        required
        .options=${ROLES.map((r) => ({ value: r, label: t.t(`consent.role.${r}`) }))}
        .value=${value.givenBy?.role ?? ''}
        .error=${v.errorAt('givenBy.role')}
        ?disabled=${v.disabled}
        ?readonly=${v.readonly}
        @change=${(e: FkFieldChangeEvent<string>) => v.setField('givenBy.role', e.value)}
      ></fk-radio-group>
    </div>
    ${
      age !== undefined && age >= 15 && age < 18 && value.givenBy?.role === 'self'
        ? html`<fk-radio-group
            data-path="capacityToConsent"
            label=${t.t('consent.capacity')}
            required
            inline
            .options=${[
              { value: 'assessed', label: t.t('consent.capacity.assessed') },
              { value: 'notAssessed', label: t.t('consent.capacity.notAssessed') },
            ]}
            .value=${value.capacityToConsent ?? ''}
            .error=${v.errorAt('capacityToConsent')}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @change=${(e: FkFieldChangeEvent<string>) => v.setField('capacityToConsent', e.value)}
          ></fk-radio-group>`
        : nothing
    }
    ${
      age !== undefined && age < 15 && value.givenBy?.role && value.givenBy.role !== 'self'
        ? html`<fk-textarea
            data-path="childView"
            label=${t.t('consent.childView')}
            required
            rows="2"
            .value=${value.childView ?? ''}
            .error=${v.errorAt('childView')}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @input=${onFieldText((text) => v.setField('childView', text))}
          ></fk-textarea>`
        : nothing
    }
  </fieldset>`;
}

/** How the consent is documented (DP-08): written with its scan, electronic with language and interpreter, or minuted orally with the reason. */
export function documentationFields(v: ConsentManagerView) {
  const t = v.t;
  const f = v.value.form ?? {};
  return html`<fk-radio-group
      data-path="form.kind"
      label=${t.t('consent.form')}
      required
      .options=${(['written', 'electronic', 'oralMinuted'] as const).map((k) => ({ value: k, label: t.t(`consent.form.${k}`) }))}
      .value=${f.kind ?? ''}
      .error=${v.errorAt('form.kind')}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<NonNullable<ConsentDraftValue['form']['kind']>>) => {
        const kind = e.value;
        v.setField('form', kind === 'electronic' ? { kind, language: f.language ?? t.lang } : { kind });
      }}
    ></fk-radio-group>
    ${
      f.kind === 'written'
        ? html`<fk-text-field
            data-path="form.scanReference"
            label=${t.t('consent.scanReference')}
            required
            .value=${f.scanReference ?? ''}
            .error=${v.errorAt('form.scanReference')}
            ?disabled=${v.disabled}
            ?readonly=${v.readonly}
            @input=${onFieldText((text) => v.setField('form.scanReference', text))}
          ></fk-text-field>`
        : f.kind === 'electronic'
          ? html`<div class="pair">
              <fk-text-field
                data-path="form.language"
                label=${t.t('consent.language')}
                required
                .value=${f.language ?? ''}
                .error=${v.errorAt('form.language')}
                ?disabled=${v.disabled}
                ?readonly=${v.readonly}
                @input=${onFieldText((text) => v.setField('form.language', text))}
              ></fk-text-field>
              <div>
                <fk-checkbox
                  data-path="form.interpreter.used"
                  label=${t.t('consent.interpreter')}
                  .checked=${f.interpreter?.used === true}
                  ?disabled=${v.disabled}
                  ?readonly=${v.readonly}
                  @change=${(e: FkFieldChangeEvent<boolean>) => v.setField('form.interpreter', { used: e.value })}
                ></fk-checkbox>
                ${
                  f.interpreter?.used
                    ? html`<fk-text-field
                        data-path="form.interpreter.language"
                        label=${t.t('consent.interpreterLanguage')}
                        .value=${f.interpreter.language ?? ''}
                        ?disabled=${v.disabled}
                        ?readonly=${v.readonly}
                        @input=${onFieldText((text) => v.setField('form.interpreter.language', text))}
                      ></fk-text-field>`
                    : nothing
                }
              </div>
            </div>`
          : f.kind === 'oralMinuted'
            ? html`<fk-textarea
                data-path="form.exceptionReason"
                label=${t.t('consent.exceptionReason')}
                required
                rows="2"
                .value=${f.exceptionReason ?? ''}
                .error=${v.errorAt('form.exceptionReason')}
                ?disabled=${v.disabled}
                ?readonly=${v.readonly}
                @input=${onFieldText((text) => v.setField('form.exceptionReason', text))}
              ></fk-textarea>`
            : nothing
    }`;
}
