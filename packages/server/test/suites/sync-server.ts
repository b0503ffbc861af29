/*
 * The sync server's behaviour on one engine (PGlite or PostgreSQL): authentication, the actor from the token
 * and the directory only, RLS through every endpoint, exactly-once pushes, merge and conflict, the sync scope
 * (full, cut, revoked), the feed, bootstrap, live positions.
 */
import { expect } from 'chai';
import { generateKeyPair, SignJWT } from 'jose';
import { createCaseService, MemoryCaseStore, randomIds, systemClock, type JournalEvent } from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';
import { createServerHeadKeys, generateHeadSigningKey } from '@fallkit/server';
import {
  acceptCut,
  conflictStatement,
  createHeadVerifier,
  createStatementVerifier,
  revokedStatement,
  feedResponseSchema,
  SYNC_PURPOSE,
  pushResponseSchema,
  syncErrorBodySchema,
  verifyCutJournal,
  type FeedResponse,
  type JournalChange,
  type PushResponse,
  type SyncChange,
} from '@fallkit/core/sync';
import { AUDIENCE, ISSUER, json, makeWorld, request, USERS, type Backend, type World } from '../support/harness.js';

const GEBREMEDHIN = 'kim-2026-0019';
const RAHIMI = 'kim-2026-0001';
const GOAL = 'gebremedhin-goal-2';

