import { html } from 'lit';
import { STAGE_DEFINITIONS, type CaseState } from '@fallkit/core';
import { splitRedacted } from '../shared/case-of-view.js';
import type { CaseOverviewView } from './case-overview.view.js';

/** Case label, status, stage and the case managers. */
export function overviewHeader(v: CaseOverviewView) {
  const state = v.state;
  const t = v.t;
  const stage = STAGE_DEFINITIONS[state.stage];
  const managers = splitRedacted<CaseState['caseManagers'][number]>(state.caseManagers).visible.filter((m) => !m.to);
  return html`<div class="head" part="header">
    <div>
      <h2>${t.t('overview.title')}: ${state.label}</h2>
      <p class="meta">
        <span class="badge ${state.status === 'open' ? 'badge--info' : 'badge--ok'}"
          >${t.t(`overview.status.${state.status}`)}</span
        >
        ${t.t('overview.opened', { date: t.date(state.openedOn) })} ·
        ${t.t('overview.stage', { stage: stage.label[t.lang] })}
      </p>
    </div>
    <dl>
      <dt>${t.t('overview.caseManagers')}</dt>
      <dd>
        ${
          managers.length === 0
            ? t.t('overview.noCaseManager')
            : t.list(
                managers.map(
                  (m) => `${m.name ?? m.userId}${m.role === 'deputy' ? ` (${t.t('overview.deputy')})` : ''}`,
                ),
              )
        }
      </dd>
    </dl>
  </div>`;
}
