import {
  randomIds,
  type AccessLogEntry,
  type Actor,
  type CaseIndexEntry,
  type CaseService,
  type Clock,
} from '@fallkit/core';
import { appendAccessLog } from '@fallkit/core/internal';
import { cutJournalFor, revokedStatement, SYNC_PURPOSE, type FeedResponse, type SyncChange } from '@fallkit/core/sync';
import type { PgCaseStore } from '@fallkit/store-pg';
import { SyncHttpError } from '../errors/sync-refusal.js';
import type { ServerHeadKeys } from '../seal/head-signing-keys.js';

/** Feed entries read per round trip to the database while collecting a page. */
const FEED_CHUNK = 1000;

/** How many cases of a page are read and decided at once. */
const DECIDE_PARALLEL = 8;

/** Days ahead an item counts as due soon, for the caseload-first order. */
const DUE_SOON_DAYS = 7;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0: the actor's caseload; 1: items due in the next 7 days; 2: the rest. */
function rank(row: CaseIndexEntry | undefined, actor: Actor, dueBy: string): number {
  if (row === undefined) return 2;
  if (row.caseManagerIds.includes(actor.id)) return 0;
  if (row.nextDueDate !== null && row.nextDueDate <= dueBy) return 1;
  return 2;
}

/** One case as the actor may have it, and the access-log entry its delivery needs (DP-28). */
export interface DecidedChange {
  readonly change: SyncChange;
  readonly log?: AccessLogEntry;
}

/**
 * One case as the actor may have it: its journal (full or cut) with the server's signature of its head (the
 * journal read verified against the store's seal first, DP-44), revoked, or nothing.
 */
export async function decideChange(
  keys: ServerHeadKeys,
  service: CaseService,
  actor: Actor,
  caseId: string,
  now: string,
  /** The organisation's local date of `now` (the handlers' time zone); the core's default zone if absent. */
  today?: string,
): Promise<DecidedChange | undefined> {
  const read = await service.readVerifiedJournal(caseId);
  if (!read.ok) {
    // A stream deleted since (retention) is gone for everyone; a journal that fails verification is never sent.
    if (read.errors[0]?.code === 'CASE_NOT_FOUND') return undefined;
    throw new SyncHttpError('SYNC_FAILED', { de: `(${read.errors[0]!.code})`, en: `(${read.errors[0]!.code})` });
  }
  const cut = cutJournalFor(actor, read.value, { now, ...(today === undefined ? {} : { today }) });
  if (cut.scope === 'revoked') {
    if (!cut.notify) return undefined;
    // Signed (DP-44): the device deletes the case on this notice, so it follows none the server did not sign.
    const seq = read.value.at(-1)?.seq ?? 0;
    const signed = await keys.signStatement(revokedStatement(caseId, seq, actor));
    return { change: { caseId, kind: 'revoked', seq, signed } };
  }
  const signedHead = await keys.sign(caseId, cut.events);
  return {
    change: {
      caseId,
      kind: 'journal',
      scope: cut.scope,
      events: cut.events as never,
      signedHead,
      // A cut carries the core's decided view for the actor (issue 15): the device shows it for a case whose
      // frame the cut hides, and queues writes to it for this server to decide.
      ...(cut.view === undefined ? {} : { view: cut.view as never }),
    },
    log: {
      caseId,
      actorId: actor.id,
      role: actor.role,
      agencyId: actor.agencyId,
      purpose: SYNC_PURPOSE,
      categories: [...cut.categories],
      outcome: cut.scope === 'full' ? 'allow' : 'allow-redacted',
      redacted: cut.hidden,
      breakGlass: cut.breakGlass,
      channel: 'sync',
      at: now,
    },
  };
}

/**
 * Writes the deliveries to the actor's agency's access log in one append (DP-28: every read is logged); a
 * delivery that cannot be logged is not made (`SYNC_UNAVAILABLE`).
 */
export async function logDeliveries(
  store: PgCaseStore,
  clock: Clock,
  actor: Actor,
  decided: readonly DecidedChange[],
): Promise<void> {
  const entries = decided.flatMap((d) => (d.log === undefined ? [] : [d.log]));
  if (entries.length === 0) return;
  const logged = await appendAccessLog({ store, clock, ids: randomIds }, actor, entries);
  if (!logged.ok) throw new SyncHttpError('SYNC_UNAVAILABLE');
}

/**
 * A feed page for the actor (issue 15): the cases whose events sit at positions after `after`, each once
 * and as the core's cut decides it (full, cut or revoked; a case the actor never held and may not see is
 * left out without a trace), up to `limit` cases. The page ends at a feed position `position` such that
 * every case touched up to it is in the page: a device that stores `position` never misses a change, since
 * the store's feed is a gapless prefix. Within the page the actor's caseload comes first, then cases with
 * items due in the next 7 days, then the rest.
 */
export async function readFeedFor(
  keys: ServerHeadKeys,
  store: PgCaseStore,
  service: CaseService,
  actor: Actor,
  query: { readonly after: number; readonly limit: number },
  clock: Clock,
  today: string,
): Promise<FeedResponse> {
  const now = clock.now();
  const total = await store.feedHead();
  const touched: string[] = [];
  const seen = new Set<string>();
  let position = Math.min(query.after, total);
  collect: while (position < total) {
    const page = await store.readFeed({ after: position, limit: FEED_CHUNK });
    if (page.entries.length === 0) break;
    for (const entry of page.entries) {
      const caseId = entry.event.caseId;
      // Other streams of the tenant (the agencies' access logs) are not case journals.
      if (caseId.includes(':')) {
        position = entry.position;
        continue;
      }
      if (!seen.has(caseId)) {
        if (touched.length >= query.limit) break collect;
        seen.add(caseId);
        touched.push(caseId);
      }
      position = entry.position;
    }
  }
  const dueBy = addDays(today, DUE_SOON_DAYS);
  const rows = new Map<string, CaseIndexEntry | undefined>();
  const found = await store.listCases();
  for (const row of found) if (seen.has(row.caseId)) rows.set(row.caseId, row);
  const ordered = touched
    .map((caseId, index) => ({ caseId, index, rank: rank(rows.get(caseId), actor, dueBy) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  // Cases are decided a few at a time: each waits mostly on its reads, which the connection pool overlaps.
  const slots: (DecidedChange | undefined)[] = new Array(ordered.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(DECIDE_PARALLEL, ordered.length) }, async () => {
      for (let i = next++; i < ordered.length; i = next++)
        slots[i] = await decideChange(keys, service, actor, ordered[i]!.caseId, now, today);
    }),
  );
  const decided = slots.filter((d): d is DecidedChange => d !== undefined);
  await logDeliveries(store, clock, actor, decided);
  const changes: SyncChange[] = decided.map((d) => d.change);
  return { changes, position, more: position < total, progress: { done: position, total } };
}