let commandCounter = 0;
/** A fresh command id, as a device's outbox makes one. */
export function commandId(prefix = 'cmd'): string {
  commandCounter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${commandCounter}`;
}

export function note(caseId: string, text: string) {
  return { type: 'recordNote', caseId, input: { text } };
}

async function refusalOf(response: Response): Promise<{ status: number; code: string }> {
  const { status, body } = await json(response);
  const parsed = syncErrorBodySchema.safeParse(body);
  expect(parsed.success, JSON.stringify(body)).to.equal(true);
  const first = (body as { errors: { code: string; message: { de: string; en: string } }[] }).errors[0]!;
  expect(first.message.de.length).to.be.greaterThan(0);
  expect(first.message.en.length).to.be.greaterThan(0);
  expect(JSON.stringify(body)).not.to.match(/\n\s+at /); // never a stack trace
  return { status, code: first.code };
}

export async function push(
  world: World,
  handlers: ReturnType<World['instance']>,
  user: (typeof USERS)[keyof typeof USERS],
  commands: unknown[],
): Promise<PushResponse> {
  const response = await handlers.handle(
    request('/fallkit/v1/commands', { token: await world.token(user), body: { commands } }),
  );
  const { status, body } = await json(response);
  expect(status, JSON.stringify(body)).to.equal(200);
  const parsed = pushResponseSchema.safeParse(body);
  expect(parsed.success, JSON.stringify(body)).to.equal(true);
  return body as PushResponse;
}

export async function pullAll(
  world: World,
  handlers: ReturnType<World['instance']>,
  user: (typeof USERS)[keyof typeof USERS],
  limit = 1000,
): Promise<{ pages: FeedResponse[]; changes: Map<string, SyncChange> }> {
  const token = await world.token(user);
  const pages: FeedResponse[] = [];
  const changes = new Map<string, SyncChange>();
  let after = 0;
  for (let round = 0; round < 10_000; round += 1) {
    const response = await handlers.handle(request(`/fallkit/v1/feed?after=${after}&limit=${limit}`, { token }));
    const { status, body } = await json(response);
    expect(status, JSON.stringify(body)).to.equal(200);
    expect(feedResponseSchema.safeParse(body).success, 'feed page matches the protocol').to.equal(true);
    const page = body as FeedResponse;
    expect(page.position).to.be.at.least(after);
    pages.push(page);
    for (const change of page.changes) changes.set(change.caseId, change);
    after = page.position;
    if (!page.more) break;
  }
  return { pages, changes };
}

async function headOf(world: World, caseId: string): Promise<number> {
  return (await world.store.readJournal(caseId)).at(-1)?.seq ?? 0;
}

export function describeSyncServer(name: string, open: () => Promise<Backend>): void {
  describe(`sync server on ${name}`, function () {
    this.timeout(120_000);
    let backend: Backend;
    let world: World;
    let server: ReturnType<World['instance']>;

    before(async () => {
      backend = await open();
    });
    after(async () => {
      await backend?.close();
    });
    beforeEach(async () => {
      world = await makeWorld(backend);
      server = world.instance();
    });
    afterEach(async () => {
      await world?.drop();
    });

    describe('who is asking (DP-40)', () => {
      it("DP-40: /me is the actor of the token's subject as the directory knows it", async () => {
        const { status, body } = await json(
          await server.handle(request('/fallkit/v1/me', { token: await world.token(USERS.jobcenter) })),
        );
        expect(status).to.equal(200);
        expect(body).to.deep.equal({
          actor: {
            id: USERS.jobcenter.id,
            role: 'caseManager',
            agencyId: 'jobcenter-musterstadt',
            name: USERS.jobcenter.name,
          },
          tenantId: world.tenantId,
        });
      });

      it('DP-40: no token, a forged token, an expired token, a wrong issuer and an unknown user are each refused with their code', async () => {
        expect(await refusalOf(await server.handle(request('/fallkit/v1/me')))).to.deep.equal({
          status: 401,
          code: 'SYNC_TOKEN_MISSING',
        });
        // Forged: a well-formed token signed with a key that is not the issuer's, same kid.
        const { privateKey } = await generateKeyPair('ES256');
        const forged = await new SignJWT({ sub: USERS.kim.id, fallkit_tenant: world.tenantId })
          .setProtectedHeader({ alg: 'ES256', kid: 'test-key-1' })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('5m')
          .sign(privateKey);
        expect(await refusalOf(await server.handle(request('/fallkit/v1/me', { token: forged })))).to.deep.equal({
          status: 401,
          code: 'SYNC_TOKEN_INVALID',
        });
        const [head, claims] = (await world.token(USERS.kim)).split('.');
        const tampered = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims!, 'base64url').toString()), sub: USERS.jobcenter.id })).toString('base64url')}.${(await world.token(USERS.kim)).split('.')[2]}`;
        expect((await refusalOf(await server.handle(request('/fallkit/v1/me', { token: tampered })))).code).to.equal(
          'SYNC_TOKEN_INVALID',
        );
        const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${claims}.`;
        expect((await refusalOf(await server.handle(request('/fallkit/v1/me', { token: none })))).code).to.equal(
          'SYNC_TOKEN_INVALID',
        );
        const expired = await world.issuer.sign(
          { sub: USERS.kim.id, fallkit_tenant: world.tenantId },
          { expiresIn: Math.floor(Date.now() / 1000) - 3600 },
        );
        expect(await refusalOf(await server.handle(request('/fallkit/v1/me', { token: expired })))).to.deep.equal({
          status: 401,
          code: 'SYNC_TOKEN_EXPIRED',
        });
        const otherIssuer = await world.issuer.sign(
          { sub: USERS.kim.id, fallkit_tenant: world.tenantId },
          { issuer: 'http://127.0.0.1:7198/realms/other' },
        );
        expect((await refusalOf(await server.handle(request('/fallkit/v1/me', { token: otherIssuer })))).code).to.equal(
          'SYNC_TOKEN_INVALID',
        );
        const otherAudience = await world.issuer.sign(
          { sub: USERS.kim.id, fallkit_tenant: world.tenantId },
          { audience: 'someone-else' },
        );
        expect(
          (await refusalOf(await server.handle(request('/fallkit/v1/me', { token: otherAudience })))).code,
        ).to.equal('SYNC_TOKEN_INVALID');
        expect(
          await refusalOf(await server.handle(request('/fallkit/v1/me', { token: await world.token('u-nobody') }))),
        ).to.deep.equal({ status: 403, code: 'SYNC_USER_UNKNOWN' });
        const noTenant = await world.issuer.sign({ sub: USERS.kim.id });
        expect((await refusalOf(await server.handle(request('/fallkit/v1/me', { token: noTenant })))).code).to.equal(
          'SYNC_TOKEN_INVALID',
        );
      });

      it('DP-40: a token of another tenant is refused (SYNC_TENANT_MISMATCH) on every endpoint, and writes nothing', async () => {
        const other = await makeWorld(backend, { seedExamples: false });
        try {
          const token = await world.token(USERS.kim, { tenantId: other.tenantId });
          const before = await world.store.feedHead();
          for (const req of [
            request('/fallkit/v1/me', { token }),
            request('/fallkit/v1/feed?after=0', { token }),
            request(`/fallkit/v1/cases/${GEBREMEDHIN}`, { token }),
            request('/fallkit/v1/events', { token }),
            request('/fallkit/v1/commands', {
              token,
              body: { commands: [{ commandId: commandId(), baseSeq: 0, command: note(GEBREMEDHIN, 'x') }] },
            }),
          ])
            expect(await refusalOf(await server.handle(req))).to.deep.equal({
              status: 403,
              code: 'SYNC_TENANT_MISMATCH',
            });
          expect(await world.store.feedHead()).to.equal(before);
          expect(await other.store.feedHead()).to.equal(0);
        } finally {
          await other.drop();
        }
      });

      it("DP-40: a push naming an actor anywhere at a command's top level is refused whole (SYNC_ACTOR_IN_BODY) and the journal is unchanged", async () => {
        const token = await world.token(USERS.kim);
        const head = await headOf(world, GEBREMEDHIN);
        const forgedActor = { id: USERS.jobcenter.id, role: 'caseManager', agencyId: 'jobcenter-musterstadt' };
        for (const body of [
          {
            actor: forgedActor,
            commands: [{ commandId: commandId(), baseSeq: head, command: note(GEBREMEDHIN, 'a') }],
          },
          {
            commands: [{ commandId: commandId(), baseSeq: head, actor: forgedActor, command: note(GEBREMEDHIN, 'b') }],
          },
          {
            commands: [
              { commandId: commandId(), baseSeq: head, command: { ...note(GEBREMEDHIN, 'c'), actor: forgedActor } },
            ],
          },
          {
            commands: [
              {
                commandId: commandId(),
                baseSeq: head,
                command: {
                  caseId: GEBREMEDHIN,
                  commands: [{ type: 'recordNote', input: { text: 'd' }, actor: forgedActor }],
                },
              },
            ],
          },
        ])
          expect(await refusalOf(await server.handle(request('/fallkit/v1/commands', { token, body })))).to.deep.equal({
            status: 400,
            code: 'SYNC_ACTOR_IN_BODY',
          });
        expect(await headOf(world, GEBREMEDHIN)).to.equal(head);
      });

      it('bad input never throws and never writes: malformed JSON, a body outside the protocol, too large, an unknown path or method', async () => {
        const token = await world.token(USERS.kim);
        const head = await world.store.feedHead();
        expect(
          (await refusalOf(await server.handle(request('/fallkit/v1/commands', { token, rawBody: '{"commands": [' }))))
            .code,
        ).to.equal('SYNC_BODY_INVALID');
        expect(
          (
            await refusalOf(
              await server.handle(
                request('/fallkit/v1/commands', {
                  token,
                  body: { commands: [{ commandId: 'x', baseSeq: -1, command: note(GEBREMEDHIN, 'x') }] },
                }),
              ),
            )
          ).code,
        ).to.equal('SYNC_BODY_INVALID');
        expect(
          (
            await refusalOf(
              await server.handle(request('/fallkit/v1/commands', { token, body: { commands: [], extra: 1 } })),
            )
          ).code,
        ).to.equal('SYNC_BODY_INVALID');
        expect(
          (
            await refusalOf(
              await server.handle(
                request('/fallkit/v1/commands', { token, rawBody: `{"commands":"${'x'.repeat(4 * 1024 * 1024)}"}` }),
              ),
            )
          ).code,
        ).to.equal('SYNC_TOO_LARGE');
        expect((await refusalOf(await server.handle(request('/fallkit/v1/feed?after=-3', { token })))).code).to.equal(
          'SYNC_BODY_INVALID',
        );
        expect((await refusalOf(await server.handle(request('/fallkit/v1/feed?limit=5000', { token })))).code).to.equal(
          'SYNC_BODY_INVALID',
        );
        expect((await refusalOf(await server.handle(request('/fallkit/v1/nothing', { token })))).code).to.equal(
          'SYNC_NOT_FOUND',
        );
        expect(
          (await refusalOf(await server.handle(request('/fallkit/v1/feed', { token, method: 'DELETE' })))).code,
        ).to.equal('SYNC_METHOD_NOT_ALLOWED');
        expect(await world.store.feedHead()).to.equal(head);
      });
    });

    describe('push: exactly once, merged by the core', () => {
      it("DP-40: a pushed command runs as the token's actor: the stored event names the directory's user, not anything the device said", async () => {
        const id = commandId();
        const pushed = await push(world, server, USERS.kim, [
          {
            commandId: id,
            baseSeq: await headOf(world, GEBREMEDHIN),
            command: note(GEBREMEDHIN, 'Telefonat mit Herrn G.'),
          },
        ]);
        expect(pushed.results[0]!.status).to.equal('applied');
        const stored = (await world.store.readJournal(GEBREMEDHIN)).filter((e) => e.commandId === id);
        expect(stored).to.have.length(1);
        expect(stored[0]!.actor).to.deep.equal({ id: USERS.kim.id, role: 'caseManager', agencyId: 'kim-musterstadt' });
        expect(stored[0]!.note?.actorName).to.equal(USERS.kim.name);
        expect(pushed.position).to.equal(await world.store.feedHead());
      });

      it('issue 15: a repeated push and a push whose response was lost are applied once; the repeat answers the stored outcome (replayed)', async () => {
        const id = commandId();
        const entry = {
          commandId: id,
          baseSeq: await headOf(world, GEBREMEDHIN),
          command: note(GEBREMEDHIN, 'einmal'),
        };
        const first = await push(world, server, USERS.kim, [entry]);
        // The device never saw this answer (connection lost): it sends the same entry again, twice at once.
        const [again, concurrent] = await Promise.all([
          push(world, server, USERS.kim, [entry]),
          push(world, world.instance(), USERS.kim, [entry]),
        ]);
        expect(first.results[0]!.status).to.equal('applied');
        expect(again.results[0]!.status).to.equal('replayed');
        expect(concurrent.results[0]!.status).to.equal('replayed');
        expect(again.results[0]!.outcome).to.deep.equal(first.results[0]!.outcome);
        const stored = (await world.store.readJournal(GEBREMEDHIN)).filter((e) => e.commandId === id);
        expect(stored).to.have.length(1);
        // Someone else replaying the id learns nothing and writes nothing.
        const stranger = await push(world, server, USERS.jobcenter, [entry]);
        expect(stranger.results[0]!.status).to.equal('refused');
        expect((await world.store.readJournal(GEBREMEDHIN)).filter((e) => e.commandId === id)).to.have.length(1);
      });

      it('issue 15: two writers revise the same goal from the same base: one wins, the other gets conflict with both versions, and nothing is lost or doubled', async () => {
        const head = await headOf(world, GEBREMEDHIN);
        const assigned = await push(world, server, USERS.kim, [
          {
            commandId: commandId(),
            baseSeq: head,
            command: {
              type: 'assignCaseManager',
              caseId: GEBREMEDHIN,
              input: {
                userId: USERS.kimDeputy.id,
                agencyId: 'kim-musterstadt',
                role: 'deputy',
                name: USERS.kimDeputy.name,
              },
            },
          },
        ]);
        expect(assigned.results[0]!.status, JSON.stringify(assigned.results[0])).to.equal('applied');
        const base = await headOf(world, GEBREMEDHIN);
        const revise = (title: string) => ({
          type: 'reviseGoal',
          caseId: GEBREMEDHIN,
          input: { goalId: GOAL, reason: 'Neue Lage', changes: { title } },
        });
        const theirs = await push(world, server, USERS.kimDeputy, [
          { commandId: commandId(), baseSeq: base, command: revise('Kitaplatz ab September') },
        ]);
        expect(theirs.results[0]!.status, JSON.stringify(theirs.results[0])).to.equal('applied');
        const mineEntry = { commandId: commandId(), baseSeq: base, command: revise('Kitaplatz ab Oktober') };
        const mine = await push(world, server, USERS.kim, [mineEntry]);
        const result = mine.results[0]!;
        expect(result.status).to.equal('conflict');
        expect(result.conflict!.mine).to.deep.equal(mineEntry.command);
        expect(result.conflict!.targets).to.deep.equal([`goals/${GOAL}`]);
        const other = result.conflict!.theirs as JournalEvent[];
        expect(other.map((e) => e.type)).to.deep.equal(['GoalRevised']);
        expect(JSON.stringify(other[0]!.payload)).to.contain('Kitaplatz ab September');
        // DP-44: the conflict is signed for KIM and this command: a changed theirs no longer verifies.
        const statements = await createStatementVerifier(
          (await json(await server.handle(request('/fallkit/v1/keys')))).body,
        );
        const signed = (result.conflict as { signed?: unknown }).signed;
        const statement = (conflict: unknown) =>
          conflictStatement(GEBREMEDHIN, mineEntry.commandId, USERS.kim, conflict);
        expect(await statements.verify(statement(result.conflict), signed)).to.equal('valid');
        const changed = JSON.parse(JSON.stringify(result.conflict).replace('Kitaplatz ab September', 'Gefälscht'));
        expect(await statements.verify(statement(changed), signed)).to.equal('invalid');
        expect(
          await statements.verify(
            conflictStatement(GEBREMEDHIN, mineEntry.commandId, USERS.kimDeputy, result.conflict),
            signed,
          ),
        ).to.equal('invalid');
        const revisions = (await world.store.readJournal(GEBREMEDHIN)).filter(
          (e) => e.seq > base && e.type === 'GoalRevised',
        );
        expect(revisions).to.have.length(1);
        expect(JSON.stringify(revisions[0]!.payload)).to.contain('Kitaplatz ab September');
      });

      it("issue 15: commands queued offline on one case each carry the position they were decided on (baseSeq and `after`, the device's own commands before them): the second is decided on top of the first, never a false conflict; the same person's other device and another writer still conflict", async () => {
        const revise = (title: string) => ({
          type: 'reviseGoal',
          caseId: GEBREMEDHIN,
          input: { goalId: GOAL, reason: 'Neue Lage', changes: { title } },
        });
        const base = await headOf(world, GEBREMEDHIN);
        const first = {
          commandId: commandId('dev-a'),
          baseSeq: base,
          after: [],
          command: revise('Kitaplatz ab August'),
        };
        const second = {
          commandId: commandId('dev-a'),
          baseSeq: base,
          after: [first.commandId],
          command: revise('Kitaplatz ab September'),
        };
        const both = await push(world, server, USERS.kim, [first, second]);
        expect(
          both.results.map((r) => r.status),
          JSON.stringify(both.results),
        ).to.deep.equal(['applied', 'applied']);
        // The same person on another device, decided on the old base without knowing the two: a conflict, not a
        // silent overwrite of their own other device's change.
        const otherDevice = {
          commandId: commandId('dev-b'),
          baseSeq: base,
          after: [],
          command: revise('Kitaplatz ab Mai'),
        };
        const stale = await push(world, server, USERS.kim, [otherDevice]);
        expect(stale.results[0]!.status, JSON.stringify(stale.results[0])).to.equal('conflict');
        expect((stale.results[0]!.conflict!.theirs as JournalEvent[]).map((e) => e.type)).to.deep.equal([
          'GoalRevised',
          'GoalRevised',
        ]);
        const revisions = (await world.store.readJournal(GEBREMEDHIN)).filter(
          (e) => e.seq > base && e.type === 'GoalRevised',
        );
        expect(revisions.map((e) => e.commandId)).to.deep.equal([first.commandId, second.commandId]);

        // Another writer in between: the device's note (adds) is re-decided on top, and its goal revision decided
        // on top of the note is a conflict with the other writer's revision only (theirs holds no own event).
        const assigned = await push(world, server, USERS.kim, [
          {
            commandId: commandId(),
            baseSeq: await headOf(world, GEBREMEDHIN),
            command: {
              type: 'assignCaseManager',
              caseId: GEBREMEDHIN,
              input: {
                userId: USERS.kimDeputy.id,
                agencyId: 'kim-musterstadt',
                role: 'deputy',
                name: USERS.kimDeputy.name,
              },
            },
          },
        ]);
        expect(assigned.results[0]!.status).to.equal('applied');
        const base2 = await headOf(world, GEBREMEDHIN);
        const deputy = await push(world, server, USERS.kimDeputy, [
          { commandId: commandId(), baseSeq: base2, command: revise('Kitaplatz ab Juli') },
        ]);
        expect(deputy.results[0]!.status).to.equal('applied');
        const noteEntry = {
          commandId: commandId('dev-a'),
          baseSeq: base2,
          after: [],
          command: note(GEBREMEDHIN, 'offline'),
        };
        const reviseEntry = {
          commandId: commandId('dev-a'),
          baseSeq: base2,
          after: [noteEntry.commandId],
          command: revise('Kitaplatz ab Juni'),
        };
        const offline = await push(world, server, USERS.kim, [noteEntry, reviseEntry]);
        expect(offline.results.map((r) => r.status)).to.deep.equal(['applied', 'conflict']);
        const theirs = offline.results[1]!.conflict!.theirs as JournalEvent[];
        expect(theirs.map((e) => e.type)).to.deep.equal(['GoalRevised']);
        expect(theirs[0]!.actor.id).to.equal(USERS.kimDeputy.id);
      });

      it('issue 15, DP-40: a case opened offline, a household member added and then changed, queued as three commands: the server names the member as the device did, so all three are applied (no UNKNOWN_PERSON)', async () => {
        // The device: its own store, deciding with ids derived from each command id, as a synced device does.
        const device = createCaseService({
          store: new MemoryCaseStore(),
          clock: systemClock,
          ids: randomIds,
          itemIdsFromCommand: true,
          actor: USERS.kim,
        });
        const caseId = `kim-offline-${Date.now().toString(36)}`;
        const open = {
          type: 'openCase',
          input: {
            caseId,
            addressee: { roles: ['addressee'], givenName: 'Leyla', familyName: 'Aksoy' },
            leadAgency: {
              agencyId: 'kim-musterstadt',
              name: 'Kommunales Integrationsmanagement',
              legalDomain: 'SGB_II',
            },
          },
        };
        const add = {
          type: 'addPerson',
          caseId,
          input: { roles: ['householdMember'], givenName: 'Emir', familyName: 'Aksoy' },
        };
        const ids = [commandId('offline'), commandId('offline'), commandId('offline')];
        const opened = await device.executeBatch({ commandId: ids[0]!, caseId, commands: [open as never] });
        const added = await device.executeBatch({ commandId: ids[1]!, caseId, commands: [add as never] });
        expect(opened.ok && added.ok, JSON.stringify([opened, added])).to.equal(true);
        const memberId = added.ok ? added.value.state.persons.find((p) => p.givenName === 'Emir')!.id : '';
        const change = {
          type: 'updatePerson',
          caseId,
          input: { personId: memberId, changes: { givenName: 'Emir Can' } },
        };
        const changed = await device.executeBatch({ commandId: ids[2]!, caseId, commands: [change as never] });
        expect(changed.ok, JSON.stringify(changed)).to.equal(true);

        // Back online: the three go in one push, each decided on the server's head the device knew (none) and
        // its own earlier commands.
        const pushed = await push(world, server, USERS.kim, [
          { commandId: ids[0], baseSeq: 0, after: [], command: { caseId, commands: [open] } },
          { commandId: ids[1], baseSeq: 0, after: [ids[0]], command: add },
          { commandId: ids[2], baseSeq: 0, after: [ids[0], ids[1]], command: change },
        ]);
        expect(
          pushed.results.map((r) => r.status),
          JSON.stringify(pushed.results),
        ).to.deep.equal(['applied', 'applied', 'applied']);
        const journal = await world.store.readJournal(caseId);
        const member = journal.find((e) => e.type === 'PersonAdded')?.payload as { person: { id: string } } | undefined;
        expect(memberId).to.match(/^person-[0-9a-f]{24}-1$/);
        expect(member?.person.id).to.equal(memberId);
        expect(journal.filter((e) => e.type === 'PersonUpdated')).to.have.length(1);
      });

      it("issue 15: a rebase-class command on a stale base is re-decided on the current state and applied; one the current state refuses is refused with the core's code", async () => {
        const base = await headOf(world, GEBREMEDHIN);
        await push(world, server, USERS.kim, [
          { commandId: commandId(), baseSeq: base, command: note(GEBREMEDHIN, 'erste') },
        ]);
        const stale = await push(world, server, USERS.kim, [
          {
            commandId: commandId(),
            baseSeq: base - 3,
            command: { type: 'recordContact', caseId: GEBREMEDHIN, input: { mode: 'phone', note: 'Rückruf' } },
          },
        ]);
        expect(stale.results[0]!.status, JSON.stringify(stale.results[0])).to.equal('applied');
        expect(stale.results[0]!.seq).to.equal(base + 2);
        const invalid = await push(world, server, USERS.kim, [
          {
            commandId: commandId(),
            baseSeq: base - 3,
            command: { type: 'completeFollowUp', caseId: GEBREMEDHIN, input: { followUpId: 'no-such-follow-up' } },
          },
        ]);
        expect(invalid.results[0]!.status).to.equal('refused');
        expect(invalid.results[0]!.errors![0]!.code).to.match(/^[A-Z_]+$/);
        expect(await headOf(world, GEBREMEDHIN)).to.equal(base + 2);
      });

      it('DP-23, DP-40: a push by an actor who may not act on the case is refused by the core, and writes nothing', async () => {
        const head = await headOf(world, GEBREMEDHIN);
        const pushed = await push(world, server, USERS.sozialamt, [
          { commandId: commandId(), baseSeq: head, command: note(GEBREMEDHIN, 'fremd') },
        ]);
        expect(pushed.results[0]!.status).to.equal('refused');
        expect(pushed.results[0]!.errors![0]!.code).to.match(/^DENY_/);
        expect(await headOf(world, GEBREMEDHIN)).to.equal(head);
      });
    });

    describe('pull: what a device receives is what its actor may see', () => {
      it("DP-01, DP-24, DP-44: the Jobcenter case manager's pull of the Rahimi case carries no health payload, and the cut verifies against the server's seal", async () => {
        const { changes } = await pullAll(world, server, USERS.jobcenter);
        const rahimi = changes.get(RAHIMI) as JournalChange;
        expect(rahimi.kind).to.equal('journal');
        expect(rahimi.scope).to.equal('cut');
        const stored = await world.store.readJournal(RAHIMI);
        expect(JSON.stringify(stored)).to.contain('Rückenschmerzen');
        expect(JSON.stringify(rahimi)).not.to.contain('Rückenschmerzen');
        expect(JSON.stringify(rahimi)).not.to.contain('"domainId":"health"');
        expect(rahimi.events).to.have.length(stored.length);
        // The server's own check still holds (its HMAC store seal); the device checks the signed head instead.
        const record = await world.store.readSeal(RAHIMI);
        const verdict = await verifyCutJournal(rahimi.events, { seal: { port: world.seal, record } });
        expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
        // DP-28: the delivery is in the Jobcenter's access log, as a redacted read on the sync channel.
        const log = await world.store.readJournal(accessLogStreamId('jobcenter-musterstadt'));
        const entries = log.map(
          (e) => e.payload as { caseId?: string; channel?: string; outcome?: string; actorId?: string },
        );
        expect(
          entries.some(
            (e) =>
              e.caseId === RAHIMI &&
              e.channel === 'sync' &&
              e.outcome === 'allow-redacted' &&
              e.actorId === USERS.jobcenter.id,
          ),
          JSON.stringify(entries.slice(0, 3)),
        ).to.equal(true);
      });

      it("issue 15, DP-24: the Rahimi cut carries the core's decided view for the Jobcenter, which acceptCut takes against the server's seal; a full case carries none", async () => {
        const { changes } = await pullAll(world, server, USERS.jobcenter);
        const rahimi = changes.get(RAHIMI) as JournalChange;
        expect(rahimi.view?.caseId).to.equal(RAHIMI);
        expect(rahimi.view?.purpose).to.equal(SYNC_PURPOSE);
        const keys = await createHeadVerifier((await json(await server.handle(request('/fallkit/v1/keys')))).body);
        const accepted = await acceptCut(rahimi, { actor: USERS.jobcenter, keys });
        expect(accepted.ok, JSON.stringify(accepted.ok ? '' : accepted.errors)).to.equal(true);
        expect(accepted.ok && accepted.value.frame).to.equal('hidden');
        const kim = await pullAll(world, server, USERS.kim);
        expect((kim.changes.get(GEBREMEDHIN) as JournalChange).view).to.equal(undefined);
      });

      it('DP-44: GET /fallkit/v1/keys is a JWKS without a token, and every journal the feed and bootstrap send ends at a head signed with it', async () => {
        const keysAnswer = await server.handle(request('/fallkit/v1/keys'));
        expect(keysAnswer.status).to.equal(200);
        const jwks = (await keysAnswer.json()) as { keys: { kty: string; crv: string; kid: string; d?: string }[] };
        expect(jwks.keys).to.have.length(1);
        expect(jwks.keys[0]).to.include({ kty: 'OKP', crv: 'Ed25519' });
        expect(jwks.keys[0]!.d, 'no private part').to.equal(undefined);
        const keys = await createHeadVerifier(jwks);
        for (const user of [USERS.jobcenter, USERS.kim]) {
          const { changes } = await pullAll(world, server, user);
          const journals = [...changes.values()].filter((c): c is JournalChange => c.kind === 'journal');
          expect(journals.length).to.be.greaterThan(0);
          for (const change of journals) {
            const accepted = await acceptCut(change, { actor: user, keys });
            expect(accepted.ok, `${change.caseId}: ${JSON.stringify(accepted.ok ? '' : accepted.errors)}`).to.equal(
              true,
            );
            expect(change.signedHead?.seq).to.equal(change.events.length);
          }
        }
        const token = await world.token(USERS.jobcenter);
        const boot = await json<{ change: JournalChange }>(
          await server.handle(request(`/fallkit/v1/cases/${RAHIMI}`, { token })),
        );
        expect((await acceptCut(boot.body.change, { actor: USERS.jobcenter, keys })).ok).to.equal(true);
      });

      it('DP-44: key rotation: a server signing with a new key publishes the old public key too, so heads signed before still verify; a head of a key no longer published is SYNC_HEAD_KEY_UNKNOWN', async () => {
        const first = await generateHeadSigningKey('head-old');
        const second = await generateHeadSigningKey('head-new');
        const before = world.instance(undefined, { headKeys: createServerHeadKeys({ signing: first }) });
        const oldKeys = await createServerHeadKeys({ signing: first });
        const rotated = world.instance(undefined, {
          headKeys: createServerHeadKeys({ signing: second, previous: [oldKeys.jwks.keys[0]] }),
        });
        const jwks = (await json<{ keys: { kid: string }[] }>(await rotated.handle(request('/fallkit/v1/keys')))).body;
        expect(jwks.keys.map((k) => k.kid)).to.deep.equal(['head-new', 'head-old']);
        const keys = await createHeadVerifier(jwks);
        const old = (await pullAll(world, before, USERS.jobcenter)).changes.get(RAHIMI) as JournalChange;
        const fresh = (await pullAll(world, rotated, USERS.jobcenter)).changes.get(RAHIMI) as JournalChange;
        expect(old.signedHead?.kid).to.equal('head-old');
        expect(fresh.signedHead?.kid).to.equal('head-new');
        expect((await acceptCut(old, { actor: USERS.jobcenter, keys })).ok).to.equal(true);
        expect((await acceptCut(fresh, { actor: USERS.jobcenter, keys })).ok).to.equal(true);
        const onlyNew = await createHeadVerifier({ keys: [jwks.keys[0]] });
        const refused = await acceptCut(old, { actor: USERS.jobcenter, keys: onlyNew });
        expect(!refused.ok && refused.errors[0]!.code).to.equal('SYNC_HEAD_KEY_UNKNOWN');
        expect(!refused.ok && refused.errors[0]!.rule).to.equal('DP-44');
      });

      it('DP-40: a device whose assignment ended gets revoked; a user who never held a case is never told of it', async () => {
        const kim = await pullAll(world, server, USERS.kim);
        const notice = kim.changes.get(RAHIMI) as { caseId: string; kind: string; seq?: number; signed?: unknown };
        const { signed, ...unsigned } = notice;
        const rahimiSeq = (await world.store.readJournal(RAHIMI)).at(-1)!.seq;
        expect(unsigned).to.deep.equal({ caseId: RAHIMI, kind: 'revoked', seq: rahimiSeq });
        // DP-44: the notice is signed with the head key for KIM's case manager, this case and this length; the
        // same signature says nothing for another person or case (the device rebuilds the statement).
        const statements = await createStatementVerifier(
          (await json(await server.handle(request('/fallkit/v1/keys')))).body,
        );
        expect(await statements.verify(revokedStatement(RAHIMI, rahimiSeq, USERS.kim), signed)).to.equal('valid');
        expect(await statements.verify(revokedStatement(RAHIMI, rahimiSeq, USERS.kimDeputy), signed)).to.equal(
          'invalid',
        );
        expect(await statements.verify(revokedStatement(GEBREMEDHIN, rahimiSeq, USERS.kim), signed)).to.equal(
          'invalid',
        );
        expect((kim.changes.get(GEBREMEDHIN) as JournalChange).scope).to.equal('full');
        const sozialamt = await pullAll(world, server, USERS.sozialamt);
        expect(sozialamt.changes.has(RAHIMI)).to.equal(false);
        expect(sozialamt.changes.has(GEBREMEDHIN)).to.equal(false);
        expect(
          await refusalOf(
            await server.handle(
              request(`/fallkit/v1/cases/${GEBREMEDHIN}`, { token: await world.token(USERS.sozialamt) }),
            ),
          ),
        ).to.deep.equal({ status: 404, code: 'SYNC_NOT_FOUND' });
        expect(
          await refusalOf(
            await server.handle(
              request('/fallkit/v1/cases/no-such-case', { token: await world.token(USERS.sozialamt) }),
            ),
          ),
        ).to.deep.equal({ status: 404, code: 'SYNC_NOT_FOUND' });
      });

      it('issue 15: the feed pages without gaps to the head with progress, the caseload first within a page, and bootstrap gives the same change', async () => {
        const small = await pullAll(world, server, USERS.kim, 1);
        const whole = await pullAll(world, server, USERS.kim);
        expect([...small.changes.keys()].sort()).to.deep.equal([...whole.changes.keys()].sort());
        const last = small.pages.at(-1)!;
        expect(last.more).to.equal(false);
        // Each delivery is logged (DP-28), which moves the tenant's feed by the access-log entries themselves.
        expect(last.progress.done).to.equal(last.progress.total);
        expect(last.progress.total).to.be.at.most(await world.store.feedHead());
        for (const page of small.pages) expect(page.changes.length).to.be.at.most(1);
        const first = whole.pages[0]!.changes;
        const kimCases = (await world.store.listCases())
          .filter((row) => row.caseManagerIds.includes(USERS.kim.id))
          .map((r) => r.caseId);
        const order = first.map((c) => c.caseId);
        const lastOwn = Math.max(...order.map((id, i) => (kimCases.includes(id) ? i : -1)));
        const firstOther = order.findIndex((id) => !kimCases.includes(id));
        if (firstOther >= 0) expect(lastOwn).to.be.lessThan(firstOther);
        const { status, body } = await json<{ change: SyncChange }>(
          await server.handle(request(`/fallkit/v1/cases/${GEBREMEDHIN}`, { token: await world.token(USERS.kim) })),
        );
        expect(status).to.equal(200);
        expect(body.change).to.deep.equal(whole.changes.get(GEBREMEDHIN));
      });

      it("issue 15: SSE sends the tenant's position on connect and again after a push", async () => {
        const controller = new AbortController();
        const response = await server.handle(
          new Request('http://127.0.0.1:7100/fallkit/v1/events', {
            headers: { authorization: `Bearer ${await world.token(USERS.kim)}` },
            signal: controller.signal,
          }),
        );
        expect(response.headers.get('content-type')).to.contain('text/event-stream');
        const positions = readPositions(response);
        const start = await positions.next();
        expect(start).to.equal(await world.store.feedHead());
        await push(world, server, USERS.kim, [
          { commandId: commandId(), baseSeq: await headOf(world, GEBREMEDHIN), command: note(GEBREMEDHIN, 'live') },
        ]);
        expect(await positions.next()).to.equal(start + 1);
        controller.abort();
        await positions.close();
      });
    });

    describe('tenants (RLS through every endpoint)', () => {
      it('RLS: a user of tenant A sees and changes nothing of tenant B through any endpoint (B has the same case ids)', async () => {
        const other = await makeWorld(backend);
        try {
          const otherServer = other.instance();
          const secret = 'Nur im Mandanten B: Herr G. zieht nach Köln';
          await push(other, otherServer, USERS.kim, [
            { commandId: commandId(), baseSeq: await headOf(other, GEBREMEDHIN), command: note(GEBREMEDHIN, secret) },
          ]);
          const bHead = await other.store.feedHead();
          const bJournal = await other.store.readJournal(GEBREMEDHIN);
          const token = await world.token(USERS.kim);
          const seen: string[] = [];
          const feed = await pullAll(world, server, USERS.kim);
          expect(feed.pages.at(-1)!.progress.done).to.equal(feed.pages.at(-1)!.progress.total);
          seen.push(JSON.stringify(feed.pages));
          seen.push(await (await server.handle(request(`/fallkit/v1/cases/${GEBREMEDHIN}`, { token }))).text());
          seen.push(await (await server.handle(request('/fallkit/v1/me', { token }))).text());
          const pushed = await push(world, server, USERS.kim, [
            { commandId: commandId(), baseSeq: 0, command: note(GEBREMEDHIN, 'A') },
          ]);
          seen.push(JSON.stringify(pushed));
          for (const text of seen) expect(text).not.to.contain(secret);
          expect(await other.store.feedHead()).to.equal(bHead);
          expect(await other.store.readJournal(GEBREMEDHIN)).to.deep.equal(bJournal);
          // The server's own connection (the application role) under tenant A counts 0 rows of tenant B.
          const counts = await backend.app.transaction(async (session) => {
            if (backend.name === 'PGlite') await session.query("select set_config('role', 'fallkit_app', true)");
            await session.query("select set_config('fallkit.tenant', $1, true)", [world.tenantId]);
            const out: Record<string, number> = {};
            for (const table of ['case_event', 'case_index', 'case_command', 'case_seal', 'tenant'])
              out[table] = Number(
                (
                  await session.query<{ n: string }>(
                    `select count(*)::text as n from fallkit.${table} where tenant_id = $1`,
                    [other.tenantId],
                  )
                )[0]!.n,
              );
            return out;
          });
          expect(counts).to.deep.equal({ case_event: 0, case_index: 0, case_command: 0, case_seal: 0, tenant: 0 });
        } finally {
          await other.drop();
        }
      });
    });
  });
}

/** Reads `event: position` messages of an SSE response one by one. */
export function readPositions(response: Response): { next(): Promise<number>; close(): Promise<void> } {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const match = /event: position\ndata: (\{[^\n]*\})\n\n/.exec(buffer);
        if (match !== null) {
          buffer = buffer.slice(match.index + match[0].length);
          return (JSON.parse(match[1]!) as { position: number }).position;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    async close() {
      await reader.cancel().catch(() => undefined);
    },
  };
}
