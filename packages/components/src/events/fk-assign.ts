import { FkEvent } from './fk-event.js';
import type { AssignmentDetail } from '../handover/assignment.view.js';

/**
 * `fk-assign`: The user confirmed naming a case manager in `<fk-handover>` (the `assignCaseManager` input).
 * Cancel it to stop the connected command.
 */
export class FkAssignEvent extends FkEvent<AssignmentDetail> {
  static readonly eventName = 'fk-assign';
  constructor(detail: AssignmentDetail) {
    super('fk-assign', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-assign': FkAssignEvent;
  }
}
