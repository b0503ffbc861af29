/**
 * The administrators' disclosure: codes and rule ids of refusals and markers, closed by default, so a
 * case manager reads sentences and an administrator still finds what to look up (issue 21 item 5).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Language } from '@fallkit/core';
import type { Explained } from './plain-words.js';

const SUMMARY: Record<Language, string> = { de: 'Details für die Administration', en: 'Details for administrators' };

/** A closed `<details class="fk-admin-details">` listing each code with its rule; nothing without items. */
export function adminDetails(
  items: readonly Pick<Explained, 'code' | 'rule'>[],
  lang: Language,
): TemplateResult | typeof nothing {
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const key = `${item.code}|${item.rule ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return nothing;
  return html`<details class="fk-admin-details" part="admin-details">
    <summary>${SUMMARY[lang]}</summary>
    <ul>
      ${unique.map((item) => html`<li><code>${item.code}</code>${item.rule ? html` · ${item.rule}` : nothing}</li>`)}
    </ul>
  </details>`;
}
