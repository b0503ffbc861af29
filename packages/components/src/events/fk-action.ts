import { FkEvent } from './fk-event.js';
import type { FkActionDetail } from '../case-overview/case-overview.component.js';

/** `fk-action`: The user chose a next step in the case overview. */
export class FkActionEvent extends FkEvent<FkActionDetail> {
  static readonly eventName = 'fk-action';
  constructor(detail: FkActionDetail) {
    super('fk-action', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-action': FkActionEvent;
  }
}
