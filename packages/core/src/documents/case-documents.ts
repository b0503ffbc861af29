import type { CaseDocument } from '../model/document.js';
import { DOCUMENT_MAX_BYTES } from '../model/document.js';
import { isRedactionMarker } from '../privacy/decision.js';
import type { CaseViews } from '../privacy/view/case-views.js';
import { ok, refused, type Result } from '../result/refusal.js';
import type { CaseService } from '../service/case-service.js';
import type { CommandOutcome } from '../service/command-batch.js';
import type { CaseStore } from '../store/case-store.js';
import { sha256HexOfBytes } from '../journal/sha256.js';
import type { z } from 'zod/mini';
import type { attachDocumentInput } from '../commands/records/inputs.js';
import { documentRefusal } from './document-refusals.js';

/** What the person filing a document says about it; size and checksum come from the bytes. */
export type AttachDocumentRequest = Omit<z.infer<typeof attachDocumentInput>, 'size' | 'contentHash'>;

/** A document opened for reading: its bytes (checked against the journal's checksum) and how to show them. */
export interface OpenedDocument {
  readonly documentId: string;
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: CaseDocument['mediaType'];
  readonly bytes: Uint8Array;
}

/** The documents of the case file: attach, open, remove, each through the core's decision point. */
export interface CaseDocuments {
  /**
   * Files a document: the `attachDocument` command is decided by the case service (who may write,
   * classification, dates) with the size and SHA-256 of `bytes`; only after it is stored are the bytes put
   * into the store, encrypted under the case. If that fails the document is taken out again
   * (`DOCUMENT_CONTENT_NOT_STORED`), so no description points at nothing. A refused command stores nothing.
   */
  attach(
    caseId: string,
    request: AttachDocumentRequest,
    bytes: Uint8Array,
    options?: { readonly commandId?: string },
  ): Promise<Result<CommandOutcome>>;
  /**
   * Opens a document for the current actor: decided by the actor's own view of the case (`viewCase`, logged
   * in the access log like every view), so a document the view withholds (its categories, § 76 SGB X,
   * § 65 SGB VIII, an ended assignment) is refused and its bytes are never read. The bytes are checked
   * against the journal's checksum before they are handed out (DP-44).
   */
  open(caseId: string, documentId: string, purpose?: string): Promise<Result<OpenedDocument>>;
  /** Takes a document out of the file (`removeDocument`, decided by the service) and deletes its content. */
  remove(caseId: string, documentId: string, reason: string): Promise<Result<CommandOutcome>>;
  /**
   * Takes the bytes of a document already filed (issue 22: a synced device uploads them after the server
   * applied its `attachDocument`): accepted only when the actor's own decided view of the case (logged like
   * every view) shows a document, not withheld and not removed, whose description names this SHA-256 and
   * this size (DP-44). A hash no shown document names (`UNKNOWN_DOCUMENT`: a withheld one is not told apart),
   * one whose documents were all removed (`DOCUMENT_REMOVED`, DP-32: erased bytes never come back) or bytes
   * that do not match (`DOCUMENT_CONTENT_MISMATCH`) store nothing. Idempotent: content already there is
   * left as it is and answered `stored: false`.
   */
  storeContent(
    caseId: string,
    contentHash: string,
    bytes: Uint8Array,
    purpose?: string,
  ): Promise<Result<StoredContent>>;
}

/** What {@link CaseDocuments.storeContent} did: `stored` is false when the same bytes were there already. */
export interface StoredContent {
  readonly contentHash: string;
  readonly size: number;
  readonly stored: boolean;
}

/** Options of {@link createCaseDocuments}. */
export interface CaseDocumentsOptions {
  readonly service: CaseService;
  readonly views: CaseViews;
  /** The store's content table (the rest of the store is read through the service and the views). */
  readonly store: Pick<CaseStore, 'putContent' | 'readContent' | 'deleteContent'>;
}

