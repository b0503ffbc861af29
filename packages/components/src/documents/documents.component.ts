import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isCaseWorkRole, isRedactionMarker, type CaseDocument, type DataCategory, type Refusal } from '@fallkit/core';
import { CaseConnectionController } from '../controllers/case-connection-controller.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import type { FkConfirmDialog } from '../dialogs/confirm-dialog.component.js';
import { FkDocumentOpenedEvent } from '../events/fk-document-opened.js';
import { FkRefusedEvent } from '../events/fk-refused.js';
import { FkSavedEvent } from '../events/fk-saved.js';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import { issuableOf, offers } from '../shared/may-issue.js';
import { recordPanelStyles } from '../shared/record-panel.styles.js';
import { sharedStyles } from '../theme/shared-styles.js';
import { documentsMessages } from './documents.messages.js';
import { documentsStyles } from './documents.styles.js';
import { filePickerStyles } from '../shared/file-picker/file-picker.styles.js';
import {
  EMPTY_DOCUMENT_DRAFT,
  attachRequest,
  draftError,
  isDocumentSource,
  type DocumentDraft,
  type DocumentDraftError,
  type DocumentEntry,
  type DocumentSource,
} from './documents.model.js';
import { statusLine, type DocumentRemoval, type DocumentsView } from './documents.view.js';
import { documentTable } from './document-list.view.js';
import { documentForm } from './document-form.view.js';

export { DOCUMENT_FORM_CATEGORIES } from './documents.model.js';
export type { DocumentEntry, DocumentSource } from './documents.model.js';

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
  static override styles = [sharedStyles, recordPanelStyles, filePickerStyles, documentsStyles];

  /** The documents to list (standalone); connected, the provider's view wins. */
  @property({ attribute: false }) documents: readonly DocumentEntry[] = [];

  /** Hides the form and the remove buttons (a viewer). Connected, roles without case work are read-only too. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The case to work on; the provider's case id if absent. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** Text overrides per language. */
  @property({ attribute: false }) messages?: MessageOverrides;

  @state() private draft: DocumentDraft = EMPTY_DOCUMENT_DRAFT;
  @state() private error?: DocumentDraftError;
  @state() private refusals: readonly Refusal[] = [];
  @state() private status?: 'saved' | 'removed';
  @state() private busy?: string;
  @state() private removing?: DocumentRemoval;

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
    this.error = draftError(this.draft);
    if (this.error !== undefined) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.error === 'title' ? '#doc-title' : '#doc-file')?.focus();
      return false;
    }
    const source = this.source();
    const caseId = this.connection.caseId;
    if (source === undefined || caseId === undefined || file === undefined) return false;
    const request = attachRequest(this.draft, file);
    this.busy = 'attach';
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await source.attachDocument(caseId, request, bytes, this.connection.request);
    this.busy = undefined;
    if (!result.ok) {
      this.refuse(result.errors);
      return false;
    }
    this.refusals = [];
    this.draft = EMPTY_DOCUMENT_DRAFT;
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

  /** What the views read and may do (see {@link DocumentsView}). */
  private view(): DocumentsView {
    const connection = this.connection;
    return {
      t: this.i18n,
      connected: connection.connected,
      status: connection.status,
      caseView: connection.connected ? connection.view : undefined,
      writable: this.writable,
      mayRemove: this.offered('removeDocument'),
      canOpen: this.source() !== undefined,
      draft: this.draft,
      error: this.error,
      busy: this.busy,
      removing: this.removing,
      open: (id) => void this.openDocument(id),
      setRemoval: (removal) => (this.removing = removal),
      confirmRemoval: (document) => void this.confirmRemoval(document),
      pickFile: (file) => this.pickFile(file),
      editTitle: (title) => {
        this.draft = { ...this.draft, title };
        if (this.error === 'title') this.error = undefined;
      },
      editDraft: (patch) => (this.draft = { ...this.draft, ...patch }),
      toggleCategory: (category, on) => this.toggleCategory(category, on),
      submit: () => void this.requestSubmit(),
    };
  }

  override render() {
    const t = this.i18n;
    const v = this.view();
    const ready = !this.connection.connected || this.connection.status === 'ready';
    return html`<section aria-labelledby="documents-title">
      <h2 id="documents-title">${t.t('documents.title')}</h2>
      <p class="lead">${t.t('documents.lead')}</p>
      ${statusLine(v)} ${ready ? documentTable(v, this.listed) : nothing}
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
      ${documentForm(v)}
      <fk-confirm-dialog></fk-confirm-dialog>
    </section>`;
  }
}
