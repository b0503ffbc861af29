import {
  FixedClock,
  MemoryCaseStore,
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  randomIds,
  type AccessLogEntry,
  type CaseDocuments,
  type Actor,
  type CaseService,
  type CommandBatch,
  type JournalEvent,
  type Result,
} from '@fallkit/core';
import { recordDeviceAccessLog } from '@fallkit/core/internal';
import { runExampleCases } from '@fallkit/core/examples';
import {
  chainedHeadOf,
  conflictStatement,
  createHeadSigner,
  createStatementSigner,
  cutJournalFor,
  revokedStatement,
  type HeadKeySet,
} from '@fallkit/core/sync';
import type { FeedChange, FeedPage, PushRequest, PushResponse, PushResult, SyncTransport } from '../src/index.js';
import { syncRefusal } from '../src/index.js';

/**
 * A stand-in for the sync server in the browser tests: the core's own service on a memory store
 * decides every pushed command (as the real server does, with the actor it was built for), a gapless
 * feed of positions, and knobs to drop answers and cut the network. Conflicts are classified by a
 * list of command types the test names (the real classification is the core's `SYNC_MERGE`).
 */
export class FakeSyncServer {
  readonly store = new MemoryCaseStore();
  readonly clock = new FixedClock('2026-03-02T09:00:00.000Z');
  readonly #services = new Map<string, CaseService>();
  /** The feed: one entry per append or revocation, positions 1, 2, 3 … */
  readonly feedEntries: { position: number; caseId: string; revoked?: true }[] = [];
  /** Outcomes by command id (a repeat is answered `replayed`, exactly once applied). */
  readonly outcomes = new Map<string, PushResult>();
  /** How many times each command id was applied (must stay 1). */
  readonly appliedCount = new Map<string, number>();
  /** Cases the actor may no longer see: pushes to them are refused, the feed says `revoked`. */
  readonly revoked = new Set<string>();
  /** Command types that come back as conflict when another writer appended since their base. */
  conflictTypes = new Set<string>();
  /**
   * The actor the feed cuts for, as the real server does (the core's `cutJournalFor`, decided at the
   * journal's last event): a `cut` change carries the decided view. Unset: every journal goes out `full`.
   */
  cutFor: Actor | undefined;
  /** Changes a cut before it goes out (a tampering server in the tests). */
  tamper: ((change: FeedChange) => FeedChange) | undefined;
  /** Changes a signed `revoked` notice or a signed push result before it goes out (a tampering server or network). */
  tamperStatement: (<T>(value: T) => T) | undefined;
  /** The head-signing key, as the real server's (DP-44): every journal sent is signed; `jwks` is its `GET /keys`. */
  #signing = FakeSyncServer.#makeKey('fake-1', []);

