/*
 * What the demo's browser tests share: polling for the page, reading text through shadow roots, and the
 * demo mounted on a database of its own.
 */
import { mountDemo, type FallkitDemo } from '../../packages/demo/src/demo-shell.js';
import { deleteDatabase } from '../../packages/demo/src/app/demo-session.js';

/** Polls until `find` returns something, so a test waits for the page without fixed sleeps. */
export async function waitFor<T>(
  find: () => T | null | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The text of a node and of every shadow root below it. */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) out += `${n.textContent ?? ''} `;
    const shadow = (n as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out;
}

/** A demo mounted in the page on its own database, opened at `hash`; `close` removes it and the database. */
export interface MountedDemo {
  readonly root: HTMLElement;
  readonly app: FallkitDemo;
  close(): Promise<void>;
}

/** Mounts the demo on a fresh database named after `name`, at `hash` (route, `als=` actor, `lang=`). */
export async function mountedDemo(name: string, hash: string): Promise<MountedDemo> {
  const databaseName = `fallkit-demo-${name}-${Date.now()}`;
  const root = document.createElement('div');
  document.body.append(root);
  window.location.hash = hash;
  const app = mountDemo(root, { databaseName, passphrase: 'Demo-Test-Kennwort 2026!' });
  await waitFor(() => app.demoSession, 'the session');
  return {
    root,
    app,
    async close() {
      window.location.hash = '';
      root.remove();
      await deleteDatabase(databaseName);
    },
  };
}
