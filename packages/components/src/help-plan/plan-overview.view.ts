import { html, nothing } from 'lit';
import type { MeasureEntry } from './help-plan.schema.js';
import type { HelpPlanView } from './help-plan.view.js';
import { planSteps } from './timeline.js';

/** The title and the plan's counts (measures, running, second-best, dissent). */
export function planHeader(v: HelpPlanView) {
  const t = v.t;
  const ms = v.measures;
  const count = ms.length;
  const running = ms.filter((m) => m.status === 'running').length;
  const secondBest = ms.filter((m) => m.secondBest).length;
  const dissent = ms.filter((m) => m.agreement?.personPosition?.trim()).length;
  const facts = [
    count === 0 ? t.t('plan.none') : count === 1 ? t.t('plan.countOne') : t.t('plan.count', { count: t.number(count) }),
    ...(running ? [t.t('plan.summary.running', { count: t.number(running) })] : []),
    ...(secondBest ? [t.t('plan.summary.secondBest', { count: t.number(secondBest) })] : []),
    ...(dissent ? [t.t('plan.summary.dissent', { count: t.number(dissent) })] : []),
  ];
  return html`<div class="head" part="header">
    <div>
      <h2>${t.t('plan.title')}</h2>
      <p class="meta">${facts.join(' · ')}</p>
    </div>
  </div>`;
}

/**
 * The course of the plan as numbered steps (measures in parallel share a step), from the dependencies;
 * open by default for up to 30 measures.
 */
export function planTimeline(
  v: HelpPlanView,
  shown: boolean | undefined,
  onToggle: (open: boolean) => void,
  keyOf: (m: MeasureEntry, index: number) => string,
) {
  const t = v.t;
  const ms = v.measures;
  if (ms.length === 0) return nothing;
  const open = shown ?? ms.length <= 30;
  const titleOf = new Map(ms.filter((m) => m.id).map((m) => [m.id!, v.measureName(m)]));
  return html`<details
    class="section section--quiet timeline-box"
    part="timeline"
    ?open=${open}
    @toggle=${(e: Event) => e.target instanceof HTMLDetailsElement && onToggle(e.target.open)}
  >
    <summary>${t.t('plan.timeline')}</summary>
    ${
      open
        ? html`<p class="fk-hint">${t.t('plan.timeline.hint')}</p>
            <ol class="timeline">
              ${planSteps(ms.map((m, i) => ({ ...m, key: keyOf(m, i) }))).map(
                (step) =>
                  html`<li class="step" part="step">
                    <span class="step-no" aria-hidden="true">${t.number(step.index + 1)}</span>
                    <div>
                      <p class="step-title">
                        <strong>${t.t('plan.timeline.step', { number: t.number(step.index + 1) })}</strong>${
                          step.measures.length > 1
                            ? html` <span class="fk-hint">(${t.t('plan.timeline.parallel')})</span>`
                            : nothing
                        }
                      </p>
                      <ul>
                        ${step.measures.map((m) => {
                          const after = (m.dependsOn ?? [])
                            .filter((d) => d.kind === 'after')
                            .map((d) => titleOf.get(d.measureId) ?? d.measureId);
                          const withm = (m.dependsOn ?? [])
                            .filter((d) => d.kind === 'parallel')
                            .map((d) => titleOf.get(d.measureId) ?? d.measureId);
                          return html`<li>
                            <strong>${v.measureName(m)}</strong> · ${v.when(m)}
                            ${after.length ? html`<br /><span class="fk-hint">${t.t('plan.timeline.after', { measures: t.list(after) })}</span>` : nothing}
                            ${withm.length ? html`<br /><span class="fk-hint">${t.t('plan.timeline.with', { measures: t.list(withm) })}</span>` : nothing}
                          </li>`;
                        })}
                      </ul>
                    </div>
                  </li>`,
              )}
            </ol>`
        : nothing
    }
  </details>`;
}

/** The page the list shows and how to turn it. */
export interface PagerState {
  readonly page: number;
  readonly pages: number;
  readonly pageSize: number;
  goTo(page: number): void;
}

/** Page navigation of a long plan; `landmark`: the bar above the list is the one `<nav>`. */
export function planPager(v: HelpPlanView, p: PagerState, landmark: boolean) {
  const pages = p.pages;
  if (pages <= 1) return nothing;
  const t = v.t;
  const count = v.measures.length;
  const from = p.page * p.pageSize + 1;
  const to = Math.min(count, from + p.pageSize - 1);
  const content = html` <button
      type="button"
      class="fk-button fk-button--small"
      ?disabled=${p.page === 0}
      @click=${() => p.goTo(p.page - 1)}
    >
      <span aria-hidden="true">←</span> ${t.t('plan.pagePrev')}
    </button>
    <span
      >${t.t('plan.pageRange', { from: t.number(from), to: t.number(to), count: t.number(count) })} ·
      ${t.t('plan.page', { page: t.number(p.page + 1), pages: t.number(pages) })}</span
    >
    <button
      type="button"
      class="fk-button fk-button--small"
      ?disabled=${p.page >= pages - 1}
      @click=${() => p.goTo(p.page + 1)}
    >
      ${t.t('plan.pageNext')} <span aria-hidden="true">→</span>
    </button>`;
  // One landmark only; the second bar below the list repeats the buttons without a second nav.
  return landmark
    ? html`<nav class="pager" part="pager" aria-label=${t.t('plan.list')}>${content}</nav>`
    : html`<div class="pager" part="pager">${content}</div>`;
}
