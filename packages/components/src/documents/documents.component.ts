import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  CATEGORY_LABELS,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  isCaseWorkRole,
  isRedactionMarker,
  type AttachDocumentRequest,
  type CaseDocument,
  type DataCategory,
  type OpenedDocument,
  type RedactionMarker,
  type Refusal,
  type Result,
} from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { CaseRequestContext } from '../context/case-service-port.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import type { FkConfirmDialog } from '../dialogs/confirm-dialog.component.js';
import { FkDocumentOpenedEvent } from '../events/fk-document-opened.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { todayIso } from '../base/parts-schema.js';
import { issuableOf, offers } from '../shared/may-issue.js';
import { recordPanelStyles } from '../shared/record-panel.styles.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { documentsMessages } from './documents.messages.js';
import { documentsStyles } from './documents.styles.js';
import { relatesToLine } from '../shared/item-ref.js';

/** A document as the data-protected view lists it: the description, or the marker in its place. */
export type DocumentEntry = CaseDocument | RedactionMarker;

/**
 * What the element needs from its service for documents: the core port's document channels
 * (`connectCaseService({ …, documents: createCaseDocuments(…) })`), each decided by the core.
 */
export interface DocumentSource {
  attachDocument(
    caseId: string,
    request: AttachDocumentRequest,
    bytes: Uint8Array,
    context?: CaseRequestContext,
  ): Promise<Result<unknown>>;
  openDocument(caseId: string, documentId: string, context?: CaseRequestContext): Promise<Result<OpenedDocument>>;
  removeDocument(
    caseId: string,
    documentId: string,
    reason: string,
    context?: CaseRequestContext,
  ): Promise<Result<unknown>>;
}

function isDocumentSource(service: unknown): service is DocumentSource {
  const s = service as Partial<DocumentSource> | undefined;
  return typeof s?.attachDocument === 'function' && typeof s.openDocument === 'function';
}

/** The categories the form offers: what papers of a case file most often hold. */
export const DOCUMENT_FORM_CATEGORIES: readonly DataCategory[] = [
  'identity',
  'income',
  'debts',
  'housing',
  'employment',
  'education',
  'residenceStatus',
  'health',
  'addiction',
  'disability',
  'household',
];

interface Draft {
  readonly file?: File;
  readonly title: string;
  readonly receivedOn: string;
  readonly categories: readonly DataCategory[];
  readonly professionalSecret: boolean;
  readonly thirdParty: boolean;
}

const EMPTY: Draft = { title: '', receivedOn: '', categories: [], professionalSecret: false, thirdParty: false };
const MAX_MB = DOCUMENT_MAX_BYTES / (1024 * 1024);

/**
 * The documents of a case (scans, statements, letters): lists them with what they contain, opens one,
 * files a new one, takes one out of the file. Connected (inside `<fk-case-provider>`), the list is the
 * data-protected view's: a document withheld from the actor (its categories, § 76 SGB X, § 65 SGB VIII)
 * is a marker with the plain reason and nothing to open. Opening, filing and removing go through the
 * core's document channels; the core decides each (the element offers the form to case workers only).
 * Standalone, the host hands the list in (`documents`) and the element only shows it.
 *
 * @tagname fk-documents
 * @summary The documents (attachments) of a case: list, open, file, remove.
 *
 * @event fk-document-opened - A document was opened; `detail` holds its bytes (typed: `FkDocumentOpenedEvent`). Cancel it to show the document yourself instead of the download.
 * @event fk-saved - A document was filed or removed; `detail` is the service's result value.
 * @event fk-refused - Filing, opening or removing was refused; `detail` is `{ errors }`.
 *
 * @csspart list - The table of documents.
 * @csspart document - One row.
 * @csspart withheld - The marker of a withheld document.
 * @csspart form - The form to file a document.
 * @csspart submit - Its button.
 */
export class FkDocuments extends LitElement {
  static override styles = [sharedStyles, recordPanelStyles, documentsStyles];

  /** The documents to list (standalone); connected, the provider's view wins. */
  @property({ attribute: false }) documents: readonly DocumentEntry[] = [];

