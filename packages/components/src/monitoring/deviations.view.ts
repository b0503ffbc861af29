import { html, nothing } from 'lit';
import { DEVIATION_KINDS } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { DeviationEntry } from './monitoring.schema.js';
import { addButton, entryHead, hiddenEntries, type MonitoringView } from './monitoring.view.js';

/** Deviations from the plan, with the re-assessment trigger and the service gap noticed. */
export function deviationsSection(v: MonitoringView) {
  const t = v.t;
  const items = v.list('deviations');
  const stored = items.filter((d) => d.id).sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
  return html`<section class="section" part="deviations" aria-labelledby="deviations-title">
    <div class="section-head">
      <h3 id="deviations-title">${t.t('deviations.title')}</h3>
      ${addButton(v, 'deviations', t.t('deviations.add'))}
    </div>
    ${items.map((d, i) => (d.id ? nothing : deviationEntry(v, d, i)))}
    ${
      stored.length === 0 && (v.redactions.deviations ?? []).length === 0
        ? html`<p class="meta">${t.t('deviations.none')}</p>`
        : html`<ul class="plain history" part="history">
            ${stored.map((d) => storedDeviation(v, d))}
          </ul>`
    }
    ${hiddenEntries(v, 'deviations')}
  </section>`;
}

function storedDeviation(v: MonitoringView, d: DeviationEntry) {
  const t = v.t;
  return html`<li>
    <span class="line">
      <span class="date">${d.on ? t.date(d.on) : ''}</span>
      <span class="badge">${t.t(`deviations.kind.${d.kind}`)}</span>
      ${d.triggersReassessment ? html`<span class="badge badge--warn">${t.t('deviations.triggers')}</span>` : nothing}
    </span>
    <p class="note">${d.description}</p>
    ${d.missingService ? html`<p class="meta">${t.t('deviations.gap', { description: d.missingService.description })}</p>` : nothing}
  </li>`;
}

function deviationEntry(v: MonitoringView, entry: DeviationEntry, index: number) {
  const t = v.t;
  const id = `deviation-entry-${index}`;
  const gap = entry.missingService;
  const missing = v.field(['deviations', index, 'missingService']);
  return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
    ${entryHead(v, 'deviations', index, id, t.t('deviations.entry'), t.t('deviations.entry'))}
    <fk-textarea
      label=${t.t('deviations.field.description')}
      required
      rows="2"
      ${bind(v.field(['deviations', index, 'description']))}
    ></fk-textarea>
    <div class="pair">
      <fk-select
        label=${t.t('deviations.field.kind')}
        .options=${DEVIATION_KINDS.map((k) => ({ value: k, label: t.t(`deviations.kind.${k}`) }))}
        ${bind(v.field(['deviations', index, 'kind']))}
      ></fk-select>
      <fk-date-field
        label=${t.t('deviations.field.on')}
        ${bind(v.field(['deviations', index, 'on'], { optional: true }))}
      ></fk-date-field>
    </div>
    <fk-checkbox
      label=${t.t('deviations.field.triggers')}
      ${bind(v.field(['deviations', index, 'triggersReassessment']))}
    ></fk-checkbox>
    <fk-checkbox
      label=${t.t('deviations.field.missing')}
      ${bind({
        ...missing,
        value: gap !== undefined,
        error: undefined,
        set: (on: boolean) =>
          v.patch('deviations', index, { missingService: on ? { description: '' } : undefined }, 'missingService'),
      })}
    ></fk-checkbox>
    ${
      gap
        ? html`<div class="pair done-fields">
            <fk-text-field
              label=${t.t('deviations.field.missingDescription')}
              required
              ${bind(v.field(['deviations', index, 'missingService', 'description']))}
            ></fk-text-field>
            <fk-text-field
              label=${t.t('deviations.field.missingKind')}
              hint=${t.t('deviations.field.missingKindHint')}
              ${bind(v.field(['deviations', index, 'missingService', 'serviceKind'], { optional: true }))}
            ></fk-text-field>
          </div>`
        : nothing
    }
  </div>`;
}