  static async #makeKey(kid: string, previous: HeadKeySet['keys']) {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const jwks: HeadKeySet = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid, alg: 'EdDSA' }, ...previous] };
    return {
      signer: createHeadSigner({ kid, privateKey: pair.privateKey }),
      statements: createStatementSigner({ kid, privateKey: pair.privateKey }),
      jwks,
    };
  }

  /** Rotates the signing key: signs with a new one from now on, and publishes the old public keys too unless `dropOld`. */
  async rotateKey(kid: string, dropOld = false): Promise<void> {
    const previous = dropOld ? [] : (await this.#signing).jwks.keys;
    this.#signing = FakeSyncServer.#makeKey(kid, previous);
    await this.#signing;
  }

  /** The server's public head keys. */
  async jwks(): Promise<HeadKeySet> {
    return (await this.#signing).jwks;
  }

  async #signed(caseId: string, events: readonly { seq: number; hash: string }[]) {
    return (await this.#signing).signer.sign(chainedHeadOf(caseId, events));
  }

  /** The core's example cases on the server (the Rahimi case handed over from KIM to the Jobcenter), in the feed. */
  async seedExamples(): Promise<void> {
    const { results } = await runExampleCases({ store: this.store });
    for (const r of results) this.#record(r.caseId);
  }

  service(actor: Actor): CaseService {
    let service = this.#services.get(actor.id);
    if (!service) {
      service = createCaseService({
        store: this.store,
        clock: this.clock,
        ids: randomIds,
        itemIdsFromCommand: true,
        actor,
      });
      this.#services.set(actor.id, service);
    }
    return service;
  }

  /** Another writer's command, straight on the server. */
  async executeAs(actor: Actor, batch: CommandBatch): Promise<Result<unknown>> {
    const result = await this.service(actor).executeBatch(batch);
    if (result.ok && result.value.events.length > 0) this.#record(result.value.caseId);
    return result;
  }

  /** The core's documents for an actor over the server's store, as the real server's content routes use them. */
  documents(actor: Actor): CaseDocuments {
    const service = this.service(actor);
    const views = createCaseViews({ service, store: this.store, clock: this.clock, ids: randomIds });
    return createCaseDocuments({ service, views, store: this.store });
  }

  /** How many times content was written to the server's store (must stay 1 per content). */
  contentWrites = 0;

  /** `PUT …/documents/content/:sha256`: the core's `storeContent` for the actor. */
  async putContent(actor: Actor, caseId: string, contentHash: string, bytes: Uint8Array) {
    const stored = await this.documents(actor).storeContent(caseId, contentHash, bytes);
    if (stored.ok && stored.value.stored) this.contentWrites += 1;
    return stored;
  }

  /** `GET …/documents/:documentId/content`: the core's `open` for the actor. */
  async documentContent(actor: Actor, caseId: string, documentId: string) {
    return this.documents(actor).open(caseId, documentId);
  }

  /** Access-log uploads the server answered (each a call of the core's `recordDeviceAccessLog`). */
  accessLogUploads = 0;

  /** `POST /access-log`: the core's `recordDeviceAccessLog` for the actor (the token's) on the server's store. */
  async accessLog(actor: Actor, entries: unknown) {
    this.accessLogUploads += 1;
    return recordDeviceAccessLog({ store: this.store, clock: this.clock, ids: randomIds }, actor, entries);
  }

  /** Ends an actor's access to a case: the next feed says `revoked`. */
  revoke(caseId: string): void {
    this.revoked.add(caseId);
    this.feedEntries.push({ position: this.feedEntries.length + 1, caseId, revoked: true });
  }

  get position(): number {
    return this.feedEntries.length;
  }

  #record(caseId: string): void {
    this.feedEntries.push({ position: this.feedEntries.length + 1, caseId });
  }

  async push(actor: Actor, request: PushRequest): Promise<PushResponse> {
    const results: PushResult[] = [];
    for (const { commandId, command, baseSeq } of request.commands) {
      const stored = this.outcomes.get(commandId);
      if (stored) {
        results.push({ ...stored, status: 'replayed' });
        continue;
      }
      const { caseId, commands, ...single } = command as { caseId: string; commands?: unknown[] };
      const batchCommands = (commands ?? [single]) as CommandBatch['commands'];
      const journal = await this.store.readJournal(caseId);
      const since = journal.filter((event) => event.seq > baseSeq && event.commandId !== commandId);
      const types = batchCommands.map((c) => (c as { type: string }).type);
      let result: PushResult;
      if (this.revoked.has(caseId)) {
        result = {
          commandId,
          status: 'refused',
          errors: [
            {
              code: 'DENY_NOT_ASSIGNED',
              rule: 'DP-01',
              message: { de: 'Kein Zugriff mehr.', en: 'No access any more.' },
            },
          ],
        };
      } else if (since.length > 0 && types.some((type) => this.conflictTypes.has(type))) {
        // As the real server: the conflict as it crosses the wire, signed for the actor and command (DP-44).
        const conflict = JSON.parse(
          JSON.stringify({
            mine: command,
            theirs: since as JournalEvent[],
            targets: ['fake'],
            baseSeq,
            headSeq: journal.at(-1)?.seq ?? 0,
          }),
        ) as NonNullable<PushResult['conflict']>;
        const signed = await (
          await this.#signing
        ).statements.sign(conflictStatement(caseId, commandId, actor, conflict));
        result = { commandId, status: 'conflict', conflict: { ...conflict, signed } };
        if (this.tamperStatement) result = this.tamperStatement(result);
      } else {
        const decided = await this.service(actor).executeBatch({ caseId, commandId, commands: batchCommands });
        if (decided.ok) {
          if (decided.value.events.length > 0) this.#record(caseId);
          this.appliedCount.set(commandId, (this.appliedCount.get(commandId) ?? 0) + 1);
          result = { commandId, status: 'applied', seq: decided.value.events.at(-1)?.seq ?? 0 };
        } else
          result = {
            commandId,
            status: 'refused',
            errors: decided.errors.map((e) => ({ code: e.code, rule: e.rule ?? 'SERVICE', message: e.message })),
          };
      }
      this.outcomes.set(commandId, result);
      results.push(result);
    }
    return { results, position: this.position };
  }

  /** A `revoked` notice as the real server sends it: signed for the actor, the case and the journal's length. */
  async #revoked(caseId: string, actor: Actor | undefined): Promise<FeedChange> {
    const seq = (await this.store.readJournal(caseId)).at(-1)?.seq ?? 0;
    const who = actor ?? this.cutFor;
    const notice: FeedChange =
      who === undefined
        ? { caseId, kind: 'revoked' }
        : {
            caseId,
            kind: 'revoked',
            seq,
            signed: await (await this.#signing).statements.sign(revokedStatement(caseId, seq, who)),
          };
    return this.tamperStatement ? this.tamperStatement(notice) : notice;
  }

  async change(caseId: string, revoked: boolean, actor?: Actor): Promise<FeedChange> {
    if (revoked || this.revoked.has(caseId)) return this.#revoked(caseId, actor);
    const events = await this.store.readJournal(caseId);
    if (this.cutFor === undefined) {
      const full: FeedChange = {
        caseId,
        kind: 'journal',
        scope: 'full',
        events,
        signedHead: await this.#signed(caseId, events),
      };
      return this.tamper === undefined ? full : this.tamper(full);
    }
    const cut = cutJournalFor(this.cutFor, events, { now: events.at(-1)!.at });
    if (cut.scope === 'revoked') return this.#revoked(caseId, actor);
    const change: FeedChange = {
      caseId,
      kind: 'journal',
      scope: cut.scope,
      events: cut.events as never,
      signedHead: await this.#signed(caseId, cut.events),
      ...(cut.view === undefined ? {} : { view: cut.view as never }),
    };
    return this.tamper === undefined ? change : this.tamper(change);
  }

  async feed(after: number, limit: number, actor?: Actor): Promise<FeedPage> {
    const entries = this.feedEntries.filter((entry) => entry.position > after).slice(0, limit);
    const changes: FeedChange[] = [];
    for (const entry of entries) changes.push(await this.change(entry.caseId, entry.revoked === true, actor));
    const position = entries.at(-1)?.position ?? after;
    return {
      changes,
      position,
      more: position < this.position,
      progress: { done: position, total: this.position },
    };
  }
}

