import { html, nothing } from 'lit';
import { LEGAL_DOMAINS, MEASURE_ACTOR_KINDS, MEASURE_STATUSES } from '@fallkit/core';
import { bind } from '../base/field-binding.js';
import { changedMeasureFields, type MeasureEntry } from './help-plan.schema.js';
import type { HelpPlanView } from './help-plan.view.js';

// Every top-level key of a measure goes through `optional`: an emptied field leaves no key behind (the
// core's strict schema tells "missing" from "empty", and a stored measure compares equal again).

/** The editor of one opened measure: what, for which goals, who, legal domain and cost, when, status, and the rest. */
export function measureEditor(v: HelpPlanView, m: MeasureEntry, index: number) {
  const t = v.t;
  const before = m.id ? v.baseline.get(m.id) : undefined;
  const changed = !!before && changedMeasureFields(before, m).length > 0;
  const kind = v.field(['measures', index, 'by', 'kind']);
  const status = v.field(['measures', index, 'status'], { optional: true });
  return html`<fk-text-field
      label=${t.t('plan.field.title')}
      required
      ${bind(v.field(['measures', index, 'title'], { optional: true }))}
    ></fk-text-field>
    <fk-textarea
      label=${t.t('plan.field.description')}
      rows="2"
      ${bind(v.field(['measures', index, 'description'], { optional: true }))}
    ></fk-textarea>
    ${
      v.goals.length
        ? html`<fk-checkbox-group
            label=${t.t('plan.field.goals')}
            .options=${v.goals.map((g) => ({ value: g.id, label: g.title }))}
            ${bind(v.field(['measures', index, 'goalIds']))}
          ></fk-checkbox-group>`
        : html`<p class="fk-hint">${t.t('plan.field.noGoals')}</p>`
    }
    <div class="pair">
      <fk-select
        label=${t.t('plan.field.byKind')}
        .options=${MEASURE_ACTOR_KINDS.map((k) => ({ value: k, label: t.t(`plan.by.${k}`) }))}
        ${bind({ ...kind, value: kind.value ?? 'formalProvider' })}
      ></fk-select>
      <fk-text-field
        label=${t.t('plan.field.byName')}
        required
        ${bind(v.field(['measures', index, 'by', 'name']))}
      ></fk-text-field>
    </div>
    <div class="pair">
      <fk-select
        label=${t.t('plan.field.legalDomain')}
        .options=${[
          { value: '', label: t.t('plan.field.legalDomainNone') },
          ...LEGAL_DOMAINS.map((d) => ({ value: d, label: t.t(`plan.legal.${d}`) })),
        ]}
        ${bind(v.field(['measures', index, 'legalDomain'], { optional: true }))}
      ></fk-select>
      <fk-text-field
        label=${t.t('plan.field.costCarrier')}
        ${bind(v.field(['measures', index, 'costCarrier'], { optional: true }))}
      ></fk-text-field>
    </div>
    <div class="pair">
      <fk-date-field
        label=${t.t('plan.field.startOn')}
        ${bind(v.field(['measures', index, 'startOn'], { optional: true }))}
      ></fk-date-field>
      <fk-date-field
        label=${t.t('plan.field.endOn')}
        ${bind(v.field(['measures', index, 'endOn'], { optional: true }))}
      ></fk-date-field>
    </div>
    <fk-select
      label=${t.t('plan.field.status')}
      .options=${MEASURE_STATUSES.map((s) => ({ value: s, label: t.t(`plan.status.${s}`) }))}
      ${bind({ ...status, value: status.value ?? 'planned' })}
    ></fk-select>
    ${dependencies(v, m, index)} ${alternatives(v, m, index)} ${secondBest(v, m, index)}
    <div class="subsection" role="group" aria-label=${t.t('plan.agreement.agreed')}>
      <fk-checkbox
        label=${t.t('plan.agreement.agreed')}
        ${bind(v.field(['measures', index, 'agreement', 'agreed']))}
      ></fk-checkbox>
      <fk-textarea
        label=${t.t('plan.agreement.position')}
        rows="2"
        ${bind(v.field(['measures', index, 'agreement', 'personPosition'], { optional: true }))}
      ></fk-textarea>
    </div>
    ${
      changed
        ? html`<fk-text-field
            label=${t.t('plan.changeReason')}
            hint=${t.t('plan.changeReasonHint')}
            ${bind(v.field(['measures', index, 'changeReason'], { optional: true }))}
          ></fk-text-field>`
        : nothing
    }
    ${history(v, m)}`;
}

