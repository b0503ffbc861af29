import { FkEvent } from './fk-event.js';

/** `fk-print`: Before the consent form is printed. Cancel it to print yourself. */
export class FkPrintEvent extends FkEvent<undefined> {
  static readonly eventName = 'fk-print';
  constructor() {
    super('fk-print', undefined, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-print': FkPrintEvent;
  }
}