  /** Hides the form and the remove buttons (a viewer). Connected, roles without case work are read-only too. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The case to work on; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private draft: Draft = EMPTY;
  @state() private error?: 'file' | 'type' | 'size' | 'title';
  @state() private refusals: readonly Refusal[] = [];
  @state() private status?: 'saved' | 'removed';
  @state() private busy?: string;
  @state() private removing?: { readonly id: string; readonly reason: string; readonly missing: boolean };

  private readonly i18n = new LocalizeController(this, {
    catalog: documentsMessages,
    overrides: () => this.messages,
  });
  private readonly connection = new CaseConnectionController<ConnectedCaseView>(this, { caseId: () => this.caseId });

  /** The documents listed now: newest received first, removed ones last. */
  get listed(): readonly DocumentEntry[] {
    const view = this.connection.connected ? this.connection.view : undefined;
    const source =
      (view?.['documents'] as readonly DocumentEntry[] | undefined) ??
      (this.connection.connected ? [] : this.documents);
    const key = (d: DocumentEntry) =>
      isRedactionMarker(d) ? '0' : `${d.removed ? '0' : '1'}${d.receivedOn}${d.recordedAt}`;
    return [...source].sort((a, b) => key(b).localeCompare(key(a)));
  }

  /** Whether the form is shown: the core's `mayIssue` lists `attachDocument` (DP-40; the element decides nothing). */
  get writable(): boolean {
    return this.offered('attachDocument');
  }

  private offered(type: 'attachDocument' | 'removeDocument'): boolean {
    if (this.readonly || !this.connection.connected || this.connection.status !== 'ready') return false;
    const actor = this.connection.request?.actor;
    if (actor === undefined || !isCaseWorkRole(actor.role) || !isDocumentSource(this.connection.service)) return false;
    return offers(issuableOf(this.connection.view), type);
  }

  private source(): DocumentSource | undefined {
    const service = this.connection.service;
    return isDocumentSource(service) ? service : undefined;
  }

  private refuse(errors: readonly Refusal[]): void {
    this.refusals = errors;
    this.dispatchEvent(new FkRefusedEvent({ errors, value: undefined }));
  }

