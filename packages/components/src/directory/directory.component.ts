import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { DirectoryProvider, type Directory } from './directory.js';

/**
 * The host's directory of agencies and providers for every Fallkit form inside it: recipients of a
 * consent, the provider of a referral and the receiving agency of a handover are chosen from it by
 * name, never by typing an internal id. The host configures the list (its own agencies, the
 * Jobcenter, partner agencies, providers); it is context, not case data, and decides nothing.
 *
 * ```html
 * <fk-directory .entries=${[{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt', kind: 'agency' }]}>
 *   <fk-case-provider …><fk-referrals></fk-referrals></fk-case-provider>
 * </fk-directory>
 * ```
 *
 * @tagname fk-directory
 * @summary Provides the host's directory of agencies and providers to the forms inside it.
 * @slot - The forms (and providers) that use the directory.
 */
export class FkDirectory extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly provider = new DirectoryProvider(this);

  /** The agencies and providers, as the host configures them. */
  @property({ attribute: false })
  get entries(): Directory {
    return this.current;
  }
  set entries(next: Directory) {
    this.current = next ?? [];
    this.provider.entries = this.current;
  }

  private current: Directory = [];

  override render() {
    return html`<slot></slot>`;
  }
}
