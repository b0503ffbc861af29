import { FkEvent } from './fk-event.js';

/** `fk-submit`: A form's own save was asked for and the value is valid: `detail` is the validated (parsed) data. Cancel it to stop a connected save. */
export class FkSubmitEvent<D = unknown> extends FkEvent<D> {
  static readonly eventName = 'fk-submit';
  constructor(detail: D) {
    super('fk-submit', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-submit': FkSubmitEvent;
  }
}
