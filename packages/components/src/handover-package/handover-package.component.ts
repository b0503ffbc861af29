import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  CATEGORY_LABELS,
  type CaseConsents,
  type CaseHandoverStatus,
  type DataCategory,
  type TransferPreview,
} from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import { FkHandoverSendEvent } from '../events/fk-handover-send.js';
import { purposeName } from '../i18n/glossary.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { handoverPackageMessages } from './handover-package.messages.js';
import { statusLoopView } from './status-loop.view.js';

/** What the worker asks for: send through the host's channel, or sign and download a file (JWE). */
export interface HandoverSendDetail {
  readonly delivery: 'send' | 'file';
  readonly recipientAgencyId: string;
}

/**
 * The handover package before it leaves: the core's transfer preview for the named recipient and basis
 * (`views.previewTransfer`), as what is handed over (categories, number of items) and what stays here
 * and why (per category, the decision's reason). "Signieren und senden" and "… als Datei herunterladen"
 * fire `fk-handover-send`; the host builds, signs and delivers the package with `@fallkit/handover`
 * (`buildHandoverPackage`, `signMessage`, `encryptForRecipient`). A denied preview offers neither.
 *
 * @tagname fk-handover-package
 * @summary Preview of a handover package (what goes, what stays and why), then sign and send or download.
 *
 * @event fk-handover-send - Build, sign and deliver; `detail` is `{ delivery, recipientAgencyId }`.
 * @csspart preview - The preview.
 * @csspart withheld - What stays, with reasons.
 * @csspart status-loop - Earlier packages to the same recipient and their answers (`status`).
 */
export class FkHandoverPackage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      article {
        padding: ${token('space-m')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-l')};
        background: ${token('color-surface')};
      }
      h2 {
        margin: 0 0 ${token('space-2xs')};
        font-size: 1.3rem;
      }
      h3 {
        margin: ${token('space-s')} 0 ${token('space-2xs')};
        font-size: ${token('font-size-m')};
      }
      p {
        margin: ${token('space-3xs')} 0;
      }
      .meta {
        color: ${token('color-text-muted')};
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-xs')};
        margin-block-start: ${token('space-s')};
      }
    `,
  ];

  /** The core's preview for the recipient and basis (`views.previewTransfer`). */
  @property({ attribute: false }) preview?: TransferPreview;

  /** The recipient as the preview was asked for. */
  @property({ attribute: false }) recipient?: { readonly agencyId: string; readonly name: string };

  /**
   * The case's handover packages as the core's decided channel gives them (`views.handoverStatus`): earlier
   * packages to this recipient are listed with their answers (received, accepted, declined, withdrawn).
   */
  @property({ attribute: false }) status?: CaseHandoverStatus;

  /**
   * The case's consents as the core's decided channel gives them (`views.consents`): a basis
   * `consent:<id>` is shown in words (the consent's date, purposes and recipients), never as its id.
   */
  @property({ attribute: false }) consents?: CaseConsents;

  /** Host overrides of the texts. */
  @property({ attribute: false }) messages?: MessageOverrides;

  private readonly i18n = new LocalizeController(this, {
    catalog: handoverPackageMessages,
    overrides: () => this.messages,
  });

  private category(code: string): string {
    const label = CATEGORY_LABELS[code as DataCategory];
    return label === undefined ? code : this.i18n.text(label);
  }

  /** The legal basis in words: a consent by its date, purposes and recipients (issue 16). */
  private basisText(basis: string): string {
    const t = this.i18n;
    if (!basis.startsWith('consent:')) return t.t('package.basis', { basis });
    const id = basis.slice('consent:'.length);
    const consent = this.consents?.consents.find((c) => c.record.id === id)?.record;
    if (consent === undefined) return t.t('package.basisConsentHidden');
    return t.t('package.basisConsent', {
      date: t.date(consent.validFrom),
      purposes: t.list(consent.purposes.map((p) => purposeName(p, t.lang))),
      recipients: t.list(consent.recipients.map((r) => r.name ?? r.agencyId)),
    });
  }

  private send(delivery: HandoverSendDetail['delivery']): void {
    this.dispatchEvent(new FkHandoverSendEvent({ delivery, recipientAgencyId: this.recipient!.agencyId }));
  }

  override render() {
    const t = this.i18n;
    const { preview, recipient } = this;
    if (preview === undefined || recipient === undefined)
      // Without a preview (no open basis, e.g. after the consent was withdrawn) the loop of earlier packages
      // still shows where they stand.
      return html`<p>${t.t('package.empty')}</p>
        ${recipient === undefined ? nothing : statusLoopView(t, this.status, recipient.agencyId)}`;
    const sent = preview.units.filter((u) => u.send);
    // One line per withheld category and reason: no item ids (the recipient's list says the same).
    const withheld = new Map<string, { category: string; message: string }>();
    for (const unit of preview.units.filter((u) => !u.send))
      for (const category of unit.categories)
        withheld.set(`${category}|${unit.reason.code}`, { category, message: t.text(unit.reason.message) });
    const denied = preview.decision.outcome === 'deny' || sent.length === 0;
    return html`<article part="preview" aria-labelledby="package-title">
      <h2 id="package-title">${t.t('package.title', { recipient: recipient.name })}</h2>
      ${preview.basis === undefined ? nothing : html`<p class="basis">${this.basisText(preview.basis)}</p>`}
      <p class="meta">${t.text(preview.purposeBindingNotice)}</p>
      ${statusLoopView(t, this.status, recipient.agencyId)}
      <h3>${t.t('package.goes')}</h3>
      <p>
        ${t.list(preview.categories.map((c) => this.category(c)))} (${t.t('package.items', { count: sent.length })})
      </p>
      <h3>${t.t('package.withheld')}</h3>
      ${
        withheld.size === 0
          ? html`<p>${t.t('package.noneWithheld')}</p>`
          : html`<ul part="withheld">
              ${[...withheld.values()].map(
                (w) => html`<li><strong>${this.category(w.category)}</strong>: ${w.message}</li>`,
              )}
            </ul>`
      }
      ${
        denied
          ? html`<p role="alert">
              ${t.t('package.denied')} ${preview.decision.reasons.map((r) => t.text(r.message)).join(' ')}
            </p>`
          : html`<div class="actions">
              <button type="button" class="fk-button" @click=${() => this.send('send')}>${t.t('package.send')}</button>
              <button type="button" class="fk-button" @click=${() => this.send('file')}>
                ${t.t('package.download')}
              </button>
            </div>`
      }
    </article>`;
  }
}
