import type * as z from 'zod/mini';
import type { LocalizedText } from '../i18n/localized-text.js';

/** Turns a payload of version `n` into version `n + 1`. Pure; never sees erased payloads. */
export type Upcaster = (payload: unknown) => unknown;

/**
 * One event type of the catalog: its current schema version, the payload schema of that version,
 * upcasters from older versions and a title for readable histories ("wer hat wann was geändert").
 */
export interface EventDefinition<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly type: string;
  /** Current schema version; events are written with it. */
  readonly version: number;
  /** Payload schema of the current version. */
  readonly schema: S;
  /** `upcasters[n]` upcasts a payload from version `n` to `n + 1`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
  readonly title: LocalizedText;
}

/** A set of event definitions by type. The case catalog is `CASE_EVENTS`; other modules may add theirs. */
export type EventCatalog = Readonly<Record<string, EventDefinition>>;

/** Builds an {@link EventDefinition}; keeps the schema's type for payload inference. */
export function defineEvent<S extends z.ZodMiniType>(definition: EventDefinition<S>): EventDefinition<S> {
  return definition;
}
