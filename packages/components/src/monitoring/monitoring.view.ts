import { html, nothing, type TemplateResult } from 'lit';
import type { RedactionMarker, ReadinessSignGroup } from '@fallkit/core';
import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import { categoryOfMarker } from '../shared/case-of-view.js';
import type { monitoringMessages } from './monitoring.messages.js';
import type { ContactParticipant } from './monitoring.from-case.js';
import type {
  DeviationEntry,
  MonitoringListKey,
  MonitoringLists,
  MonitoringValue,
  ProgressTarget,
} from './monitoring.schema.js';

/**
 * What the section views of `<fk-monitoring>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's
 * internals, nothing to keep in sync).
 */
export interface MonitoringView {
  readonly t: LocalizeController<typeof monitoringMessages.de>;
  /** Read-only or disabled: no edits, no add or remove buttons. */
  readonly locked: boolean;
  /** A save or side action is running. */
  readonly pending: boolean;
  /** "Today" for new entries and overdue follow-ups (ISO date). */
  readonly today: string;
  /** The goals and measures whose progress can be judged. */
  readonly targets: readonly ProgressTarget[];
  /** Follow-ups already done in the stored case (their completion is history, not an edit). */
  readonly baselineDone: ReadonlySet<string>;
  /** Crises already resolved in the stored case. */
  readonly baselineResolved: ReadonlySet<string>;
  /** The persons who can take part in a contact. */
  readonly participants: readonly ContactParticipant[];
  /** Withheld entries by list. */
  readonly redactions: Partial<Record<MonitoringListKey, readonly RedactionMarker[]>>;
  /** Deviations that call for a re-assessment. */
  readonly triggers: readonly DeviationEntry[];
  /** A list of the value (empty when absent). */
  list<K extends MonitoringListKey>(key: K): MonitoringLists[K];
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<MonitoringValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<MonitoringValue, P>>;
  /** The error at a path that is no field of the value (a refused command's own key, `followUpId`). */
  errorAt(path: string): string | undefined;
  /** Patches several keys of one entry at once (`done` with its `doneOn`). */
  patch<K extends MonitoringListKey>(
    key: K,
    index: number,
    patch: Partial<MonitoringLists[K][number]>,
    touched: string,
  ): void;
  /** The title of a goal or measure (its id if unknown). */
  targetTitle(ref: { kind: string; id: string } | undefined): string;
  /** Adds a new entry to a list and focuses its first field. */
  add(key: Exclude<MonitoringListKey, 'progress' | 'crises'>): void;
  /** Adds a progress judgement of `target`. */
  judge(target: ProgressTarget): void;
  /** Removes the new entry at `index`. */
  remove(key: MonitoringListKey, index: number): void;
  /** Sets the picked signs of one group in a readiness entry. */
  setSigns(index: number, group: ReadinessSignGroup, picked: readonly string[]): void;
  /** Asks to start a re-assessment (`fk-reassessment-requested`, then `startReassessment`). */
  requestReassessment(): void;
}

/** The withheld entries of a list, each with its reason. */
export function hiddenEntries(v: MonitoringView, key: MonitoringListKey): TemplateResult[] {
  return (v.redactions[key] ?? []).map(
    (marker) =>
      html`<fk-redacted
        label=${v.t.t('monitoring.hidden')}
        category=${categoryOfMarker(marker) ?? 'notes'}
        .marker=${marker}
      ></fk-redacted>`,
  );
}

/** The remove button of a new entry (none when locked). */
export function removeButton(v: MonitoringView, key: MonitoringListKey, index: number, name: string) {
  if (v.locked) return nothing;
  return html`<button type="button" class="fk-button fk-button--small" @click=${() => v.remove(key, index)}>
    ${v.t.t('monitoring.remove')}<span class="fk-visually-hidden">: ${name}</span>
  </button>`;
}

/** A section's "+ add" button (none when locked); `data-add` is where focus returns after a removal. */
export function addButton(v: MonitoringView, key: Exclude<MonitoringListKey, 'progress' | 'crises'>, label: string) {
  if (v.locked) return nothing;
  return html`<button type="button" class="fk-button" data-add=${key} @click=${() => v.add(key)}>
    <span aria-hidden="true">+</span> ${label}
  </button>`;
}

/** The head of a new entry card: its title and remove button. */
export function entryHead(
  v: MonitoringView,
  key: MonitoringListKey,
  index: number,
  id: string,
  title: unknown,
  name: string,
) {
  return html`<div class="entry-head">
    <h4 id=${id}>${title}</h4>
    ${removeButton(v, key, index, name)}
  </div>`;
}

/** The re-assessment notice when deviations call for one. */
export function triggerNotice(v: MonitoringView) {
  const { triggers, t } = v;
  if (triggers.length === 0) return nothing;
  return html`<div class="notice notice--warn trigger" part="trigger" role="region" aria-labelledby="trigger-title">
    <div>
      <h3 id="trigger-title">${t.t('reassessment.title')}</h3>
      <p>
        ${t.t('reassessment.body', { count: triggers.length, list: triggers.map((d) => `„${d.description}“`).join(', ') })}
      </p>
    </div>
    ${
      v.locked
        ? nothing
        : html`<button type="button" class="fk-button" ?disabled=${v.pending} @click=${() => v.requestReassessment()}>
            ${t.t('reassessment.start')}
          </button>`
    }
  </div>`;
}
