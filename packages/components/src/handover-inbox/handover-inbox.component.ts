import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CATEGORY_LABELS, type DataCategory, type LocalizedText } from '@fallkit/core';
import { LocalizeController } from '../controllers/localize-controller.js';
import { FkHandoverAnswerEvent } from '../events/fk-handover-answer.js';
import { FkHandoverFileEvent } from '../events/fk-handover-file.js';
import { purposeName } from '../i18n/glossary.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { token } from '../theme/tokens.js';
import { filePickerStyles } from '../shared/file-picker/file-picker.styles.js';
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
  /**
   * The refusal of a package that did not verify: its sentence in plain words is shown, the typed code only
   * in the administrators' details.
   */
  readonly refusal?: { readonly code: string; readonly message: LocalizedText };
  /** The file the package was opened from (file delivery), named in the heading of a refused one. */
  readonly fileName?: string;
}

/** The answer to a package: accepted, or declined with the reason (`note`, which goes to the sender). */
export interface HandoverAnswerDetail {
  readonly packageId: string;
  readonly status: 'accepted' | 'declined';
  readonly note?: string;
}

/** A chosen package file: its name and text (the JWE the sender downloaded). */
export interface HandoverFileDetail {
  readonly name: string;
  readonly text: string;
}

/**
 * The receiving agency's inbox of handover packages: for each, who sent it, for which purpose and on
 * which basis, what it contains (categories, number of items) and what was withheld and why (the
 * sender's reasons, DP-24: categories only), and where its loop stands; accept or decline a received
 * one. Standalone: the host verifies the packages (`verifyHandoverPackage`), opens the case
 * (`receiveHandoverPackage`) and, on `fk-handover-answer`, records and signs the answer
 * (`answerHandover`). Delivery through a server inbox is the host's; files work without one: "Übergabepaket
 * aus einer Datei öffnen" reads the chosen file and fires `fk-handover-file`, the host opens it
 * (`verifyHandoverPackage` with its decryption key) and lists it. Declining asks for the reason, which the
 * answer carries to the sender. A refused package shows its refusal in words; the typed code is in a
 * disclosure for administrators.
 *
 * @tagname fk-handover-inbox
 * @summary Incoming handover packages: what they hold, what was withheld and why; accept or decline.
 *
 * @event fk-handover-answer - Accept or decline; `detail` is `{ packageId, status, note? }` (`note`: the reason of a decline). Cancel it to keep the entry unanswered.
 * @event fk-handover-file - A package file was chosen; `detail` is `{ name, text }`.
 * @csspart package - One incoming package.
 * @csspart withheld - The list of withheld categories with reasons.
 * @csspart refusal - The refusal of a package that did not verify.
 * @csspart file - The choice of a package file.
 */
