import { FkEvent } from './fk-event.js';
import type { AssessmentConfirmDetail } from '../assessment-form/assessment-form.component.js';

/** `fk-confirm`: The user confirmed the stored assessment with the person. Cancel it to stop the connected command. */
export class FkConfirmEvent extends FkEvent<AssessmentConfirmDetail> {
  static readonly eventName = 'fk-confirm';
  constructor(detail: AssessmentConfirmDetail) {
    super('fk-confirm', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-confirm': FkConfirmEvent;
  }
}