/** Faults a {@link FakeTransport} injects. */
export interface Faults {
  /** The next n pushes are carried out by the server, but their answers are lost (a cut connection). */
  dropPushAnswers: number;
  /** The next n pushes never reach the server. */
  failPushes: number;
  /** The feed call with this 1-based number fails (the network is cut before its answer). */
  cutFeedCall: number;
  /** Everything fails while true (the device is offline). */
  offline: boolean;
  /** The next n content uploads are stored by the server, but their answers are lost. */
  dropContentAnswers: number;
  /** Changes downloaded bytes on the way (a tampering server or network). */
  tamperContent: ((bytes: Uint8Array) => Uint8Array) | undefined;
  /** The next n access-log uploads are recorded by the server, but their answers are lost. */
  dropAccessLogAnswers: number;
  /** The server has no access-log route (an older server): `SYNC_NOT_FOUND`. */
  noAccessLogRoute: boolean;
}

/** The transport port over the fake server, for one actor, with faults. */
export class FakeTransport implements SyncTransport {
  readonly server: FakeSyncServer;
  readonly actor: Actor;
  readonly faults: Faults = {
    dropPushAnswers: 0,
    failPushes: 0,
    cutFeedCall: 0,
    offline: false,
    dropContentAnswers: 0,
    tamperContent: undefined,
    dropAccessLogAnswers: 0,
    noAccessLogRoute: false,
  };
  /** The entries of each access-log upload, as they crossed the wire. */
  readonly accessLogBodies: unknown[][] = [];
  pushCalls = 0;
  putContentCalls = 0;
  documentContentCalls = 0;
  feedCalls = 0;

