import { FkEvent } from './fk-event.js';

/** Detail of `fk-calendar-export`. */
export interface FkCalendarExportDetail {
  readonly filename: string;
  /** The iCalendar text (RFC 5545, CRLF line ends). */
  readonly text: string;
}

/** `fk-calendar-export`: An appointments calendar file (.ics) was made. Cancel it to handle the file yourself. */
export class FkCalendarExportEvent extends FkEvent<FkCalendarExportDetail> {
  static readonly eventName = 'fk-calendar-export';
  constructor(detail: FkCalendarExportDetail) {
    super('fk-calendar-export', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-calendar-export': FkCalendarExportEvent;
  }
}
