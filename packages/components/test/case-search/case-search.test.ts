import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
  type CaseStore,
} from '@fallkit/core';
import { accessLogStreamId } from '@fallkit/core/internal';
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-case-search.js';
import '../../src/define/fk-case-provider.js';
import type { FkCaseSearch } from '../../src/case-search/case-search.component.js';
import { parseTypedDate } from '../../src/case-search/case-search.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { deepText } from '../suites/form-control-suite.js';

function connectedWorld(store: CaseStore, actor: Actor) {
  const clock = new FixedClock('2026-06-20T08:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { service, views, port: connectCaseService({ service, views, clock }) };
}

function rows(el: FkCaseSearch): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

async function mounted(actor: Actor, lang = 'de') {
  const { store, results } = await runExampleCases();
  const world = connectedWorld(store, actor);
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider lang=${lang} .service=${world.port}><fk-case-search></fk-case-search></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-case-search')!;
  await waitUntil(() => rows(el).length > 0, 'the first search');
  return { ...world, store, results, el };
}

async function typeAndSearch(el: FkCaseSearch, text: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="text"]')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<fk-case-search>', function () {
  this.timeout(60_000);

  it('DP-23, DP-28: connected, finds a case by name through the core’s search channel, by keyboard, and each hit is logged', async () => {
    const actor = EXAMPLE_ACTORS.jobcenterCaseManager;
    const { el, store, views, results } = await mounted(actor);
    const all = rows(el).length;
    // A name the actor's view shows: taken from its first hit.
    const first = await views.searchCases({ query: { sort: 'name' } });
    if (!first.ok) throw new Error('search refused');
    const named = first.value.find((hit) => hit.name)!;
    const family = named.name!.split(' ').at(-1)!;
    const before = (await store.readJournal(accessLogStreamId(actor.agencyId))).length;
    await typeAndSearch(el, family.toLowerCase());
    await waitUntil(
      () => rows(el).length > 0 && rows(el).length < all + 1 && deepText(el).includes(named.name!),
      'the hit',
    );
    expect(rows(el).every((row) => row.textContent!.toLowerCase().includes(family.toLowerCase()))).to.equal(true);
    expect(deepText(el)).to.match(/\d+ Fälle gefunden|1 Fall gefunden/);
    expect((await store.readJournal(accessLogStreamId(actor.agencyId))).length).to.be.greaterThan(before);
    // Cases of other agencies the actor may not see are never hits.
    const visible = new Set(first.value.map((hit) => hit.row.caseId));
    expect(results.some((r) => !visible.has(r.caseId))).to.equal(true);
    for (const row of rows(el)) expect(visible.has(row.dataset['caseId']!)).to.equal(true);
    // Keyboard: Tab from the field reaches the sort, the buttons; the case opens with Enter on its button.
    const open = rows(el)[0]!.querySelector<HTMLButtonElement>('button')!;
    open.focus();
    const opened = oneEvent(el, 'fk-open-case');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.caseId).to.equal(rows(el)[0]!.dataset['caseId']);
    await expect(el).to.be.accessible();
  });

  it('DP-23: the team lead sees the cases without names ("für Sie ausgeblendet"), and a name finds nothing', async () => {
    const teamLead: Actor = {
      id: 'u-jc-lead',
      role: 'teamLead',
      agencyId: EXAMPLE_ACTORS.jobcenterCaseManager.agencyId,
    };
    const { el, results } = await mounted(teamLead);
    expect(deepText(el)).to.contain('für Sie ausgeblendet');
    const names = results.flatMap((r) => r.state.persons.map((p) => p.familyName));
    for (const name of names) expect(deepText(el)).to.not.contain(name);
    await typeAndSearch(el, names[0]!);
    await waitUntil(() => deepText(el).includes('Kein Fall passt zu dieser Suche.'), 'no hit');
    await expect(el).to.be.accessible();
  });

  it('DP-23, DP-24 (issue 21): the team lead reads "für Sie ausgeblendet" for deadlines its view withholds, not "–" (no deadline); the case manager reads the date', async () => {
    const teamLead: Actor = {
      id: 'u-jc-lead',
      role: 'teamLead',
      agencyId: EXAMPLE_ACTORS.jobcenterCaseManager.agencyId,
    };
    const { el, views } = await mounted(teamLead);
    const hits = await views.searchCases({ query: {} });
    expect(hits.ok).to.equal(true);
    if (!hits.ok) return;
    const withheld = hits.value.filter((hit) => hit.deadlinesWithheld === true);
    expect(withheld.length, 'cases whose deadlines the team lead may not see').to.be.greaterThan(0);
    for (const hit of withheld) {
      const row = el.shadowRoot!.querySelector<HTMLTableRowElement>(`tbody tr[data-case-id="${hit.row.caseId}"]`)!;
      const [due, overdue] = [...row.querySelectorAll('td')].slice(-2).map((cell) => cell.textContent!.trim());
      expect(due, hit.row.caseId).to.equal('für Sie ausgeblendet');
      expect(overdue, hit.row.caseId).to.equal('für Sie ausgeblendet');
    }
    // The legal domains are benefits data the team lead's view withholds: the cell says so, not "–".
    const domainsWithheld = hits.value.filter((hit) => hit.legalDomainsWithheld === true);
    expect(domainsWithheld.length, 'cases whose legal domains the team lead may not see').to.be.greaterThan(0);
    for (const hit of domainsWithheld) {
      const row = el.shadowRoot!.querySelector<HTMLTableRowElement>(`tbody tr[data-case-id="${hit.row.caseId}"]`)!;
      expect([...row.querySelectorAll('td')].at(-3)!.textContent!.trim(), hit.row.caseId).to.equal(
        'für Sie ausgeblendet',
      );
    }
    await expect(el).to.be.accessible();
    const own = await mounted(EXAMPLE_ACTORS.jobcenterCaseManager, 'en');
    const ownHits = await own.views.searchCases({ query: {} });
    const datedHit = ownHits.ok ? ownHits.value.find((hit) => hit.row.nextDueDate !== null) : undefined;
    expect(datedHit, 'a case with a deadline the case manager sees').to.not.equal(undefined);
    const ownRow = own.el.shadowRoot!.querySelector(`tbody tr[data-case-id="${datedHit!.row.caseId}"]`)!;
    const ownDue = [...ownRow.querySelectorAll('td')].at(-2)!.textContent!.trim();
    expect(ownDue).to.contain(datedHit!.row.nextDueDate!.slice(0, 4));
    expect(ownRow.textContent).to.not.contain('withheld');
    expect([...ownRow.querySelectorAll('td')].at(-3)!.textContent!.trim()).to.match(/SGB|AsylbLG|AufenthG/);
    // A case whose view withholds some dated items shows what it shows, and says that more is withheld.
    const partial = ownHits.ok ? ownHits.value.find((hit) => hit.deadlinesWithheld && hit.row.nextDueDate) : undefined;
    expect(partial, 'the handed-over KIM case').to.not.equal(undefined);
    const cell = own.el.shadowRoot!.querySelector(`tbody tr[data-case-id="${partial!.row.caseId}"]`)!;
    expect([...cell.querySelectorAll('td')].at(-2)!.textContent).to.match(/\d{4}\s+\(more withheld\)/);
  });

  it('the advanced search narrows by legal domain and stage, reads the birth date as the page’s language writes it, and speaks English', async () => {
    const { el } = await mounted(EXAMPLE_ACTORS.jobcenterCaseManager, 'en');
    expect(deepText(el)).to.contain('Find cases').and.to.contain('Advanced search');
    expect(deepText(el)).to.not.contain('Fälle suchen');
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.advanced')!.open = true;
    const domain = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name="legalDomain"]')!;
    domain.value = 'SGB_VIII';
    domain.dispatchEvent(new Event('change'));
    await el.search();
    await waitUntil(() => rows(el).length === 1, 'the one SGB VIII case');
    expect(rows(el)[0]!.textContent).to.contain('SGB VIII');
    expect(deepText(el)).to.contain('1 case found.');
    const birth = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="birthDate"]')!;
    birth.value = '31/02/1990';
    birth.dispatchEvent(new Event('input'));
    await el.search();
    await el.updateComplete;
    expect(birth.getAttribute('aria-invalid')).to.equal('true');
    expect(deepText(el)).to.contain('Please enter the date of birth as DD/MM/YYYY.');
    expect(parseTypedDate('16.02.1990')).to.equal('1990-02-16');
    expect(parseTypedDate('16/02/1990')).to.equal('1990-02-16');
    expect(parseTypedDate('31.02.1990')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('standalone: shows the hits a host gives and lets the host answer fk-search', async () => {
    const { views } = connectedWorld((await runExampleCases()).store, EXAMPLE_ACTORS.jobcenterCaseManager);
    const found = await views.searchCases({ query: {} });
    if (!found.ok) throw new Error('refused');
    const el = await fixture<FkCaseSearch>(html`<fk-case-search .hits=${found.value}></fk-case-search>`);
    expect(rows(el)).to.have.length(found.value.length);
    const asked = oneEvent(el, 'fk-search');
    void el.search();
    expect((await asked).detail.query.sort).to.equal('nextDueDate');
    await expect(el).to.be.accessible();
  });
});
