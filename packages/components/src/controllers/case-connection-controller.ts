import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { Notice, Refusal, Result, Unsubscribable } from '@fallkit/core';
import { caseContext, type CaseContextValue } from '../context/case-context.js';
import {
  isResult,
  type CaseBatchRequest,
  type CaseRequestContext,
  type CaseServicePort,
} from '../context/case-service-port.js';

/** One write to the case: who (display name, else user id) and when. */
export interface WriteEntry {
  readonly seq: number;
  readonly at: string;
  readonly who: string;
}

/** A port that also hands out the case's history (`connectCaseService` does: the core's decided history channel). */
interface HistorySource {
  loadHistory?(
    caseId: string,
    request?: CaseRequestContext,
  ): Promise<Result<{ readonly entries: readonly { seq: number; at: string; actorId: string; actorName?: string }[] }>>;
}

/** Options of {@link CaseConnectionController.executeBatch}. */
export interface BatchOptions {
  /** The journal position the edited value was based on. */
  readonly expectedSeq?: number;
  /** The save's idempotency key; keep it when the same save is retried. */
  readonly commandId?: string;
}

function componentRefusal(code: string, de: string, en: string): Result<unknown> {
  return { ok: false, errors: [{ code, rule: 'COMPONENT', message: { de, en } }] };
}

/**
 * Where a connected element stands:
 * `standalone` no service above it; `no-case` a service but no case id; `loading` waiting for the first
 * view; `ready` a view is there; `not-found` the service knows no such case; `denied` the read was refused (see `refusals`); `error` the live query
 * failed.
 */
export type ConnectionStatus = 'standalone' | 'no-case' | 'loading' | 'ready' | 'not-found' | 'denied' | 'error';

/** Options of {@link CaseConnectionController}. */
export interface CaseConnectionOptions<View> {
  /** The element's own case id (e.g. its `case-id` attribute); wins over the provider's. */
  caseId?: () => string | undefined;
  /** Called with every new view (first load and live updates from any writer). */
  onView?: (view: View) => void;
  /** Called when the provider's context changes (service, actor, purpose, language …). */
  onContext?: (context: CaseContextValue | undefined) => void;
}

/**
 * Connects an element to the case service of the nearest `<fk-case-provider>`: subscribes to the live
 * view of the case the actor may see, sends commands with actor and purpose, and keeps the refusals of
 * the last command for display in place. Unsubscribes when the host disconnects or the service, actor,
 * purpose or case changes, so nothing leaks.
 *
 * @example
 * private readonly connection = new CaseConnectionController<CaseView>(this, {
 *   caseId: () => this.caseId,
 *   onView: (view) => { this.value = toFormValue(view); },
 * });
 * async save() { const result = await this.connection.execute({ type: 'agreeGoal', ... }); }
 */
export class CaseConnectionController<View = unknown, Command = unknown> implements ReactiveController {
  private provided: CaseContextValue | undefined;
  private subscription: Unsubscribable | undefined;
  private subscribedKey: string | undefined;
  private hostIsConnected = false;

