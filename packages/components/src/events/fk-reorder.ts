import { FkEvent } from './fk-event.js';
import type { ReorderDetail } from '../fields/reorder-list.component.js';

/** `fk-reorder`: The order of a reorder list changed (bubbles inside the form's shadow root, not composed). */
export class FkReorderEvent extends FkEvent<ReorderDetail> {
  static readonly eventName = 'fk-reorder';
  constructor(detail: ReorderDetail) {
    super('fk-reorder', detail, { cancelable: false, composed: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-reorder': FkReorderEvent;
  }
}
