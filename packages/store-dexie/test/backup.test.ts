import { expect } from 'chai';
import { canonicalJson, verifyJournal, type JournalEvent } from '@fallkit/core';
import { STORE_SCHEMA_VERSION, type DexieCaseStore } from '../src/index.js';
import { CLIENT_NAME, cleanUp, indexRow, makeEvents, openStore } from './helpers.js';

const fast = { pbkdf2Iterations: 1000 };
const createdAt = '2026-06-01T12:00:00.000Z';

/** Fills a store with `count` cases of 1–7 events, one erased payload and an access-log stream. */
async function fill(store: DexieCaseStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const caseId = `case-${String(i).padStart(3, '0')}`;
    const events = await makeEvents(caseId, 1 + (i % 7));
    const result = await store.append({
      caseId,
      expectedSeq: 0,
      events,
      index: indexRow(caseId, events.length, {
        stage: i % 2 ? 'planning' : 'assessment',
        caseManagerIds: [`user-${i % 5}`],
        flags: i % 10 === 0 ? ['restricted'] : [],
      }),
    });
    expect(result.ok).to.equal(true);
    ids.push(caseId);
  }
  await store.erasePayloads('case-003', [2], '2026-05-01T00:00:00.000Z', 'DP-32');
  await store.append({ caseId: 'access-log', expectedSeq: 0, events: await makeEvents('access-log', 3) });
  return ids;
}

