import { html } from 'lit';
import { COOPERATION_BARRIERS } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import { levelGroup, textArea, type FirstCounsellingView } from './first-counselling.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).

/** The concern in the person's own words, the first picture of problems and resources, the date. */
export function concernSection(v: FirstCounsellingView) {
  const t = v.t;
  return html`<section class="section" part="concern" aria-labelledby="concern-heading">
    <h3 id="concern-heading" class="fk-visually-hidden">${t.t('fc.concern')}</h3>
    ${textArea(v, 'concernInOwnWords', t.t('fc.concern'), 4, { hint: t.t('fc.concernHint'), required: true })}
    <div class="pair">
      ${textArea(v, 'firstPictureProblems', t.t('fc.problems'), 3)}
      ${textArea(v, 'firstPictureResources', t.t('fc.resources'), 3)}
    </div>
    <fk-date-field label=${t.t('fc.heldOn')} ${bind(v.field(['heldOn'], { optional: true }))}></fk-date-field>
  </section>`;
}

/** Motivation, willingness and ability to cooperate, and the barriers (willingness is not ability). */
export function cooperationSection(v: FirstCounsellingView) {
  const t = v.t;
  const value = v.value;
  return html`<section class="section" part="cooperation" aria-labelledby="cooperation-heading">
    <h3 id="cooperation-heading">${t.t('fc.cooperation')}</h3>
    <p class="notice">${t.t('fc.cooperationLead')}</p>
    ${levelGroup(v, 'motivation.level', t.t('fc.motivation'))}
    <fk-text-field
      data-path="motivation.note"
      label=${t.t('fc.motivationNote')}
      .value=${value.motivation?.note ?? ''}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @input=${(e: Event) => v.setField('motivation.note', (e.target as HTMLInputElement).value)}
    ></fk-text-field>
    <div class="pair">
      ${levelGroup(v, 'willingnessToCooperate', t.t('fc.willingness'))}
      ${levelGroup(v, 'abilityToCooperate', t.t('fc.ability'))}
    </div>
    <fk-checkbox-group
      data-path="barriers"
      label=${t.t('fc.barriers')}
      inline
      .options=${COOPERATION_BARRIERS.map((b) => ({ value: b, label: t.t(`fc.barrier.${b}`) }))}
      .value=${value.barriers ?? []}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<readonly string[]>) => v.setField('barriers', [...e.value])}
    ></fk-checkbox-group>
  </section>`;
}
