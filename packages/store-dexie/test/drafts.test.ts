import { expect } from 'chai';
import Dexie from 'dexie';
import { DexieDraftStore, draftScopeOf, draftsDatabaseName, StoreRefusalError } from '../src/index.js';
import { CLIENT_NAME, cleanUp, freshName, openStore, rawText, rawValues } from './helpers.js';

/** A form value as the components keep it: case text with the client's name. */
const DRAFT = {
  text: `Gespräch mit ${CLIENT_NAME}: Mietschulden 1.200 €, Termin bei der Schuldnerberatung.`,
  domains: [{ domainId: 'debts', problems: 'Mietschulden' }],
  agreed: false,
};

const opened: DexieDraftStore[] = [];

function draftsFor(store: ConstructorParameters<typeof DexieDraftStore>[0]['store']): DexieDraftStore {
  const drafts = new DexieDraftStore({ store });
  opened.push(drafts);
  return drafts;
}

async function refusalOf(work: unknown): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreRefusalError);
    return (error as StoreRefusalError).refusal.code;
  }
}

describe('store-dexie: drafts (issue 8, DP-37)', () => {
  const names: string[] = [];

  afterEach(async () => {
    for (const drafts of opened.splice(0)) drafts.close();
    await cleanUp();
    for (const name of names.splice(0)) await Dexie.delete(draftsDatabaseName(name));
  });

  function freshStoreName(): string {
    const name = freshName('fallkit-drafts');
    names.push(name);
    return name;
  }

  it('round trip: set, get, overwrite, delete; the drafts live in `<name>-drafts`, not in the store schema', async () => {
    const name = freshStoreName();
    const store = await openStore({ name });
    const drafts = draftsFor(store);
    expect(drafts.name).to.equal(`${name}-drafts`);
    expect(await drafts.get('case-1::assessment')).to.equal(undefined);
    await drafts.set('case-1::assessment', DRAFT);
    expect(await drafts.get('case-1::assessment')).to.deep.equal(DRAFT);
    await drafts.set('case-1::assessment', { ...DRAFT, agreed: true });
    expect(await drafts.get('case-1::assessment')).to.deep.include({ agreed: true });
    expect(await drafts.keys()).to.deep.equal(['case-1::assessment']);
    await drafts.delete('case-1::assessment');
    expect(await drafts.get('case-1::assessment')).to.equal(undefined);
    expect(store.database.tables.map((t) => t.name)).to.not.include('drafts');
  });

  it('survives a new store instance (page reload), encrypted with a passphrase', async () => {
    const name = freshStoreName();
    const first = await openStore({
      name,
      encryption: { passphrase: 'Sonnenblume-Herbst-42' },
    });
    await draftsFor(first).set('case-7::help-plan', DRAFT);
    first.close();
    const second = await openStore({
      name,
      encryption: { passphrase: 'Sonnenblume-Herbst-42' },
    });
    expect(await draftsFor(second).get('case-7::help-plan')).to.deep.equal(DRAFT);
  });

  it('DP-37: with an encrypted store the raw IndexedDB drafts hold no plaintext; unencrypted ones do (the check is meaningful)', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const name = freshStoreName();
    const store = await openStore({ name, encryption: { key } });
    const drafts = draftsFor(store);
    await drafts.set('case-3::goals', DRAFT);
    const raw = rawText(await rawValues(draftsDatabaseName(name), 'drafts'));
    expect(raw).to.include('case-3::goals');
    expect(raw).to.not.include(CLIENT_NAME);
    expect(raw).to.not.include('Yılmaz');
    expect(raw).to.not.include('Mietschulden');
    expect(await drafts.get('case-3::goals')).to.deep.equal(DRAFT);

    const plainName = freshStoreName();
    const plain = draftsFor(await openStore({ name: plainName, encryption: 'off' }));
    await plain.set('case-3::goals', DRAFT);
    expect(rawText(await rawValues(draftsDatabaseName(plainName), 'drafts'))).to.include(CLIENT_NAME);
  });

  it('DP-37: while the store is locked drafts are refused with STORE_LOCKED; after unlock they are back', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const name = freshStoreName();
    const store = await openStore({ name, encryption: { key } });
    const drafts = draftsFor(store);
    await drafts.set('case-4::note', DRAFT);
    store.lock();
    expect(await refusalOf(drafts.get('case-4::note'))).to.equal('STORE_LOCKED');
    expect(await refusalOf(drafts.set('case-4::note', { text: 'neu' }))).to.equal('STORE_LOCKED');
    // The sealed draft stays at rest.
    expect(await drafts.keys()).to.deep.equal(['case-4::note']);
    expect((await store.unlock({ key })).ok).to.equal(true);
    // The plain copy in memory was forgotten with the lock: the draft now comes from the sealed row.
    const fromDatabase = drafts.get('case-4::note');
    expect(fromDatabase).to.be.instanceOf(Promise);
    expect(await fromDatabase).to.deep.equal(DRAFT);
  });

  it('issue 8: a kept draft is answered from memory at once; a delete right after a set is not overtaken by it', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const name = freshStoreName();
    const store = await openStore({ name, encryption: { key } });
    const drafts = draftsFor(store);
    const keeping = drafts.set('case-8::goals', DRAFT);
    // Synchronous answer (a re-created element finds its draft before the database write finished).
    expect(drafts.get('case-8::goals')).to.deep.equal(DRAFT);
    void drafts.set('case-8::notes', DRAFT);
    await drafts.delete('case-8::notes');
    await keeping;
    const reloaded = draftsFor(store);
    expect(await reloaded.get('case-8::goals')).to.deep.equal(DRAFT);
    expect(await reloaded.get('case-8::notes')).to.equal(undefined);
    expect(await reloaded.keys()).to.deep.equal(['case-8::goals']);
  });

  it('a draft sealed under another key is refused with STORE_WRONG_KEY, never shown', async () => {
    const name = freshStoreName();
    const keyA = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const keyB = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const storeA = await openStore({ name, encryption: { key: keyA } });
    await draftsFor(storeA).set('case-5::closure', DRAFT);
    const otherName = freshStoreName();
    const storeB = await openStore({ name: otherName, encryption: { key: keyB } });
    // The other store reads the first store's drafts database (a host mixing up names).
    const confused = new DexieDraftStore({ store: storeB, name: draftsDatabaseName(name) });
    opened.push(confused);
    expect(await refusalOf(confused.get('case-5::closure'))).to.equal('STORE_WRONG_KEY');
  });

  it('deleteDraftsFor(caseId) deletes every draft of that case and only those, also while locked', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const name = freshStoreName();
    const store = await openStore({ name, encryption: { key } });
    const drafts = draftsFor(store);
    await drafts.set('case-1::assessment', DRAFT);
    await drafts.set('case-1::goals', DRAFT);
    await drafts.set('case-10::goals', DRAFT);
    await drafts.set('standalone:intake::intake', DRAFT);
    store.lock();
    expect(await drafts.deleteDraftsFor('case-1')).to.equal(2);
    expect((await drafts.keys()).sort()).to.deep.equal(['case-10::goals', 'standalone:intake::intake']);
    await drafts.delete('case-10::goals');
    expect(await drafts.keys()).to.deep.equal(['standalone:intake::intake']);
    await drafts.clear();
    expect(await drafts.keys()).to.deep.equal([]);
  });

  it('draft scopes follow the components’ keys (`<caseId>::<formId>`)', () => {
    expect(draftScopeOf('kim-2026-0100::assessment')).to.equal('kim-2026-0100');
    expect(draftScopeOf('standalone:intake::intake')).to.equal('standalone:intake');
    expect(draftScopeOf('no-separator')).to.equal('no-separator');
  });
});
