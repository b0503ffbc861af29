import { html, nothing } from 'lit';
import type { ConsentManagerView } from './consent-manager.view.js';

/**
 * The information for the person (DP-09), built from exactly what is selected: one step button per
 * section, the displayed section, and "next" until every section was shown with its current text.
 */
export function informationSection(v: ConsentManagerView) {
  const t = v.t;
  const { parts, current, shown, complete } = v.information;
  const part = parts[current]!;
  const next = current + 1 < parts.length ? parts[current + 1] : undefined;
  const error = v.errorAt('information');
  return html`<section
    class="section section--quiet"
    part="information"
    aria-labelledby="info-heading"
    data-path="information"
    tabindex="-1"
  >
    <h3 id="info-heading">${t.t('consent.info.title')}</h3>
    <p class="lead">${t.t('consent.info.lead')}</p>
    <ol class="steps">
      ${parts.map(
        (p, i) =>
          html`<li>
            <button
              type="button"
              class="fk-button fk-button--small step"
              part="information-step"
              ?data-shown=${shown.has(i)}
              aria-current=${i === current ? 'step' : nothing}
              @click=${() => v.display(i)}
            >
              ${shown.has(i) ? html`<span aria-hidden="true">✓ </span>` : nothing}${p.heading}${shown.has(i) ? html`<span class="fk-visually-hidden"> (${t.t('consent.info.sectionShown')})</span>` : nothing}
            </button>
          </li>`,
      )}
    </ol>
    <div class="info-panel" tabindex="-1" aria-labelledby="info-part-heading">
      <h4 id="info-part-heading">${part.heading}</h4>
      <p>${part.text}</p>
    </div>
    <div class="actions">
      ${current > 0 ? html`<button type="button" class="fk-button" @click=${() => v.display(current - 1)}>${t.t('consent.info.back')}</button>` : nothing}
      ${
        complete
          ? nothing
          : html`<button
              type="button"
              class="fk-button fk-button--primary"
              part="information-next"
              @click=${() => v.advance()}
            >
              ${next && !shown.has(current + 1) ? t.t('consent.info.next', { section: next.heading }) : t.t('consent.info.done')}
            </button>`
      }
      <span class="fk-hint"
        >${complete ? html`<span class="badge badge--ok">${t.t('consent.info.shown')}</span>` : t.t('consent.info.progress', { n: shown.size, count: parts.length })}</span
      >
    </div>
    ${
      error
        ? html`<p class="fk-feedback fk-feedback--error" part="error">
            <span class="fk-feedback__icon" aria-hidden="true">!</span>${error}
          </p>`
        : nothing
    }
  </section>`;
}
