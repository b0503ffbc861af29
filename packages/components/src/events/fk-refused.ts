import { FkEvent } from './fk-event.js';
import type { Refusal } from '@fallkit/core';

/** Detail of `fk-refused`: the refusals of the connected save. The typed value stays in the form. */
export interface FkRefusedDetail<V = unknown> {
  readonly errors: readonly Refusal[];
  readonly value: V;
}

/** `fk-refused`: The connected save was refused; the typed value stays in the form. */
export class FkRefusedEvent<V = unknown> extends FkEvent<FkRefusedDetail<V>> {
  static readonly eventName = 'fk-refused';
  constructor(detail: FkRefusedDetail<V>) {
    super('fk-refused', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-refused': FkRefusedEvent;
  }
}
