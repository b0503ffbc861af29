import { html, nothing } from 'lit';
import { bind } from '../base/field-binding.js';
import type { CrisisEntry } from './monitoring.schema.js';
import { hiddenEntries, type MonitoringView } from './monitoring.view.js';

/**
 * The case's crises (flagged at intake with `flagCrisis`): each with its immediate help and, once resolved,
 * the day and how it was resolved. An open crisis is resolved here (`resolveCrisis`) by typing what resolved
 * it; read-only, or once resolved, it is shown only. Nothing to show when the case has had no crisis.
 */
export function crisesSection(v: MonitoringView) {
  const t = v.t;
  const crises = v.list('crises');
  if (crises.length === 0 && (v.redactions.crises ?? []).length === 0) return nothing;
  return html`<section class="section" part="crises" aria-labelledby="crises-title">
    <div class="section-head">
      <div>
        <h3 id="crises-title">${t.t('crises.title')}</h3>
        ${
          v.locked || crises.every((c) => v.baselineResolved.has(c.id))
            ? nothing
            : html`<p class="meta">${t.t('crises.lead')}</p>`
        }
      </div>
    </div>
    <ul class="plain history" part="history">
      ${crises.map((c, i) => crisisItem(v, c, i))}
    </ul>
    ${hiddenEntries(v, 'crises')}
  </section>`;
}

function crisisItem(v: MonitoringView, c: CrisisEntry, index: number) {
  const t = v.t;
  const stored = v.baselineResolved.has(c.id);
  return html`<li data-crisis=${c.id}>
    <span class="line">
      <span class="date">${t.date(c.flaggedOn)}</span>
      ${
        stored
          ? html`<span class="badge"
              >${t.t('crises.resolvedOn', { date: c.resolvedOn ? t.date(c.resolvedOn) : '' })}</span
            >`
          : html`<span class="badge badge--warn">${t.t('crises.open')}</span>`
      }
    </span>
    <p class="note">${c.description}</p>
    ${c.immediateHelp ? html`<p class="meta">${t.t('crises.immediateHelp')}: ${c.immediateHelp}</p>` : nothing}
    ${
      stored
        ? html`<p class="meta" part="resolution">${t.t('crises.resolution')}: ${c.resolution ?? ''}</p>`
        : v.locked
          ? nothing
          : html`<div
              class="entry"
              part="entry"
              role="group"
              aria-label=${t.t('crises.resolve', { what: c.description })}
            >
              <fk-textarea
                label=${t.t('crises.field.resolution')}
                hint=${t.t('crises.field.resolutionHint')}
                rows="2"
                ${bind(v.field(['crises', index, 'resolution'], { optional: true }))}
              ></fk-textarea>
              <fk-date-field
                label=${t.t('crises.field.resolvedOn')}
                ${bind(v.field(['crises', index, 'resolvedOn'], { optional: true }))}
              ></fk-date-field>
            </div>`
    }
  </li>`;
}
