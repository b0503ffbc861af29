import { FkEvent } from './fk-event.js';
import type { HandoverAnswerDetail } from '../handover-inbox/handover-inbox.component.js';

/** `fk-handover-answer`: The receiving worker accepts or declines an incoming handover package. */
export class FkHandoverAnswerEvent extends FkEvent<HandoverAnswerDetail> {
  static readonly eventName = 'fk-handover-answer';
  constructor(detail: HandoverAnswerDetail) {
    super('fk-handover-answer', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-handover-answer': FkHandoverAnswerEvent;
  }
}
