import { FkEvent } from './fk-event.js';
import type { ReferralStatusDetail } from '../referrals/referrals.component.js';

/** `fk-status`: A referral's status changes (the `updateReferralStatus` input). Cancel it to stop the connected command. */
export class FkStatusEvent extends FkEvent<ReferralStatusDetail> {
  static readonly eventName = 'fk-status';
  constructor(detail: ReferralStatusDetail) {
    super('fk-status', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-status': FkStatusEvent;
  }
}
