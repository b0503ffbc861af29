import { FkEvent } from './fk-event.js';

/** What `fk-consent-needed` carries: whom a consent would have to name, for what and which data. */
export interface ConsentNeededDetail {
  readonly recipient: { readonly agencyId: string; readonly name: string };
  readonly purposes: readonly string[];
  readonly categories: readonly string[];
}

/** `fk-consent-needed`: no consent covers the chosen provider and the user asks to record one; the host opens its consent form. */
export class FkConsentNeededEvent extends FkEvent<ConsentNeededDetail> {
  static readonly eventName = 'fk-consent-needed';
  constructor(detail: ConsentNeededDetail) {
    super('fk-consent-needed', detail, { cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fk-consent-needed': FkConsentNeededEvent;
  }
}