export class FkHandoverInbox extends LitElement {
  static override styles = [
    sharedStyles,
    filePickerStyles,
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
      .file,
      .reason {
        display: grid;
        gap: ${token('space-3xs')};
        margin-block: ${token('space-s')};
      }
      .file .file-button {
        justify-self: start;
      }
      details.admin {
        margin-block-start: ${token('space-2xs')};
      }
      details.admin summary {
        cursor: pointer;
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

  /** Packages whose decline was asked without a reason. */
  @state() private missingReason: ReadonlySet<string> = new Set();
  /** The name of the package file chosen last (shown beside the button, in the page's words). */
  @state() private chosenFile: string | undefined;

  private category(code: string): string {
    const label = CATEGORY_LABELS[code as DataCategory];
    return label === undefined ? code : this.i18n.text(label);
  }

  private answer(entry: HandoverInboxEntry, status: HandoverAnswerDetail['status'], index: number): void {
    if (status === 'accepted') {
      this.dispatchEvent(new FkHandoverAnswerEvent({ packageId: entry.packageId, status }));
      return;
    }
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#reason-${index}`);
    const note = field?.value.trim() ?? '';
    const missing = new Set(this.missingReason);
    if (note === '') {
      missing.add(entry.packageId);
      this.missingReason = missing;
      field?.focus();
      return;
    }
    missing.delete(entry.packageId);
    this.missingReason = missing;
    this.dispatchEvent(new FkHandoverAnswerEvent({ packageId: entry.packageId, status, note }));
  }

  private async chooseFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    this.chosenFile = file.name;
    const text = await file.text();
    // The same file may be chosen again (e.g. after a refusal was explained).
    input.value = '';
    this.dispatchEvent(new FkHandoverFileEvent({ name: file.name, text }));
  }

  private renderEntry(entry: HandoverInboxEntry, index: number) {
    const t = this.i18n;
    const heading =
      entry.refusal !== undefined && entry.fileName !== undefined
        ? t.t('inbox.fromFile', { file: entry.fileName })
        : t.t('inbox.from', { sender: entry.sender.name });
    if (entry.refusal !== undefined)
      return html`<article part="refusal" aria-label=${heading}>
        <h3>${heading}</h3>
        <p class="refusal"><strong>${t.t('inbox.refused')}:</strong> ${t.text(entry.refusal.message)}</p>
        <details class="admin">
          <summary>${t.t('inbox.adminDetails')}</summary>
          <p class="meta">${t.t('inbox.code', { code: entry.refusal.code })}</p>
        </details>
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
      ${status === 'received' ? this.renderActions(entry, index) : nothing}
    </article>`;
  }

  private renderActions(entry: HandoverInboxEntry, index: number) {
    const t = this.i18n;
    const missing = this.missingReason.has(entry.packageId);
    return html`<div class="reason">
        <label class="fk-label" for="reason-${index}">${t.t('inbox.reason')}</label>
        <p class="fk-hint" id="reason-hint-${index}">${t.t('inbox.reasonHint')}</p>
        <textarea
          class="fk-control"
          id="reason-${index}"
          rows="2"
          aria-describedby=${missing ? `reason-hint-${index} reason-error-${index}` : `reason-hint-${index}`}
          aria-invalid=${missing ? 'true' : 'false'}
        ></textarea>
        ${
          missing
            ? html`<p class="fk-feedback fk-feedback--error" id="reason-error-${index}">
                ${t.t('inbox.reasonMissing')}
              </p>`
            : nothing
        }
      </div>
      <div class="actions">
        <button type="button" class="fk-button" @click=${() => this.answer(entry, 'accepted', index)}>
          ${t.t('inbox.accept')}
        </button>
        <button type="button" class="fk-button" @click=${() => this.answer(entry, 'declined', index)}>
          ${t.t('inbox.decline')}
        </button>
      </div>`;
  }

  override render() {
    const t = this.i18n;
    return html`<section aria-labelledby="inbox-title">
      <h2 id="inbox-title">${t.t('inbox.title')}</h2>
      <div class="file" part="file">
        <span class="fk-label" id="package-file-label">${t.t('inbox.file')}</span>
        <p class="fk-hint" id="package-file-hint">${t.t('inbox.fileHint')}</p>
        <!-- The native picker names its button in the browser's language: filePickerStyles. -->
        <input
          id="package-file"
          class="file-input"
          type="file"
          accept=".fkhandover,application/jose"
          aria-labelledby="package-file-label package-file-button"
          aria-describedby="package-file-hint package-file-chosen"
          @change=${(event: Event) => void this.chooseFile(event)}
        />
        <label for="package-file" class="fk-button file-button" id="package-file-button"
          >${t.t('inbox.chooseFile')}</label
        >
        <span id="package-file-chosen" class="meta"
          >${this.chosenFile === undefined ? t.t('inbox.noFile') : t.t('inbox.chosenFile', { file: this.chosenFile })}</span
        >
      </div>
      ${
        this.packages.length === 0
          ? html`<p>${t.t('inbox.empty')}</p>`
          : html`<ul class="packages">
              ${this.packages.map((entry, index) => html`<li>${this.renderEntry(entry, index)}</li>`)}
            </ul>`
      }
    </section>`;
  }
}