  constructor(server: FakeSyncServer, actor: Actor) {
    this.server = server;
    this.actor = actor;
  }

  async push(request: PushRequest): Promise<Result<PushResponse>> {
    this.pushCalls += 1;
    // What crosses the wire is JSON: the fake sees exactly what the real server would.
    const wire = JSON.parse(JSON.stringify(request)) as PushRequest;
    if (this.faults.offline) return offline();
    if (this.faults.failPushes > 0) {
      this.faults.failPushes -= 1;
      return offline();
    }
    const answer = await this.server.push(this.actor, wire);
    if (this.faults.dropPushAnswers > 0) {
      this.faults.dropPushAnswers -= 1;
      return offline();
    }
    return { ok: true, value: JSON.parse(JSON.stringify(answer)) as PushResponse };
  }

  async feed(after: number, limit: number): Promise<Result<FeedPage>> {
    this.feedCalls += 1;
    if (this.faults.offline || this.feedCalls === this.faults.cutFeedCall) return offline();
    return {
      ok: true,
      value: JSON.parse(JSON.stringify(await this.server.feed(after, limit, this.actor))) as FeedPage,
    };
  }

  async me(): Promise<Result<{ actor: Actor; tenantId: string }>> {
    if (this.faults.offline) return offline();
    return { ok: true, value: { actor: this.actor, tenantId: 'musterstadt' } };
  }

  async keys(): Promise<Result<HeadKeySet>> {
    if (this.faults.offline) return offline();
    return { ok: true, value: await this.server.jwks() };
  }

  async putContent(caseId: string, contentHash: string, bytes: Uint8Array): Promise<Result<{ stored: boolean }>> {
    this.putContentCalls += 1;
    if (this.faults.offline) return offline();
    const stored = await this.server.putContent(this.actor, caseId, contentHash, Uint8Array.from(bytes));
    if (this.faults.dropContentAnswers > 0) {
      this.faults.dropContentAnswers -= 1;
      return offline();
    }
    return stored.ok ? { ok: true, value: { stored: stored.value.stored } } : stored;
  }

  async documentContent(caseId: string, documentId: string): Promise<Result<Uint8Array>> {
    this.documentContentCalls += 1;
    if (this.faults.offline) return offline();
    const opened = await this.server.documentContent(this.actor, caseId, documentId);
    if (!opened.ok) return opened;
    const bytes = Uint8Array.from(opened.value.bytes);
    return { ok: true, value: this.faults.tamperContent ? this.faults.tamperContent(bytes) : bytes };
  }

  async uploadAccessLog(
    entries: readonly AccessLogEntry[],
  ): Promise<Result<{ readonly recorded: number; readonly replayed: number }>> {
    if (this.faults.offline) return offline();
    if (this.faults.noAccessLogRoute)
      return {
        ok: false,
        errors: [{ code: 'SYNC_NOT_FOUND', rule: 'SYNC', message: { de: 'Nicht gefunden.', en: 'Not found.' } }],
      };
    const wire = JSON.parse(JSON.stringify({ entries })) as { entries: unknown[] };
    this.accessLogBodies.push(wire.entries);
    // The actor is this transport's (the token's), never one from the body.
    const recorded = await this.server.accessLog(this.actor, wire.entries);
    if (this.faults.dropAccessLogAnswers > 0) {
      this.faults.dropAccessLogAnswers -= 1;
      return offline();
    }
    return recorded.ok ? { ok: true, value: recorded.value } : recorded;
  }

  async bootstrap(caseId: string): Promise<Result<FeedChange>> {
    if (this.faults.offline) return offline();
    return {
      ok: true,
      value: JSON.parse(JSON.stringify(await this.server.change(caseId, false, this.actor))) as FeedChange,
    };
  }
}

function offline<T>(): Result<T> {
  return { ok: false, errors: [syncRefusal('SYNC_OFFLINE')] };
}
