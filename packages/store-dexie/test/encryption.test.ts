import { expect } from 'chai';
import { verifyJournal } from '@fallkit/core';
import { estimatePassphraseBits, openDexieCaseStore, passphraseIsStrong, StoreRefusalError } from '../src/index.js';
import {
  CLIENT_NAME,
  cleanUp,
  erasureDecision,
  freshName,
  indexRow,
  makeEvents,
  openStore,
  rawText,
  rawValues,
} from './helpers.js';

// New databases and backups take at least 600,000 PBKDF2 rounds (key hygiene, DP-37).
const fast = {};

async function refusalOf(work: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    return error instanceof StoreRefusalError ? error.code : `untyped: ${String(error)}`;
  }
}

describe('DexieCaseStore encryption at rest', () => {
  afterEach(cleanUp);

  it("DP-37: the raw IndexedDB records contain no plaintext of the client's name; the store reads them with the key", async () => {
    const name = freshName();
    const store = await openStore({ name, encryption: { passphrase: 'Büro 3, Schrank links' }, ...fast });
    const events = await makeEvents('case-1', 3);
    await store.append({ caseId: 'case-1', expectedSeq: 0, events, index: indexRow('case-1', 3) });
    const raw = rawText([
      ...(await rawValues(name, 'events')),
      ...(await rawValues(name, 'cases')),
      ...(await rawValues(name, 'meta')),
      ...(await rawValues(name, 'keys')),
    ]);
    expect(raw).to.not.include(CLIENT_NAME);
    expect(raw).to.not.include('Yılmaz');
    expect(raw).to.not.include('Wohnungssuche');
    expect(raw).to.not.include('Anna Berater');
    expect(raw).to.include(events[0]!.hash); // envelopes stay in clear and carry no names
    const read = await store.readJournal('case-1');
    expect(read).to.deep.equal(events);
    expect((await verifyJournal(read)).ok).to.equal(true);
    expect((await store.getCase('case-1'))?.label).to.include(CLIENT_NAME);
  });

  it('DP-37: the unencrypted store (explicitly off) does hold plaintext, so the check above is meaningful', async () => {
    const name = freshName();
    const store = await openStore({ name, encryption: 'off' });
    await store.append({
      caseId: 'case-1',
      expectedSeq: 0,
      events: await makeEvents('case-1', 1),
      index: indexRow('case-1', 1),
    });
    expect(rawText(await rawValues(name, 'events'))).to.include(CLIENT_NAME);
  });

  it('DP-37: labels marked non-sensitive stay readable in the index', async () => {
    const name = freshName();
    const store = await openStore({
      name,
      encryption: { passphrase: 'Etiketten-Probe 2026 xy!' },
      labelsSensitive: false,
      ...fast,
    });
    await store.append({
      caseId: 'case-1',
      expectedSeq: 0,
      events: await makeEvents('case-1', 1),
      index: indexRow('case-1', 1, { label: 'AZ 2026-0042' }),
    });
    expect(rawText(await rawValues(name, 'cases'))).to.include('AZ 2026-0042');
    expect(rawText(await rawValues(name, 'events'))).to.not.include(CLIENT_NAME);
  });

  it('key hygiene (DP-37): a new database refuses weak passphrases and PBKDF2 below 600,000 rounds, in German and English', async () => {
    const codeOf = async (options: Partial<Parameters<typeof openDexieCaseStore>[0]>) => {
      const result = await openDexieCaseStore({ name: freshName(), encryption: 'off', ...options });
      if (result.ok) result.value.close();
      return result.ok ? 'ok' : result.errors[0]!;
    };
    for (const weak of ['', 'a', 'aaaaaaaaaaaaaaaaaaaa', 'abcabcabcabcabc', 'Passwort!1']) {
      const refusal = await codeOf({ encryption: { passphrase: weak } });
      expect(refusal === 'ok' ? 'ok' : refusal.code, JSON.stringify(weak)).to.equal('STORE_WEAK_PASSPHRASE');
      if (refusal !== 'ok') {
        expect(refusal.message.de).to.match(/12 Zeichen/);
        expect(refusal.message.en).to.match(/12 characters/);
      }
    }
    for (const iterations of [1, 1000, 599_999]) {
      const refusal = await codeOf({
        encryption: { passphrase: 'Büro 3, Schrank links' },
        pbkdf2Iterations: iterations,
      });
      expect(refusal === 'ok' ? 'ok' : refusal.code, String(iterations)).to.equal('STORE_WEAK_KDF');
      if (refusal !== 'ok') expect(refusal.message.en).to.match(/600,000/);
    }
    expect(estimatePassphraseBits('Büro 3, Schrank links')).to.be.greaterThan(60);
    expect(passphraseIsStrong('correct horse battery staple')).to.equal(true);
  });

  it('refuses a wrong passphrase with STORE_WRONG_KEY (German and English), not garbage', async () => {
    const name = freshName();
    await openStore({ name, encryption: { passphrase: 'Richtig-Kennwort 2026 ok' }, ...fast });
    const wrong = await openDexieCaseStore({ name, encryption: { passphrase: 'falsch' } });
    expect(wrong.ok).to.equal(false);
    if (!wrong.ok) {
      expect(wrong.errors[0]?.code).to.equal('STORE_WRONG_KEY');
      expect(wrong.errors[0]?.message.de).to.match(/Kennwort/);
      expect(wrong.errors[0]?.message.en).to.match(/passphrase/);
    }
  });

  it('works with a host-provided non-extractable CryptoKey and refuses another key', async () => {
    const name = freshName();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const store = await openStore({ name, encryption: { key } });
    const events = await makeEvents('case-1', 2);
    await store.append({ caseId: 'case-1', expectedSeq: 0, events, index: indexRow('case-1', 2) });
    store.close();
    const again = await openStore({ name, encryption: { key } });
    expect(await again.readJournal('case-1')).to.deep.equal(events);
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const refused = await openDexieCaseStore({ name, encryption: { key: other } });
    expect(!refused.ok && refused.errors[0]?.code).to.equal('STORE_WRONG_KEY');
    const mixedUp = await openDexieCaseStore({ name, encryption: { passphrase: 'Etiketten-Probe 2026 xy!' } });
    expect(!mixedUp.ok && mixedUp.errors[0]?.code).to.equal('STORE_ENCRYPTION_MISMATCH');
    const off = await openDexieCaseStore({ name, encryption: 'off' });
    expect(!off.ok && off.errors[0]?.code).to.equal('STORE_ENCRYPTION_MISMATCH');
  });

  it('lock() discards the key: reads are refused with STORE_LOCKED until unlock; a wrong unlock is refused', async () => {
    const store = await openStore({ encryption: { passphrase: 'Richtig-Kennwort 2026 ok' }, ...fast });
    const events = await makeEvents('case-1', 1);
    await store.append({ caseId: 'case-1', expectedSeq: 0, events, index: indexRow('case-1', 1) });
    store.lock();
    expect(store.locked).to.equal(true);
    expect(await refusalOf(() => store.readJournal('case-1'))).to.equal('STORE_LOCKED');
    expect(await refusalOf(() => store.listCases())).to.equal('STORE_LOCKED');
    const append = await store.append({ caseId: 'case-2', expectedSeq: 0, events: await makeEvents('case-2', 1) });
    expect(!append.ok && append.errors[0]?.code).to.equal('STORE_LOCKED');
    const wrong = await store.unlock({ passphrase: 'falsch' });
    expect(!wrong.ok && wrong.errors[0]?.code).to.equal('STORE_WRONG_KEY');
    expect(store.locked).to.equal(true);
    expect((await store.unlock({ passphrase: 'Richtig-Kennwort 2026 ok' })).ok).to.equal(true);
    expect(await store.readJournal('case-1')).to.deep.equal(events);
  });

  it('tells live observers STORE_LOCKED after lock() instead of emitting garbage', async () => {
    const store = await openStore({ encryption: { passphrase: 'Probe-Kennwort 7 Tage!' }, ...fast });
    await store.append({
      caseId: 'case-1',
      expectedSeq: 0,
      events: await makeEvents('case-1', 1),
      index: indexRow('case-1', 1),
    });
    store.lock();
    const code = await new Promise<string>((resolve) => {
      const subscription = store.observeJournal('case-1').subscribe({
        next: () => resolve('emitted'),
        error: (error) => {
          subscription.unsubscribe();
          resolve(error instanceof StoreRefusalError ? error.code : String(error));
        },
      });
    });
    expect(code).to.equal('STORE_LOCKED');
  });

  it('DP-37: locks itself after the configured inactivity', async () => {
    const store = await openStore({
      encryption: { passphrase: 'Probe-Kennwort 7 Tage!' },
      lockAfterIdleMs: 50,
      ...fast,
    });
    expect(store.locked).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(store.locked).to.equal(true);
  });

  it('DP-32: erasure re-seals the case under a new key, so the old ciphertext cannot be opened any more', async () => {
    const name = freshName();
    const store = await openStore({ name, encryption: { passphrase: 'Probe-Kennwort 7 Tage!' }, ...fast });
    const notes = await makeEvents('case-1', 3);
    const events = [...notes, await erasureDecision('case-1', notes[2]!, [2])];
    await store.append({ caseId: 'case-1', expectedSeq: 0, events, index: indexRow('case-1', 4) });
    const keyBefore = ((await rawValues(name, 'keys')) as { keyId: string }[])[0]?.keyId;
    expect((await store.erasePayloads('case-1', [2], '2026-05-01T00:00:00.000Z', 'DP-32')).ok).to.equal(true);
    const keyAfter = ((await rawValues(name, 'keys')) as { keyId: string }[])[0]?.keyId;
    expect(keyAfter).to.be.a('string').and.not.equal(keyBefore);
    const read = await store.readJournal('case-1');
    expect(read[1]?.payload).to.deep.equal({ erased: true, erasedAt: '2026-05-01T00:00:00.000Z', rule: 'DP-32' });
    expect(read[0]?.payload).to.deep.equal(events[0]?.payload);
    expect((await verifyJournal(read)).ok).to.equal(true);
  });

  it('DP-36: deleteStream removes events, index row and the case key (crypto-shredding)', async () => {
    const name = freshName();
    const store = await openStore({ name, encryption: { passphrase: 'Probe-Kennwort 7 Tage!' }, ...fast });
    await store.append({
      caseId: 'case-1',
      expectedSeq: 0,
      events: await makeEvents('case-1', 2),
      index: indexRow('case-1', 2),
    });
    await store.append({
      caseId: 'case-2',
      expectedSeq: 0,
      events: await makeEvents('case-2', 1),
      index: indexRow('case-2', 1),
    });
    await store.deleteStream('case-1');
    const keys = (await rawValues(name, 'keys')) as { caseId: string }[];
    expect(keys.map((row) => row.caseId)).to.deep.equal(['case-2']);
    expect(
      ((await rawValues(name, 'events')) as { caseId: string }[]).every((row) => row.caseId === 'case-2'),
    ).to.equal(true);
    expect(await store.getCase('case-1')).to.equal(undefined);
    expect(await store.readJournal('case-2')).to.have.length(1);
  });
});
