import { html, nothing } from 'lit';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { FirstCounsellingView } from './first-counselling.view.js';

// Choices are bound by hand, not with bind(): a read-only form shows them read-only (with the marker).

/** The language of the conversation: what the case says about the person, whether an interpreter took part. */
export function languageSection(v: FirstCounsellingView) {
  const t = v.t;
  const p = v.person;
  const facts: string[] = [];
  if (p?.languages?.length) facts.push(t.t('fc.personLanguages', { languages: t.list([...p.languages]) }));
  if (p?.interpreter?.needed) facts.push(t.t('fc.interpreterNeed', { language: p.interpreter.language ?? '–' }));
  return html`<section class="section" part="language" aria-labelledby="language-heading">
    <h3 id="language-heading">${t.t('fc.language')}</h3>
    <p class="notice">${t.t('fc.languageLead')}</p>
    ${facts.length ? html`<p class="facts">${facts.map((f) => html`<span class="badge badge--info">${f}</span>`)}</p>` : nothing}
    <fk-checkbox
      data-path="interpreterUsed"
      label=${t.t('fc.interpreterUsed')}
      .checked=${v.value.interpreterUsed === true}
      ?disabled=${v.disabled}
      ?readonly=${v.readonly}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.setField('interpreterUsed', e.value)}
    ></fk-checkbox>
  </section>`;
}
