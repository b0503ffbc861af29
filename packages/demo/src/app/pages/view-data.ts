/**
 * A plain, read-only rendering of part of a case view, for tabs whose Fallkit element is not there yet.
 * Withheld items show `<fk-redacted>` with their reason (DP-24), never an empty gap.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isRedactionMarker, type RedactionMarker } from '@fallkit/core';
import type { DemoLanguage } from '../texts.js';
import { formatDate } from '../format.js';

/** Fields that are bookkeeping of the data-protection model, not content a reader needs here. */
const HIDDEN_KEYS = new Set([
  'id',
  'subjectIds',
  'categories',
  'purposeIds',
  'origin',
  'legalBasis',
  'recordedBy',
  'recordedAt',
  'history',
  'revisions',
  'statusHistory',
  'professionalSecret',
  'entrusted',
  'entrustedBy',
  'childProtection',
  'thirdParty',
]);

/** Keys whose value names an item best, in order of preference. */
const TITLE_KEYS = ['title', 'subject', 'name', 'domainId', 'kind', 'mode', 'reason', 'status'];

function marker(value: RedactionMarker, lang: DemoLanguage): TemplateResult {
  return html`<fk-redacted lang=${lang} .marker=${value}></fk-redacted>`;
}

function scalar(value: unknown, lang: DemoLanguage): string {
  if (typeof value === 'boolean') return value ? (lang === 'de' ? 'ja' : 'yes') : lang === 'de' ? 'nein' : 'no';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) return formatDate(value, lang);
  return String(value);
}

function titleOf(item: Record<string, unknown>): string | undefined {
  for (const key of TITLE_KEYS) {
    const value = item[key];
    if (typeof value === 'string' && value) return value;
  }
  if (typeof item['givenName'] === 'string') return `${String(item['givenName'])} ${String(item['familyName'] ?? '')}`;
  return undefined;
}

/** Renders any value of a case view: scalars, lists, objects (depth-limited), markers. */
export function renderData(value: unknown, lang: DemoLanguage, depth = 0): TemplateResult | string | typeof nothing {
  if (value === undefined || value === null || value === '') return nothing;
  if (isRedactionMarker(value)) return marker(value, lang);
  if (Array.isArray(value)) {
    if (value.length === 0) return nothing;
    if (value.every((entry) => typeof entry !== 'object' || entry === null)) {
      return value.map((entry) => scalar(entry, lang)).join(', ');
    }
    return html`<ul class="view-list">
      ${value.map((entry) => html`<li>${renderData(entry, lang, depth + 1)}</li>`)}
    </ul>`;
  }
  if (typeof value === 'object') {
    if (depth > 3) return '…';
    const item = value as Record<string, unknown>;
    const title = depth > 0 ? titleOf(item) : undefined;
    const entries = Object.entries(item).filter(
      ([key, entry]) => !HIDDEN_KEYS.has(key) && entry !== undefined && entry !== null && entry !== '',
    );
    return html`${title ? html`<strong>${title}</strong>` : nothing}
      <dl class="view-data">
        ${entries.map(
          ([key, entry]) =>
            html`<div>
              <dt>${key}</dt>
              <dd>${renderData(entry, lang, depth + 1)}</dd>
            </div>`,
        )}
      </dl>`;
  }
  return scalar(value, lang);
}
