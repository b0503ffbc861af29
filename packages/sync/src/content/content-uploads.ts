import type { CaseStore, Refusal, Result } from '@fallkit/core';
import type { SyncDexie, UploadRow } from '../database/sync-database.js';
import type { QueuedBatch } from '../outbox/outbox.js';
import { openRow, sealRow, type CompanionSealer } from '../outbox/sealing.js';
import type { SyncTransport } from '../transport/sync-transport.js';

/** A document's content waiting to go up, opened. */
export interface PendingUpload {
  readonly id: string;
  readonly caseId: string;
  readonly commandId: string;
  readonly contentHash: string;
  readonly size: number;
  readonly attempts: number;
}

/** What the sealed part of an upload row holds. */
interface UploadContent {
  readonly contentHash: string;
  readonly size: number;
}

/** The documents a queued batch files: the hash and size of each `attachDocument` in it, in order. */
export function documentsFiledBy(batch: QueuedBatch): UploadContent[] {
  const filed: UploadContent[] = [];
  for (const command of batch.commands) {
    const { type, input } = (command ?? {}) as { type?: unknown; input?: { contentHash?: unknown; size?: unknown } };
    if (type !== 'attachDocument' || typeof input?.contentHash !== 'string' || typeof input.size !== 'number') continue;
    filed.push({ contentHash: input.contentHash, size: input.size });
  }
  return filed;
}

/**
 * Refusals after which an upload is not tried again: the server decided against these bytes (the document was
 * removed or erased, DP-32; it is withheld from this actor or unknown; the bytes do not match, DP-44; the case is
 * gone or no longer the actor's). Anything else (offline, a server error, an expired token) keeps it queued.
 */
function isFinal(refusal: Refusal | undefined): boolean {
  const code = refusal?.code ?? '';
  return (
    code.startsWith('DOCUMENT_') || code === 'UNKNOWN_DOCUMENT' || code === 'CASE_NOT_FOUND' || code.startsWith('DENY_')
  );
}

/**
 * The documents' content a device still has to upload (issue 22). A row is added when the server answered
 * the `attachDocument` that filed it (applied, or replayed after a lost answer: the same row again), so the
 * bytes go up only for a document the server's journal names; until then the command waits in the outbox and
 * the bytes in the store's content table, offline as long as it takes.
 */
export class ContentUploads {
  readonly #db: SyncDexie;
  readonly #sealer: CompanionSealer;

  constructor(db: SyncDexie, sealer: CompanionSealer) {
    this.#db = db;
    this.#sealer = sealer;
  }

  /** Queues the content of every document a command filed; a second call for the same command adds nothing. */
  async addFor(commandId: string, batch: QueuedBatch, queuedAt: string): Promise<number> {
    const filed = documentsFiledBy(batch);
    const rows: UploadRow[] = [];
    for (const [n, content] of filed.entries())
      rows.push({
        id: `${commandId}#${n}`,
        caseId: batch.caseId,
        commandId,
        queuedAt,
        attempts: 0,
        ...(await sealRow(this.#sealer, content)),
      });
    if (rows.length === 0) return 0;
    return this.#db.transaction('rw', this.#db.uploads, async () => {
      let added = 0;
      for (const row of rows)
        if ((await this.#db.uploads.get(row.id)) === undefined) {
          await this.#db.uploads.add(row);
          added += 1;
        }
      return added;
    });
  }

  /** How many contents wait (needs no key). */
  count(): Promise<number> {
    return this.#db.uploads.count();
  }

  /** The waiting contents, opened (needs the key); a row this store cannot open is skipped. */
  async list(): Promise<PendingUpload[]> {
    const opened: PendingUpload[] = [];
    for (const row of await this.#db.uploads.orderBy('id').toArray()) {
      const content = await openRow<UploadContent>(this.#sealer, row);
      if (content === undefined) continue;
      opened.push({
        id: row.id,
        caseId: row.caseId,
        commandId: row.commandId,
        contentHash: content.contentHash,
        size: content.size,
        attempts: row.attempts,
      });
    }
    return opened;
  }

  async remove(id: string): Promise<void> {
    await this.#db.uploads.delete(id);
  }

  async countAttempt(id: string): Promise<void> {
    await this.#db.uploads
      .where('id')
      .equals(id)
      .modify((row: { attempts: number }) => {
        row.attempts += 1;
      });
  }

  /** Drops a case's waiting contents (access to it ended). */
  removeCase(caseId: string): Promise<number> {
    return this.#db.uploads.where('caseId').equals(caseId).delete();
  }
}

/** What one upload pass did. */
export interface UploadPass {
  readonly uploaded: number;
  /** Contents the server refused for good (removed, withheld, mismatched …): dropped, with the refusals. */
  readonly refused: readonly Refusal[];
  /** Contents still waiting (no bytes on the device yet, or no transport for them). */
  readonly waiting: number;
}

/** Options of {@link uploadContents}. */
export interface UploadContentsOptions {
  readonly uploads: ContentUploads;
  readonly transport: SyncTransport;
  readonly store: Pick<CaseStore, 'readContent'>;
  /**
   * Whether the device's own state still files a document with this hash (`false`: it was removed, e.g.
   * because its bytes could not be stored, so there is nothing to upload); `undefined` when it cannot tell
   * (a case held as a cut), and the upload waits for the bytes.
   */
  readonly stillFiled: (caseId: string, contentHash: string) => Promise<boolean | undefined>;
}

/**
 * Uploads the waiting contents, one `PUT` each. Sent (stored or already there) and refused for good leave the
 * queue; a network failure or a server error stops the pass with that error and keeps the rest for the next
 * round (the server takes a repeat once: `stored: false`).
 */
export async function uploadContents(options: UploadContentsOptions): Promise<Result<UploadPass>> {
  const { uploads, transport, store } = options;
  let uploaded = 0;
  let waiting = 0;
  const refused: Refusal[] = [];
  const pending = await uploads.list();
  if (transport.putContent === undefined) return { ok: true, value: { uploaded, refused, waiting: pending.length } };
  for (const upload of pending) {
    const bytes = await store.readContent?.(upload.caseId, upload.contentHash);
    if (bytes === undefined) {
      if ((await options.stillFiled(upload.caseId, upload.contentHash)) === false) await uploads.remove(upload.id);
      else {
        await uploads.countAttempt(upload.id);
        waiting += 1;
      }
      continue;
    }
    const answer = await transport.putContent(upload.caseId, upload.contentHash, bytes);
    if (answer.ok) {
      uploaded += 1;
      await uploads.remove(upload.id);
    } else if (isFinal(answer.errors[0])) {
      refused.push(...answer.errors);
      await uploads.remove(upload.id);
    } else {
      await uploads.countAttempt(upload.id);
      return answer;
    }
  }
  return { ok: true, value: { uploaded, refused, waiting } };
}
