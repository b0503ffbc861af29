/*
 * A synced device's access log on the server (issue 15, DP-28): `POST /fallkit/v1/access-log` over a real HTTP
 * server (Hono on a loopback port) and the tenant's database records each entry the device logged once, by its
 * `entryId`, in the agency's hash-chained log; a repeated upload (an answer lost on the way) stores nothing
 * twice. The actor is the verified token's (DP-40): an entry naming anyone else, or a body naming an actor, is
 * refused whole and nothing is written; bad input is a typed refusal in German and English, never a failure.
 */
import { expect } from 'chai';
import { verifyJournal, type AccessLogEntry, type JournalEvent } from '@fallkit/core';
import { accessLogStreamId, DEVICE_ACCESS_LOG_MAX_ENTRIES } from '@fallkit/core/internal';
import { syncErrorBodySchema } from '@fallkit/core/sync';
import { serveSync, type RunningSyncServer } from '@fallkit/server';
import { makeWorld, USERS, type Backend, type World } from '../support/harness.js';

type User = (typeof USERS)[keyof typeof USERS];

function entry(user: User, entryId: string, over: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    caseId: 'kim-2026-0019',
    actorId: user.id,
    role: user.role,
    agencyId: user.agencyId,
    purpose: 'caseManagement',
    categories: ['benefits'],
    outcome: 'allow-redacted',
    redacted: 1,
    breakGlass: false,
    channel: 'view',
    at: '2026-07-01T09:30:00.000Z',
    entryId,
    ...over,
  };
}

