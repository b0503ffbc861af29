import { FkEvent } from './fk-event.js';
import type { Stage } from '@fallkit/core';

/** Detail of `fk-step-select`. */
export interface FkStepSelectDetail {
  readonly stage: Stage;
}

/** `fk-step-select`: A step of the process stepper was chosen (only with `selectable`). */
export class FkStepSelectEvent extends FkEvent<FkStepSelectDetail> {
  static readonly eventName = 'fk-step-select';
  constructor(detail: FkStepSelectDetail) {
    super('fk-step-select', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-step-select': FkStepSelectEvent;
  }
}