/** The documents of the case file over a case service, its views and the store that keeps the bytes. */
export function createCaseDocuments({ service, views, store }: CaseDocumentsOptions): CaseDocuments {
  async function attach(
    caseId: string,
    request: AttachDocumentRequest,
    bytes: Uint8Array,
    options: { readonly commandId?: string } = {},
  ): Promise<Result<CommandOutcome>> {
    if (store.putContent === undefined) return refused(documentRefusal('DOCUMENT_STORE_UNSUPPORTED'));
    if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0 || bytes.byteLength > DOCUMENT_MAX_BYTES)
      return refused(documentRefusal('DOCUMENT_CONTENT_MISMATCH'));
    const contentHash = sha256HexOfBytes(bytes);
    const decided = await service.execute({
      type: 'attachDocument',
      caseId,
      ...(options.commandId === undefined ? {} : { commandId: options.commandId }),
      input: { ...request, size: bytes.byteLength, contentHash },
    } as never);
    if (!decided.ok) return decided;
    try {
      await store.putContent(caseId, contentHash, bytes);
    } catch {
      // The document this attach filed (not an earlier one with the same bytes): its event names it.
      const filed = decided.value.events.find((e) => e.type === 'DocumentAttached')?.payload as
        { id?: string } | undefined;
      if (filed?.id !== undefined)
        await service.execute({
          type: 'removeDocument',
          caseId,
          input: { documentId: filed.id, reason: 'Inhalt konnte nicht gespeichert werden.' },
        } as never);
      return refused(documentRefusal('DOCUMENT_CONTENT_NOT_STORED'));
    }
    return decided;
  }

  async function open(caseId: string, documentId: string, purpose = 'caseManagement'): Promise<Result<OpenedDocument>> {
    const view = await views.viewCase(caseId, purpose);
    if (!view.ok) return view;
    const shown = (view.value.case.documents as readonly unknown[] | undefined) ?? [];
    const entry = shown.find((d) => (d as { id?: unknown }).id === documentId);
    if (entry === undefined) return refused(documentRefusal('UNKNOWN_DOCUMENT'));
    if (isRedactionMarker(entry)) return refused(documentRefusal('DOCUMENT_WITHHELD'));
    const document = entry as CaseDocument;
    if (document.removed !== undefined) return refused(documentRefusal('DOCUMENT_REMOVED'));
    const bytes = await store.readContent?.(caseId, document.contentHash);
    if (bytes === undefined) return refused(documentRefusal('DOCUMENT_CONTENT_MISSING'));
    if (bytes.byteLength !== document.size || sha256HexOfBytes(bytes) !== document.contentHash)
      return refused(documentRefusal('DOCUMENT_CONTENT_TAMPERED'));
    return ok({
      documentId: document.id,
      title: document.title,
      fileName: document.fileName,
      mediaType: document.mediaType,
      bytes,
    });
  }

  async function remove(caseId: string, documentId: string, reason: string): Promise<Result<CommandOutcome>> {
    const decided = await service.execute({
      type: 'removeDocument',
      caseId,
      input: { documentId, reason },
    } as never);
    if (!decided.ok) return decided;
    const documents = decided.value.state.documents;
    const removed = documents.find((d) => d.id === documentId);
    // The same bytes filed twice are one content: it goes when no document in the file still holds it.
    if (removed !== undefined && !documents.some((d) => d.contentHash === removed.contentHash && !d.removed))
      await store.deleteContent?.(caseId, removed.contentHash);
    return decided;
  }

  async function storeContent(
    caseId: string,
    contentHash: string,
    bytes: Uint8Array,
    purpose = 'caseManagement',
  ): Promise<Result<StoredContent>> {
    if (store.putContent === undefined) return refused(documentRefusal('DOCUMENT_STORE_UNSUPPORTED'));
    if (
      typeof contentHash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(contentHash) ||
      !(bytes instanceof Uint8Array) ||
      bytes.byteLength === 0 ||
      bytes.byteLength > DOCUMENT_MAX_BYTES
    )
      return refused(documentRefusal('DOCUMENT_CONTENT_MISMATCH'));
    const view = await views.viewCase(caseId, purpose);
    if (!view.ok) return view;
    const shown = ((view.value.case.documents as readonly unknown[] | undefined) ?? []).filter(
      (d): d is CaseDocument => !isRedactionMarker(d) && (d as { contentHash?: unknown }).contentHash === contentHash,
    );
    if (shown.length === 0) return refused(documentRefusal('UNKNOWN_DOCUMENT'));
    const live = shown.filter((d) => d.removed === undefined);
    if (live.length === 0) return refused(documentRefusal('DOCUMENT_REMOVED'));
    if (!live.some((d) => d.size === bytes.byteLength) || sha256HexOfBytes(bytes) !== contentHash)
      return refused(documentRefusal('DOCUMENT_CONTENT_MISMATCH'));
    const size = bytes.byteLength;
    const there = await store.readContent?.(caseId, contentHash);
    if (there !== undefined && there.byteLength === size && sha256HexOfBytes(there) === contentHash)
      return ok({ contentHash, size, stored: false });
    await store.putContent(caseId, contentHash, bytes);
    return ok({ contentHash, size, stored: true });
  }

  return { attach, open, remove, storeContent };
}
