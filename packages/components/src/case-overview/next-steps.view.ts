import { html, nothing } from 'lit';
import { STAGE_DEFINITIONS, type ActionAvailability } from '@fallkit/core';
import { plainWords } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { CYCLE_ACTIONS, STAGE_FOCUS } from './cycle-actions.js';
import type { CaseOverviewView } from './case-overview.view.js';

/** The allowed next steps (the stage's own first) and the blocked ones with their reasons. */
export function nextSteps(v: CaseOverviewView) {
  const state = v.state;
  const t = v.t;
  const all = v.availability();
  const cycle = CYCLE_ACTIONS.map((c) => all.find((a) => a.command === c)).filter((a): a is ActionAvailability => !!a);
  const allowed = cycle.filter((a) => a.allowed);
  const blocked = cycle.filter((a) => !a.allowed);
  const focus = STAGE_FOCUS[state.stage] ?? [];
  const first = allowed
    .filter((a) => focus.includes(a.command))
    .sort((a, b) => focus.indexOf(a.command) - focus.indexOf(b.command));
  const rest = allowed.filter((a) => !focus.includes(a.command));
  const button = (a: ActionAvailability, cls: string) =>
    html`<button
      type="button"
      part="action"
      class="fk-button ${cls}"
      data-command=${a.command}
      @click=${() => v.choose(a.command, state.caseId)}
    >
      ${t.t(`action.${a.command}` as 'action.closeCase')}
    </button>`;
  const goal = STAGE_DEFINITIONS[state.stage].goal[t.lang];
  return html`<section class="section" part="next" aria-labelledby="next-title">
    <div>
      <h3 id="next-title">${t.t('next.title')}</h3>
      <p class="meta">${t.t('overview.stageGoal', { goal })}</p>
    </div>
    ${
      allowed.length === 0
        ? html`<p>${t.t('next.none')}</p>`
        : html`${
            first.length
              ? html`<div class="actions-list">
                  ${first.map((a, i) => button(a, i === 0 ? 'fk-button--primary' : ''))}
                </div>`
              : nothing
          }
          ${
            rest.length
              ? html`<div role="group" aria-labelledby="also-title">
                  <p id="also-title" class="meta">${t.t(first.length ? 'next.also' : 'next.possible')}</p>
                  <div class="actions-list">${rest.map((a) => button(a, 'fk-button--small'))}</div>
                </div>`
              : nothing
          }`
    }
    ${
      blocked.length === 0
        ? nothing
        : html`<details part="blocked">
            <summary>${t.t('next.blocked', { count: blocked.length })}</summary>
            <ul class="plain blocked">
              ${blocked.map(
                (a) =>
                  html`<li data-command=${a.command}>
                    <strong>${t.t(`action.${a.command}` as 'action.closeCase')}</strong>
                    ${a.reason ? html`<span class="why">${plainWords(t.text(a.reason))}</span>` : nothing}
                    ${a.hint ? html`<span class="why">${t.t('next.hint', { hint: plainWords(t.text(a.hint)) })}</span>` : nothing}
                    ${a.ruleId ? adminDetails([{ code: a.command, rule: a.ruleId }], t.lang) : nothing}
                  </li>`,
              )}
            </ul>
          </details>`
    }
    <p class="meta">${t.t('next.lead')}</p>
  </section>`;
}
