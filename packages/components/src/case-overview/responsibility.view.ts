import { html, nothing } from 'lit';
import type { CaseState } from '@fallkit/core';
import { splitRedacted } from '../shared/case-of-view.js';
import { hiddenEntries, period, type CaseOverviewView } from './case-overview.view.js';

/** Lead agencies and legal domains over time. */
export function responsibilitySection(v: CaseOverviewView) {
  const state = v.state;
  const t = v.t;
  const leads = splitRedacted<CaseState['leadAgencies'][number]>(state.leadAgencies);
  const domains = splitRedacted<CaseState['legalDomains'][number]>(state.legalDomains);
  const newestFirst = <T extends { from: string }>(list: T[]) => [...list].sort((a, b) => b.from.localeCompare(a.from));
  return html`<section class="section" part="responsibility" aria-labelledby="lead-title">
    <h3 id="lead-title">${t.t('lead.title')}</h3>
    ${
      leads.visible.length === 0
        ? html`<p class="meta">${t.t('lead.none')}</p>`
        : html`<table>
            <caption>
              ${t.t('lead.agencies')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t.t('lead.col.period')}</th>
                <th scope="col">${t.t('lead.col.agency')}</th>
                <th scope="col">${t.t('lead.col.domain')}</th>
              </tr>
            </thead>
            <tbody>
              ${newestFirst(leads.visible).map(
                (l) =>
                  html`<tr>
                    <td>
                      ${period(v, l.from, l.to)}
                      ${l.to ? nothing : html`<span class="badge badge--info">${t.t('lead.current')}</span>`}
                    </td>
                    <th scope="row">${l.name}</th>
                    <td>${l.legalDomain ? v.domainLabel(l.legalDomain) : ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${hiddenEntries(v, leads.hidden, 'benefits')}
    ${
      domains.visible.length === 0
        ? nothing
        : html`<table>
            <caption>
              ${t.t('lead.domains')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t.t('lead.col.period')}</th>
                <th scope="col">${t.t('lead.col.domain')}</th>
                <th scope="col">${t.t('lead.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              ${newestFirst(domains.visible).map(
                (d) =>
                  html`<tr>
                    <td>${period(v, d.from, d.to)}</td>
                    <th scope="row">${v.domainLabel(d.domain)}</th>
                    <td>${d.reason ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${hiddenEntries(v, domains.hidden, 'benefits')}
  </section>`;
}
