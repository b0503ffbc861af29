import { expect } from 'chai';
import {
  createHmacJournalSeal,
  generateHmacSealKey,
  verifyJournal,
  type AppendRequest,
  type CaseIndexEntry,
  type JournalEvent,
} from '@fallkit/core';
import { canonicalJson, sealEvents } from '@fallkit/core/internal';
import { STORE_SCHEMA_VERSION, type DexieCaseStore } from '../src/index.js';
import { CLIENT_NAME, cleanUp, erasureDecision, indexRow, makeEvents, openStore } from './helpers.js';

const createdAt = '2026-06-01T12:00:00.000Z';

/** The index row `fill` writes for a case: a function of its journal, so restore can recompute it. */
function fillRow(events: readonly JournalEvent[]): CaseIndexEntry | undefined {
  const caseId = events[0]!.caseId;
  if (!caseId.startsWith('case-')) return undefined;
  const i = Number(caseId.slice(5));
  return indexRow(caseId, events.length, {
    stage: i % 2 ? 'planning' : 'assessment',
    caseManagerIds: [`user-${i % 5}`],
    flags: i % 10 === 0 ? ['restricted'] : [],
  });
}

/** Appends sealed with the store's seal, as the case service does (DP-44). */
async function append(store: DexieCaseStore, request: Omit<AppendRequest, 'seal'>) {
  const last = request.events.at(-1)!;
  const seal = await store.journalSeal?.sign({ caseId: request.caseId, seq: last.seq, hash: last.hash });
  return store.append({ ...request, ...(seal ? { seal } : {}) });
}

/** Fills a store with `count` cases of 1–7 events, one erased payload (with its decision) and an access-log stream. */
async function fill(store: DexieCaseStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const caseId = `case-${String(i).padStart(3, '0')}`;
    const notes = await makeEvents(caseId, 1 + (i % 7));
    const events = i === 3 ? [...notes, await erasureDecision(caseId, notes.at(-1)!, [2])] : notes;
    const result = await append(store, { caseId, expectedSeq: 0, events, index: fillRow(events)! });
    expect(result.ok).to.equal(true);
    ids.push(caseId);
  }
  await store.erasePayloads('case-003', [2], '2026-05-01T00:00:00.000Z', 'DP-32');
  await append(store, { caseId: 'access-log', expectedSeq: 0, events: await makeEvents('access-log', 3) });
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

/** A plain store with a host seal key, the way a host without encryption keeps its journals anchored. */
async function hostSealedStore(seal: Awaited<ReturnType<typeof hostSeal>>) {
  return openStore({ journalSeal: seal });
}

async function hostSeal() {
  return createHmacJournalSeal(await generateHmacSealKey());
}

function codesOf(result: { ok: boolean; errors?: readonly { code: string }[] }): string[] {
  return result.ok ? [] : (result.errors ?? []).map((error) => error.code);
}

