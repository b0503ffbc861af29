import { html, nothing } from 'lit';
import { WORKLIST_ITEM_KINDS, type WorklistItem } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { FkFieldChangeEvent } from '../events/fk-field-change.js';
import type { worklistMessages } from './worklist.messages.js';
import type { WorklistFilter, WorklistManager } from './worklist.component.js';

/** What the views of `<fk-worklist>` read and may do: the element builds it once per render. */
export interface WorklistView {
  readonly t: LocalizeController<typeof worklistMessages.de>;
  readonly filter: WorklistFilter;
  /** Who is responsible for the item (its assignee, else the case's primary case manager). */
  managerOf(item: WorklistItem): WorklistManager | undefined;
  setFilter(patch: Partial<WorklistFilter>): void;
  /** Fires `fk-open-case` for the item's case. */
  open(item: WorklistItem): void;
}

/** The filter bar: kind, case manager, overdue only, reset. */
export function worklistFilters(v: WorklistView, all: readonly WorklistItem[]) {
  const t = v.t;
  const kinds = WORKLIST_ITEM_KINDS.filter((k) => all.some((i) => i.kind === k) || v.filter.kind === k);
  const managers = new Map<string, string>();
  for (const item of all) {
    const m = v.managerOf(item);
    if (m) managers.set(m.id, m.name);
  }
  const filtered = v.filter.kind !== '' || v.filter.manager !== '' || v.filter.overdueOnly;
  return html`<div class="filters" part="filters" role="group" aria-label=${t.t('worklist.filters')}>
    <fk-select
      label=${t.t('worklist.filter.kind')}
      .options=${[{ value: '', label: t.t('worklist.filter.kindAll') }, ...kinds.map((k) => ({ value: k, label: t.t(`worklist.kind.${k}`) }))]}
      .value=${v.filter.kind}
      @change=${(e: FkFieldChangeEvent<string>) => v.setFilter({ kind: WORKLIST_ITEM_KINDS.find((k) => k === e.value) ?? '' })}
    ></fk-select>
    <fk-select
      label=${t.t('worklist.filter.manager')}
      .options=${[{ value: '', label: t.t('worklist.filter.managerAll') }, ...[...managers].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label }))]}
      .value=${v.filter.manager}
      @change=${(e: FkFieldChangeEvent<string>) => v.setFilter({ manager: e.value })}
    ></fk-select>
    <fk-checkbox
      label=${t.t('worklist.filter.overdue')}
      .checked=${v.filter.overdueOnly}
      @change=${(e: FkFieldChangeEvent<boolean>) => v.setFilter({ overdueOnly: e.value })}
    ></fk-checkbox>
    ${
      filtered
        ? html`<button
            type="button"
            class="fk-button fk-button--small"
            @click=${() => v.setFilter({ kind: '', manager: '', overdueOnly: false })}
          >
            ${t.t('worklist.filter.reset')}
          </button>`
        : nothing
    }
  </div>`;
}

/** One row of the table. */
export function worklistRow(v: WorklistView, item: WorklistItem) {
  const t = v.t;
  const manager = v.managerOf(item);
  const kind = t.t(`worklist.kind.${item.kind}`);
  const badge = item.severity === 'overdue' ? 'badge--danger' : item.severity === 'due' ? 'badge--warn' : '';
  return html`<tr
    class=${item.severity}
    part="row row-${item.severity}"
    data-case=${item.caseId}
    data-kind=${item.kind}
  >
    <td data-label=${t.t('worklist.col.due')}>
      <span class="due-date">${t.date(item.dueOn)}</span>
      <span class="badge ${badge}">${t.t(`worklist.severity.${item.severity}`)}</span>
    </td>
    <td data-label=${t.t('worklist.col.case')}>
      <button
        type="button"
        class="open"
        part="open"
        aria-label=${t.t('worklist.open', { label: item.label, kind })}
        @click=${() => v.open(item)}
      >
        ${item.label}
      </button>
    </td>
    <td data-label=${t.t('worklist.col.what')}>
      <span class="kind">${kind}</span>
      <span class="explanation">${t.text(item.explanation)}</span>
    </td>
    <td data-label=${t.t('worklist.col.manager')}>${manager?.name ?? t.t('worklist.nobody')}</td>
  </tr>`;
}
