import type { ActorSource, Result } from '@fallkit/core';
import { ACCESS_LOG_CURSOR_KEY, CURSOR_KEY, LAST_SYNCED_KEY, type SyncDexie } from '../database/sync-database.js';
import type { Outbox, QueuedCommand } from '../outbox/outbox.js';
import type { ConflictList, SyncConflict } from '../conflicts/conflict-list.js';
import {
  applyJournalChange,
  verifyReceivedJournal,
  type LocalStore,
  type ReceivedJournalCheck,
} from '../apply/apply-change.js';
import type { ServerKeys } from '../keys/server-keys.js';
import { MAX_FEED_LIMIT, MAX_PUSH_COMMANDS, type FeedChange, type PushedCommand } from '../protocol/sync-protocol.js';
import type { LiveSubscription, SyncTransport } from '../transport/sync-transport.js';
import type { SyncedCaseService } from '../service/synced-case-service.js';
import { syncRefusal } from '../messages/sync-refusals.js';
import { acceptCut, conflictStatement, revokedStatement, statementRefusal } from '@fallkit/core/sync';
import type { CutViews } from '../cuts/cut-views.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { SET_ASIDE_KEPT, StatusChannel } from './sync-status.js';
import { uploadContents, type ContentUploads } from '../content/content-uploads.js';
import type { AccessLogEntry, CaseStore, Refusal } from '@fallkit/core';
import { ACCESS_LOG_EVENTS, accessLogStreamId, DEVICE_ACCESS_LOG_MAX_ENTRIES } from '@fallkit/core/internal';

