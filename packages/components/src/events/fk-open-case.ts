import { FkEvent } from './fk-event.js';
import type { FkOpenCaseDetail } from '../worklist/worklist.component.js';

/** `fk-open-case`: The user chose a case in the worklist. */
export class FkOpenCaseEvent extends FkEvent<FkOpenCaseDetail> {
  static readonly eventName = 'fk-open-case';
  constructor(detail: FkOpenCaseDetail) {
    super('fk-open-case', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-open-case': FkOpenCaseEvent;
  }
}
