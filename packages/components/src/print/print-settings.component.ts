import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { PrintSettingsProvider, type PrintSettings } from './print-settings.js';

/**
 * The host's settings for printed documents (letterhead, controller and data-protection officer for
 * the Art. 13 GDPR information) for every Fallkit form inside it.
 *
 * @tagname fk-print-settings
 * @summary Provides letterhead and controller/DPO details to the printed documents inside it.
 * @slot - The forms that print.
 */
export class FkPrintSettings extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new PrintSettingsProvider(this);
  private current: PrintSettings | undefined;

  /** Letterhead, controller, data-protection officer, supervisory authority. */
  @property({ attribute: false })
  get settings(): PrintSettings | undefined {
    return this.current;
  }
  set settings(next: PrintSettings | undefined) {
    this.current = next;
    this.provider.settings = next;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