/** Timers, injectable so tests can step through retries without waiting. */
export interface SyncTimers {
  setTimeout(work: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of {@link SyncEngine}. */
export interface SyncEngineOptions {
  readonly store: LocalStore & { deleteStream(caseId: string): Promise<void> };
  readonly db: SyncDexie;
  readonly outbox: Outbox;
  readonly conflicts: ConflictList;
  readonly transport: SyncTransport;
  readonly service: SyncedCaseService;
  readonly actor: ActorSource;
  readonly now: () => string;
  /** Push and pull again after this many ms when nothing else triggered it (default 30,000; 0 = no timer). */
  readonly intervalMs?: number;
  readonly backoff?: BackoffOptions;
  /** Changes asked for per feed page (default and most 1,000). */
  readonly pageLimit?: number;
  readonly timers?: SyncTimers;
  /** Checks a received journal before it is written (default: the core's chain verification). */
  readonly checkJournal?: ReceivedJournalCheck;
  /** Called after a case was deleted because access to it ended (the host deletes its drafts, caches …). */
  readonly onRevoked?: (caseId: string) => void | Promise<void>;
  /** The decided views of the cases held as cuts (issue 15); without it a cut is stored but not shown. */
  readonly cuts?: CutViews;
  /**
   * The server's public head keys (issue 15, DP-44): every received journal, full or cut, must end at a head
   * the server signed, else nothing of it is stored (`SYNC_HEAD_*`). Absent: only the chain is checked (tests
   * of other parts; `createSyncClient` always passes them).
   */
  readonly keys?: ServerKeys;
  /**
   * Documents' content waiting to go up (issue 22): each `attachDocument` the server applied queues its bytes,
   * which the round uploads after the push (`PUT …/documents/content/:sha256`). Absent: no content goes up.
   */
  readonly uploads?: ContentUploads;
  /** The local content store the uploads read the bytes from (the device's store). */
  readonly content?: Pick<CaseStore, 'readContent'>;
  /**
   * The local store the device's access log is read from (issue 15, DP-28: the reads made on this device go up
   * after the push, once each). Absent: the log stays on the device.
   */
  readonly accessLog?: Pick<CaseStore, 'readJournal'>;
}

/** What one sync round did. */
export interface SyncRound {
  readonly pushed: number;
  readonly applied: number;
  readonly conflicts: number;
  readonly changes: number;
  readonly revoked: number;
  /** Documents' contents uploaded in this round (issue 22). */
  readonly uploaded: number;
  /** Contents the server refused for good (a removed or withheld document, bytes that do not match): dropped. */
  readonly uploadRefusals: readonly Refusal[];
  /** Entries of the device's access log newly recorded on the server in this round (issue 15, DP-28). */
  readonly accessLogged: number;
  /** Entries the server refused for good (malformed, or not the actor's): passed over, with the refusals. */
  readonly accessLogRefusals: readonly Refusal[];
}

/** The command as it is pushed: a batch of one is the command itself with its case, a larger batch keeps its commands together. */
function pushedCommand(entry: QueuedCommand): PushedCommand {
  const { caseId, commands } = entry.batch;
  // The queued commands passed the core's local decision, so they have the shape the schema asks for.
  const command = (commands.length === 1
    ? { ...(commands[0] as Record<string, unknown>), caseId }
    : { caseId, commands: [...commands] }) as unknown as PushedCommand['command'];
  return {
    commandId: entry.commandId,
    command,
    baseSeq: entry.baseSeq,
    ...(entry.after === undefined ? {} : { after: [...entry.after] }),
  };
}

const OFFLINE_CODES = new Set(['SYNC_OFFLINE', 'SYNC_SERVER_ERROR']);

/**
 * The push and pull loops of one device. A round pushes the outbox in order (up to 100 commands per
 * request) and then pulls the feed from the kept cursor until the server has no more. Failures never
 * drop or overwrite anything: an unanswered push keeps the commands queued (the server applies a
 * repeated `commandId` once), a cut pull keeps the cursor at the last page written, and the next
 * round is scheduled with exponential backoff and jitter. Rounds run one at a time.
 */
export class SyncEngine {
  readonly status: StatusChannel;
  readonly #o: SyncEngineOptions;
  readonly #timers: SyncTimers;
  #running: Promise<Result<SyncRound>> | undefined;
  #again = false;
  #failures = 0;
  #timer: unknown;
  #live: LiveSubscription | undefined;
  #started = false;
  readonly #onOnline = () => void this.syncNow();
  /** The chain check, then the server's signature of the head (DP-38, DP-44). */
  readonly #check: ReceivedJournalCheck = async (caseId, events, signedHead) =>
    (await (this.#o.checkJournal ?? verifyReceivedJournal)(caseId, events, signedHead)) ??
    (await this.#o.keys?.check(caseId, events, signedHead));
  readonly #onOffline = () => this.status.update({ online: false });

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#timers = options.timers ?? {
      setTimeout: (work, ms) => globalThis.setTimeout(work, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.status = new StatusChannel({
      online: globalThis.navigator?.onLine ?? true,
      syncing: false,
      pending: 0,
      conflicts: 0,
    });
  }

  /** Reads the counters and the last sync time from IndexedDB into the status. */
  async refreshStatus(): Promise<void> {
    const last = (await this.#o.db.meta.get(LAST_SYNCED_KEY)) as { at?: string } | undefined;
    this.status.update({
      // A document's content waiting to go up is pending too: another device cannot open it yet.
      pending: (await this.#o.outbox.count()) + ((await this.#o.uploads?.count()) ?? 0),
      conflicts: await this.#o.conflicts.openCount(),
      ...(last?.at === undefined ? {} : { lastSyncedAt: last.at }),
    });
  }

  /** Starts the loops: a round now, on reconnect, on each live position, and on the timer. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('offline', this.#onOffline);
    this.#openLive();
    void this.syncNow();
  }

  /** Stops timers, the live stream and the listeners; a round under way finishes. */
  stop(): void {
    this.#started = false;
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('offline', this.#onOffline);
    this.#live?.close();
    this.#live = undefined;
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** A push-and-pull round now (or right after the one under way). */
  syncNow(): Promise<Result<SyncRound>> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = (async () => {
      let result: Result<SyncRound>;
      do {
        this.#again = false;
        result = await this.#round();
      } while (this.#again && result.ok);
      return result;
    })();
    this.#running = run;
    void run.finally(() => {
      this.#running = undefined;
    });
    return run;
  }

  async #round(): Promise<Result<SyncRound>> {
    this.status.update({ syncing: true });
    let result: Result<SyncRound>;
    try {
      const pushed = await this.push();
      const uploaded = pushed.ok ? await this.upload() : pushed;
      const logged = uploaded.ok ? await this.uploadAccessLog() : uploaded;
      result = !pushed.ok
        ? pushed
        : !uploaded.ok
          ? uploaded
          : !logged.ok
            ? logged
            : await this.#pullAfterPush({
                ...pushed.value,
                uploaded: uploaded.value.uploaded,
                uploadRefusals: uploaded.value.refused,
                accessLogged: logged.value.recorded,
                accessLogRefusals: logged.value.refused,
              });
    } catch (error) {
      // A locked store refuses with its own typed error; anything else is this device's failure, in words.
      const code = (error as { code?: unknown } | null)?.code;
      result = {
        ok: false,
        errors: [
          code === 'STORE_LOCKED' ? syncRefusal('SYNC_LOCKED') : syncRefusal('SYNC_DEVICE_ERROR', String(error)),
        ],
      };
    }
    await this.refreshStatus().catch(() => undefined);
    if (result.ok) {
      this.#failures = 0;
      this.#setAside([...result.value.uploadRefusals, ...result.value.accessLogRefusals]);
      const at = this.#o.now();
      await this.#o.db.meta.put({ key: LAST_SYNCED_KEY, at });
      this.status.update({
        syncing: false,
        online: true,
        lastSyncedAt: at,
        error: undefined,
        retryAt: undefined,
        progress: undefined,
      });
      this.#schedule(this.#o.intervalMs ?? 30_000);
    } else {
      this.#failures += 1;
      const delay = backoffDelay(this.#failures, this.#o.backoff);
      const offline = result.errors.some((e) => OFFLINE_CODES.has(e.code));
      this.status.update({
        syncing: false,
        online: !offline && (globalThis.navigator?.onLine ?? true),
        error: result.errors[0],
        retryAt: new Date(Date.parse(this.#o.now()) + delay).toISOString(),
      });
      this.#schedule(delay);
    }
    return result;
  }

  /** Keeps what the server refused for good in the status until a person has read it (the newest {@link SET_ASIDE_KEPT}). */
  #setAside(refused: readonly Refusal[]): void {
    if (refused.length === 0) return;
    this.status.update({ setAside: [...(this.status.value.setAside ?? []), ...refused].slice(-SET_ASIDE_KEPT) });
  }

  /** A person has read the set-aside refusals: the status forgets them. */
  acknowledgeSetAside(): void {
    this.status.update({ setAside: undefined });
  }

  async #pullAfterPush(pushed: Omit<SyncRound, 'changes' | 'revoked'>): Promise<Result<SyncRound>> {
    const pulled = await this.pull();
    return pulled.ok ? { ok: true, value: { ...pushed, ...pulled.value } } : pulled;
  }

  /** The delay the next retry waits after `failures` failed rounds (for tests and the status line). */
  get failures(): number {
    return this.#failures;
  }

  #schedule(ms: number): void {
    if (!this.#started || ms <= 0) return;
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      void this.syncNow();
    }, ms);
  }

  #openLive(): void {
    const live = this.#o.transport.live;
    if (live === undefined) return;
    this.#live = live.call(
      this.#o.transport,
      (position) => {
        void this.#cursor().then((cursor) => {
          if (position > cursor) void this.syncNow();
        });
      },
      () => {
        this.#live = undefined;
        // The timer keeps syncing; the live stream is tried again after a pause.
        if (this.#started) this.#timers.setTimeout(() => this.#started && !this.#live && this.#openLive(), 15_000);
      },
    );
  }

  async #cursor(): Promise<number> {
    const row = (await this.#o.db.meta.get(CURSOR_KEY)) as { position?: number } | undefined;
    return row?.position ?? 0;
  }

  /**
   * Pushes the outbox in order. Applied and replayed commands leave the outbox; conflicts and refusals
   * move to the conflict list (with both sides); commands the answer does not mention stay queued.
   */
  async push(): Promise<Result<{ pushed: number; applied: number; conflicts: number }>> {
    let pushed = 0;
    let applied = 0;
    let conflicts = 0;
    for (;;) {
      const entries = await this.#o.outbox.peek(MAX_PUSH_COMMANDS);
      if (entries.length === 0) break;
      const answer = await this.#o.transport.push({ commands: entries.map(pushedCommand) });
      if (!answer.ok) {
        await this.#o.outbox.countAttempt(entries.map((e) => e.commandId));
        return answer;
      }
      const byId = new Map(answer.value.results.map((r) => [r.commandId, r]));
      let answered = 0;
      for (const entry of entries) {
        const result = byId.get(entry.commandId);
        if (result === undefined) continue;
        answered += 1;
        if (result.status === 'conflict') {
          const unsigned = await this.#checkConflict(entry, result.conflict);
          if (unsigned !== undefined) {
            await this.refreshStatus();
            return {
              ok: false,
              errors: [syncRefusal('SYNC_ANSWER_MALFORMED', `conflict ${entry.commandId}: ${unsigned.code}`), unsigned],
            };
          }
        }
        if (result.status === 'conflict' || result.status === 'refused') {
          await this.#o.conflicts.add({
            caseId: entry.caseId,
            commandId: entry.commandId,
            kind: result.status === 'conflict' ? 'conflict' : 'refused',
            createdAt: this.#o.now(),
            mine: entry.batch,
            baseSeq: entry.baseSeq,
            theirs: result.conflict?.theirs ?? [],
            errors: result.errors ?? [],
          });
          conflicts += 1;
        } else {
          applied += 1;
          // The server's journal names the documents this command filed: their bytes may go up now (issue 22).
          // Queued before the command leaves the outbox, so a crash in between re-pushes it (replayed) and adds nothing twice.
          await this.#o.uploads?.addFor(entry.commandId, entry.batch, this.#o.now());
          // A cut case does not hold the applied command until the next cut: later writes are decided on top of it.
          if (result.seq !== undefined && (await this.#o.cuts?.has(entry.caseId)))
            await this.#o.cuts!.rememberApplied(entry.caseId, entry.commandId, result.seq);
        }
        await this.#o.outbox.remove(entry.commandId);
      }
      pushed += entries.length;
      await this.refreshStatus();
      // An answer that takes none of the commands would loop: leave them queued for the next round.
      if (answered === 0)
        return { ok: false, errors: [syncRefusal('SYNC_ANSWER_MALFORMED', 'push: no command answered')] };
    }
    return { ok: true, value: { pushed, applied, conflicts } };
  }

  /**
   * Uploads the documents' content the pushed `attachDocument`s filed (issue 22): one idempotent `PUT` per
   * content, only after the server applied the command. A network failure keeps the rest queued.
   */
  async upload(): Promise<Result<{ uploaded: number; refused: readonly Refusal[] }>> {
    const { uploads, content } = this.#o;
    if (uploads === undefined || content === undefined) return { ok: true, value: { uploaded: 0, refused: [] } };
    const pass = await uploadContents({
      uploads,
      transport: this.#o.transport,
      store: content,
      stillFiled: async (caseId, contentHash) => {
        if (await this.#o.cuts?.has(caseId)) return undefined;
        const loaded = await this.#o.service.loadCase(caseId);
        if (!loaded.ok) return undefined;
        return loaded.value.state.documents.some((d) => d.contentHash === contentHash && d.removed === undefined);
      },
    });
    await this.refreshStatus();
    return pass.ok ? { ok: true, value: { uploaded: pass.value.uploaded, refused: pass.value.refused } } : pass;
  }

  /**
   * Uploads the device's access log (issue 15, DP-28): the entries the actor's reads on this device wrote into
   * the agency's log in the local store (the core's views; `withCutViews` for cut cases), after the kept cursor,
   * up to {@link DEVICE_ACCESS_LOG_MAX_ENTRIES} per request, each with its `entryId` (the local event's id for
   * an entry written without one). The server records each id once, so a repeat after a lost answer is no
   * second entry; the cursor moves only after an answer. Only the actor's own entries go (agency, person and
   * role as now signed in, DP-40); others stay in the device's log. An entry the server refuses for good
   * (`ACCESS_LOG_UPLOAD_*`, named by its index) is left out and the rest sent again; a server without the
   * route (`SYNC_NOT_FOUND`) keeps the log on the device and the cursor where it is.
   */
  async uploadAccessLog(): Promise<Result<{ recorded: number; refused: readonly Refusal[] }>> {
    const { transport, db, accessLog } = this.#o;
    const refused: Refusal[] = [];
    let recorded = 0;
    const done = () => ({ ok: true as const, value: { recorded, refused } });
    if (transport.uploadAccessLog === undefined || accessLog === undefined) return done();
    const actor = this.#o.actor.current();
    const stream = accessLogStreamId(actor.agencyId);
    for (;;) {
      const cursor = ((await db.meta.get(ACCESS_LOG_CURSOR_KEY)) as { seq?: number } | undefined)?.seq ?? 0;
      const events = (await accessLog.readJournal(stream, { afterSeq: cursor })).slice(
        0,
        DEVICE_ACCESS_LOG_MAX_ENTRIES,
      );
      if (events.length === 0) break;
      let entries = events.flatMap((event): AccessLogEntry[] => {
        const entry = event.payload as AccessLogEntry | null;
        if (!(event.type in ACCESS_LOG_EVENTS) || entry === null || typeof entry !== 'object') return [];
        if (entry.actorId !== actor.id || entry.agencyId !== actor.agencyId || entry.role !== actor.role) return [];
        return [{ ...entry, entryId: entry.entryId ?? event.id }];
      });
      while (entries.length > 0) {
        const answer = await transport.uploadAccessLog(entries);
        if (answer.ok) {
          recorded += answer.value.recorded;
          break;
        }
        const first = answer.errors[0];
        if (first?.code === 'SYNC_NOT_FOUND' || first?.code === 'SYNC_METHOD_NOT_ALLOWED') return done();
        if (first === undefined || !first.code.startsWith('ACCESS_LOG_UPLOAD_')) return answer;
        refused.push(...answer.errors);
        // The refusal names the entry (`['entries', i]`): without it, or when it names none, the request is passed over.
        const at = first.path?.[1];
        if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= entries.length) break;
        entries = entries.filter((_, index) => index !== at);
      }
      await db.meta.put({ key: ACCESS_LOG_CURSOR_KEY, seq: events.at(-1)!.seq });
    }
    return done();
  }

  /**
   * Pulls the feed after the kept cursor, page by page; each page's changes are written before the
   * cursor moves past it, so a cut network resumes at the first page not fully written: nothing is skipped.
   */
  async pull(): Promise<Result<{ changes: number; revoked: number }>> {
    let changes = 0;
    let revoked = 0;
    const limit = Math.min(this.#o.pageLimit ?? MAX_FEED_LIMIT, MAX_FEED_LIMIT);
    for (;;) {
      const after = await this.#cursor();
      const page = await this.#o.transport.feed(after, limit);
      if (!page.ok) return page;
      for (const change of page.value.changes) {
        const applied = await this.applyChange(change);
        if (!applied.ok) return applied;
        if (change.kind === 'revoked') revoked += 1;
        changes += 1;
      }
      if (page.value.position < after)
        return { ok: false, errors: [syncRefusal('SYNC_ANSWER_MALFORMED', 'feed position went back')] };
      await this.#o.db.meta.put({ key: CURSOR_KEY, position: page.value.position });
      this.status.update({ progress: page.value.progress });
      if (!page.value.more) break;
    }
    return { ok: true, value: { changes, revoked } };
  }

  /** Applies one change from the feed or a bootstrap to the local store. */
  async applyChange(change: FeedChange): Promise<Result<void>> {
    const { store, db, service } = this.#o;
    if (change.kind === 'revoked') {
      // DP-44: only a notice the server signed for this person and case, and not older than the case held here.
      const refused = await this.#checkRevoked(change);
      if (refused !== undefined)
        return {
          ok: false,
          errors: [syncRefusal('SYNC_JOURNAL_REFUSED', `${change.caseId}: ${refused.code}`), refused],
        };
      // Access ended: the case, its key (crypto-shredding), its queued commands and conflicts go (DP-36).
      await store.deleteStream(change.caseId);
      await db.heads.delete(change.caseId);
      await this.#o.outbox.removeCase(change.caseId);
      await this.#o.uploads?.removeCase(change.caseId);
      await this.#o.conflicts.removeCase(change.caseId);
      await this.#o.cuts?.remove(change.caseId);
      service.renew();
      await this.#o.onRevoked?.(change.caseId);
      return { ok: true, value: undefined };
    }
    let current = change;
    let accepted = await this.#acceptCut(current);
    if (!accepted.ok) return accepted;
    let applied = await applyJournalChange(store, db, current, this.#check);
    if (applied.ok && applied.value.kind === 'needs-bootstrap') {
      const whole = await this.#o.transport.bootstrap(change.caseId);
      if (!whole.ok) return whole;
      if (whole.value.kind === 'revoked') return this.applyChange(whole.value);
      current = whole.value;
      accepted = await this.#acceptCut(current);
      if (!accepted.ok) return accepted;
      applied = await applyJournalChange(store, db, current, this.#check);
      if (applied.ok && applied.value.kind === 'needs-bootstrap')
        return { ok: false, errors: [syncRefusal('SYNC_ANSWER_MALFORMED', `bootstrap ${change.caseId}`)] };
    }
    if (!applied.ok) return applied;
    // A case that arrives whole is folded and decided on the device again: its held view goes.
    if (current.scope === 'full') await this.#o.cuts?.remove(change.caseId);
    if (applied.value.kind === 'replaced') {
      service.renew();
      await this.#redecidePending(change.caseId);
    }
    return { ok: true, value: undefined };
  }

  /**
   * A `revoked` notice is followed only when the server signed it for this actor, this case and the journal's
   * length then (`revokedStatement`, DP-44), and the device holds no more of the case than that (an older
   * notice replayed after access came back would delete it: `SYNC_STATEMENT_STALE`). Without `keys` (tests of
   * other parts) nothing is checked.
   */
  async #checkRevoked(change: Extract<FeedChange, { kind: 'revoked' }>): Promise<Refusal | undefined> {
    const keys = this.#o.keys;
    if (keys === undefined) return undefined;
    if (change.seq === undefined || change.signed === undefined)
      return statementRefusal('SYNC_STATEMENT_UNSIGNED', change.caseId);
    const refused = await keys.checkStatement(
      revokedStatement(change.caseId, change.seq, this.#o.actor.current()),
      change.signed,
    );
    if (refused !== undefined) return refused;
    const held = (await this.#o.db.heads.get(change.caseId)) as { seq?: number } | undefined;
    if ((held?.seq ?? 0) > change.seq) return statementRefusal('SYNC_STATEMENT_STALE', change.caseId);
    return undefined;
  }

  /**
   * A conflict's `theirs` is kept and shown only when the server signed this conflict for this actor and
   * command (`conflictStatement`, DP-44); otherwise the command stays queued and the round fails with the refusal.
   */
  async #checkConflict(entry: QueuedCommand, conflict: unknown): Promise<Refusal | undefined> {
    const keys = this.#o.keys;
    if (keys === undefined) return undefined;
    const signed = (conflict as { signed?: unknown } | undefined)?.signed;
    if (signed === undefined) return statementRefusal('SYNC_STATEMENT_UNSIGNED', entry.caseId);
    return keys.checkStatement(
      conflictStatement(entry.caseId, entry.commandId, this.#o.actor.current(), conflict),
      signed,
    );
  }

  /**
   * A cut (from seq 1) is accepted by the core's `acceptCut` before anything of it is stored: the chain
   * verifies, the head is the one the server signed (its Ed25519 key, `keys`: DP-44), the scope matches and
   * the decided view belongs to the cut's case, head and actor; then the view is kept (sealed) and the
   * journal stored. A tail (not from 1) is left to `applyJournalChange`, which asks for the whole case,
   * accepted then.
   */
  async #acceptCut(change: Extract<FeedChange, { kind: 'journal' }>): Promise<Result<void>> {
    if (change.scope !== 'cut' || change.events[0]?.seq !== 1 || this.#o.cuts === undefined)
      return { ok: true, value: undefined };
    let accepted = await acceptCut(change, { actor: this.#o.actor.current() });
    const unsigned = accepted.ok
      ? await this.#o.keys?.check(change.caseId, change.events, change.signedHead)
      : undefined;
    if (unsigned !== undefined) accepted = { ok: false, errors: [unsigned] };
    if (!accepted.ok)
      return {
        ok: false,
        errors: [
          syncRefusal('SYNC_JOURNAL_REFUSED', `${change.caseId}: ${accepted.errors[0]!.code}`),
          ...accepted.errors,
        ],
      };
    await this.#o.cuts.put(accepted.value.view!);
    return { ok: true, value: undefined };
  }

  /** Decides the case's queued commands again on top of the server's journal, so the device shows them. */
  async #redecidePending(caseId: string): Promise<void> {
    for (const entry of await this.#o.outbox.forCase(caseId)) {
      // A refusal here changes nothing: the command stays queued and the server's answer decides.
      await this.#o.service.executeLocally({
        caseId,
        commandId: entry.commandId,
        commands: entry.batch.commands as never,
      });
    }
  }

  /** The conflicts waiting for a person. */
  listConflicts(options: { all?: boolean } = {}): Promise<SyncConflict[]> {
    return this.#o.conflicts.list(options);
  }

  /**
   * Re-applies the own side of a conflict on top of the other change: the command is decided again on
   * the device's current journal (which holds theirs) under a new `commandId`, queued and pushed.
   * The conflict is recorded as re-applied; a local refusal leaves it open and is returned.
   */
  async reapply(conflictId: string): Promise<Result<{ commandId: string }>> {
    const conflict = await this.#o.conflicts.get(conflictId);
    if (conflict === undefined || conflict.status !== 'open')
      return { ok: false, errors: [syncRefusal('SYNC_CONFLICT_UNKNOWN', conflictId)] };
    const commandId = this.#o.service.newCommandId();
    const decided = await this.#o.service.executeBatch({
      caseId: conflict.caseId,
      commandId,
      commands: conflict.mine.commands as never,
    });
    if (!decided.ok) return decided;
    await this.#o.conflicts.resolve(conflictId, {
      status: 'reapplied',
      at: this.#o.now(),
      by: this.#o.actor.current().id,
      reappliedAs: commandId,
    });
    await this.refreshStatus();
    void this.syncNow();
    return { ok: true, value: { commandId } };
  }

  /** Discards the own side of a conflict; the reason is required and recorded with the conflict. */
  async discard(conflictId: string, reason: string): Promise<Result<void>> {
    const trimmed = reason.trim();
    if (trimmed.length === 0 || trimmed.length > 2000)
      return { ok: false, errors: [syncRefusal('SYNC_REASON_MISSING')] };
    const conflict = await this.#o.conflicts.get(conflictId);
    if (conflict === undefined || conflict.status !== 'open')
      return { ok: false, errors: [syncRefusal('SYNC_CONFLICT_UNKNOWN', conflictId)] };
    await this.#o.conflicts.resolve(conflictId, {
      status: 'discarded',
      at: this.#o.now(),
      by: this.#o.actor.current().id,
      reason: trimmed,
    });
    await this.refreshStatus();
    return { ok: true, value: undefined };
  }
}
