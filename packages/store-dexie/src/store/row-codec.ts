import { type CaseIndexEntry, type EventNote, type JournalEvent } from '@fallkit/core';
import { unreadableEventRefusal } from '@fallkit/core/store';
import type { CaseRow, EventRow } from '../schema/rows.js';
import { openJson, sealJson } from '../crypto/aes-gcm.js';
import { StoreRefusalError, storeRefusal } from '../errors/store-refusals.js';

/**
 * The part of an event that is sealed: payload, the note (DP-43) and, for events written before
 * DP-43, the envelope's free-text reason and the actor's display name.
 */
interface SealedEventPart {
  readonly p: unknown;
  readonly o?: EventNote;
  readonly r?: string;
  readonly n?: string;
}

/**
 * Whether a stored or received item is a hidden link of a synced journal cut (`@fallkit/core/sync`'s
 * `HiddenLink`: `{ hidden, caseId, seq, prevHash, hash }` and nothing else). It holds only its place and
 * hashes, so it is stored as it is; a row with anything more is an event and is sealed or refused.
 */
function isHiddenLink(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Object.keys(v).length === 5 &&
    v['hidden'] === true &&
    typeof v['caseId'] === 'string' &&
    typeof v['seq'] === 'number' &&
    typeof v['prevHash'] === 'string' &&
    typeof v['hash'] === 'string'
  );
}

/** Turns journal events into stored rows, sealing their sensitive part when a case key is given. */
export async function encodeEvents(events: readonly JournalEvent[], key: CryptoKey | undefined): Promise<EventRow[]> {
  if (key === undefined) return events.map((event) => ({ ...event }));
  return Promise.all(
    events.map(async (event): Promise<EventRow> => {
      // A hidden link of a synced journal cut holds only its place and hashes: nothing to seal (issue 15).
      if (isHiddenLink(event)) return { ...(event as unknown as EventRow) };
      const { payload, note, reason, actor, ...envelope } = event;
      const { name, ...actorRef } = actor;
      const part: SealedEventPart = {
        p: payload,
        ...(note === undefined ? {} : { o: note }),
        ...(reason === undefined ? {} : { r: reason }),
        ...(name === undefined ? {} : { n: name }),
      };
      return { ...envelope, actor: actorRef, sealed: await sealJson(key, part) };
    }),
  );
}

/** Turns stored rows back into journal events, opening sealed parts with the case key. */
export async function decodeEvents(
  rows: readonly EventRow[],
  key: CryptoKey | undefined,
  encrypted = key !== undefined,
): Promise<JournalEvent[]> {
  return Promise.all(
    rows.map(async (row): Promise<JournalEvent> => {
      const { sealed, ...rest } = row;
      // In an encrypted database every event is sealed: a row in clear was written around the store (DP-44).
      if (sealed === undefined) {
        if (isHiddenLink(rest)) return rest as unknown as JournalEvent;
        if (encrypted) throw new StoreRefusalError(unreadableEventRefusal(row.caseId, row.seq));
        return rest as JournalEvent;
      }
      if (key === undefined) throw new StoreRefusalError(storeRefusal('STORE_KEY_MISSING', row.caseId));
      // The case key opened (so it is the right one): a box that fails AES-GCM authentication was altered (DP-44).
      const part = await openJson<SealedEventPart>(key, sealed).catch(() => {
        throw new StoreRefusalError(unreadableEventRefusal(row.caseId, row.seq));
      });
      const actor = part.n === undefined ? rest.actor : { ...rest.actor, name: part.n };
      return {
        ...rest,
        actor,
        ...(part.r === undefined ? {} : { reason: part.r }),
        payload: part.p,
        ...(part.o === undefined ? {} : { note: part.o }),
      } as JournalEvent;
    }),
  );
}

/** Turns an index entry into a stored row, sealing the label under `key` when given. */
export async function encodeCase(entry: CaseIndexEntry, key: CryptoKey | undefined): Promise<CaseRow> {
  if (key === undefined || entry.label === undefined) return { ...entry };
  const { label, ...rest } = entry;
  return { ...rest, sealedLabel: await sealJson(key, label) };
}

/** Turns a stored row back into an index entry. */
export async function decodeCase(row: CaseRow, key: CryptoKey | undefined): Promise<CaseIndexEntry> {
  const { sealedLabel, ...rest } = row;
  if (sealedLabel === undefined) return rest;
  if (key === undefined) throw new StoreRefusalError(storeRefusal('STORE_LOCKED'));
  const label = await openJson<string>(key, sealedLabel).catch(() => {
    throw new StoreRefusalError(storeRefusal('STORE_WRONG_KEY', row.caseId));
  });
  return { ...rest, label };
}