describe('DexieCaseStore backup and restore', () => {
  afterEach(cleanUp);

  it('restores 100 cases byte-for-byte from an encrypted backup into another database, re-sealed there (DP-44)', async function () {
    this.timeout(120_000);
    const source = await openStore({ encryption: { passphrase: 'Quelle-Akten 2026 Nord!' } });
    const ids = await fill(source, 100);
    const backup = unwrap(await source.exportBackup({ passphrase: 'Sicherung 2026, Keller-Regal 4', createdAt }));
    expect(backup).to.not.include(CLIENT_NAME);
    expect(backup.trimEnd().split('\n')).to.have.length(2);
    const target = await openStore({ encryption: { passphrase: 'Ziel-Datenbank 2026 Süd!' } });
    const report = unwrap(
      await target.importBackup(backup, { passphrase: 'Sicherung 2026, Keller-Regal 4', project: fillRow }),
    );
    expect(report.imported).to.have.length(101);
    expect(report.refused).to.deep.equal([]);
    expect(report.conflicts).to.deep.equal([]);
    expect(await snapshot(target)).to.equal(await snapshot(source));
    for (const id of ids) {
      const journal = await target.readJournal(id);
      const seal = { port: target.journalSeal!, record: await target.readSeal(id) };
      expect((await verifyJournal(journal, { seal })).ok, id).to.equal(true);
    }
    expect((await target.listCases({ caseManagerId: 'user-3', stage: 'planning' })).length).to.equal(10);
  });

  it('writes a plain JSON-lines file with a header, one line per event, the seals and the index rows', async () => {
    const store = await hostSealedStore(await hostSeal());
    await fill(store, 3);
    const lines = unwrap(await store.exportBackup({ createdAt }))
      .trimEnd()
      .split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(header).to.deep.include({
      format: 'fallkit-backup',
      formatVersion: 3,
      storeSchemaVersion: STORE_SCHEMA_VERSION,
      streams: 4,
      events: 1 + 2 + 3 + 3,
      indexRows: 3,
      seals: 4,
      contents: 0,
    });
    expect(lines).to.have.length(1 + 9 + 4 + 3);
    const kinds = lines.slice(1).map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds.every((kind) => ['event', 'seal', 'index'].includes(kind))).to.equal(true);
  });

  it('DP-44: refuses a backup with one tampered case whole, naming the event, and writes nothing', async () => {
    const seal = await hostSeal();
    const source = await hostSealedStore(seal);
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
    const target = await hostSealedStore(seal);
    const refused = await target.importBackup(tampered, { project: fillRow });
    expect(codesOf(refused)).to.deep.equal(['JOURNAL_PAYLOAD_HASH_MISMATCH', 'STORE_BACKUP_TAMPERED']);
    if (!refused.ok) expect(refused.errors[0]?.path).to.deep.equal(['case-002', 2]);
    expect(await target.streamIds()).to.deep.equal([]);
    expect(await target.listCases()).to.deep.equal([]);
  });

  it('DP-38: a backup whose one payload fails its schema, with chain and seal consistent, is refused whole and nothing is imported; erased payloads pass', async () => {
    const seal = await hostSeal();
    const source = await hostSealedStore(seal);
    await fill(source, 5);
    // The store itself hashes, chains and seals what it is given (it never checks payload schemas), so the
    // file's chain and seal are consistent: only the payload check can catch the malformed note.
    const [first] = await makeEvents('case-bad', 1);
    const [bad] = await sealEvents(
      [{ type: 'NoteRecorded', schemaVersion: 1, payload: { ...(first!.payload as object), text: '', extra: 1 } }],
      {
        caseId: 'case-bad',
        last: first,
        at: '2026-03-03T09:00:00.000Z',
        actor: { id: 'user-anna', role: 'caseManager', agencyId: 'agency-nord', name: 'Anna Berater' },
        newId: () => 'case-bad-2',
      },
    );
    const events = [first!, bad!];
    const appended = await append(source, { caseId: 'case-bad', expectedSeq: 0, events, index: fillRow(events)! });
    expect(appended.ok).to.equal(true);
    const text = unwrap(await source.exportBackup({ createdAt }));
    expect((await verifyJournal(await source.readJournal('case-bad'))).ok, 'chain without payload check').to.equal(
      true,
    );
    const target = await hostSealedStore(seal);
    const refused = await target.importBackup(text, { project: fillRow });
    expect(codesOf(refused)).to.deep.equal(['JOURNAL_PAYLOAD_INVALID', 'STORE_BACKUP_TAMPERED']);
    if (!refused.ok) expect(refused.errors[0]?.path).to.deep.equal(['case-bad', 2]);
    expect(await target.streamIds()).to.deep.equal([]);
    expect(await target.listCases()).to.deep.equal([]);
    // Without the malformed stream the same file imports, the erased payload of case-003 (DP-32) included.
    await source.deleteStream('case-bad');
    const clean = unwrap(
      await target.importBackup(unwrap(await source.exportBackup({ createdAt })), { project: fillRow }),
    );
    expect(clean.imported).to.include('case-003');
    expect(((await target.readJournal('case-003'))[1]?.payload as { erased?: boolean }).erased).to.equal(true);
  });

  it('DP-44: a plain backup whose seals another key made is refused; index rows of the file are never taken', async () => {
    const source = await hostSealedStore(await hostSeal());
    await fill(source, 2);
    const text = unwrap(await source.exportBackup({ createdAt }));
    const stranger = await hostSealedStore(await hostSeal());
    expect(codesOf(await stranger.importBackup(text, { project: fillRow }))).to.include('JOURNAL_SEAL_INVALID');
    expect(await stranger.streamIds()).to.deep.equal([]);
    const rowChanged = text.replace('"caseManagerIds":["user-1"]', '"caseManagerIds":["u-attacker"]');
    expect(rowChanged).to.not.equal(text);
    expect(codesOf(await source.importBackup(rowChanged, { project: fillRow }))).to.deep.equal([
      'STORE_BACKUP_INDEX_MISMATCH',
    ]);
  });

  it('reports identical cases as skipped and diverging ones as conflicts, writing nothing for them', async () => {
    const seal = await hostSeal();
    const source = await hostSealedStore(seal);
    await fill(source, 4);
    const backup = unwrap(await source.exportBackup({ createdAt }));
    const target = await hostSealedStore(seal);
    unwrap(await target.importBackup(backup, { project: fillRow }));
    const second = unwrap(await target.importBackup(backup, { project: fillRow }));
    expect(second.imported).to.deep.equal([]);
    expect(second.skipped).to.have.length(5);
    // Diverge case-001 in the target, and extend case-002 in the source.
    await target.deleteStream('case-001');
    const diverged = await makeEvents('case-001', 1);
    await append(target, { caseId: 'case-001', expectedSeq: 0, events: diverged, index: fillRow(diverged)! });
    const sourceCase2 = await source.readJournal('case-002');
    const more = await makeEvents('case-002', 2, sourceCase2.at(-1));
    await append(source, {
      caseId: 'case-002',
      expectedSeq: sourceCase2.length,
      events: more,
      index: fillRow([...sourceCase2, ...more])!,
    });
    const third = unwrap(
      await target.importBackup(unwrap(await source.exportBackup({ createdAt })), { project: fillRow }),
    );
    expect(third.conflicts).to.deep.equal(['case-001']);
    expect(third.imported).to.deep.equal(['case-002']);
    expect(await target.readJournal('case-002')).to.deep.equal(await source.readJournal('case-002'));
    expect(await target.readJournal('case-001')).to.have.length(1);
  });

  it('refuses a wrong backup passphrase, a missing one, a damaged file and a newer format', async function () {
    this.timeout(60_000);
    const source = await openStore({ encryption: { passphrase: 'Probe-Kennwort 7 Tage!' } });
    await fill(source, 2);
    const plainRefused = await source.exportBackup();
    expect(!plainRefused.ok && plainRefused.errors[0]?.code).to.equal('STORE_BACKUP_PASSPHRASE_REQUIRED');
    const backup = unwrap(await source.exportBackup({ passphrase: 'Richtig-Kennwort 2026 ok' }));
    const target = await openStore();
    const codeOf = async (data: string, passphrase?: string) => {
      const result = await target.importBackup(data, {
        project: fillRow,
        ...(passphrase === undefined ? {} : { passphrase }),
      });
      return result.ok ? 'ok' : result.errors[0]?.code;
    };
    expect(await codeOf(backup, 'falsch')).to.equal('STORE_BACKUP_WRONG_PASSPHRASE');
    expect(await codeOf(backup)).to.equal('STORE_BACKUP_PASSPHRASE_REQUIRED');
    const [head, body] = backup.split('\n');
    const flipped = `${head}\n${body!.slice(0, 20)}${body![20] === 'A' ? 'B' : 'A'}${body!.slice(21)}\n`;
    expect(await codeOf(flipped, 'Richtig-Kennwort 2026 ok')).to.equal('STORE_BACKUP_WRONG_PASSPHRASE');
    expect(await codeOf('kein backup\n')).to.equal('STORE_BACKUP_MALFORMED');
    const plain = unwrap(await source.exportBackup({ allowPlaintext: true }));
    expect(await codeOf(plain.split('\n').slice(0, -3).join('\n'))).to.equal('STORE_BACKUP_MALFORMED');
    expect(await codeOf(plain.replace('"formatVersion":3', '"formatVersion":99'))).to.equal(
      'STORE_BACKUP_UNSUPPORTED_VERSION',
    );
    expect(await target.streamIds()).to.deep.equal([]);
    expect(await codeOf(backup, 'Richtig-Kennwort 2026 ok')).to.equal('ok');
  });

  it('key hygiene (DP-37): a backup passphrase below the minimum or too few PBKDF2 rounds are refused', async () => {
    const store = await openStore();
    expect(codesOf(await store.exportBackup({ passphrase: 'kurz' }))).to.deep.equal(['STORE_WEAK_PASSPHRASE']);
    expect(codesOf(await store.exportBackup({ passphrase: 'aaaaaaaaaaaaaaaaaaaa' }))).to.deep.equal([
      'STORE_WEAK_PASSPHRASE',
    ]);
    expect(
      codesOf(await store.exportBackup({ passphrase: 'Sicherung 2026, Keller-Regal 4', iterations: 1000 })),
    ).to.deep.equal(['STORE_WEAK_KDF']);
  });

  it('accepts a Blob and always recomputes index rows with the projection', async () => {
    const source = await openStore();
    await fill(source, 2);
    const blob = new Blob([unwrap(await source.exportBackup())], { type: 'application/x-ndjson' });
    const target = await openStore();
    const report = unwrap(await target.importBackup(blob, { project: fillRow }));
    expect(report.imported).to.have.length(3);
    expect((await target.listCases()).map((row) => row.stage)).to.deep.equal(['assessment', 'planning']);
  });
});
