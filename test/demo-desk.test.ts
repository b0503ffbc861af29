/**
 * The demo at the desk (issue 21 items 5-7, 9, 11; issue 22 search and team view): drafts that survive a
 * reload, plain words instead of codes, the caseload's search, the team lead's overview, 375 px.
 */
import { expect } from 'chai';
import { mountDemo, type FallkitDemo } from '../packages/demo/src/demo-shell.js';
import { deleteDatabase } from '../packages/demo/src/app/demo-session.js';

const PASSPHRASE = 'Demo-Test-Kennwort 2026!';

/** Polls until `find` returns something. */
async function waitFor<T>(find: () => T | null | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
function deepAll<E extends Element>(root: ParentNode, selector: string): E[] {
  const out: E[] = [...root.querySelectorAll<E>(selector)];
  for (const element of root.querySelectorAll('*'))
    if (element.shadowRoot) out.push(...deepAll<E>(element.shadowRoot, selector));
  return out;
}

/** The visible text of a node and of every shadow root below it (closed details' content left out). */
function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) out += `${n.textContent ?? ''} `;
    if (n instanceof HTMLDetailsElement && !n.open) {
      const summary = n.querySelector('summary');
      if (summary) walk(summary);
      return;
    }
    if (n instanceof HTMLStyleElement || n instanceof HTMLScriptElement) return;
    const shadow = (n as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out;
}

interface Mounted {
  root: HTMLElement;
  app: FallkitDemo;
}

function mount(databaseName: string, hash: string, passphrase: string | undefined = PASSPHRASE): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  window.location.hash = hash;
  const app = mountDemo(root, { databaseName, ...(passphrase ? { passphrase } : {}) });
  return { root, app };
}

describe('demo at the desk', function () {
  this.timeout(120_000);
  const databases: string[] = [];
  const roots: HTMLElement[] = [];
  const dbName = (name: string) => {
    const full = `fallkit-desk-${name}-${Date.now()}`;
    databases.push(full);
    return full;
  };
  afterEach(async () => {
    window.location.hash = '';
    for (const root of roots.splice(0)) root.remove();
    for (const name of databases.splice(0)) {
      await deleteDatabase(name);
      await deleteDatabase(`${name}-drafts`);
    }
  });

  it('DP-37: a draft typed mid-form is sealed, survives a reload and a re-lock, and is back after unlocking', async () => {
    const databaseName = dbName('drafts');
    const first = mount(databaseName, '#/');
    roots.push(first.root);
    const session = await waitFor(() => first.app.demoSession, 'the session');
    const opened = await session.service.execute({
      type: 'openCase',
      input: {
        openedOn: '2026-06-01',
        addressee: { roles: ['addressee'], givenName: 'Mira', familyName: 'Entwurf' },
        leadAgency: { agencyId: 'kim-musterstadt', name: 'KIM Musterstadt', legalDomain: 'SGB_XII' },
        caseManager: { userId: session.actor.actor.id, agencyId: 'kim-musterstadt' },
        legalDomains: [{ domain: 'SGB_XII' }],
      },
    });
    expect(opened.ok).to.equal(true);
    if (!opened.ok) return;
    const caseId = opened.value.caseId;
    window.location.hash = `#/fall/${caseId}/intake`;
    const field = await waitFor(
      () => deepAll<HTMLTextAreaElement>(first.root, 'fk-intake-screening textarea, textarea')[0],
      'a text area of the intake form',
    );
    field.value = 'Zuweisung telefonisch, Rückruf vereinbart';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    // The draft reaches the drafts database sealed (no clear text in IndexedDB).
    await waitFor(async () => (await session.drafts.keys()).length > 0, 'the stored draft');
    const keys = await session.drafts.keys();
    expect(keys.some((key) => key.startsWith(`${caseId}::`))).to.equal(true);
    const raw = await new Promise<string>((resolve, reject) => {
      const request = indexedDB.open(`${databaseName}-drafts`);
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction(db.objectStoreNames[0]!, 'readonly');
        const all = tx.objectStore(db.objectStoreNames[0]!).getAll();
        all.onsuccess = () => {
          db.close();
          resolve(
            JSON.stringify(all.result, (_key, value: unknown) =>
              value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? '[bytes]' : value,
            ),
          );
        };
        all.onerror = () => reject(all.error);
      };
      request.onerror = () => reject(request.error);
    });
    expect(raw).to.not.contain('Rückruf vereinbart');

    // "Reload": the page goes away, a new one opens locked and asks for the password.
    first.root.remove();
    const second = mount(databaseName, `#/fall/${caseId}/intake`, undefined);
    roots.push(second.root);
    const input = await waitFor(() => second.root.querySelector<HTMLInputElement>('#passphrase'), 'the unlock form');
    input.value = PASSPHRASE;
    second.root.querySelector<HTMLButtonElement>('.unlock-form button')!.click();
    await waitFor(
      () =>
        deepAll<HTMLTextAreaElement>(second.root, 'textarea').some(
          (area) => area.value === 'Zuweisung telefonisch, Rückruf vereinbart',
        ),
      'the restored draft',
    );
  });
});
