import type { ReactiveControllerHost } from 'lit';
import type { Refusal, Result, RecipientViewRequest } from '@fallkit/core';
import type { CaseRequestContext } from '../context/case-service-port.js';
import type { ConnectedCaseView } from '../context/core-port.js';

/** The case as the recipient may receive it (the core's `recipientView`), in the connected view's shape. */
export type RecipientCase = Pick<ConnectedCaseView, 'persons' | 'followUps' | 'caseManagers' | 'addresseeId'>;

/** A port that hands out the recipient's view (`connectCaseService` does). */
interface RecipientViewSource {
  loadRecipientView(
    caseId: string,
    request: RecipientViewRequest,
    context?: CaseRequestContext,
  ): Promise<Result<RecipientCase>>;
}

function canLoad(service: unknown): service is RecipientViewSource {
  return typeof (service as Partial<RecipientViewSource> | undefined)?.loadRecipientView === 'function';
}

/** What the letter knows of the recipient's view now. */
export type RecipientViewState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly view: RecipientCase }
  /** Refused by the core, or the port has no such channel: the letter fills no case field. */
  | { readonly kind: 'unavailable'; readonly refusals: readonly Refusal[] };

/**
 * Keeps the recipient's view in step with the letter (issue 22): whenever the case's view, the
 * recipient or the purpose changes, asks the core what that recipient may receive. Only the answer to
 * the latest request is kept, so a slow answer for an earlier recipient never fills the letter.
 */
export class RecipientViewLoader {
  state: RecipientViewState = { kind: 'loading' };
  private key?: unknown[];
  private run = 0;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Reloads when the case view, case, recipient or context changed since the last call. */
  refresh(
    service: unknown,
    caseId: string | undefined,
    personId: string | undefined,
    view: unknown,
    context: CaseRequestContext | undefined,
  ): void {
    const key = [service, caseId, personId, view, context?.actor.id, context?.purpose];
    if (this.key !== undefined && key.every((part, i) => part === this.key![i])) return;
    this.key = key;
    const run = ++this.run;
    if (caseId === undefined || personId === undefined || view === undefined || !canLoad(service)) {
      this.state = { kind: 'unavailable', refusals: [] };
      return;
    }
    this.state = { kind: 'loading' };
    const request: RecipientViewRequest = {
      recipient: { kind: 'person', personId },
      purpose: context?.purpose ?? 'caseManagement',
    };
    void service
      .loadRecipientView(caseId, request, context)
      .then(
        (result): RecipientViewState =>
          result.ok ? { kind: 'ready', view: result.value } : { kind: 'unavailable', refusals: result.errors },
        (): RecipientViewState => ({ kind: 'unavailable', refusals: [] }),
      )
      .then((state) => {
        if (run !== this.run) return;
        this.state = state;
        this.host.requestUpdate();
      });
  }
}