  /** Opens a document through the core (decided, checked against its checksum) and downloads it. */
  async openDocument(documentId: string): Promise<boolean> {
    const source = this.source();
    const caseId = this.connection.caseId;
    if (source === undefined || caseId === undefined) return false;
    this.busy = documentId;
    const opened = await source.openDocument(caseId, documentId, this.connection.request);
    this.busy = undefined;
    if (!opened.ok) {
      this.refuse(opened.errors);
      return false;
    }
    this.refusals = [];
    const event = new FkDocumentOpenedEvent(opened.value);
    if (this.dispatchEvent(event)) {
      const blob = new Blob([opened.value.bytes as Uint8Array<ArrayBuffer>], { type: opened.value.mediaType });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = opened.value.fileName;
      link.click();
      // The object URL holds the decrypted bytes: released as soon as the download has it.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }
    return true;
  }

  /** Files the draft: checks the file, reads its bytes and hands them to the core's document channel. */
  async requestSubmit(): Promise<boolean> {
    const { file } = this.draft;
    const title = this.draft.title.trim();
    this.error =
      file === undefined
        ? 'file'
        : !(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(file.type)
          ? 'type'
          : file.size > DOCUMENT_MAX_BYTES
            ? 'size'
            : title === ''
              ? 'title'
              : undefined;
    if (this.error !== undefined) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.error === 'title' ? '#doc-title' : '#doc-file')?.focus();
      return false;
    }
    const source = this.source();
    const caseId = this.connection.caseId;
    if (source === undefined || caseId === undefined || file === undefined) return false;
    const request: AttachDocumentRequest = {
      title,
      fileName: file.name,
      mediaType: file.type as AttachDocumentRequest['mediaType'],
      ...(this.draft.receivedOn === '' ? {} : { receivedOn: this.draft.receivedOn }),
      ...(this.draft.categories.length === 0 ? {} : { categories: [...this.draft.categories] }),
      ...(this.draft.professionalSecret ? { professionalSecret: true, origin: 'secretHolder' as const } : {}),
      ...(this.draft.thirdParty ? { thirdParty: true } : {}),
    };
    this.busy = 'attach';
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await source.attachDocument(caseId, request, bytes, this.connection.request);
    this.busy = undefined;
    if (!result.ok) {
      this.refuse(result.errors);
      return false;
    }
    this.refusals = [];
    this.draft = EMPTY;
    const picker = this.renderRoot.querySelector<HTMLInputElement>('#doc-file');
    if (picker) picker.value = '';
    this.status = 'saved';
    this.dispatchEvent(new FkSavedEvent(result.value));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-status]')?.focus();
    return true;
  }

  /** Takes a document out of the file after the confirmation; the reason is required and kept. */
  async removeDocument(documentId: string, reason: string): Promise<boolean> {
    const source = this.source();
    const caseId = this.connection.caseId;
    if (source === undefined || caseId === undefined) return false;
    this.busy = documentId;
    const result = await source.removeDocument(caseId, documentId, reason, this.connection.request);
    this.busy = undefined;
    if (!result.ok) {
      this.refuse(result.errors);
      return false;
    }
    this.refusals = [];
    this.removing = undefined;
    this.status = 'removed';
    this.dispatchEvent(new FkSavedEvent(result.value));
    return true;
  }

  private async confirmRemoval(document: CaseDocument): Promise<void> {
    const removing = this.removing;
    if (removing === undefined) return;
    if (removing.reason.trim() === '') {
      this.removing = { ...removing, missing: true };
      return;
    }
    const dialog = this.renderRoot.querySelector<FkConfirmDialog>('fk-confirm-dialog');
    const t = this.i18n;
    const confirmed = dialog
      ? await dialog.ask({
          heading: t.t('documents.remove.heading'),
          body: t.t('documents.remove.body', { title: document.title }),
          confirmLabel: t.t('documents.remove.confirm'),
          cancelLabel: t.t('documents.remove.cancel'),
        })
      : true;
    if (confirmed) await this.removeDocument(document.id, removing.reason.trim());
  }

  private size(bytes: number): string {
    const t = this.i18n;
    return bytes >= 1024 * 1024
      ? t.t('documents.mb', { value: t.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) })
      : t.t('documents.kb', { value: t.number(Math.max(1, Math.round(bytes / 1024))) });
  }

  private renderRow(entry: DocumentEntry) {
    const t = this.i18n;
    if (isRedactionMarker(entry))
      return html`<tr part="document" data-withheld>
        <td colspan="4" class="withheld" part="withheld">
          ${t.t('documents.withheld', { reason: t.text(entry.message) })}
        </td>
      </tr>`;
    const categories = entry.categories.map((c) => t.text(CATEGORY_LABELS[c]));
    const removing = this.removing?.id === entry.id ? this.removing : undefined;
    return html`<tr part="document" data-document=${entry.id} ?data-removed=${entry.removed !== undefined}>
      <td>
        <strong>${entry.title}</strong>
        <div class="meta">${t.t('documents.size', { name: entry.fileName, size: this.size(entry.size) })}</div>
        ${relatesToLine(t, entry.relatesTo, this.connection.connected ? this.connection.view : undefined)}
        ${entry.professionalSecret ? html`<span class="badge">${t.t('documents.secret')}</span>` : nothing}
        ${entry.entrusted ? html`<span class="badge">${t.t('documents.entrusted')}</span>` : nothing}
        ${
          entry.removed
            ? html`<div class="removed">
                ${t.t('documents.removed', { date: t.date(entry.removed.on), reason: entry.removed.reason })}
              </div>`
            : nothing
        }
      </td>
      <td>${t.date(entry.receivedOn)}</td>
      <td>${t.list(categories)}</td>
      <td>${entry.removed ? nothing : this.renderActions(entry, removing)}</td>
    </tr>`;
  }

  private renderActions(entry: CaseDocument, removing: FkDocuments['removing']) {
    const t = this.i18n;
    const canOpen = this.source() !== undefined;
    return html`<div class="actions-cell">
        ${
          canOpen
            ? html`<button
                type="button"
                class="fk-button"
                data-open=${entry.id}
                aria-label=${t.t('documents.open', { title: entry.title })}
                ?disabled=${this.busy === entry.id}
                @click=${() => void this.openDocument(entry.id)}
              >
                ${this.busy === entry.id ? t.t('documents.opening') : t.t('documents.openShort')}
              </button>`
            : nothing
        }
        ${
          this.offered('removeDocument') && removing === undefined
            ? html`<button
                type="button"
                class="fk-button"
                data-remove=${entry.id}
                aria-label=${t.t('documents.remove', { title: entry.title })}
                @click=${() => (this.removing = { id: entry.id, reason: '', missing: false })}
              >
                ${t.t('documents.removeShort')}
              </button>`
            : nothing
        }
      </div>
      ${
        removing
          ? html`<div class="fk-field">
              <label class="fk-label" for="reason-${entry.id}">${t.t('documents.remove.reason')}</label>
              <input
                id="reason-${entry.id}"
                type="text"
                class="fk-control"
                aria-required="true"
                aria-invalid=${removing.missing ? 'true' : 'false'}
                aria-describedby=${removing.missing ? `reason-error-${entry.id}` : nothing}
                .value=${removing.reason}
                @input=${(e: Event) =>
                  (this.removing = { ...removing, reason: (e.target as HTMLInputElement).value, missing: false })}
              />
              ${
                removing.missing
                  ? html`<p class="fk-feedback fk-feedback--error error" id="reason-error-${entry.id}">
                      ${t.t('documents.remove.reasonRequired')}
                    </p>`
                  : nothing
              }
              <button
                type="button"
                class="fk-button"
                data-confirm-remove
                @click=${() => void this.confirmRemoval(entry)}
              >
                ${t.t('documents.removeShort')}
              </button>
              <button type="button" class="fk-button" @click=${() => (this.removing = undefined)}>
                ${t.t('documents.remove.cancel')}
              </button>
            </div>`
          : nothing
      }`;
  }

  private toggleCategory(category: DataCategory, on: boolean): void {
    const rest = this.draft.categories.filter((c) => c !== category);
    this.draft = { ...this.draft, categories: on ? [...rest, category] : rest };
  }

  private pickFile(file: File | undefined): void {
    const title = this.draft.title === '' && file ? file.name.replace(/\.[^.]+$/, '') : this.draft.title;
    this.draft = { ...this.draft, ...(file ? { file } : {}), title };
    if (this.error !== 'title') this.error = undefined;
    this.status = undefined;
  }

  private renderForm() {
    const t = this.i18n;
    if (!this.writable) {
      return this.connection.connected && this.connection.status === 'ready'
        ? html`<p class="fk-hint">${t.t('documents.readOnly')}</p>`
        : nothing;
    }
    const fileError =
      this.error === 'file'
        ? t.t('documents.form.fileRequired')
        : this.error === 'type'
          ? t.t('documents.form.fileType')
          : this.error === 'size'
            ? t.t('documents.form.fileTooLarge', { max: MAX_MB })
            : undefined;
    const titleError = this.error === 'title' ? t.t('documents.form.nameRequired') : undefined;
    return html`<h3 id="form-heading">${t.t('documents.form.title')}</h3>
      <form
        part="form"
        aria-labelledby="form-heading"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.requestSubmit();
        }}
      >
        <div class="wide">
          <span class="fk-label" id="doc-file-label">${t.t('documents.form.file')}</span>
          <p class="fk-hint" id="doc-file-hint">${t.t('documents.form.fileHint', { max: MAX_MB })}</p>
          <!-- The native picker names its button in the browser's language: it is hidden (still focusable) and
               its label is the button, in the page's language. -->
          <input
            id="doc-file"
            class="file-input"
            type="file"
            accept=${DOCUMENT_MEDIA_TYPES.join(',')}
            aria-labelledby="doc-file-label doc-file-button"
            aria-required="true"
            aria-invalid=${fileError ? 'true' : 'false'}
            aria-describedby=${fileError ? 'doc-file-hint doc-file-chosen doc-file-error' : 'doc-file-hint doc-file-chosen'}
            @change=${(e: Event) => this.pickFile((e.target as HTMLInputElement).files?.[0])}
          />
          <label for="doc-file" class="fk-button file-button" id="doc-file-button"
            >${t.t('documents.form.choose')}</label
          >
          <span id="doc-file-chosen" class="meta"
            >${this.draft.file ? this.draft.file.name : t.t('documents.form.noFile')}</span
          >
          ${fileError ? html`<p class="fk-feedback fk-feedback--error error" id="doc-file-error">${fileError}</p>` : nothing}
        </div>
        <div>
          <label for="doc-title">${t.t('documents.form.name')}</label>
          <input
            id="doc-title"
            type="text"
            maxlength="120"
            aria-required="true"
            aria-invalid=${titleError ? 'true' : 'false'}
            aria-describedby=${titleError ? 'doc-title-error' : nothing}
            .value=${this.draft.title}
            @input=${(e: Event) => {
              this.draft = { ...this.draft, title: (e.target as HTMLInputElement).value };
              if (this.error === 'title') this.error = undefined;
            }}
          />
          ${titleError ? html`<p class="fk-feedback fk-feedback--error error" id="doc-title-error">${titleError}</p>` : nothing}
        </div>
        <fk-date-field
          label=${t.t('documents.form.received')}
          max=${todayIso()}
          .value=${this.draft.receivedOn}
          @input=${(e: Event) => (this.draft = { ...this.draft, receivedOn: (e.currentTarget as HTMLInputElement).value })}
          @change=${(e: Event) => (this.draft = { ...this.draft, receivedOn: (e.currentTarget as HTMLInputElement).value })}
        ></fk-date-field>
        <fieldset aria-describedby="doc-categories-hint">
          <legend>${t.t('documents.form.categories')}</legend>
          <p class="fk-hint" id="doc-categories-hint">${t.t('documents.form.categoriesHint')}</p>
          ${DOCUMENT_FORM_CATEGORIES.map(
            (c) =>
              html`<label
                ><input
                  type="checkbox"
                  name="category"
                  value=${c}
                  .checked=${this.draft.categories.includes(c)}
                  @change=${(e: Event) => this.toggleCategory(c, (e.target as HTMLInputElement).checked)}
                />${t.text(CATEGORY_LABELS[c])}</label
              >`,
          )}
        </fieldset>
        <fieldset>
          <legend>${t.t('documents.form.flags')}</legend>
          <label
            ><input
              type="checkbox"
              name="professionalSecret"
              .checked=${this.draft.professionalSecret}
              @change=${(e: Event) =>
                (this.draft = { ...this.draft, professionalSecret: (e.target as HTMLInputElement).checked })}
            />${t.t('documents.form.secret')}</label
          >
          <label
            ><input
              type="checkbox"
              name="thirdParty"
              .checked=${this.draft.thirdParty}
              @change=${(e: Event) => (this.draft = { ...this.draft, thirdParty: (e.target as HTMLInputElement).checked })}
            />${t.t('documents.form.thirdParty')}</label
          >
        </fieldset>
        <div class="actions">
          <button class="fk-button fk-button--primary" part="submit" type="submit" ?disabled=${this.busy === 'attach'}>
            ${this.busy === 'attach' ? t.t('documents.form.saving') : t.t('documents.form.submit')}
          </button>
        </div>
      </form>`;
  }

  private renderStatus() {
    const t = this.i18n;
    const status = this.connection.connected ? this.connection.status : 'ready';
    if (status === 'loading') return html`<p class="fk-status" role="status">${t.t('documents.loading')}</p>`;
    if (status === 'not-found') return html`<p class="fk-status" role="status">${t.t('documents.notFound')}</p>`;
    if (status === 'denied') return html`<div class="fk-refusals" role="alert"><p>${t.t('documents.denied')}</p></div>`;
    return nothing;
  }

  override render() {
    const t = this.i18n;
    const listed = this.listed;
    const ready = !this.connection.connected || this.connection.status === 'ready';
    return html`<section aria-labelledby="documents-title">
      <h2 id="documents-title">${t.t('documents.title')}</h2>
      <p class="lead">${t.t('documents.lead')}</p>
      ${this.renderStatus()}
      ${
        ready
          ? listed.length === 0
            ? html`<p>${t.t('documents.empty')}</p>`
            : html`<table part="list">
                <thead>
                  <tr>
                    <th scope="col">${t.t('documents.column.title')}</th>
                    <th scope="col">${t.t('documents.column.received')}</th>
                    <th scope="col">${t.t('documents.column.categories')}</th>
                    <th scope="col">${t.t('documents.column.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${listed.map((d) => this.renderRow(d))}
                </tbody>
              </table>`
          : nothing
      }
      ${
        this.refusals.length > 0
          ? html`<div class="fk-refusals" role="alert">
              <p>${t.t('documents.form.refused')}</p>
              <ul>
                ${this.refusals.map((r) => html`<li>${t.text(r.message)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <p role="status" tabindex="-1" data-status>
        ${this.status === 'saved' ? t.t('documents.form.saved') : this.status === 'removed' ? t.t('documents.removedDone') : nothing}
      </p>
      ${this.renderForm()}
      <fk-confirm-dialog></fk-confirm-dialog>
    </section>`;
  }
}
