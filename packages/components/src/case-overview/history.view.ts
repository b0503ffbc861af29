import { html, nothing } from 'lit';
import type { CaseState } from '@fallkit/core';
import { splitRedacted } from '../shared/case-of-view.js';
import { REASONS_WITHHELD } from './case-overview.history.js';
import type { CaseOverviewView } from './case-overview.view.js';

/** The journal as a readable history, newest first. */
export function historySection(v: CaseOverviewView) {
  const state = v.state;
  const t = v.t;
  const entries = v.entries;
  const agencies = new Map(
    splitRedacted<CaseState['leadAgencies'][number]>(state.leadAgencies).visible.map((l) => [l.agencyId, l.name]),
  );
  const newest = entries ? [...entries].sort((a, b) => b.seq - a.seq) : [];
  const shown = v.showAll ? newest : newest.slice(0, v.historyLimit);
  return html`<section class="section" part="history" aria-labelledby="history-title">
    <div>
      <h3 id="history-title">${t.t('history.title')}</h3>
      <p class="meta">${t.t('history.lead')}</p>
    </div>
    ${
      v.viewRedacted && entries?.some((e) => e.reason)
        ? html`<fk-redacted label=${t.t('history.reasons')} .marker=${REASONS_WITHHELD}></fk-redacted>`
        : nothing
    }
    ${
      entries === undefined
        ? html`<p class="meta">${t.t('history.unavailable')}</p>`
        : newest.length === 0
          ? html`<p class="meta">${t.t('history.none')}</p>`
          : html`<ol class="plain history">
                ${shown.map(
                  (e) =>
                    html`<li data-seq=${e.seq}>
                      <time datetime=${e.at}>${t.dateTime(e.at)}</time>
                      <span
                        >${v.sentence(e)}${e.agencyId && agencies.get(e.agencyId) ? html` <span class="meta">(${agencies.get(e.agencyId)})</span>` : nothing}</span
                      >
                      ${e.reason && !v.viewRedacted ? html`<span class="extra">${t.t('history.reason', { reason: e.reason })}</span>` : nothing}
                      ${e.erased ? html`<span class="extra">${t.t('history.erased')}</span>` : nothing}
                    </li>`,
                )}
              </ol>
              ${
                !v.showAll && newest.length > shown.length
                  ? html`<div class="actions">
                      <button type="button" class="fk-button fk-button--small" @click=${() => v.showOlder()}>
                        ${t.t('history.more', { count: newest.length - shown.length })}
                      </button>
                    </div>`
                  : nothing
              }`
    }
  </section>`;
}
