import { createContext } from '@lit/context';
import type { Actor, Language } from '@fallkit/core';
import type { MessageOverrides } from '../i18n/message-catalog.js';
import type { DraftStore } from '../controllers/draft-store.js';
import type { CaseServicePort } from './case-service-port.js';

/**
 * Everything `<fk-case-provider>` hands down. Every field is optional: a nested provider may set only
 * the case id and inherit the rest.
 */
export interface CaseContextValue {
  /** The core's case service (core + a store). Without it, components work standalone. */
  readonly service?: CaseServicePort;
  /** The current actor; the service decides what this actor may see and do. */
  readonly actor?: Actor;
  /** Purpose of processing for reads and commands. */
  readonly purpose?: string;
  /** The UI language, if the provider sets one. */
  readonly language?: Language;
  /** Host text overrides for every element below the provider. */
  readonly messages?: MessageOverrides;
  /** The case every connected element below works on, unless an element names its own. */
  readonly caseId?: string;
  /** Where unsaved drafts are kept (defaults to memory). */
  readonly drafts?: DraftStore;
}

/**
 * The context key. A global symbol, so two copies of the library on one page still find each other's
 * provider.
 */
export const caseContext = createContext<CaseContextValue | undefined>(Symbol.for('fallkit.case-context'));