/** The measures this one follows or runs with (the core keeps the sequence as dependencies). */
function dependencies(v: HelpPlanView, m: MeasureEntry, index: number) {
  const t = v.t;
  const deps = m.dependsOn ?? [];
  const others = v.measures.filter((o) => o !== m && o.id);
  const set = (next: NonNullable<MeasureEntry['dependsOn']>) =>
    v.patch(index, { dependsOn: next.length ? next : undefined }, 'dependsOn');
  return html`<div class="subsection" role="group" aria-labelledby=${`deps-${index}`}>
    <h4 id=${`deps-${index}`}>${t.t('plan.deps')}</h4>
    ${deps.map(
      (_, n) =>
        html`<div class="line">
          <fk-select
            label=${t.t('plan.deps.measure')}
            .options=${v.dependencyOptions(m)}
            ${bind(v.field(['measures', index, 'dependsOn', n, 'measureId']))}
          ></fk-select>
          <fk-select
            label=${t.t('plan.deps.kind')}
            .options=${(['after', 'parallel'] as const).map((k) => ({ value: k, label: t.t(`plan.deps.${k}`) }))}
            ${bind(v.field(['measures', index, 'dependsOn', n, 'kind']))}
          ></fk-select>
          ${
            v.locked
              ? nothing
              : html`<button
                  type="button"
                  class="fk-button fk-button--small"
                  @click=${() => set(deps.filter((_, i) => i !== n))}
                >
                  ${t.t('plan.remove')}<span class="fk-visually-hidden"
                    >: ${t.t('plan.deps.remove', { number: n + 1 })}</span
                  >
                </button>`
          }
        </div>`,
    )}
    ${
      others.length === 0
        ? html`<p class="fk-hint">${t.t('plan.deps.none')}</p>`
        : v.locked
          ? nothing
          : html`<div class="actions">
              <button
                type="button"
                class="fk-button fk-button--small"
                @click=${() => set([...deps, { measureId: others[0]!.id!, kind: 'after' }])}
              >
                <span aria-hidden="true">+</span> ${t.t('plan.deps.add')}
              </button>
            </div>`
    }
  </div>`;
}

/** Other ways to the goal that were considered. */
function alternatives(v: HelpPlanView, m: MeasureEntry, index: number) {
  const t = v.t;
  const alts = m.alternatives ?? [];
  const set = (next: string[]) => v.patch(index, { alternatives: next.length ? next : undefined }, 'alternatives');
  return html`<div class="subsection" role="group" aria-labelledby=${`alts-${index}`}>
    <h4 id=${`alts-${index}`}>${t.t('plan.alternatives')}</h4>
    ${alts.map(
      (_, n) =>
        html`<div class="line line--two">
          <fk-text-field
            label=${t.t('plan.alternative', { number: n + 1 })}
            required
            ${bind(v.field(['measures', index, 'alternatives', n]))}
          ></fk-text-field>
          ${
            v.locked
              ? nothing
              : html`<button
                  type="button"
                  class="fk-button fk-button--small"
                  @click=${() => set(alts.filter((_, i) => i !== n))}
                >
                  ${t.t('plan.remove')}<span class="fk-visually-hidden"
                    >: ${t.t('plan.alternatives.remove', { number: n + 1 })}</span
                  >
                </button>`
          }
        </div>`,
    )}
    ${
      v.locked
        ? nothing
        : html`<div class="actions">
            <button type="button" class="fk-button fk-button--small" @click=${() => set([...alts, ''])}>
              <span aria-hidden="true">+</span> ${t.t('plan.alternatives.add')}
            </button>
          </div>`
    }
  </div>`;
}

/** "Second best: the right service is missing", with what is missing (feeds service planning). */
function secondBest(v: HelpPlanView, m: MeasureEntry, index: number) {
  const t = v.t;
  const sb = m.secondBest;
  const flag = v.field(['measures', index, 'secondBest']);
  return html`<div class="subsection">
    <fk-checkbox
      label=${t.t('plan.secondBest')}
      ${bind({
        ...flag,
        value: !!sb,
        set: (on: boolean) => v.patch(index, { secondBest: on ? { missingService: '' } : undefined }, 'secondBest'),
      })}
    ></fk-checkbox>
    ${
      sb
        ? html`<fk-textarea
              label=${t.t('plan.secondBest.missing')}
              hint=${t.t('plan.secondBest.missingHint')}
              required
              rows="2"
              ${bind(v.field(['measures', index, 'secondBest', 'missingService']))}
            ></fk-textarea>
            <div class="pair">
              <fk-text-field
                label=${t.t('plan.secondBest.kind')}
                ${bind(v.field(['measures', index, 'secondBest', 'serviceKind'], { optional: true }))}
              ></fk-text-field>
              <fk-text-field
                label=${t.t('plan.secondBest.region')}
                ${bind(v.field(['measures', index, 'secondBest', 'region'], { optional: true }))}
              ></fk-text-field>
            </div>`
        : nothing
    }
  </div>`;
}

/** The stored changes of the measure, newest last. */
function history(v: HelpPlanView, m: MeasureEntry) {
  const items = m.history ?? [];
  if (items.length === 0) return nothing;
  const t = v.t;
  return html`<details part="history">
    <summary>${t.t('plan.history', { count: t.number(items.length) })}</summary>
    <ol>
      ${items.map((h) => {
        const fields = Object.keys(h.previous)
          .map((k) =>
            k === 'status' ? `${t.t('plan.field.status')}: ${t.t(`plan.status.${h.previous.status ?? 'planned'}`)}` : k,
          )
          .join(', ');
        return html`<li>
          ${t.t('plan.history.entry', { date: t.date(h.changedOn), fields, reason: h.reason ? t.t('plan.history.reason', { reason: h.reason }) : '' })}
        </li>`;
      })}
    </ol>
  </details>`;
}
