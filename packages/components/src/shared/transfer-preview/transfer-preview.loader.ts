import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import {
  canPreview,
  type TransferPreviewer,
  type TransferPreviewLike,
  type TransferRequestLike,
} from '../privacy-shapes.js';
import type { PreviewState } from './transfer-preview.view.js';

/** The slice of the case connection a preview needs: the service (if it previews) and the case. */
export interface PreviewConnection {
  readonly service: unknown;
  readonly caseId: string | undefined;
  readonly request: unknown;
}

/**
 * Keeps a transfer preview in step with the transfer a form describes (referral, handover): computes
 * it with the host's `previewer` or the connected service, as a `@lit/task` run, so only the answer to
 * the latest request is shown (a slow answer to an older selection never overwrites a newer one: the
 * task drops superseded runs, and a request that needs no computing aborts the pending one).
 */
export class TransferPreviewLoader {
  private key?: string;
  private readonly task: Task<[TransferRequestLike, TransferPreviewer], TransferPreviewLike | undefined>;

  /**
   * @param host the element the preview belongs to (the task asks it to update).
   * @param show receives each state of the preview (the host stores it in a reactive property).
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly show: (state: PreviewState) => void,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      task: async ([request, compute], { signal }) => {
        let preview: TransferPreviewLike | undefined;
        try {
          preview = await compute(request);
        } catch {
          preview = undefined; // a failing previewer means "no preview", never a broken form
        }
        signal.throwIfAborted();
        return preview;
      },
      onComplete: (preview) => this.show(preview ? { kind: 'ready', preview } : { kind: 'unavailable' }),
      // Only an aborted run rejects (the task catches the previewer's own errors): nothing to show.
      onError: () => undefined,
    });
  }

  /**
   * Recomputes the preview when the request changed since the last call, or when `force` is set
   * (the host got a new previewer). Call it from the host's `willUpdate()`, so the synchronous states
   * (empty, unavailable, loading) join the pending render.
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
    const service = connection.service;
    const caseId = connection.caseId;
    const compute: TransferPreviewer | undefined =
      previewer ??
      (canPreview(service) && caseId ? (r) => service.previewTransfer(caseId, r, connection.request) : undefined);
    if (!request || !compute) {
      this.task.abort();
      this.show({ kind: request ? 'unavailable' : 'empty' });
      return;
    }
    this.show({ kind: 'loading' });
    void this.task.run([request, compute]);
  }
}