async function snapshot(store: DexieCaseStore): Promise<string> {
  const parts: string[] = [];
  for (const id of await store.streamIds())
    parts.push(canonicalJson({ id, journal: await store.readJournal(id), row: (await store.getCase(id)) ?? null }));
  return parts.join('\n');
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('DexieCaseStore backup and restore', () => {
  afterEach(cleanUp);

  it('restores 100 cases byte-for-byte from an encrypted backup, every journal verifying', async function () {
    this.timeout(60_000);
    const source = await openStore({ encryption: { passphrase: 'quelle' }, ...fast });
    const ids = await fill(source, 100);
    const backup = unwrap(await source.exportBackup({ passphrase: 'Sicherung 2026', iterations: 1000, createdAt }));
    expect(backup).to.not.include(CLIENT_NAME);
    expect(backup.trimEnd().split('\n')).to.have.length(2);
    const target = await openStore({ encryption: { passphrase: 'ziel' }, ...fast });
    const report = unwrap(await target.importBackup(backup, { passphrase: 'Sicherung 2026' }));
    expect(report.imported).to.have.length(101);
    expect(report.refused).to.deep.equal([]);
    expect(report.conflicts).to.deep.equal([]);
    expect(await snapshot(target)).to.equal(await snapshot(source));
    for (const id of ids) expect((await verifyJournal(await target.readJournal(id))).ok, id).to.equal(true);
    const again = unwrap(await target.exportBackup({ allowPlaintext: true, createdAt }));
    expect(again).to.equal(unwrap(await source.exportBackup({ allowPlaintext: true, createdAt })));
    expect((await target.listCases({ caseManagerId: 'user-3', stage: 'planning' })).length).to.equal(10);
  });

  it('writes a plain JSON-lines file with a header, one line per event and the index rows', async () => {
    const store = await openStore();
    await fill(store, 3);
    const lines = unwrap(await store.exportBackup({ createdAt }))
      .trimEnd()
      .split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(header).to.deep.include({
      format: 'fallkit-backup',
      formatVersion: 1,
      storeSchemaVersion: STORE_SCHEMA_VERSION,
      streams: 4,
      events: 1 + 2 + 3 + 3,
      indexRows: 3,
    });
    expect(lines).to.have.length(1 + 9 + 3);
    expect(
      lines.slice(1).every((line) => ['event', 'index'].includes((JSON.parse(line) as { kind: string }).kind)),
    ).to.equal(true);
  });

  it('DP-38: refuses a tampered case whole and imports the others', async () => {
    const source = await openStore();
    await fill(source, 5);
    const text = unwrap(await source.exportBackup({ createdAt }));
    const tampered = text
      .split('\n')
      .map((line) => {
        if (!line.includes('"caseId":"case-002"') || !line.includes('"seq":2,')) return line;
        const parsed = JSON.parse(line) as { event: JournalEvent };
        return JSON.stringify({
          ...parsed,
          event: { ...parsed.event, payload: { ...(parsed.event.payload as object), note: 'nachträglich geändert' } },
        });
      })
      .join('\n');
    expect(tampered).to.not.equal(text);
    const target = await openStore();
    const report = unwrap(await target.importBackup(tampered));
    expect(report.refused.map((item) => [item.caseId, item.code, item.index])).to.deep.equal([
      ['case-002', 'JOURNAL_PAYLOAD_HASH_MISMATCH', 1],
    ]);
    expect(report.refused[0]?.message.de).to.match(/verändert/);
    expect(await target.readJournal('case-002')).to.deep.equal([]);
    expect(await target.getCase('case-002')).to.equal(undefined);
    expect(report.imported).to.have.length(5);
  });

  it('reports identical cases as skipped and diverging ones as conflicts, writing nothing for them', async () => {
    const source = await openStore();
    await fill(source, 4);
    const backup = unwrap(await source.exportBackup({ createdAt }));
    const target = await openStore();
    unwrap(await target.importBackup(backup));
    const second = unwrap(await target.importBackup(backup));
    expect(second.imported).to.deep.equal([]);
    expect(second.skipped).to.have.length(5);
    // Diverge case-001 in the target, and extend case-002 in the source.
    const diverged = await makeEvents('case-001', 1, (await target.readJournal('case-001'))[0]);
    await target.deleteStream('case-001');
    await target.append({
      caseId: 'case-001',
      expectedSeq: 0,
      events: await makeEvents('case-001', 1),
      index: indexRow('case-001', 1),
    });
    expect(diverged).to.have.length(1);
    const sourceCase2 = await source.readJournal('case-002');
    await source.append({
      caseId: 'case-002',
      expectedSeq: sourceCase2.length,
      events: await makeEvents('case-002', 2, sourceCase2.at(-1)),
      index: indexRow('case-002', sourceCase2.length + 2),
    });
    const third = unwrap(await target.importBackup(unwrap(await source.exportBackup({ createdAt }))));
    expect(third.conflicts).to.deep.equal(['case-001']);
    expect(third.imported).to.deep.equal(['case-002']);
    expect(await target.readJournal('case-002')).to.deep.equal(await source.readJournal('case-002'));
    expect(await target.readJournal('case-001')).to.have.length(1);
  });

  it('refuses a wrong backup passphrase, a missing one, a damaged file and a newer format', async () => {
    const source = await openStore({ encryption: { passphrase: 'p' }, ...fast });
    await fill(source, 2);
    const plainRefused = await source.exportBackup();
    expect(!plainRefused.ok && plainRefused.errors[0]?.code).to.equal('STORE_BACKUP_PASSPHRASE_REQUIRED');
    const backup = unwrap(await source.exportBackup({ passphrase: 'richtig', iterations: 1000 }));
    const target = await openStore();
    const codeOf = async (data: string, passphrase?: string) => {
      const result = await target.importBackup(data, passphrase === undefined ? {} : { passphrase });
      return result.ok ? 'ok' : result.errors[0]?.code;
    };
    expect(await codeOf(backup, 'falsch')).to.equal('STORE_BACKUP_WRONG_PASSPHRASE');
    expect(await codeOf(backup)).to.equal('STORE_BACKUP_PASSPHRASE_REQUIRED');
    const [head, body] = backup.split('\n');
    const flipped = `${head}\n${body!.slice(0, 20)}${body![20] === 'A' ? 'B' : 'A'}${body!.slice(21)}\n`;
    expect(await codeOf(flipped, 'richtig')).to.equal('STORE_BACKUP_WRONG_PASSPHRASE');
    expect(await codeOf('kein backup\n')).to.equal('STORE_BACKUP_MALFORMED');
    const plain = unwrap(await source.exportBackup({ allowPlaintext: true }));
    expect(await codeOf(plain.split('\n').slice(0, -3).join('\n'))).to.equal('STORE_BACKUP_MALFORMED');
    expect(await codeOf(plain.replace('"formatVersion":1', '"formatVersion":99'))).to.equal(
      'STORE_BACKUP_UNSUPPORTED_VERSION',
    );
    expect(await target.streamIds()).to.deep.equal([]);
    expect(await codeOf(backup, 'richtig')).to.equal('ok');
  });

  it('accepts a Blob and can rebuild index rows with the host projection instead of trusting the file', async () => {
    const source = await openStore();
    await fill(source, 2);
    const blob = new Blob([unwrap(await source.exportBackup())], { type: 'application/x-ndjson' });
    const target = await openStore();
    const report = unwrap(
      await target.importBackup(blob, {
        project: (events) =>
          events[0]?.caseId === 'access-log'
            ? undefined
            : indexRow(events[0]!.caseId, events.length, { stage: 'rebuilt' }),
      }),
    );
    expect(report.imported).to.have.length(3);
    expect((await target.listCases()).map((row) => row.stage)).to.deep.equal(['rebuilt', 'rebuilt']);
  });
});
