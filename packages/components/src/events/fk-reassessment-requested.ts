import { FkEvent } from './fk-event.js';

/** Detail of `fk-reassessment-requested`. */
export interface FkReassessmentRequestedDetail {
  /** Why, in the user's language (lists the deviations). */
  readonly reason: string;
  /** The deviations that trigger the re-assessment. */
  readonly deviationIds: readonly string[];
}

/** `fk-reassessment-requested`: The user asked to start a re-assessment. Cancel it to stop the connected `startReassessment`. */
export class FkReassessmentRequestedEvent extends FkEvent<FkReassessmentRequestedDetail> {
  static readonly eventName = 'fk-reassessment-requested';
  constructor(detail: FkReassessmentRequestedDetail) {
    super('fk-reassessment-requested', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-reassessment-requested': FkReassessmentRequestedEvent;
  }
}
