/**
 * The note a page shows where a Fallkit element is not registered yet: visible, not a blank area. While the
 * element's chunk is still loading (the code-split bundle), it says so instead.
 */
import { html, type TemplateResult } from 'lit';
import { loadingElement } from '../../loading/element-loader.js';
import { t, type DemoLanguage } from '../texts.js';

/** The note for a missing element. */
export function missingElement(lang: DemoLanguage, tag: string): TemplateResult {
  if (loadingElement(tag)) {
    return html`<p class="loading" role="status" data-loading=${tag}>
      ${lang === 'de' ? 'Wird geladen …' : 'Loading …'}
    </p>`;
  }
  return html`<p class="missing-element" role="note" data-missing=${tag}>${t(lang, 'missingComponent', { tag })}</p>`;
}
