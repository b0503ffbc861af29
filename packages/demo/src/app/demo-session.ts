/**
 * Everything the demo page works on: the encrypted Dexie store, the case service acting as the chosen
 * actor, the data-protected case views, and the port `<fk-case-provider>` hands to the components.
 */
import { EXAMPLE_CASES } from '@fallkit/core/examples';
import {
  createCaseDocuments,
  createCaseService,
  createCaseViews,
  randomIds,
  systemClock,
  type Actor,
  type CaseService,
  type CaseViews,
  type Refusal,
  type Result,
} from '@fallkit/core';
import { DexieDraftStore, openDexieCaseStore, type DexieCaseStore } from '@fallkit/store-dexie';
import { connectCaseService, plainWords, type CaseServicePort } from '@fallkit/components';
import { DEMO_ACTORS, type DemoActor } from './demo-actors.js';
import { seedDemo, type SeedReport } from './demo-seed.js';

/** The demo's IndexedDB database; a host uses one per tenant or user. */
export const DEMO_DATABASE = 'fallkit-demo';

/**
 * The passphrase of the demo database. Encryption at rest is on, as DP-37 asks of every real installation;
 * the demo prints its passphrase because its cases are invented. A real host asks the logged-in user or
 * takes a key from its key management, and never shows it. It meets the store's minimum strength
 * (DP-37 key hygiene: 12 characters and an estimated 60 bits, docs/store.md).
 */
export const DEMO_PASSPHRASE = 'Musterstadt-Demo 2026, Akten!';

/** Roles that work on a case: they see its history (the journal's envelopes) and edit its stages. */
const CASE_WORK_ROLES: readonly string[] = ['caseManager', 'deputy', 'intake'];

/** Whether an actor works on the cases it may view (sees their history, edits them); others only read. */
export function worksOnCase(actor: Actor): boolean {
  return CASE_WORK_ROLES.includes(actor.role);
}

/** An opened demo: store, service, views and the current actor. */
export interface DemoSession {
  readonly store: DexieCaseStore;
  /**
   * Unsaved form input, sealed with the store's key in a database beside it (`<name>-drafts`): a reload
   * or a re-lock mid-form loses nothing, and the draft is back once the store is unlocked again (DP-37:
   * nothing in clear).
   */
  readonly drafts: DexieDraftStore;
  readonly service: CaseService;
  readonly views: CaseViews;
  /** The port for `<fk-case-provider>`: reads go through the data-protected views. */
  readonly port: CaseServicePort;
  readonly databaseName: string;
  /** What the first start seeded (undefined when the database already held cases). */
  readonly seed: SeedReport | undefined;
  actor: DemoActor;
}

/** Options of {@link openDemoSession}. */
export interface DemoSessionOptions {
  readonly databaseName?: string;
  readonly passphrase: string;
  /** Seed the example cases into an empty database (default true). */
  readonly seed?: boolean;
}

async function openStore(name: string, passphrase: string): Promise<Result<DexieCaseStore>> {
  const opened = await openDexieCaseStore({ name, encryption: { passphrase } });
  // A database left by an older, unencrypted demo holds invented cases only: start it afresh.
  if (!opened.ok && opened.errors.some((error) => error.code === 'STORE_ENCRYPTION_MISMATCH')) {
    await deleteDatabase(name);
    return openDexieCaseStore({ name, encryption: { passphrase } });
  }
  return opened;
}

/** Deletes an IndexedDB database (resolves also when it did not exist). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`deleteDatabase(${name}) failed`));
    // Another tab still holds it open; it closes itself on versionchange, so this resolves soon after.
    request.onblocked = () => undefined;
  });
}

/**
 * Opens (or creates) the encrypted demo database with the passphrase, seeds the example cases into an
 * empty one and builds the service and views. A wrong passphrase is refused with `STORE_WRONG_KEY`.
 */
export async function openDemoSession(options: DemoSessionOptions): Promise<Result<DemoSession>> {
  const databaseName = options.databaseName ?? DEMO_DATABASE;
  const opened = await openStore(databaseName, options.passphrase);
  if (!opened.ok) return opened;
  const store = opened.value;
  let seed: SeedReport | undefined;
  // A fresh database has no example case yet (the store is asked directly: trusted host code, no case content).
  if (options.seed !== false && (await store.getCase(EXAMPLE_CASES[0]!.caseId)) === undefined) {
    seed = await seedDemo(store);
  }
  const session = {} as DemoSession;
  let current: DemoActor = DEMO_ACTORS[0]!;
  const actorSource = { current: (): Actor => current.actor };
  const service = createCaseService({ store, clock: systemClock, ids: randomIds, actor: actorSource });
  // The demo's store is the Musterstadt network's shared one: its statistics office reports on all of it
  // (an operator's setting; skeletons and suppressed cells only, DP-33).
  const views = createCaseViews({ service, store, clock: systemClock, ids: randomIds, reportPopulation: 'store' });
  Object.assign(session, {
    store,
    drafts: new DexieDraftStore({ store }),
    service,
    views,
    port: connectCaseService({
      service,
      views,
      clock: systemClock,
      documents: createCaseDocuments({ service, views, store }),
    }),
    databaseName,
    seed,
  });
  Object.defineProperty(session, 'actor', {
    get: () => current,
    set: (next: DemoActor) => {
      current = next;
    },
    enumerable: true,
  });
  return { ok: true, value: session };
}

/** Closes the store and its drafts database (the sealed drafts stay for the next unlock). */
export function closeDemoSession(session: DemoSession): void {
  session.drafts.close();
  session.store.close();
}

/** "Demodaten zurücksetzen": closes the store, deletes the database and opens a freshly seeded one. */
export async function resetDemoSession(session: DemoSession, passphrase: string): Promise<Result<DemoSession>> {
  await session.drafts.clear();
  closeDemoSession(session);
  await deleteDatabase(session.databaseName);
  const reopened = await openDemoSession({ databaseName: session.databaseName, passphrase });
  if (reopened.ok) reopened.value.actor = session.actor;
  return reopened;
}

/** The unlock page's own sentences for the store's refusals ("Passwort", as the field is labelled). */
const UNLOCK_WORDS: Readonly<Record<string, { readonly de: string; readonly en: string }>> = {
  STORE_WRONG_KEY: {
    de: 'Das Passwort stimmt nicht. Bitte noch einmal eingeben.',
    en: 'The password is not correct. Please enter it again.',
  },
  STORE_WEAK_PASSPHRASE: {
    de: 'Das Passwort ist zu kurz oder zu einfach (mindestens 12 Zeichen).',
    en: 'The password is too short or too simple (at least 12 characters).',
  },
};

/** The refusals' plain sentences in the page's language (codes only in the administrators' details). */
export function refusalText(errors: readonly Refusal[], lang: 'de' | 'en'): string {
  return [...new Set(errors.map((error) => UNLOCK_WORDS[error.code]?.[lang] ?? plainWords(error.message[lang])))].join(
    ' ',
  );
}
