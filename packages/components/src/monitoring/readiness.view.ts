import { html, nothing } from 'lit';
import { READINESS_SIGNS, type ReadinessSign, type ReadinessSignGroup } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { ReadinessEntry } from './monitoring.schema.js';
import { addButton, entryHead, hiddenEntries, type MonitoringView } from './monitoring.view.js';

/** The groups of Ballew/Mink readiness signs, in the core's order. */
export const READINESS_GROUPS = Object.keys(READINESS_SIGNS) as ReadinessSignGroup[];

/** Observed Ballew/Mink signs of readiness to close (they feed the worklist and the closure form). */
export function readinessSection(v: MonitoringView) {
  const t = v.t;
  const items = v.list('readiness');
  const stored = items.filter((r) => r.id).sort((a, b) => (b.on ?? '').localeCompare(a.on ?? ''));
  return html`<section class="section" part="readiness" aria-labelledby="readiness-title">
    <div class="section-head">
      <div>
        <h3 id="readiness-title">${t.t('readinessLog.title')}</h3>
        <p class="meta">${t.t('readinessLog.lead')}</p>
      </div>
      ${addButton(v, 'readiness', t.t('readinessLog.add'))}
    </div>
    ${items.map((r, i) => (r.id ? nothing : readinessEntry(v, r, i)))}
    ${
      stored.length === 0 && (v.redactions.readiness ?? []).length === 0
        ? html`<p class="meta">${t.t('readinessLog.none')}</p>`
        : html`<ul class="plain history" part="history">
            ${stored.map((r) => storedReadiness(v, r))}
          </ul>`
    }
    ${hiddenEntries(v, 'readiness')}
  </section>`;
}

function storedReadiness(v: MonitoringView, r: ReadinessEntry) {
  const t = v.t;
  return html`<li>
    <span class="line"><span class="date">${r.on ? t.date(r.on) : ''}</span></span>
    <p class="note">${t.list((r.signs ?? []).map((s) => t.t(`readiness.sign.${s}`)))}</p>
    ${r.note ? html`<p class="meta">${r.note}</p>` : nothing}
  </li>`;
}

function readinessEntry(v: MonitoringView, entry: ReadinessEntry, index: number) {
  const t = v.t;
  const id = `readiness-entry-${index}`;
  const picked: readonly string[] = entry.signs ?? [];
  const signs = v.field(['readiness', index, 'signs']);
  return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
    ${entryHead(v, 'readiness', index, id, t.t('readinessLog.entry'), t.t('readinessLog.entry'))}
    <fk-textarea
      label=${t.t('readinessLog.note')}
      rows="2"
      ${bind(v.field(['readiness', index, 'note']))}
    ></fk-textarea>
    <div class="signs" data-path=${signs.path} tabindex="-1">
      ${READINESS_GROUPS.map((group) => {
        const inGroup: readonly ReadinessSign[] = READINESS_SIGNS[group];
        return html`<fk-checkbox-group
          label=${t.t(`readiness.group.${group}`)}
          .options=${inGroup.map((s) => ({ value: s, label: t.t(`readiness.sign.${s}`) }))}
          ${bind({
            ...signs,
            path: `${signs.path}.${group}`,
            value: picked.filter((s) => inGroup.some((sign) => sign === s)),
            error: undefined,
            set: (next: readonly string[]) => v.setSigns(index, group, next),
          })}
        ></fk-checkbox-group>`;
      })}
    </div>
    ${
      signs.error
        ? html`<p class="fk-feedback fk-feedback--error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span>${signs.error}
          </p>`
        : nothing
    }
    <fk-date-field
      label=${t.t('readinessLog.on')}
      ${bind(v.field(['readiness', index, 'on'], { optional: true }))}
    ></fk-date-field>
  </div>`;
}