export function describeDeviceAccessLog(engine: string, open: () => Promise<Backend>): void {
  describe(`a device's access log on the server (${engine}, issue 15)`, function () {
    this.timeout(60_000);
    let backend: Backend;
    let world: World;
    let server: RunningSyncServer;

    before(async function () {
      this.timeout(120_000);
      backend = await open();
      world = await makeWorld(backend, { seedExamples: false });
      server = await serveSync(world.instance());
    });
    after(async function () {
      this.timeout(60_000);
      await server?.close();
      await world?.drop();
      await backend?.close();
    });

    async function upload(user: User | undefined, body: unknown): Promise<{ status: number; body: unknown }> {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (user !== undefined) headers['authorization'] = `Bearer ${await world.token(user)}`;
      const response = await fetch(`${server.url}/fallkit/v1/access-log`, {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    }

    async function logOf(agencyId: string): Promise<JournalEvent[]> {
      return world.store.readJournal(accessLogStreamId(agencyId));
    }

    /** A refusal answer: the protocol's error body, a code, German and English, no stack trace. */
    function refusal(answer: { status: number; body: unknown }): { status: number; code: string } {
      expect(syncErrorBodySchema.safeParse(answer.body).success, JSON.stringify(answer.body)).to.equal(true);
      const first = (answer.body as { errors: { code: string; message: { de: string; en: string } }[] }).errors[0]!;
      expect(first.message.de.length, first.code).to.be.greaterThan(0);
      expect(first.message.en.length, first.code).to.be.greaterThan(0);
      expect(JSON.stringify(answer.body)).not.to.match(/\n\s+at /);
      return { status: answer.status, code: first.code };
    }

    it('DP-28, DP-38: a repeated upload stores each entry once, in a verified chain; the second answers replayed', async () => {
      const first = [
        entry(USERS.jobcenter, 'access-r-1'),
        entry(USERS.jobcenter, 'access-r-2', { channel: 'history' }),
      ];
      const one = await upload(USERS.jobcenter, { entries: first });
      expect(one, JSON.stringify(one.body)).to.deep.equal({ status: 200, body: { recorded: 2, replayed: 0 } });
      // The answer was lost: the device sends the same entries again, with one more read made since.
      const again = await upload(USERS.jobcenter, { entries: [...first, entry(USERS.jobcenter, 'access-r-3')] });
      expect(again.body).to.deep.equal({ recorded: 1, replayed: 2 });
      // And once more, two uploads at the same moment (two tabs of one device): still one entry each.
      const raced = await Promise.all([
        upload(USERS.jobcenter, { entries: [entry(USERS.jobcenter, 'access-r-4'), ...first] }),
        upload(USERS.jobcenter, { entries: [entry(USERS.jobcenter, 'access-r-4'), ...first] }),
      ]);
      expect(raced.map((r) => r.status)).to.deep.equal([200, 200]);
      const counts = raced.map((r) => r.body as { recorded: number; replayed: number });
      expect(counts.reduce((sum, c) => sum + c.recorded, 0)).to.equal(1);
      expect(counts.map((c) => c.replayed).sort()).to.deep.equal([2, 3]);
      const log = await logOf(USERS.jobcenter.agencyId);
      const ids = log.map((e) => (e.payload as AccessLogEntry).entryId);
      expect(ids).to.have.members(['access-r-1', 'access-r-2', 'access-r-3', 'access-r-4']);
      expect(ids).to.have.length(4);
      expect(log.map((e) => e.type)).to.deep.equal(['CaseViewed', 'CaseViewed', 'CaseViewed', 'CaseViewed']);
      expect((log[0]!.payload as AccessLogEntry).at, 'the time of the read on the device').to.equal(
        '2026-07-01T09:30:00.000Z',
      );
      const verdict = await verifyJournal(log);
      expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
    });

    it("DP-40: the events are sealed as the verified token's actor; a body or an entry naming an actor is refused, nothing is written", async () => {
      const log = await logOf(USERS.jobcenter.agencyId);
      for (const event of log)
        expect(event.actor).to.deep.equal({
          id: USERS.jobcenter.id,
          role: USERS.jobcenter.role,
          agencyId: USERS.jobcenter.agencyId,
        });
      const before = (await logOf(USERS.kim.agencyId)).length;
      const inBody = refusal(
        await upload(USERS.jobcenter, { actor: USERS.kim, entries: [entry(USERS.kim, 'access-k-1')] }),
      );
      expect(inBody).to.deep.equal({ status: 400, code: 'SYNC_ACTOR_IN_BODY' });
      const onEntry = refusal(
        await upload(USERS.jobcenter, { entries: [{ ...entry(USERS.jobcenter, 'access-k-2'), actor: USERS.kim }] }),
      );
      expect(onEntry).to.deep.equal({ status: 400, code: 'SYNC_ACTOR_IN_BODY' });
      // The Jobcenter's token cannot log for Kim: not for her id, not for her agency, not under another role.
      for (const foreign of [
        entry(USERS.kim, 'access-k-3'),
        entry(USERS.jobcenter, 'access-k-4', { actorId: USERS.jobcenter2.id }),
        entry(USERS.jobcenter, 'access-k-5', { agencyId: USERS.kim.agencyId }),
        entry(USERS.jobcenter, 'access-k-6', { role: 'dataProtectionOfficer' }),
      ]) {
        const answer = refusal(
          await upload(USERS.jobcenter, { entries: [entry(USERS.jobcenter, 'access-k-0'), foreign] }),
        );
        expect(answer, foreign.entryId).to.deep.equal({ status: 403, code: 'ACCESS_LOG_UPLOAD_FOREIGN' });
      }
      expect(await logOf(USERS.kim.agencyId)).to.have.length(before);
      expect((await logOf(USERS.jobcenter.agencyId)).map((e) => e.id)).to.deep.equal(log.map((e) => e.id));
      // No token, no log.
      expect(refusal(await upload(undefined, { entries: [entry(USERS.kim, 'access-k-7')] })).code).to.equal(
        'SYNC_TOKEN_MISSING',
      );
    });

    it('DP-28: the same entry id of two people is two entries (the key is agency, person and id together)', async () => {
      const mine = await upload(USERS.jobcenter2, { entries: [entry(USERS.jobcenter2, 'access-r-1')] });
      expect(mine.body).to.deep.equal({ recorded: 1, replayed: 0 });
      const log = await logOf(USERS.jobcenter.agencyId);
      expect(
        log.filter((e) => (e.payload as AccessLogEntry).entryId === 'access-r-1').map((e) => e.actor.id),
      ).to.deep.equal([USERS.jobcenter.id, USERS.jobcenter2.id]);
    });

    it('DP-28: bad input is a typed refusal (400), never a failure, and corrupts nothing', async () => {
      const before = await logOf(USERS.jobcenter.agencyId);
      const bad: [unknown, string][] = [
        ['{ not json', 'SYNC_BODY_INVALID'],
        [null, 'SYNC_BODY_INVALID'],
        [[entry(USERS.jobcenter, 'access-b-1')], 'SYNC_BODY_INVALID'],
        [{ entries: [entry(USERS.jobcenter, 'access-b-1')], extra: 1 }, 'SYNC_BODY_INVALID'],
        [{}, 'ACCESS_LOG_UPLOAD_INVALID'],
        [{ entries: 'all of them' }, 'ACCESS_LOG_UPLOAD_INVALID'],
        [{ entries: [null] }, 'ACCESS_LOG_UPLOAD_INVALID'],
        [{ entries: [{ ...entry(USERS.jobcenter, 'x'), entryId: undefined }] }, 'ACCESS_LOG_UPLOAD_INVALID'],
        [
          { entries: [entry(USERS.jobcenter, 'access-b-2'), entry(USERS.jobcenter, 'access-b-3', { at: 'gestern' })] },
          'ACCESS_LOG_UPLOAD_INVALID',
        ],
        [{ entries: [entry(USERS.jobcenter, 'access b 4')] }, 'ACCESS_LOG_UPLOAD_INVALID'],
        [{ entries: [entry(USERS.jobcenter, 'x'.repeat(129))] }, 'ACCESS_LOG_UPLOAD_INVALID'],
        [
          { entries: [entry(USERS.jobcenter, 'access-b-5', { channel: 'telepathy' as never })] },
          'ACCESS_LOG_UPLOAD_INVALID',
        ],
        [
          {
            entries: Array.from({ length: DEVICE_ACCESS_LOG_MAX_ENTRIES + 1 }, (_, i) =>
              entry(USERS.jobcenter, `access-m-${i}`),
            ),
          },
          'ACCESS_LOG_UPLOAD_INVALID',
        ],
      ];
      for (const [body, code] of bad) {
        const answer = refusal(await upload(USERS.jobcenter, body));
        expect(answer, JSON.stringify(body).slice(0, 80)).to.deep.equal({ status: 400, code });
      }
      expect((await logOf(USERS.jobcenter.agencyId)).map((e) => e.id)).to.deep.equal(before.map((e) => e.id));
      // A long entry id still makes a key the store takes (a digest), and the log stays verifiable.
      const long = await upload(USERS.jobcenter, { entries: [entry(USERS.jobcenter, 'x'.repeat(128))] });
      expect(long.body).to.deep.equal({ recorded: 1, replayed: 0 });
      const verdict = await verifyJournal(await logOf(USERS.jobcenter.agencyId));
      expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
    });
  });
}
