import { html, nothing } from 'lit';
import { PROGRESS_JUDGEMENTS } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { ProgressEntry, ProgressTarget } from './monitoring.schema.js';
import { entryHead, hiddenEntries, type MonitoringView } from './monitoring.view.js';

/** Badge class of a judgement: good news green, stalling amber. */
export function judgementClass(judgement: string): string {
  if (judgement === 'achieved' || judgement === 'onTrack') return 'badge--ok';
  if (judgement === 'stalled' || judgement === 'worse') return 'badge--warn';
  return '';
}

/** Progress per goal and measure: the latest judgement of each, a "judge" button, new judgements as cards. */
export function progressSection(v: MonitoringView) {
  const t = v.t;
  const progress = v.list('progress');
  const latest = (target: ProgressTarget) =>
    progress
      .filter((p) => p.id && p.target.kind === target.kind && p.target.id === target.id)
      .sort((a, b) => (a.on ?? '').localeCompare(b.on ?? ''))
      .at(-1);
  const fresh = progress.map((p, i) => ({ p, i })).filter(({ p }) => !p.id);
  return html`<section class="section" part="progress" aria-labelledby="progress-title">
    <div>
      <h3 id="progress-title">${t.t('progress.title')}</h3>
      <p class="meta">${t.t('progress.lead')}</p>
    </div>
    ${
      v.targets.length === 0
        ? html`<p class="meta">${t.t('progress.none')}</p>`
        : html`<div class="table-wrap">
            <table class="progress">
              <thead>
                <tr>
                  <th scope="col">${t.t('progress.col.item')}</th>
                  <th scope="col">${t.t('progress.col.latest')}</th>
                  ${v.locked ? nothing : html`<th scope="col"><span class="fk-visually-hidden">${t.t('progress.col.action')}</span></th>`}
                </tr>
              </thead>
              <tbody>
                ${v.targets.map((target) => targetRow(v, target, latest(target)))}
              </tbody>
            </table>
          </div>`
    }
    ${fresh.map(({ p, i }) => progressEntry(v, p, i))} ${hiddenEntries(v, 'progress')}
  </section>`;
}

function targetRow(v: MonitoringView, target: ProgressTarget, last: ProgressEntry | undefined) {
  const t = v.t;
  return html`<tr>
    <th scope="row">
      <span class="badge ${target.kind === 'goal' ? 'badge--info' : ''}"
        >${t.t(target.kind === 'goal' ? 'progress.goal' : 'progress.measure')}</span
      >
      ${target.title}
    </th>
    <td>
      ${
        last
          ? html`<span class="badge ${judgementClass(last.judgement)}"
                >${t.t(`progress.judgement.${last.judgement}`)}</span
              >
              <span class="meta">${last.on ? t.date(last.on) : ''}</span>
              ${last.note ? html`<p class="note">${last.note}</p>` : nothing}`
          : html`<span class="meta">${t.t('progress.notJudged')}</span>`
      }
    </td>
    ${
      v.locked
        ? nothing
        : html`<td>
            <button
              type="button"
              class="fk-button fk-button--small"
              aria-label=${t.t('progress.judgeLabel', { item: target.title })}
              @click=${() => v.judge(target)}
            >
              ${t.t('progress.judge')}
            </button>
          </td>`
    }
  </tr>`;
}

function progressEntry(v: MonitoringView, entry: ProgressEntry, index: number) {
  const t = v.t;
  const name = t.t('progress.entry', { item: v.targetTitle(entry.target) });
  const id = `progress-entry-${index}`;
  const title = html`${name} <span class="badge badge--info">${t.t('monitoring.newEntry')}</span>`;
  return html`<div class="entry" part="entry" role="group" aria-labelledby=${id}>
    ${entryHead(v, 'progress', index, id, title, name)}
    <fk-textarea
      label=${t.t('progress.field.note')}
      rows="2"
      ${bind(v.field(['progress', index, 'note']))}
    ></fk-textarea>
    <div class="pair">
      <fk-radio-group
        label=${t.t('progress.field.judgement')}
        inline
        .options=${PROGRESS_JUDGEMENTS.map((j) => ({ value: j, label: t.t(`progress.judgement.${j}`) }))}
        ${bind(v.field(['progress', index, 'judgement']))}
      ></fk-radio-group>
      <fk-date-field
        label=${t.t('progress.field.on')}
        ${bind(v.field(['progress', index, 'on'], { optional: true }))}
      ></fk-date-field>
    </div>
  </div>`;
}
