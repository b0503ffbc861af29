import { FkEvent } from './fk-event.js';

/** Detail of a form's `change` and `fk-change`. */
export interface FkChangeDetail<V = unknown> {
  /** The whole current value (may be invalid). */
  readonly value: V;
  /** Whether the value passes the blocking validators. */
  readonly valid: boolean;
}

/** `fk-change`: The user changed a form's value (fired right after the form's native-named `change`, which carries the same detail but cannot be typed in `GlobalEventHandlersEventMap`). */
export class FkChangeEvent<V = unknown> extends FkEvent<FkChangeDetail<V>> {
  static readonly eventName = 'fk-change';
  constructor(detail: FkChangeDetail<V>) {
    super('fk-change', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-change': FkChangeEvent;
  }
}
