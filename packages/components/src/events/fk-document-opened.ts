import type { OpenedDocument } from '@fallkit/core';
import { FkEvent } from './fk-event.js';

/**
 * `fk-document-opened`: a document was opened through the core (decided, checked against its checksum);
 * `detail` holds its bytes. Cancel it to show the document yourself instead of the download.
 */
export class FkDocumentOpenedEvent extends FkEvent<OpenedDocument> {
  static readonly eventName = 'fk-document-opened';
  constructor(detail: OpenedDocument) {
    super('fk-document-opened', detail, { cancelable: true });
  }

  /** The opened document (the same as `detail`). */
  get document(): OpenedDocument {
    return this.detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-document-opened': FkDocumentOpenedEvent;
  }
}
