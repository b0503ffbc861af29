import { html, nothing } from 'lit';
import { SPECIAL_CATEGORY_DOMAINS } from '../shared/assessment-standard.js';
import type { AssessmentFormView } from './assessment-form.view.js';

/**
 * The buttons that open further life domains: the ordinary ones, and those of special categories
 * (GDPR Art. 9) collapsed behind a disclosure (DP-02). Also where the "no domain yet" error shows.
 */
export function domainPicker(v: AssessmentFormView) {
  const t = v.t;
  const opened = new Set(v.domains.map((d) => d.domainId));
  const closed = v.standard.lifeDomains.filter((d) => !opened.has(d.id));
  const ordinary = closed.filter((d) => !SPECIAL_CATEGORY_DOMAINS[d.id]);
  const special = closed.filter((d) => SPECIAL_CATEGORY_DOMAINS[d.id]);
  const error = v.errorAt('domains');
  const button = (d: { id: string; label: { de: string; en: string } }) =>
    html`<button
      type="button"
      class="fk-button fk-button--small"
      aria-label=${t.t('assessment.openDomain', { domain: v.label(d.id) })}
      @click=${() => v.openDomain(d.id)}
    >
      <span aria-hidden="true">+</span> ${v.label(d.id)}
    </button>`;
  if (!v.editable && !error) return nothing;
  return html`<div
    class="picker section section--quiet"
    part="domain-picker"
    data-path="domains"
    tabindex="-1"
    aria-describedby=${error ? 'domains-error' : nothing}
  >
    ${
      v.editable && ordinary.length
        ? html`<h4>${v.domains.length ? t.t('assessment.addDomains') : t.t('assessment.firstDomain')}</h4>
            <div class="actions">${ordinary.map(button)}</div>`
        : nothing
    }
    ${
      error
        ? html`<p id="domains-error" class="fk-feedback fk-feedback--error" part="error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
          </p>`
        : nothing
    }
    ${
      v.editable && special.length
        ? html`<details class="special" part="special-domains">
            <summary>${t.t('assessment.special')}</summary>
            <p class="fk-hint">${t.t('assessment.specialHint')}</p>
            <div class="actions">${special.map(button)}</div>
          </details>`
        : nothing
    }
  </div>`;
}