  /** The status of the connection. */
  status: ConnectionStatus = 'standalone';
  /** The latest view of the case, if any. */
  view: View | undefined;
  /** Refusals of the last command (or of the read, when `status` is `denied`). Empty after success. */
  refusals: readonly Refusal[] = [];
  /** Notices (warnings) of the last successful command. */
  notices: readonly Notice[] = [];
  /** Whether a command is in flight. */
  pending = false;
  /** The error of a failed live query. */
  error: unknown;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CaseConnectionOptions<View> = {},
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: caseContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.options.onContext?.(value);
        this.sync();
      },
    });
  }

  /** The provider's context (service, actor, purpose, language …), if inside a provider. */
  get context(): CaseContextValue | undefined {
    return this.provided;
  }

  /** The case service, if any. */
  get service(): CaseServicePort<View, Command> | undefined {
    return this.provided?.service as CaseServicePort<View, Command> | undefined;
  }

  /** True when a service is available: the element works connected. */
  get connected(): boolean {
    return this.service !== undefined;
  }

  /** The case this element works on now. */
  get caseId(): string | undefined {
    return this.options.caseId?.() ?? this.provided?.caseId;
  }

  /** The actor and purpose sent with reads and commands. */
  get request(): CaseRequestContext | undefined {
    const actor = this.provided?.actor ?? this.service?.currentActor?.();
    return actor ? { actor, purpose: this.provided?.purpose } : undefined;
  }

  hostConnected(): void {
    this.hostIsConnected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.hostIsConnected = false;
    this.unsubscribe();
  }

  hostUpdate(): void {
    // The element's own case id may have changed with this update.
    this.sync();
  }

  /** Re-evaluates service and case and (re)subscribes as needed. */
  sync(): void {
    const service = this.service;
    const caseId = this.caseId;
    const request = this.request;
    const key =
      this.hostIsConnected && service && caseId && request
        ? `${caseId}|${request.actor.id}|${request.actor.role}|${request.actor.agencyId}|${request.purpose ?? ''}`
        : undefined;
    if (this.subscription && key === this.subscribedKey && service === this.subscribedService) return;
    this.unsubscribe();
    if (!service) {
      this.setStatus('standalone');
      return;
    }
    if (!caseId) {
      this.setStatus('no-case');
      return;
    }
    // Without an actor (not logged in yet) or while detached there is nothing to read; wait.
    if (key === undefined || !request) {
      this.setStatus('loading');
      return;
    }
    this.subscribedKey = key;
    this.subscribedService = service;
    this.setStatus('loading');
    const generation = ++this.generation;
    this.subscription = service.observeCase(caseId, request).subscribe({
      next: (pushed) => this.receive(pushed, generation),
      error: (error) => {
        if (generation !== this.generation) return;
        this.error = error;
        this.setStatus('error');
      },
    });
  }

  private subscribedService: CaseServicePort<View, Command> | undefined;
  private generation = 0;

  private receive(pushed: View | Result<View> | undefined, generation: number): void {
    // A late push from a subscription already replaced must not overwrite the current case.
    if (generation !== this.generation) return;
    if (pushed === undefined) {
      this.view = undefined;
      this.setStatus('not-found');
      return;
    }
    if (isResult<View>(pushed)) {
      if (!pushed.ok) {
        this.refusals = pushed.errors;
        this.view = undefined;
        this.setStatus('denied');
        return;
      }
      this.view = pushed.value;
    } else {
      this.view = pushed;
    }
    if (this.status === 'denied') this.refusals = [];
    this.status = 'ready';
    this.options.onView?.(this.view);
    this.host.requestUpdate();
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status !== status) {
      this.status = status;
      this.host.requestUpdate();
    }
  }

  private unsubscribe(): void {
    this.generation++;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.subscribedKey = undefined;
    this.subscribedService = undefined;
  }

  /**
   * Sends a command with the provider's actor and purpose. Never throws for ordinary refusals: the
   * result says `ok` or carries the refusals, which also stay in `refusals` for display in place.
   * Without a service or actor it resolves to a refusal (`COMPONENT_NOT_CONNECTED`).
   */
  async execute(command: Command): Promise<Result<unknown>> {
    return this.send((service, request) => service.execute(command, request));
  }

  /**
   * Sends several commands as one decision (the port's `executeBatch`): all of them are stored or
   * none, a refusal's path starts with `['commands', i]`. A port without `executeBatch` takes a
   * single command through `execute`; more than one is refused (`COMPONENT_BATCH_UNSUPPORTED`)
   * rather than saved half.
   */
  async executeBatch(commands: readonly Command[], options: BatchOptions = {}): Promise<Result<unknown>> {
    return this.send((service, request) => {
      if (service.executeBatch) {
        const caseId = this.caseId;
        const batch: CaseBatchRequest<Command> = {
          ...(caseId === undefined ? {} : { caseId }),
          ...(options.expectedSeq === undefined ? {} : { expectedSeq: options.expectedSeq }),
          ...(options.commandId === undefined ? {} : { commandId: options.commandId }),
          commands,
        };
        return service.executeBatch(batch, request);
      }
      if (commands.length === 1) return service.execute(commands[0]!, request);
      return Promise.resolve(
        componentRefusal(
          'COMPONENT_BATCH_UNSUPPORTED',
          'Dieser Dienst kann mehrere Änderungen nicht gemeinsam speichern; es wurde nichts gespeichert.',
          'This service cannot save several changes together; nothing was saved.',
        ),
      );
    });
  }

  /** A fresh id for one user save: from the port (the core's id port) or a random UUID. */
  newCommandId(): string {
    return this.service?.newCommandId?.() ?? `command-${crypto.randomUUID()}`;
  }

  /**
   * Who wrote to the case after `seq`, and when, for "changed elsewhere": through the port's
   * `loadHistory` where it has one (`connectCaseService` does, decided and logged like every read);
   * empty when it has none or refuses.
   */
  async writesAfter(seq: number): Promise<readonly WriteEntry[]> {
    const caseId = this.caseId;
    const service = this.service as (CaseServicePort<View, Command> & HistorySource) | undefined;
    if (caseId === undefined || service?.loadHistory === undefined) return [];
    try {
      const history = await service.loadHistory(caseId, this.request);
      if (!history.ok) return [];
      return history.value.entries
        .filter((e) => e.seq > seq)
        .map((e) => ({ seq: e.seq, at: e.at, who: e.actorName ?? e.actorId }));
    } catch {
      return [];
    }
  }

  private async send(
    work: (service: CaseServicePort<View, Command>, request: CaseRequestContext) => Promise<Result<unknown>>,
  ): Promise<Result<unknown>> {
    const service = this.service;
    const request = this.request;
    if (!service || !request) {
      const result = componentRefusal(
        'COMPONENT_NOT_CONNECTED',
        'Nicht mit einem Fall verbunden: Dienst oder handelnde Person fehlt.',
        'Not connected to a case: service or acting user missing.',
      );
      this.refusals = result.ok ? [] : result.errors;
      this.host.requestUpdate();
      return result;
    }
    this.pending = true;
    this.host.requestUpdate();
    try {
      const result = await work(service, request);
      this.refusals = result.ok ? [] : result.errors;
      this.notices = result.ok ? (result.notices ?? []) : [];
      return result;
    } catch (error) {
      // A thrown error is a broken platform, not a refusal; still keep the form usable and the text.
      const detail = String((error as Error)?.message ?? error);
      const result = componentRefusal(
        'COMPONENT_SAVE_FAILED',
        `Speichern fehlgeschlagen: ${detail}`,
        `Saving failed: ${detail}`,
      );
      this.refusals = result.ok ? [] : result.errors;
      return result;
    } finally {
      this.pending = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets the refusals shown in place (e.g. when the user edits again). */
  clearRefusals(): void {
    if (this.refusals.length === 0) return;
    this.refusals = [];
    this.host.requestUpdate();
  }
}
