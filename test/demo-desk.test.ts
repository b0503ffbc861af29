/**
 * The demo at the desk (issue 21 items 5-7, 9, 11; issue 22 search and team view): drafts that survive a
 * reload, plain words instead of codes, the caseload's search, the team lead's overview, 375 px.
 */
import { expect } from 'chai';
import { mountDemo, type FallkitDemo } from '../packages/demo/src/demo-shell.js';
import { deleteDatabase } from '../packages/demo/src/app/demo-session.js';
import { showsRawCode } from '@fallkit/components';
import { waitFor } from './support/demo-page.js';

const PASSPHRASE = 'Demo-Test-Kennwort 2026!';

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

/** Mounts the demo; `passphrase: null` leaves it locked, as a reloaded page is. */
function mount(databaseName: string, hash: string, passphrase: string | null = PASSPHRASE): Mounted {
  const root = document.createElement('div');
  document.body.append(root);
  window.location.hash = hash;
  const app = mountDemo(root, { databaseName, ...(passphrase === null ? {} : { passphrase }) });
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
    const second = mount(databaseName, `#/fall/${caseId}/intake`, null);
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

  it('the unlock page speaks plainly: no IndexedDB, AES-GCM or PBKDF2; a wrong password says "Passwort", as the field does', async () => {
    const databaseName = dbName('unlock');
    const page = mount(databaseName, '#/', null);
    roots.push(page.root);
    const unlock = await waitFor(() => page.root.querySelector<HTMLElement>('section.unlock'), 'the unlock page');
    expect(unlock.textContent).to.not.match(/IndexedDB|AES|PBKDF2|Kennwort|DP-\d+/);
    expect(unlock.querySelector('label')!.textContent).to.equal('Passwort');
    // Create the database first, then come back with a wrong password.
    const input = unlock.querySelector<HTMLInputElement>('#passphrase')!;
    input.value = PASSPHRASE;
    unlock.querySelector<HTMLButtonElement>('button')!.click();
    await waitFor(() => page.root.querySelector('table.caseload'), 'the seeded caseload');
    page.root.remove();
    const again = mount(databaseName, '#/', null);
    roots.push(again.root);
    const field = await waitFor(
      () => again.root.querySelector<HTMLInputElement>('#passphrase'),
      'the unlock form again',
    );
    field.value = 'Ganz-falsches-Passwort 99';
    again.root.querySelector<HTMLButtonElement>('.unlock-form button')!.click();
    const error = await waitFor(() => again.root.querySelector('#unlock-error'), 'the error');
    expect(error.textContent).to.contain('Das Passwort stimmt nicht');
    expect(showsRawCode(error.textContent!)).to.equal(false);
    expect(error.textContent).to.not.contain('Kennwort');
  });

  it("DP-23: as the partner agency, a case page names the purpose in words and shows codes and rule ids only in the administrators' details", async () => {
    const databaseName = dbName('words');
    const page = mount(databaseName, '#/?als=schuldnerberatung');
    roots.push(page.root);
    await waitFor(() => page.app.demoSession, 'the session');
    const link = await waitFor(
      () => page.root.querySelector<HTMLAnchorElement>('table.caseload tbody a'),
      'a case of the partner',
    );
    window.location.hash = link.getAttribute('href')!;
    const panel = await waitFor(() => page.root.querySelector<HTMLElement>('.view-panel'), 'the view panel');
    await waitFor(() => deepAll(page.root, 'fk-case-overview').length > 0, 'the overview');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(panel.textContent).to.contain('Fallsteuerung');
    expect(panel.textContent).to.not.contain('caseManagement');
    const visible = deepText(page.root.querySelector('main')!);
    const raw = visible.split(/\s+/).filter((word) => showsRawCode(word));
    expect(raw, raw.join(' ')).to.deep.equal([]);
  });

  it('DP-23, DP-28: the caseload names the persons through the search channel, sorts, and the team lead sees the team overview without names', async () => {
    const databaseName = dbName('caseload');
    const page = mount(databaseName, '#/?als=kim');
    roots.push(page.root);
    const session = await waitFor(() => page.app.demoSession, 'the session');
    const table = await waitFor(() => page.root.querySelector<HTMLTableElement>('table.caseload'), 'the caseload');
    const found = await session.views.searchCases({ query: {} });
    if (!found.ok) throw new Error('search refused');
    const named = found.value.find((hit) => hit.name)!;
    await waitFor(() => table.textContent!.includes(named.name!), 'a name in the caseload');
    // Sorting by name through the select.
    const sort = page.root.querySelector<HTMLSelectElement>('.sort-switch select')!;
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    const byName = await session.views.searchCases({ query: { sort: 'name' } });
    if (!byName.ok) throw new Error('search refused');
    await waitFor(
      () =>
        page.root.querySelector('table.caseload tbody tr')?.getAttribute('data-case-id') ===
        byName.value[0]!.row.caseId,
      'the caseload sorted by name',
    );
    // The team lead: the overview, and no client's name anywhere on the page.
    window.location.hash = '#/?als=teamlead';
    await waitFor(() => session.actor.actor.role === 'teamLead', 'the team lead');
    const expected = await session.views.teamOverview();
    if (!expected.ok) throw new Error('team overview refused');
    const overview = await waitFor(() => {
      const el = page.root.querySelector('fk-team-overview');
      const text = el ? deepText(el) : '';
      return el && (text.includes('Fälle je Fachkraft') || text.includes('Keine offenen Fälle')) && el;
    }, 'the team overview');
    expect(deepAll(overview.shadowRoot!, 'tbody tr')).to.have.length(expected.value.workers.length);
    expect(deepText(overview)).to.contain('Teamübersicht');
    await waitFor(
      () => deepText(page.root.querySelector('table.caseload') ?? page.root).includes('für Sie ausgeblendet'),
      'names withheld',
    );
    expect(deepText(page.root.querySelector('main')!)).to.not.contain(named.name!);
    // Issue 21: a deadline the team lead's view withholds reads "für Sie ausgeblendet", never "–" (nothing due).
    const leadHits = await session.views.searchCases({ query: {} });
    if (!leadHits.ok) throw new Error('search refused');
    const withheld = leadHits.value.filter((hit) => hit.deadlinesWithheld && hit.row.nextDueDate === null);
    expect(withheld.length, 'cases whose deadlines the team lead may not see').to.be.greaterThan(0);
    // The rows come from the list channel first and take the search channel's hits when they arrive.
    const dueText = (caseId: string) =>
      [...(page.root.querySelector(`table.caseload tbody tr[data-case-id="${caseId}"]`)?.querySelectorAll('td') ?? [])]
        .at(-1)
        ?.textContent?.trim();
    for (const hit of withheld)
      await waitFor(
        () => dueText(hit.row.caseId) === 'für Sie ausgeblendet',
        `the withheld deadline of ${hit.row.caseId}`,
      );
    for (const hit of withheld) expect(dueText(hit.row.caseId), hit.row.caseId).to.equal('für Sie ausgeblendet');
    // The legal domains are benefits data the team lead's view withholds: the column says so, not an empty cell.
    const domainsText = (caseId: string) =>
      [...(page.root.querySelector(`table.caseload tbody tr[data-case-id="${caseId}"]`)?.querySelectorAll('td') ?? [])]
        .at(-2)
        ?.textContent?.trim();
    const domainsWithheld = leadHits.value.filter(
      (hit) => hit.legalDomainsWithheld && hit.row.legalDomains.length === 0,
    );
    expect(domainsWithheld.length, 'cases whose legal domains the team lead may not see').to.be.greaterThan(0);
    for (const hit of domainsWithheld)
      expect(domainsText(hit.row.caseId), hit.row.caseId).to.equal('für Sie ausgeblendet');
  });

  it('DP-23: a new case for a person the actor already has a case for is held back with the matching case, and opens on the second try', async () => {
    const databaseName = dbName('duplicates');
    const page = mount(databaseName, '#/?als=kim');
    roots.push(page.root);
    const session = await waitFor(() => page.app.demoSession, 'the session');
    await waitFor(() => page.root.querySelector('table.caseload'), 'the caseload');
    const found = await session.views.searchCases({ query: {} });
    if (!found.ok) throw new Error('search refused');
    const hit = found.value.find((candidate) => candidate.name && candidate.birthDate)!;
    const visible = await session.views.viewCase(hit.row.caseId, 'caseManagement');
    if (!visible.ok) throw new Error('view refused');
    const details = page.root.querySelector<HTMLDetailsElement>('details.new-case')!;
    details.open = true;
    const form = page.root.querySelector<HTMLFormElement>('.new-case-form')!;
    const [given, ...family] = hit.name!.split(' ');
    (form.elements.namedItem('givenName') as HTMLInputElement).value = given!;
    (form.elements.namedItem('familyName') as HTMLInputElement).value = family.join(' ');
    (form.elements.namedItem('birthDate') as HTMLInputElement).value = hit.birthDate!;
    const before = (await session.store.listCases()).length;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const warning = await waitFor(() => {
      const box = form.querySelector<HTMLElement>('.duplicates');
      return box && !box.hidden && box;
    }, 'the duplicate warning');
    expect(warning.textContent).to.contain(hit.row.label ?? hit.row.caseId);
    expect((await session.store.listCases()).length).to.equal(before);
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(async () => (await session.store.listCases()).length === before + 1, 'the case opened anyway');
  });

  it('375 px: no horizontal scroll on the caseload and a case page; a skip link is the first Tab stop and moves focus into the content', async () => {
    // The page as served, on a database of its own (demo-shell.test.ts serves it on the default one at the same
    // time); deleted after the test.
    const frame = document.createElement('iframe');
    frame.style.inlineSize = '375px';
    frame.style.blockSize = '800px';
    frame.src = `/packages/demo/index.html?demo-db=fallkit-demo-375&demo-passphrase=${encodeURIComponent(PASSPHRASE)}#/`;
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const doc = frame.contentDocument!;
      await waitFor(() => doc.querySelector('table.caseload'), 'the caseload at 375 px', 60_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const wide = (): string[] =>
        [...doc.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > 375 + 1 && !el.closest('.table-scroll'))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
          .slice(0, 5);
      expect(doc.documentElement.scrollWidth, wide().join(', ')).to.be.at.most(375);
      const skip = doc.querySelector<HTMLAnchorElement>('a.skip-link')!;
      expect(doc.body.querySelector('a, button, input, select, [tabindex]')).to.equal(skip);
      skip.click();
      expect(doc.activeElement?.closest('main')).to.not.equal(null);
      const link = doc.querySelector<HTMLAnchorElement>('table.caseload tbody a')!;
      frame.contentWindow!.location.hash = link.getAttribute('href')!;
      await waitFor(() => doc.querySelector('fk-case-overview'), 'a case page at 375 px', 60_000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(doc.documentElement.scrollWidth, wide().join(', ')).to.be.at.most(375);
    } finally {
      frame.remove();
      await deleteDatabase('fallkit-demo-375');
      await deleteDatabase('fallkit-demo-375-drafts');
    }
  });
});
