import * as z from 'zod/mini';
import { ACTOR_ROLES } from '../ports/actor.js';
import { journalEventSchema, type JournalEvent } from './journal-event.js';

const ROLES: ReadonlySet<string> = new Set(ACTOR_ROLES);
const HEX64 = /^[0-9a-f]{64}$/;
/** The pattern of `z.iso.datetime()` (no offset, any precision), taken from zod so both stay one rule. */
const DATETIME = z.regexes.datetime({});

type Shape = Record<string, unknown>;

/** A plain record (what JSON, IndexedDB and structured clones give): no class, no array. */
function isPlain(value: unknown): value is Shape {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const positiveInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
/** An optional string member: absent, `undefined` or a string. */
const optionalString = (record: Shape, key: string) =>
  !(key in record) || record[key] === undefined || typeof record[key] === 'string';

/** The members `eventNoteSchema` (a strict object) allows. */
function noteOf(note: unknown): JournalEvent['note'] | false {
  if (!isPlain(note)) return false;
  for (const key in note) if (key !== 'reason' && key !== 'actorName') return false;
  if (!optionalString(note, 'reason') || !optionalString(note, 'actorName')) return false;
  return {
    ...('reason' in note ? { reason: note['reason'] as string | undefined } : {}),
    ...('actorName' in note ? { actorName: note['actorName'] as string | undefined } : {}),
  };
}

/**
 * The envelope check of {@link journalEventSchema}, written out by hand for the events every read verifies
 * (issue 18: the zod pass was a fifth of verifying a 5,000-event journal). It accepts only plain records
 * that the schema accepts, and returns what the schema's parse returns (the known members; an actor and a
 * note without members of their own), so the hashes are taken over the same data. Whatever it does not
 * accept goes to the schema itself: the schema stays the rule, and this is a shortcut for well-formed
 * events (`packages/core/test/journal/envelope-guard.test.ts` checks both agree, with generated events).
 */
export function parseJournalEvent(raw: unknown): { success: true; data: JournalEvent } | { success: false } {
  const fast = fastEvent(raw);
  if (fast !== undefined) return { success: true, data: fast };
  const parsed = journalEventSchema.safeParse(raw);
  return parsed.success ? { success: true, data: parsed.data } : { success: false };
}

/** The parsed event when `raw` is a plain, well-formed event; `undefined` leaves the verdict to the schema. */
export function fastEvent(raw: unknown): JournalEvent | undefined {
  if (!isPlain(raw)) return undefined;
  const { id, type, schemaVersion, caseId, seq, at, actor, commandId, payloadHash, prevHash, hash } = raw;
  if (!nonEmpty(id) || !nonEmpty(type) || !nonEmpty(caseId) || !positiveInt(schemaVersion) || !positiveInt(seq))
    return undefined;
  if (typeof at !== 'string' || !DATETIME.test(at)) return undefined;
  if (typeof payloadHash !== 'string' || typeof prevHash !== 'string' || typeof hash !== 'string') return undefined;
  if (!HEX64.test(payloadHash) || !HEX64.test(prevHash) || !HEX64.test(hash)) return undefined;
  if (!isPlain(actor) || !nonEmpty(actor['id']) || !nonEmpty(actor['agencyId'])) return undefined;
  if (typeof actor['role'] !== 'string' || !ROLES.has(actor['role']) || !optionalString(actor, 'name'))
    return undefined;
  if (!optionalString(raw, 'reason') || !('payload' in raw)) return undefined;
  const hasCommandId = 'commandId' in raw && commandId !== undefined;
  if (hasCommandId && (typeof commandId !== 'string' || commandId.length < 1 || commandId.length > 128))
    return undefined;
  let note: JournalEvent['note'] | false | undefined;
  if ('note' in raw && raw['note'] !== undefined) {
    note = noteOf(raw['note']);
    if (note === false) return undefined;
  }
  return {
    id,
    type,
    schemaVersion,
    caseId,
    seq,
    at,
    actor: {
      id: actor['id'],
      role: actor['role'] as JournalEvent['actor']['role'],
      agencyId: actor['agencyId'],
      ...('name' in actor ? { name: actor['name'] as string | undefined } : {}),
    },
    ...('reason' in raw ? { reason: raw['reason'] as string | undefined } : {}),
    ...('commandId' in raw ? { commandId: commandId as string | undefined } : {}),
    payload: raw['payload'],
    ...('note' in raw ? { note: note as JournalEvent['note'] } : {}),
    payloadHash,
    prevHash,
    hash,
  };
}
