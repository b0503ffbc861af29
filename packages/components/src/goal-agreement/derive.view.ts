import { html, nothing } from 'lit';
import { isRedactionMarker } from '@fallkit/core';
import { domainLabel } from '../shared/assessment-standard.js';
import type { GoalAgreementView } from './goal-agreement.view.js';

/** Goals derived from the assessment: one "+" per life domain with findings, and how many goals it has. */
export function derivePanel(v: GoalAgreementView) {
  const a = v.assessment;
  if (!a || v.locked) return nothing;
  const t = v.t;
  const domains = a.domains.filter(
    (d) =>
      !isRedactionMarker(d) &&
      [d.problems, d.agreedInterpretation, d.personView].some((x) => typeof x === 'string' && x.trim()),
  );
  if (domains.length === 0) return nothing;
  return html`<section class="section section--quiet" part="derive" aria-labelledby="derive-heading">
    <h3 id="derive-heading">${t.t('goals.derive.title')}</h3>
    <p class="meta">${t.t('goals.derive.lead', { version: t.number(a.version) })}</p>
    <ul class="plain derive-list">
      ${domains.map((d) => {
        const name = domainLabel(v.standard, d.domainId, t.lang);
        const excerpt = (d.agreedInterpretation || d.problems || d.personView || '').trim();
        const count = v.goals.filter((g) => (g.domainIds ?? []).includes(d.domainId)).length;
        return html`<li>
          <span>
            <strong>${name}</strong
            >${count ? html` <span class="badge">${t.t('goals.derive.hasGoals', { count })}</span>` : nothing}
            <span class="excerpt">${excerpt.length > 140 ? `${excerpt.slice(0, 140)} …` : excerpt}</span>
          </span>
          <button
            type="button"
            class="fk-button fk-button--small"
            @click=${() => v.addGoal({ domainIds: [d.domainId], assessmentId: a.id })}
          >
            <span aria-hidden="true">+</span> ${t.t('goals.derive.short')}<span class="fk-visually-hidden"
              >: ${name}</span
            >
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}
