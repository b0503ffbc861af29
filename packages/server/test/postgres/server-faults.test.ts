/*
 * Past one server (issue 15): two server instances with their own connection pools on one PostgreSQL, live
 * positions crossing between them through LISTEN/NOTIFY, and a server process killed (SIGKILL) in the middle
 * of a push whose device re-sends it to a restarted server: every command applied once.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createHmacJournalSeal, importHmacSealKey, verifyJournal } from '@fallkit/core';
import { pushResponseSchema, type PushResponse } from '@fallkit/core/sync';
import { serveSync, type RunningSyncServer } from '@fallkit/server';
import { makeWorld, openPostgres, testIssuer, USERS, type Backend, type World } from '../support/harness.js';
import { commandId, note, readPositions } from '../suites/sync-server.js';

const CASE = 'kim-2026-0019';

async function httpPush(url: string, token: string, commands: unknown[]): Promise<PushResponse> {
  const response = await fetch(`${url}/fallkit/v1/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ commands }),
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).to.equal(200);
  expect(pushResponseSchema.safeParse(body).success).to.equal(true);
  return body as PushResponse;
}

describe('sync server on PostgreSQL 15: two instances, a killed server', function () {
  this.timeout(180_000);
  let backend: Backend;
  let world: World;

  before(async () => {
    backend = await openPostgres();
  });
  after(async () => {
    await backend?.close();
  });
  afterEach(async () => {
    await world?.drop();
  });

  it('issue 15: two server instances on one PostgreSQL: an SSE stream on one sees a push to the other', async () => {
    world = await makeWorld(backend);
    const poolOne = backend.connectApp();
    const poolTwo = backend.connectApp();
    const servers: RunningSyncServer[] = [];
    try {
      servers.push(await serveSync(world.instance(poolOne), { port: 7104 }));
      servers.push(await serveSync(world.instance(poolTwo), { port: 7105 }));
      const [one, two] = servers as [RunningSyncServer, RunningSyncServer];
      const token = await world.token(USERS.kim);
      const controller = new AbortController();
      const stream = await fetch(`${one.url}/fallkit/v1/events`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      const positions = readPositions(stream);
      const start = await positions.next();
      const base = (await world.store.readJournal(CASE)).at(-1)!.seq;
      const pushed = await httpPush(two.url, token, [
        { commandId: commandId(), baseSeq: base, command: note(CASE, 'über Instanz zwei') },
      ]);
      expect(pushed.results[0]!.status).to.equal('applied');
      expect(await positions.next()).to.equal(start + 1);
      expect(pushed.position).to.equal(start + 1);
      controller.abort();
      await positions.close();
    } finally {
      // The pools close with the backend.
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it('issue 15: a server killed (SIGKILL) in the middle of a push, the device re-sending to the restarted server: every command applied exactly once', async () => {
    const rawKey = randomBytes(32);
    const seal = createHmacJournalSeal(await importHmacSealKey(new Uint8Array(rawKey)));
    world = await makeWorld(backend, { seal });
    const issuer = await testIssuer();
    const script = fileURLToPath(new URL('../support/server-process.ts', import.meta.url));
    const port = 7106;
    const start = async (): Promise<ChildProcess> => {
      const child = spawn(process.execPath, ['--conditions=@fallkit/source', '--import', 'tsx', script], {
        env: {
          ...process.env,
          FALLKIT_TEST_SEAL_KEY: rawKey.toString('hex'),
          FALLKIT_TEST_USERS: JSON.stringify(world.users),
          FALLKIT_TEST_JWKS: JSON.stringify(issuer.jwks),
          FALLKIT_TEST_PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('listening')) resolve();
        });
      });
      return child;
    };
    const url = `http://127.0.0.1:${port}`;
    const token = await world.token(USERS.kim);
    const base = (await world.store.readJournal(CASE)).at(-1)!.seq;
    const entries = Array.from({ length: 30 }, (_, i) => ({
      commandId: commandId('killed'),
      baseSeq: base,
      command: note(CASE, `Vermerk ${i + 1} vor dem Absturz`),
    }));
    let child = await start();
    try {
      const first = fetch(`${url}/fallkit/v1/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ commands: entries }),
      }).then(
        () => 'answered' as const,
        () => 'lost' as const,
      );
      // Kill the process as soon as the first entry is committed: mid-push, no clean shutdown.
      const firstId = entries[0]!.commandId;
      for (let i = 0; i < 4000; i += 1) {
        if ((await world.store.findCommand(firstId)) !== undefined) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill('SIGKILL');
      expect(await first).to.equal('lost');
      const before = new Set(
        (await world.store.readJournal(CASE)).map((e) => e.commandId).filter((id): id is string => id !== undefined),
      );
      const appliedBeforeKill = entries.filter((e) => before.has(e.commandId)).length;
      expect(appliedBeforeKill, 'the kill came after the first command').to.be.at.least(1);
      child = await start();
      const resent = await httpPush(url, token, entries);
      const statuses = resent.results.map((r) => r.status);
      expect(statuses.filter((s) => s === 'replayed')).to.have.length(appliedBeforeKill);
      expect(statuses.filter((s) => s === 'applied')).to.have.length(entries.length - appliedBeforeKill);
      const journal = await world.store.readJournal(CASE);
      for (const entry of entries)
        expect(
          journal.filter((e) => e.commandId === entry.commandId),
          entry.commandId,
        ).to.have.length(1);
      const verdict = await verifyJournal(journal, { seal: { port: seal, record: await world.store.readSeal(CASE) } });
      expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
      console.log(
        `      killed after ${appliedBeforeKill} of ${entries.length} commands; re-sent: ${appliedBeforeKill} replayed, ${entries.length - appliedBeforeKill} applied`,
      );
    } finally {
      child.kill('SIGKILL');
    }
  });
});
