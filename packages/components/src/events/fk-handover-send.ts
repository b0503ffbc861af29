import { FkEvent } from './fk-event.js';
import type { HandoverSendDetail } from '../handover-package/handover-package.component.js';

/** `fk-handover-send`: The worker asks to build, sign and send (or download) the previewed handover package. */
export class FkHandoverSendEvent extends FkEvent<HandoverSendDetail> {
  static readonly eventName = 'fk-handover-send';
  constructor(detail: HandoverSendDetail) {
    super('fk-handover-send', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-handover-send': FkHandoverSendEvent;
  }
}
