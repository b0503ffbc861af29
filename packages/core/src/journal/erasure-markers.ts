import { isErasedPayload, type JournalEvent } from './journal-event.js';

/**
 * The decisions that may stand behind an erasure marker (DP-32, DP-36, DP-44), by event type:
 * - `DataErased` (an erasure request granted): its payload lists the `seqs` it erases and the `rule`
 *   the marker carries (`DP-32`);
 * - `RetentionApplied` (the retention sweep anonymised the case): it erases every event before it,
 *   and its markers carry its `rule` (`DP-36:<rule id>`).
 * A marker without such a decision is a forgery: replacing a payload with `{ erased: true, … }` must
 * never hide content (a withdrawn consent put back in force, a note removed without trace).
 */
export const ERASURE_DECISION_TYPES = ['DataErased', 'RetentionApplied'] as const;

/** For each seq, the marker rules decisions in the journal allow on it. */
export type ErasureAuthorisations = ReadonlyMap<number, ReadonlySet<string>>;

function allow(into: Map<number, Set<string>>, seq: number, rule: string): void {
  const rules = into.get(seq) ?? new Set<string>();
  rules.add(rule);
  into.set(seq, rules);
}

/**
 * Collects what the journal's own (not erased) decisions allow to be erased. A decision only ever
 * covers events before itself. Reads payload shapes defensively: a malformed decision authorises
 * nothing (its own hash check reports it).
 */
export function erasureAuthorisations(events: readonly JournalEvent[]): ErasureAuthorisations {
  const allowed = new Map<number, Set<string>>();
  for (const event of events) {
    if (isErasedPayload(event.payload) || typeof event.payload !== 'object' || event.payload === null) continue;
    const payload = event.payload as { seqs?: unknown; rule?: unknown };
    if (typeof payload.rule !== 'string') continue;
    if (event.type === 'DataErased' && Array.isArray(payload.seqs)) {
      for (const seq of payload.seqs) if (typeof seq === 'number' && seq < event.seq) allow(allowed, seq, payload.rule);
    } else if (event.type === 'RetentionApplied') {
      for (let seq = 1; seq < event.seq; seq += 1) allow(allowed, seq, payload.rule);
    }
  }
  return allowed;
}

/** Whether the erasure marker of an event (if it has one) is backed by a decision. */
export function erasureIsAuthorised(event: JournalEvent, authorisations: ErasureAuthorisations): boolean {
  if (!isErasedPayload(event.payload)) return true;
  return authorisations.get(event.seq)?.has(event.payload.rule) === true;
}
