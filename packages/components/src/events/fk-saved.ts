import { FkEvent } from './fk-event.js';

/** `fk-saved`: The connected save succeeded: `detail` is the service's result value. */
export class FkSavedEvent<D = unknown> extends FkEvent<D> {
  static readonly eventName = 'fk-saved';
  constructor(detail: D) {
    super('fk-saved', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-saved': FkSavedEvent;
  }
}
