import { html, nothing } from 'lit';
import { sourceLabel, type PlanItem } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import type { PlanFormView } from './plan-form.view.js';

/** One item of the plan: a text field, or what the case already holds (goals, measures). */
export function planItem(v: PlanFormView, item: PlanItem) {
  const t = v.t;
  const path = v.itemPath(item).join('.');
  const badge = html`<span class="badge ${item.obligation === 'must' ? 'badge--warn' : 'badge--info'}"
    >${t.t(`plan.obligation.${item.obligation}`)}</span
  >`;
  const source = html`<span class="para">${t.text(sourceLabel(item.source))}</span>`;
  if (item.from === 'text')
    return html`<div class="item" data-item=${item.id}>
      <div class="item-head">${badge} ${source}</div>
      <fk-textarea
        label=${v.label(item)}
        ?required=${item.obligation === 'must'}
        rows=${v.together ? 4 : 3}
        ${bind(v.field(['sections', item.id]))}
      ></fk-textarea>
    </div>`;
  if (item.from === 'participants') return nothing;
  const counts = v.counts;
  const count = item.from === 'goals' ? counts.goals : counts.measures;
  const error = v.errorAt(path);
  return html`<div class="item" data-item=${item.id} data-path=${path}>
    <div class="item-head"><strong>${v.label(item)}</strong> ${badge} ${source}</div>
    <p class="meta">
      ${
        count > 0
          ? t.t(item.from === 'goals' ? 'plan.form.fromGoals' : 'plan.form.fromMeasures', { count })
          : t.t('plan.form.fromCaseMissing')
      }
    </p>
    ${
      error
        ? html`<p class="fk-feedback fk-feedback--error" part="error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
          </p>`
        : nothing
    }
  </div>`;
}

/** Who took part, one row each. */
export function participantsSection(v: PlanFormView) {
  const t = v.t;
  const rows = v.value.participants ?? [];
  const item = v.items.find((i) => i.from === 'participants');
  const error = v.errorAt('participants');
  return html`<section
    class="section"
    part="participants"
    aria-labelledby="participants-heading"
    data-path="participants"
  >
    <div class="item-head">
      <h3 id="participants-heading">${item ? v.label(item) : t.t('plan.form.participants')}</h3>
      ${
        item
          ? html`<span class="badge badge--warn">${t.t(`plan.obligation.${item.obligation}`)}</span>
              <span class="para">${t.text(sourceLabel(item.source))}</span>`
          : nothing
      }
    </div>
    ${rows.map(
      (row, index) =>
        html`<div class="row">
          <fk-text-field
            label=${t.t('plan.form.participantName')}
            ${bind(v.field(['participants', index, 'name']))}
          ></fk-text-field>
          <fk-text-field
            label=${t.t('plan.form.participantRole')}
            ${bind(v.field(['participants', index, 'role']))}
          ></fk-text-field>
          ${
            v.locked
              ? nothing
              : html`<button
                  type="button"
                  class="fk-button"
                  @click=${() => v.setParticipants(rows.filter((_, i) => i !== index))}
                >
                  ${t.t('plan.form.removeParticipant', { name: row.name || String(index + 1) })}
                </button>`
          }
        </div>`,
    )}
    ${
      error
        ? html`<p class="fk-feedback fk-feedback--error" part="error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
          </p>`
        : nothing
    }
    ${
      v.locked
        ? nothing
        : html`<div>
            <button
              type="button"
              class="fk-button"
              @click=${() => v.setParticipants([...rows, { name: '', role: '' }])}
            >
              ${t.t('plan.form.addParticipant')}
            </button>
          </div>`
    }
  </section>`;
}
