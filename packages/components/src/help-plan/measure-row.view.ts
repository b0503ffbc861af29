import { html, nothing } from 'lit';
import type { MeasureEntry } from './help-plan.schema.js';
import type { HelpPlanView } from './help-plan.view.js';
import { measureEditor } from './measure-editor.view.js';

/** How one row shows: its key in the list, whether its editor is open, whether it needs attention. */
export interface RowState {
  readonly key: string;
  readonly index: number;
  readonly open: boolean;
  readonly hasErrors: boolean;
}

/**
 * One measure as a row of the reorderable list: title, status and badges, who and when, the goals it
 * serves, edit and remove buttons, and (when opened) its editor.
 */
export function measureRow(v: HelpPlanView, m: MeasureEntry, row: RowState) {
  const t = v.t;
  const { key, index, open, hasErrors } = row;
  const goals = (m.goalIds ?? []).map((id) => v.goals.find((g) => g.id === id)?.title ?? id);
  const facts = [
    m.by?.name?.trim()
      ? `${m.by.name} (${t.t(`plan.by.${m.by.kind}`)})`
      : t.t(`plan.by.${m.by?.kind ?? 'formalProvider'}`),
    v.when(m),
    ...(m.legalDomain ? [t.t(`plan.legal.${m.legalDomain}`).split(' – ')[0]!] : []),
    ...(m.costCarrier ? [m.costCarrier] : []),
  ];
  const editorId = `editor-${key}`;
  const name = v.measureName(m);
  return html`<div class="row" part="measure" slot=${`item-${key}`} data-key=${key}>
    <div class="row-top">
      <div class="row-main">
        <span class="row-title">${name}</span>
        <span class="badges">
          <span class="badge ${m.status === 'running' ? 'badge--info' : m.status === 'completed' ? 'badge--ok' : ''}"
            >${t.t(`plan.status.${m.status ?? 'planned'}`)}</span
          >
          ${m.secondBest ? html`<span class="badge badge--warn">${t.t('plan.secondBest.badge')}</span>` : nothing}
          ${m.agreement?.personPosition?.trim() ? html`<span class="badge badge--warn">${t.t('plan.agreement.dissentBadge')}</span>` : nothing}
          ${hasErrors && v.mayShowErrors(`measures.${index}`) ? html`<span class="badge badge--warn">${t.t('plan.needsAttention')}</span>` : nothing}
        </span>
        <p class="meta">
          ${facts.join(' · ')}${goals.length ? html`<br />${t.t('plan.field.goals')}: ${t.list(goals)}` : nothing}
        </p>
      </div>
      <div class="actions">
        <button
          type="button"
          class="fk-button fk-button--small"
          data-path=${`measures.${index}`}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${editorId}
          @click=${() => v.toggle(key)}
        >
          ${open ? t.t('plan.close') : t.t('plan.edit')}<span class="fk-visually-hidden">: ${name}</span>
        </button>
        ${
          !m.id && !v.locked
            ? html`<button type="button" class="fk-button fk-button--small" @click=${() => v.remove(index)}>
                ${t.t('plan.remove')}<span class="fk-visually-hidden">: ${name}</span>
              </button>`
            : nothing
        }
      </div>
    </div>
    <div id=${editorId} class="editor" part="editor" ?hidden=${!open}>
      ${open ? measureEditor(v, m, index) : nothing}
    </div>
  </div>`;
}
