/**
 * The note a page shows where a Fallkit element is not registered yet: visible, not a blank area.
 */
import { html, type TemplateResult } from 'lit';
import { t, type DemoLanguage } from '../texts.js';

/** The note for a missing element. */
export function missingElement(lang: DemoLanguage, tag: string): TemplateResult {
  return html`<p class="missing-element" role="note" data-missing=${tag}>${t(lang, 'missingComponent', { tag })}</p>`;
}
