import { openDexieCaseStore, type DexieCaseStore } from '@fallkit/store-dexie';
import { runExampleCases, type ExampleCase } from '@fallkit/core/examples';
import { type Actor, type CaseState } from '@fallkit/core';

/** Polls until `find` gives something truthy (async allowed), so tests wait without fixed sleeps. */
export async function waitFor<T>(
  find: () => T | Promise<T> | null | undefined | false,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const found = await find();
    if (found) return found as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A fresh Dexie database holding one example case; its store stays open for the test's own reads. */
export async function seededDatabase(
  example: ExampleCase,
): Promise<{ name: string; store: DexieCaseStore; state: CaseState; caseManager: Actor }> {
  const name = `fallkit-write-path-${crypto.randomUUID()}`;
  const opened = await openDexieCaseStore({ name, encryption: 'off' });
  if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
  const { results } = await runExampleCases({ store: opened.value, cases: [example] });
  const state = results[0]!.state;
  const cm = state.caseManagers.filter((m) => m.to === undefined).at(-1)!;
  return {
    name,
    store: opened.value,
    state,
    caseManager: { id: cm.userId, role: 'caseManager', agencyId: cm.agencyId, name: 'Sabine Krüger' },
  };
}

/** Deletes a test database (also when a connection of another realm is still closing). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => undefined;
  });
}

type Rendered = HTMLElement & { updateComplete: Promise<unknown> };

/** The native control inside the Fallkit field at `path` of a form. */
export function controlAt<T extends HTMLElement = HTMLInputElement>(el: HTMLElement, path: string): T {
  const field = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`);
  if (!field) throw new Error(`no field ${path}`);
  const inner = field.shadowRoot!.querySelector<T>('input, textarea, select');
  if (!inner) throw new Error(`no control in ${path}`);
  return inner;
}

/** Types into the field at `path` as a user would (input and change), then waits for the render. */
export async function typeAt(el: Rendered, path: string, text: string): Promise<void> {
  const control = controlAt<HTMLInputElement>(el, path);
  const view = control.ownerDocument.defaultView as typeof window;
  control.value = text;
  control.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new view.Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A button in a form's shadow root by its text or aria-label. */
export function buttonOf(el: HTMLElement, label: RegExp): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

/** All text of an element including its shadow roots. */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    // Duck-typed, not `instanceof`: nodes of a tab's iframe belong to another realm.
    if (n.nodeType === 3) out += n.textContent;
    const shadow = n.nodeType === 1 ? (n as Element).shadowRoot : null;
    if (shadow) walk(shadow);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out.replace(/\s+/g, ' ');
}
