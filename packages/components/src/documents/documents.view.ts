import { html, nothing } from 'lit';
import type { CaseDocument, DataCategory } from '@fallkit/core';
import type { ConnectionStatus } from '../controllers/case-connection-controller.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { ConnectedCaseView } from '../context/core-port.js';
import type { documentsMessages } from './documents.messages.js';
import type { DocumentDraft, DocumentDraftError } from './documents.model.js';

/** A removal being asked for: which document, the reason typed so far, and whether it was found missing. */
export interface DocumentRemoval {
  readonly id: string;
  readonly reason: string;
  readonly missing: boolean;
}

/**
 * What the section views of `<fk-documents>` read and may do: the element hands this to each view function
 * in `render()`, so the views are plain functions of it (no access to the element's internals). Whether a
 * button shows follows the core's `mayIssue` (DP-40): the views decide nothing.
 */
export interface DocumentsView {
  readonly t: LocalizeController<typeof documentsMessages.de>;
  readonly connected: boolean;
  /** The connection's status (`standalone` without a provider). */
  readonly status: ConnectionStatus;
  /** The case view the list comes from (connected), for what a document relates to. */
  readonly caseView: ConnectedCaseView | undefined;
  /** The filing form is offered (`attachDocument` among the actor's commands). */
  readonly writable: boolean;
  /** Removing is offered (`removeDocument` among the actor's commands). */
  readonly mayRemove: boolean;
  /** The service has the document channels, so a document can be opened. */
  readonly canOpen: boolean;
  readonly draft: DocumentDraft;
  readonly error: DocumentDraftError | undefined;
  /** What is on its way: a document id (opening, removing) or `attach`. */
  readonly busy: string | undefined;
  readonly removing: DocumentRemoval | undefined;
  open(documentId: string): void;
  setRemoval(removal: DocumentRemoval | undefined): void;
  confirmRemoval(document: CaseDocument): void;
  pickFile(file: File | undefined): void;
  editTitle(title: string): void;
  editDraft(patch: Partial<DocumentDraft>): void;
  toggleCategory(category: DataCategory, on: boolean): void;
  submit(): void;
}

/** Loading, not found or denied: the line shown instead of the list. */
export function statusLine(v: DocumentsView) {
  const t = v.t;
  const status = v.connected ? v.status : 'ready';
  if (status === 'loading') return html`<p class="fk-status" role="status">${t.t('documents.loading')}</p>`;
  if (status === 'not-found') return html`<p class="fk-status" role="status">${t.t('documents.notFound')}</p>`;
  if (status === 'denied') return html`<div class="fk-refusals" role="alert"><p>${t.t('documents.denied')}</p></div>`;
  return nothing;
}
