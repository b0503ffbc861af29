import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { JournalEvent } from '../journal/journal-event.js';
import { isErasedPayload } from '../journal/journal-event.js';
import { upcastEnvelope } from '../journal/legacy-envelope.js';
import { CASE_EVENTS } from './catalog.js';
import type { EventCatalog } from './event-definition.js';

/** One line of a readable case history ("wer hat wann was geändert"). */
export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly type: string;
  /** What happened, from the catalog's title (or the raw type for unknown events). */
  readonly title: LocalizedText;
  readonly actorId: string;
  readonly actorName: string | undefined;
  readonly agencyId: string;
  /** The reason the caller gave (from the event's erasable note, DP-43); gone once the event is erased. */
  readonly reason: string | undefined;
  /** The payload was erased (DP-32): the entry stays, the content is gone. */
  readonly erased: boolean;
}

/**
 * The journal as a readable history, newest last. Reads only envelopes and catalog titles, never
 * payload content, so it can be shown to anyone who may see that a case changed.
 */
export function describeJournal(events: readonly JournalEvent[], catalog: EventCatalog = CASE_EVENTS): HistoryEntry[] {
  return events.map(upcastEnvelope).map((event) => ({
    seq: event.seq,
    at: event.at,
    type: event.type,
    title: catalog[event.type]?.title ?? text(event.type, event.type),
    actorId: event.actor.id,
    actorName: event.note?.actorName,
    agencyId: event.actor.agencyId,
    reason: event.note?.reason,
    erased: isErasedPayload(event.payload),
  }));
}
