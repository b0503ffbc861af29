/**
 * Entry of the demo page (`npm start`). Bundled with lit, dexie and zod into one offline file.
 */
import { MemoryCaseStore, type CaseStore } from '@fallkit/core';
import { openDexieCaseStore } from '@fallkit/store-dexie';
import { mountDemoShell } from './demo-shell.js';

/** The demo's IndexedDB database; a host uses one per tenant or user. */
const DATABASE_NAME = 'fallkit-demo';

/**
 * The demo's store: IndexedDB through Dexie. Encryption at rest is off because the demo holds only invented
 * cases and no key management (a host sets a passphrase or key here, DP-37). Where the browser refuses
 * IndexedDB (some private modes), the page still works on an in-memory store and says so.
 */
async function openStore(): Promise<{ store: CaseStore; name: string }> {
  const opened = await openDexieCaseStore({ name: DATABASE_NAME, encryption: 'off' });
  if (opened.ok) return { store: opened.value, name: `IndexedDB „${DATABASE_NAME}“ (Dexie)` };
  const reason = opened.errors.map((error) => error.message.de).join('; ');
  return { store: new MemoryCaseStore(), name: `Arbeitsspeicher – IndexedDB nicht verfügbar (${reason})` };
}

const root = document.querySelector<HTMLElement>('#app');
if (root) {
  const { store, name } = await openStore();
  mountDemoShell(root, store, name);
}
