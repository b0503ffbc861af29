import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  type AttachDocumentRequest,
  type CaseDocument,
  type DataCategory,
  type OpenedDocument,
  type RedactionMarker,
  type Result,
} from '@fallkit/core';
import type { CaseRequestContext } from '../context/case-service-port.js';

/*
 * The data of `<fk-documents>`: a listed document, the document channels it needs of its service, the filing
 * form's draft, its checks, and the core's attach request made from it. Plain functions and types.
 */

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

/** Whether the provider's service has the core port's document channels. */
export function isDocumentSource(service: unknown): service is DocumentSource {
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

/** What the filing form holds while the user fills it. */
export interface DocumentDraft {
  readonly file?: File;
  readonly title: string;
  readonly receivedOn: string;
  readonly categories: readonly DataCategory[];
  readonly professionalSecret: boolean;
  readonly thirdParty: boolean;
}

/** The empty form (after a filing). */
export const EMPTY_DOCUMENT_DRAFT: DocumentDraft = {
  title: '',
  receivedOn: '',
  categories: [],
  professionalSecret: false,
  thirdParty: false,
};
/** The largest file the core accepts, in MB (for the hint and the error). */
export const MAX_MB = DOCUMENT_MAX_BYTES / (1024 * 1024);

/** Why a draft cannot be filed yet (shown at its field). */
export type DocumentDraftError = 'file' | 'type' | 'size' | 'title';

/** The first reason the draft cannot be filed, or `undefined` when it can. */
export function draftError(draft: DocumentDraft): DocumentDraftError | undefined {
  const { file } = draft;
  return file === undefined
    ? 'file'
    : !(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(file.type)
      ? 'type'
      : file.size > DOCUMENT_MAX_BYTES
        ? 'size'
        : draft.title.trim() === ''
          ? 'title'
          : undefined;
}

/** The core's attach request for a draft that can be filed (see {@link draftError}). */
export function attachRequest(draft: DocumentDraft, file: File): AttachDocumentRequest {
  return {
    title: draft.title.trim(),
    fileName: file.name,
    mediaType: file.type as AttachDocumentRequest['mediaType'],
    ...(draft.receivedOn === '' ? {} : { receivedOn: draft.receivedOn }),
    ...(draft.categories.length === 0 ? {} : { categories: [...draft.categories] }),
    ...(draft.professionalSecret ? { professionalSecret: true, origin: 'secretHolder' as const } : {}),
    ...(draft.thirdParty ? { thirdParty: true } : {}),
  };
}
