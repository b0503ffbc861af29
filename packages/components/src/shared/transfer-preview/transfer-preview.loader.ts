import { canPreview, type TransferPreviewer, type TransferRequestLike } from '../privacy-shapes.js';
import type { PreviewState } from './transfer-preview.view.js';

/** The slice of the case connection a preview needs: the service (if it previews) and the case. */
export interface PreviewConnection {
  readonly service: unknown;
  readonly caseId: string | undefined;
  readonly request: unknown;
}

/**
 * Keeps a transfer preview in step with the transfer a form describes (referral, handover): computes
 * it with the host's `previewer` or the connected service, and shows only the answer to the latest
 * request, so a slow answer to an older selection never overwrites a newer one.
 */
export class TransferPreviewLoader {
  private key?: string;

  /** @param show receives each state of the preview (the host stores it in a reactive property). */
  constructor(private readonly show: (state: PreviewState) => void) {}

  /**
   * Recomputes the preview when the request changed since the last call, or when `force` is set
   * (the host got a new previewer). Call it from the host's `willUpdate()`, so the synchronous states join the pending render.
   */
  refresh(
    request: TransferRequestLike | undefined,
    previewer: TransferPreviewer | undefined,
    connection: PreviewConnection,
    force = false,
  ): void {
    const key = request ? JSON.stringify(request) : '';
    if (key === this.key && !force) return;
    this.key = key;
    void this.load(request, key, previewer, connection);
  }

  private async load(
    request: TransferRequestLike | undefined,
    key: string,
    previewer: TransferPreviewer | undefined,
    connection: PreviewConnection,
  ): Promise<void> {
    if (!request) {
      this.show({ kind: 'empty' });
      return;
    }
    const service = connection.service;
    const caseId = connection.caseId;
    const compute: TransferPreviewer | undefined =
      previewer ??
      (canPreview(service) && caseId ? (r) => service.previewTransfer(caseId, r, connection.request) : undefined);
    if (!compute) {
      this.show({ kind: 'unavailable' });
      return;
    }
    this.show({ kind: 'loading' });
    try {
      const result = await compute(request);
      if (this.key === key) this.show(result ? { kind: 'ready', preview: result } : { kind: 'unavailable' });
    } catch {
      if (this.key === key) this.show({ kind: 'unavailable' });
    }
  }
}
