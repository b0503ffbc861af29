import type { CaseSearchQuery } from '@fallkit/core';
import { FkEvent } from './fk-event.js';

/** What `fk-search` carries: the query the search form stands for. */
export interface SearchDetail {
  readonly query: CaseSearchQuery;
}

/** `fk-search`: a search was asked for; cancel it to answer it with the host's own hits. */
export class FkSearchEvent extends FkEvent<SearchDetail> {
  static readonly eventName = 'fk-search';
  constructor(detail: SearchDetail) {
    super('fk-search', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-search': FkSearchEvent;
  }
}
