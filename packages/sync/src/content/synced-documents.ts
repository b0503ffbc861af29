import { createCaseDocuments, type CaseDocuments, type CaseDocumentsOptions, type Refusal } from '@fallkit/core';
import { sha256HexOfBytes } from '@fallkit/core/internal';
import type { SyncTransport } from '../transport/sync-transport.js';

/** Options of {@link createSyncedDocuments}: the core's documents' parts plus the transport to the server. */
export interface SyncedDocumentsOptions extends CaseDocumentsOptions {
  readonly transport: SyncTransport;
}

/**
 * The documents of a synced device (issue 22): filing and removal are the core's (`createCaseDocuments` over the
 * synced service: the command is queued, the bytes stay in the local content store until the sync uploads
 * them after the server applied the command). Opening is the core's too, decided by the actor's own view on
 * the device (a document it withholds is refused before anything is asked of the server); when the device does
 * not hold the bytes (filed on another device or by another agency), they are fetched from the server, which
 * decides again for the token's actor and sends nothing of a document it withholds. Fetched bytes are kept in
 * the local content store only when their SHA-256 is the one the journal names, and the core checks size and
 * hash again before it hands them out (DP-44); bytes that do not match are refused
 * (`DOCUMENT_CONTENT_TAMPERED`). Offline, the refusal is `DOCUMENT_CONTENT_MISSING` followed by why.
 */
export function createSyncedDocuments(options: SyncedDocumentsOptions): CaseDocuments {
  const { store, transport } = options;
  const local = createCaseDocuments(options);

  const open: CaseDocuments['open'] = async (caseId, documentId, purpose) => {
    let fetchRefusals: readonly Refusal[] | undefined;
    // The core reads the bytes only after the actor's view decided this document may be opened.
    const fetching: CaseDocumentsOptions['store'] = {
      ...(store.putContent === undefined ? {} : { putContent: (c, h, b) => store.putContent!(c, h, b) }),
      ...(store.deleteContent === undefined ? {} : { deleteContent: (c, h) => store.deleteContent!(c, h) }),
      async readContent(c, contentHash) {
        const kept = await store.readContent?.(c, contentHash);
        if (kept !== undefined || transport.documentContent === undefined) return kept;
        const fetched = await transport.documentContent(c, documentId);
        if (!fetched.ok) {
          fetchRefusals = fetched.errors;
          return undefined;
        }
        if (sha256HexOfBytes(fetched.value) === contentHash)
          await store.putContent?.(c, contentHash, fetched.value).catch(() => undefined);
        return fetched.value;
      },
    };
    const opened = await createCaseDocuments({ ...options, store: fetching }).open(caseId, documentId, purpose);
    if (!opened.ok && fetchRefusals !== undefined && opened.errors[0]?.code === 'DOCUMENT_CONTENT_MISSING')
      return { ok: false, errors: [...opened.errors, ...fetchRefusals] };
    return opened;
  };

  return { ...local, open };
}
