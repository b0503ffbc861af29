import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { LocalizedText, RedactionMarker } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import { plainWords } from '../i18n/plain-words.js';
import { adminDetails } from '../i18n/admin-details.view.js';
import { hostStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';

/**
 * Stands in for a field the data-protection view withheld, and says why (DP-24: redaction explains
 * itself; never silently empty): "ausgeblendet: keine Einwilligung für Gesundheitsdaten", with the
 * reason code and rule. Pass the core view's `marker` (or `reason` and `message`) and, where known, the
 * data `category`. The built-in, host-overridable text for a known code comes first, because it can
 * name the category; for codes the components do not know, the core's own sentence is shown.
 *
 * @tagname fk-redacted
 * @summary Marker for a withheld field, with reason and reason code.
 * @csspart marker - The whole marker.
 * @csspart reason - The sentence.
 * @csspart code - The reason code.
 * @cssproperty --fk-color-redacted - Text colour.
 * @cssproperty --fk-color-redacted-subtle - Background.
 */
export class FkRedacted extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: block;
      }
      .marker {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: ${token('space-2xs')} ${token('space-xs')};
        padding-block: ${token('space-xs')};
        padding-inline: ${token('space-s')};
        border: ${token('border-width')} dashed ${token('color-border')};
        border-radius: ${token('radius-m')};
        background: ${token('color-redacted-subtle')};
        color: ${token('color-redacted')};
        font-size: ${token('font-size-s')};
      }
      .label {
        font-weight: ${token('font-weight-strong')};
      }
      .code {
        font-family: ${token('font-family-mono')};
        font-size: 0.8125rem;
      }
      @media (forced-colors: active) {
        .marker {
          border-color: GrayText;
          color: GrayText;
        }
      }
    `,
  ];

  /** Reason code from the view (`REDACT_NO_CONSENT`, `REDACT_NEED_TO_KNOW`, …). */
  @property() reason = '';
  /** Data category concerned (`health`, `debts` …), for reasons that name one. */
  @property() category?: string;
  /** What was withheld (e.g. the field's label), read before the reason. */
  @property() label?: string;
  /** The rule that withheld it (`DP-10`). */
  @property() rule?: string;
  /** The core's own sentence for this redaction; shown for codes without a built-in text. */
  @property({ attribute: false }) message?: LocalizedText;
  /** The marker from the core's view; sets `reason`, `rule` and `message`. */
  @property({ attribute: false }) marker?: RedactionMarker;

  private readonly i18n = new LocalizeController(this);

  private get code(): string {
    return this.marker?.code ?? this.reason;
  }

  /** The visible sentence, e.g. "ausgeblendet: keine Einwilligung für Gesundheitsdaten". */
  get reasonText(): string {
    const code = this.code;
    const prefix = this.i18n.t('redacted.prefix');
    const key = `redacted.${code}`;
    if (code === 'REDACT_NO_CONSENT' && !this.category)
      return `${prefix}: ${this.i18n.t('redacted.REDACT_NO_CONSENT.any')}`;
    if (code && this.i18n.has(key)) {
      const categoryKey = `category.${this.category ?? 'other'}`;
      const category = this.i18n.has(categoryKey)
        ? this.i18n.t(categoryKey as 'category.other')
        : (this.category ?? '');
      return `${prefix}: ${this.i18n.t(key as 'redacted.unknown', { category })}`;
    }
    const own = this.marker?.message ?? this.message;
    // The core's sentences carry their own "Zurückgehalten:" prefix.
    if (own) return plainWords(this.i18n.text(own));
    return `${prefix}: ${this.i18n.t('redacted.unknown')}`;
  }

  override render() {
    const code = this.code;
    const rule = this.marker?.rule ?? this.rule;
    // Codes and rule ids only in the administrators' disclosure (issue 21 item 5).
    return html`<div class="marker" part="marker">
      ${this.label ? html`<span class="label">${this.label}:</span>` : nothing}
      <span part="reason">${this.reasonText}</span>
      ${code ? adminDetails([{ code, ...(rule ? { rule } : {}) }], this.i18n.lang) : nothing}
    </div>`;
  }
}
