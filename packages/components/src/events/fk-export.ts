import { FkEvent } from './fk-event.js';

/** Detail of `fk-export`. */
export interface FkExportDetail {
  readonly filename: string;
  /** The CSV text (formula-neutralised). */
  readonly csv: string;
}

/** `fk-export`: A report's CSV was made. Cancel it to handle the file yourself. */
export class FkExportEvent extends FkEvent<FkExportDetail> {
  static readonly eventName = 'fk-export';
  constructor(detail: FkExportDetail) {
    super('fk-export', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-export': FkExportEvent;
  }
}
