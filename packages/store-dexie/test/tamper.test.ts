import { type JournalSealRecord } from '@fallkit/core';
import { canonicalJson } from '@fallkit/core/internal';
import { describeTamperSuite, type RawRow, type TamperTarget } from '@fallkit/core/testing';
import Dexie from 'dexie';
import type { DexieCaseStore } from '../src/index.js';
import { cleanUp, freshName, openStore, rawText, rawValues } from './helpers.js';
import type { EventRow } from '../src/schema/rows.js';

function flipFirstString(value: unknown): unknown {
  if (typeof value === 'string') return value.slice(0, -1) + (value.endsWith('x') ? 'y' : 'x');
  if (Array.isArray(value)) return value.length === 0 ? ['x'] : [flipFirstString(value[0]), ...value.slice(1)];
  if (value !== null && typeof value === 'object') {
    const [key, inner] = Object.entries(value).find(([, v]) => typeof v === 'string') ?? Object.entries(value)[0]!;
    return { ...value, [key]: flipFirstString(inner) };
  }
  return typeof value === 'number' ? value + 1 : !value;
}

/** Raw access to one Dexie database, as someone with access to the browser profile (not the passphrase) has it. */
function dexieTarget(store: DexieCaseStore, name: string, encrypted: boolean): TamperTarget {
  const db = store.database;
  const events = db.table<EventRow, [string, number]>('events');
  const range = (caseId: string) =>
    events.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true);
  return {
    store,
    encrypted,
    readRows: async (caseId) => (await range(caseId).toArray()) as unknown as RawRow[],
    writeRows: async (caseId, rows) => {
      try {
        await db.transaction('rw', events, async () => {
          await range(caseId).delete();
          await events.bulkAdd(rows as unknown as EventRow[]);
        });
        return true;
      } catch {
        return false;
      }
    },
    writeSeal: async (caseId, seal: JournalSealRecord | undefined) => {
      if (seal === undefined) await db.table('seals').delete(caseId);
      else await db.table('seals').put(seal);
    },
    flipPayloadByte: (row) => {
      const sealed = row['sealed'] as { iv: Uint8Array; data: ArrayBuffer } | undefined;
      if (sealed === undefined) return { ...row, payload: flipFirstString(row['payload']) };
      const data = new Uint8Array(sealed.data.slice(0));
      data[5] = data[5]! ^ 0x01;
      return { ...row, sealed: { iv: sealed.iv, data: data.buffer } };
    },
    // Without the key an attacker can only put a payload in clear beside the envelope.
    replacePayload: (row, payload) => {
      const { sealed: _sealed, ...rest } = row;
      return { ...rest, payload } as RawRow;
    },
    rawText: async () => {
      const tables = ['events', 'cases', 'meta', 'keys', 'seals'];
      const raw = await Promise.all(tables.map((table) => rawValues(name, table)));
      const decrypted: unknown[] = [];
      for (const id of await store.streamIds())
        decrypted.push(await store.readJournal(id).catch((e: unknown) => String(e)));
      decrypted.push(await store.listCases());
      return rawText(raw.flat()) + canonicalJson(decrypted);
    },
    backup: {
      export: async () => {
        const result = await store.exportBackup({ allowPlaintext: true, createdAt: '2026-07-01T12:00:00.000Z' });
        if (!result.ok) throw new Error(result.errors[0]?.code);
        return result.value;
      },
      import: (text) => store.importBackup(text),
    },
  };
}

describe('tamper suites of the Dexie store', () => {
  afterEach(cleanUp);

  describeTamperSuite(
    'DexieCaseStore (plain, host seal)',
    async (seal) => {
      const name = freshName();
      return dexieTarget(await openStore({ name, journalSeal: seal }), name, false);
    },
    { backups: true },
  );

  describeTamperSuite(
    'DexieCaseStore (encrypted, passphrase)',
    async () => {
      const name = freshName();
      return dexieTarget(
        await openStore({ name, encryption: { passphrase: 'Manipulations-Test 2026, Akte 7!' } }),
        name,
        true,
      );
    },
    { backups: true },
  );
});
