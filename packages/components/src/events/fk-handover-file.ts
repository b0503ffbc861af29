import { FkEvent } from './fk-event.js';
import type { HandoverFileDetail } from '../handover-inbox/handover-inbox.component.js';

/** `fk-handover-file`: The receiving worker chose a handover package file (a JWE) to open. */
export class FkHandoverFileEvent extends FkEvent<HandoverFileDetail> {
  static readonly eventName = 'fk-handover-file';
  constructor(detail: HandoverFileDetail) {
    super('fk-handover-file', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-handover-file': FkHandoverFileEvent;
  }
}
