import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { CATEGORY_LABELS, type DataCategory, type LocalizedText } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import { FkHandoverAnswerEvent } from '../events/fk-handover-answer.js';
import { purposeName } from '../i18n/glossary.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { handoverInboxMessages } from './handover-inbox.messages.js';

/**
 * An incoming package as the inbox shows it: the verified manifest of `@fallkit/handover`
 * (`verifyHandoverPackage`) and where its loop stands; or, for a package that did not verify, the
 * refusal (then nothing of it is shown but the refusal).
 */
export interface HandoverInboxEntry {
  readonly packageId: string;
  readonly sender: { readonly agencyId: string; readonly name: string };
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly purpose: string;
  readonly legalBasis: { readonly label: string };
  readonly purposeBindingNotice: LocalizedText;
  readonly included: {
    readonly categories: readonly string[];
    readonly items: readonly { readonly section: string }[];
  };
  readonly withheld: readonly { readonly category: string; readonly code: string; readonly message: LocalizedText }[];
  /** Where the loop stands in the receiving case. */
  readonly status?: 'received' | 'accepted' | 'declined' | 'withdrawn';
  /** The refusal of a package that did not verify (typed code, de/en). */
  readonly refusal?: { readonly code: string; readonly message: LocalizedText };
}

/** The answer to a package: accepted or declined. */
export interface HandoverAnswerDetail {
  readonly packageId: string;
  readonly status: 'accepted' | 'declined';
}

/**
 * The receiving agency's inbox of handover packages: for each, who sent it, for which purpose and on
 * which basis, what it contains (categories, number of items) and what was withheld and why (the
 * sender's reasons, DP-24: categories only), and where its loop stands; accept or decline a received
 * one. Standalone: the host verifies the packages (`verifyHandoverPackage`), opens the case
 * (`receiveHandoverPackage`) and, on `fk-handover-answer`, records and signs the answer
 * (`answerHandover`). Delivery through a server inbox is the host's; files work without one.
 *
 * @tagname fk-handover-inbox
 * @summary Incoming handover packages: what they hold, what was withheld and why; accept or decline.
 *
 * @event fk-handover-answer - Accept or decline; `detail` is `{ packageId, status }`. Cancel it to keep the entry unanswered.
 * @csspart package - One incoming package.
 * @csspart withheld - The list of withheld categories with reasons.
 * @csspart refusal - The refusal of a package that did not verify.
 */
export class FkHandoverInbox extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul.packages {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: ${token('space-m')};
      }
      article {
        padding: ${token('space-m')};
        border: ${token('border-width')} solid ${token('color-border-subtle')};
        border-radius: ${token('radius-l')};
        background: ${token('color-surface')};
      }
      h3,
      h4 {
        margin: 0 0 ${token('space-2xs')};
      }
      h4 {
        font-size: ${token('font-size-m')};
        margin-block-start: ${token('space-s')};
      }
      p {
        margin: ${token('space-3xs')} 0;
      }
      .meta {
        color: ${token('color-text-muted')};
      }
      .actions {
        display: flex;
        gap: ${token('space-xs')};
        margin-block-start: ${token('space-s')};
      }
      .refusal {
        color: ${token('color-danger')};
      }
    `,
  ];

  /** The incoming packages, newest first as the host orders them. */
  @property({ attribute: false }) packages: readonly HandoverInboxEntry[] = [];

  /** Host overrides of the texts. */
  @property({ attribute: false }) messages?: MessageOverrides;

  private readonly i18n = new LocalizeController(this, {
    catalog: handoverInboxMessages,
    overrides: () => this.messages,
  });

  private category(code: string): string {
    const label = CATEGORY_LABELS[code as DataCategory];
    return label === undefined ? code : this.i18n.text(label);
  }

  private answer(entry: HandoverInboxEntry, status: HandoverAnswerDetail['status']): void {
    this.dispatchEvent(new FkHandoverAnswerEvent({ packageId: entry.packageId, status }));
  }

  private renderEntry(entry: HandoverInboxEntry) {
    const t = this.i18n;
    const heading = t.t('inbox.from', { sender: entry.sender.name });
    if (entry.refusal !== undefined)
      return html`<article part="refusal" aria-label=${heading}>
        <h3>${heading}</h3>
        <p class="refusal"><strong>${t.t('inbox.refused')}:</strong> ${t.text(entry.refusal.message)}</p>
        <p class="meta">${entry.refusal.code}</p>
      </article>`;
    const status = entry.status ?? 'received';
    return html`<article part="package" aria-label=${heading}>
      <h3>${heading}</h3>
      <p class="meta">
        ${t.t('inbox.period', { issued: t.date(entry.issuedAt.slice(0, 10)), expires: t.date(entry.expiresAt.slice(0, 10)) })}
      </p>
      <p>${t.t('inbox.purpose', { purpose: purposeName(entry.purpose, t.lang) })}</p>
      <p>
        ${
          entry.legalBasis.label.startsWith('consent:')
            ? t.t('inbox.basisConsent', { sender: entry.sender.name })
            : t.t('inbox.basis', { basis: entry.legalBasis.label })
        }
      </p>
      <p class="meta">${t.text(entry.purposeBindingNotice)}</p>
      <h4>${t.t('inbox.included')}</h4>
      <p>
        ${t.list(entry.included.categories.map((c) => this.category(c)))}
        (${t.t('inbox.items', { count: entry.included.items.length })})
      </p>
      <h4>${t.t('inbox.withheld')}</h4>
      ${
        entry.withheld.length === 0
          ? html`<p>${t.t('inbox.noneWithheld')}</p>`
          : html`<ul part="withheld">
              ${entry.withheld.map((w) => html`<li><strong>${this.category(w.category)}</strong>: ${t.text(w.message)}</li>`)}
            </ul>`
      }
      <p role="status"><strong>${t.t(`inbox.status.${status}`)}</strong></p>
      ${
        status === 'received'
          ? html`<div class="actions">
              <button type="button" class="fk-button" @click=${() => this.answer(entry, 'accepted')}>
                ${t.t('inbox.accept')}
              </button>
              <button type="button" class="fk-button" @click=${() => this.answer(entry, 'declined')}>
                ${t.t('inbox.decline')}
              </button>
            </div>`
          : nothing
      }
    </article>`;
  }

  override render() {
    const t = this.i18n;
    return html`<section aria-labelledby="inbox-title">
      <h2 id="inbox-title">${t.t('inbox.title')}</h2>
      ${
        this.packages.length === 0
          ? html`<p>${t.t('inbox.empty')}</p>`
          : html`<ul class="packages">
              ${this.packages.map((entry) => html`<li>${this.renderEntry(entry)}</li>`)}
            </ul>`
      }
    </section>`;
  }
}
