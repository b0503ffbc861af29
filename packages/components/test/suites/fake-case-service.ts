import type { Actor, Observer, Refusal, Result, Subscribable, Unsubscribable } from '@fallkit/core';
import type { CaseBatchRequest, CaseRequestContext, CaseServicePort } from '../../src/context/case-service-port.js';

/** A command as the fake records it, with the request it came with. */
export interface RecordedCommand<Command> {
  readonly command: Command;
  readonly request: CaseRequestContext;
}

/**
 * A case service for component tests: views are set per case, commands are recorded and answered by
 * `respond` (default: accept), `push()` plays a second writer, and `activeSubscriptions` counts live
 * subscriptions so tests can prove that elements release theirs.
 *
 * @example
 * const service = new FakeCaseService<MyView>();
 * service.setView('case-1', view);
 * service.respond = () => refusedWith('DENY_X', 'Nein', 'No');
 */
export class FakeCaseService<View = unknown, Command = unknown> implements CaseServicePort<View, Command> {
  private readonly views = new Map<string, View | Result<View> | undefined>();
  private readonly observers = new Map<string, Set<Observer<View | Result<View> | undefined>>>();
  /** Every executed command, in order. */
  readonly commands: RecordedCommand<Command>[] = [];
  /** Every observeCase request, in order. */
  readonly reads: { caseId: string; request: CaseRequestContext }[] = [];
  /** Answers commands; replace to refuse or to change the view as a real service would. */
  respond: (command: Command, request: CaseRequestContext) => Result<unknown> | Promise<Result<unknown>> = () => ({
    ok: true,
    value: undefined,
  });

  constructor(private readonly actor?: Actor) {}

  /** The actor used when the provider names none (mirrors the core's service). */
  currentActor(): Actor {
    return this.actor ?? { id: 'fake-user', role: 'caseManager', agencyId: 'fake-agency' };
  }

  /** Sets a case's view without notifying (before elements connect). */
  setView(caseId: string, view: View | Result<View> | undefined): void {
    this.views.set(caseId, view);
  }

  /** Sets a case's view and notifies every subscriber: a write from another user or tab. */
  push(caseId: string, view: View | Result<View> | undefined): void {
    this.views.set(caseId, view);
    for (const observer of [...(this.observers.get(caseId) ?? [])]) observer.next(view);
  }

  /** Number of live subscriptions, over all cases. */
  get activeSubscriptions(): number {
    let n = 0;
    for (const set of this.observers.values()) n += set.size;
    return n;
  }

  /** Every batch saved through `executeBatch`, in order (its commands are in `commands` too). */
  readonly batches: { batch: CaseBatchRequest<Command>; request: CaseRequestContext }[] = [];

  /**
   * Like the core's `executeBatch`: each command answered by `respond` in turn; the first refusal
   * refuses the batch, its path under `['commands', i]`.
   */
  async executeBatch(batch: CaseBatchRequest<Command>, request: CaseRequestContext): Promise<Result<unknown>> {
    this.batches.push({ batch, request });
    let last: Result<unknown> = { ok: true, value: undefined };
    for (const [i, command] of batch.commands.entries()) {
      this.commands.push({ command, request });
      last = await this.respond(command, request);
      if (!last.ok)
        return { ok: false, errors: last.errors.map((e) => ({ ...e, path: ['commands', i, ...(e.path ?? [])] })) };
    }
    return last;
  }

  async execute(command: Command, request: CaseRequestContext): Promise<Result<unknown>> {
    this.commands.push({ command, request });
    return this.respond(command, request);
  }

  observeCase(caseId: string, request: CaseRequestContext): Subscribable<View | Result<View> | undefined> {
    this.reads.push({ caseId, request });
    return {
      subscribe: (observerOrNext): Unsubscribable => {
        const observer: Observer<View | Result<View> | undefined> =
          typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext;
        let set = this.observers.get(caseId);
        if (!set) this.observers.set(caseId, (set = new Set()));
        set.add(observer);
        // Like Dexie's liveQuery: the current value arrives asynchronously after subscribe.
        queueMicrotask(() => {
          if (set.has(observer)) observer.next(this.views.get(caseId));
        });
        let active = true;
        return {
          unsubscribe: () => {
            if (!active) return;
            active = false;
            set.delete(observer);
          },
        };
      },
    };
  }
}

/** A refused result with one refusal, for `respond`. */
export function refusedWith(code: string, de: string, en: string, extra: Partial<Refusal> = {}): Result<never> {
  return { ok: false, errors: [{ code, message: { de, en }, ...extra }] };
}
