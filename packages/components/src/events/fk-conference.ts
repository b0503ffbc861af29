import { FkEvent } from './fk-event.js';
import type { CaseConferenceDetail } from '../referrals/referrals.component.js';

/** `fk-conference`: A case conference is recorded (the `holdCaseConference` input). Cancel it to stop the connected command. */
export class FkConferenceEvent extends FkEvent<CaseConferenceDetail> {
  static readonly eventName = 'fk-conference';
  constructor(detail: CaseConferenceDetail) {
    super('fk-conference', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-conference': FkConferenceEvent;
  }
}
