import { FkEvent } from './fk-event.js';
import type { ConsentWithdrawDetail } from '../consent-manager/consent-manager.component.js';

/** `fk-withdraw`: The user withdraws a consent (whole or in part). Cancel it to stop the connected command. */
export class FkWithdrawEvent extends FkEvent<ConsentWithdrawDetail> {
  static readonly eventName = 'fk-withdraw';
  constructor(detail: ConsentWithdrawDetail) {
    super('fk-withdraw', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-withdraw': FkWithdrawEvent;
  }
}
