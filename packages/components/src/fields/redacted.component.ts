import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { LocalizedText } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import { hostStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';

/**
 * Stands in for a field the data-protection view withheld, and says why (DP-24: redaction explains
 * itself; never silently empty): "ausgeblendet: keine Einwilligung für Gesundheitsdaten", with the
 * reason code. The core's own sentence (`message`) wins over the built-in texts per reason.
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
  /** The core's own sentence for this redaction; wins over the built-in text. */
  @property({ attribute: false }) message?: LocalizedText;

  private readonly i18n = new LocalizeController(this);

  /** The sentence after "ausgeblendet:". */
  get reasonText(): string {
    if (this.message) return this.i18n.text(this.message);
    const key = `redacted.${this.reason}`;
    if (this.reason === 'REDACT_NO_CONSENT' && !this.category) return this.i18n.t('redacted.REDACT_NO_CONSENT.any');
    if (this.reason && this.i18n.has(key)) {
      const categoryKey = `category.${this.category ?? 'other'}`;
      const category = this.i18n.has(categoryKey)
        ? this.i18n.t(categoryKey as 'category.other')
        : (this.category ?? '');
      return this.i18n.t(key as 'redacted.unknown', { category });
    }
    return this.i18n.t('redacted.unknown');
  }

  override render() {
    return html`<p class="marker" part="marker">
      ${this.label ? html`<span class="label">${this.label}:</span>` : nothing}
      <span part="reason"><span class="label">${this.i18n.t('redacted.prefix')}:</span> ${this.reasonText}</span>
      ${
        this.reason
          ? html`<span class="code" part="code">(${this.i18n.t('redacted.reasonCode', { code: this.reason })})</span>`
          : nothing
      }
    </p>`;
  }
}
