import { html, nothing, type TemplateResult } from 'lit';
import { CATEGORY_LABELS, type DataCategory, type LocalizedText } from '@fallkit/core';
import type { TransferPreviewLike } from '../privacy-shapes.js';
import { plainWords } from '../../i18n/plain-words.js';

/** The slice of the localize controller the preview needs. */
export interface PreviewLocalizer {
  t(key: string, params?: Record<string, string | number>): string;
  text(value: LocalizedText): string;
  list(items: readonly string[]): string;
  has(key: string): boolean;
}

/** Where a preview stands: not asked (nothing selected), computing, done, or not available. */
export type PreviewState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly preview: TransferPreviewLike }
  | { readonly kind: 'unavailable' };

type Unit = TransferPreviewLike['units'][number];

/** Units of one section with the same categories and reason, shown once with a count. */
interface GroupedUnit extends Unit {
  readonly count: number;
}

function grouped(units: readonly Unit[]): GroupedUnit[] {
  const out = new Map<string, GroupedUnit>();
  for (const u of units) {
    const key = `${u.section}|${[...u.categories].sort().join(',')}|${u.reason.code}`;
    const seen = out.get(key);
    out.set(key, seen ? { ...seen, count: seen.count + 1 } : { ...u, count: 1 });
  }
  return [...out.values()];
}

/** A label for a legal basis string (`consent:consent-1`, `sgb10_69`), given by the host component. */
export type BasisLabel = (basis: string | undefined) => string;

function categories(l: PreviewLocalizer, list: readonly DataCategory[]): string {
  return list.length ? l.list(list.map((c) => l.text(CATEGORY_LABELS[c]))) : '–';
}

function sectionLabel(l: PreviewLocalizer, section: string): string {
  const key = `preview.section.${section}`;
  return l.has(key) ? l.t(key) : section;
}

/**
 * Renders what a transfer would pass on and on what basis, before anything is sent: the outcome,
 * the basis, the items that go (grouped by section, with their categories), the items held back
 * with the reason sentence, rule and code (DP-24), and the purpose-binding notice (§ 78 SGB X).
 */
export function renderTransferPreview(
  state: PreviewState,
  l: PreviewLocalizer,
  options: {
    readonly recipient: string;
    readonly basis: string | undefined;
    readonly basisLabel: BasisLabel;
    readonly selected: readonly DataCategory[];
  },
): TemplateResult {
  const head = html`<h4 id="preview-heading">${l.t('preview.title')}</h4>
    <p class="fk-hint">${l.t('preview.lead', { recipient: options.recipient })}</p>`;
  if (state.kind === 'empty') {
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
      ${head}
      <p>${l.t('preview.empty')}</p>
    </section>`;
  }
  if (state.kind === 'loading') {
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading" aria-busy="true">
      ${head}
      <p>${l.t('preview.loading')}</p>
    </section>`;
  }
  if (state.kind === 'unavailable') {
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
      ${head}
      <p class="notice">
        ${l.t('preview.unavailable', { categories: categories(l, options.selected), basis: options.basisLabel(options.basis) })}
      </p>
    </section>`;
  }
  const p = state.preview;
  const sent = grouped(p.units.filter((u) => u.send));
  const withheld = grouped(p.units.filter((u) => !u.send));
  const outcomeClass =
    p.decision.outcome === 'allow' ? 'badge--ok' : p.decision.outcome === 'deny' ? 'badge--danger' : 'badge--warn';
  const unitLabel = (u: GroupedUnit) => {
    const label = l.t('preview.unit', { section: sectionLabel(l, u.section), categories: categories(l, u.categories) });
    return u.count > 1 ? l.t('preview.unitCount', { label, count: u.count }) : label;
  };
  const denyReasons = p.decision.outcome === 'deny' ? p.decision.reasons : [];
  // A reason that stops the whole transfer is said once above, not again at every item.
  const gateCodes = new Set(denyReasons.map((r) => r.code));
  return html`<section
    class="preview"
    part="preview"
    aria-labelledby="preview-heading"
    data-outcome=${p.decision.outcome}
  >
    ${head}
    <p class="preview-line">
      <span class="badge ${outcomeClass}" part="preview-outcome">${l.t(`preview.outcome.${p.decision.outcome}`)}</span>
      <span>${l.t('preview.basis', { basis: options.basisLabel(p.basis ?? options.basis) })}</span>
    </p>
    ${
      denyReasons.length
        ? html`<ul class="reasons">
            ${denyReasons.map((r) => html`<li>${l.t('preview.reason', { message: plainWords(l.text(r.message)) })}</li>`)}
          </ul>`
        : nothing
    }
    <div class="pair">
      <div part="preview-send">
        <h5>${l.t('preview.send')}</h5>
        ${
          sent.length
            ? html`<ul>
                ${sent.map((u) => html`<li>${unitLabel(u)}</li>`)}
              </ul>`
            : html`<p>${l.t('preview.nothingSent')}</p>`
        }
      </div>
      <div part="preview-withheld">
        <h5>${l.t('preview.withheld')}</h5>
        ${
          withheld.length
            ? html`<ul>
                ${withheld.map(
                  (u) =>
                    html`<li>
                      ${unitLabel(u)}
                      ${
                        gateCodes.has(u.reason.code)
                          ? nothing
                          : html`<span class="fk-hint"
                              >${l.t('preview.reason', { message: plainWords(l.text(u.reason.message)) })}</span
                            >`
                      }
                    </li>`,
                )}
              </ul>`
            : html`<p>${l.t('preview.nothingWithheld')}</p>`
        }
      </div>
    </div>
    <p class="fk-hint">${l.text(p.purposeBindingNotice)}</p>
  </section>`;
}
