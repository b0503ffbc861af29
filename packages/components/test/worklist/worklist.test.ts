import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  SequentialIds,
  buildWorklist,
  createCaseService,
  createCaseViews,
  isRedactionMarker,
  visibleState,
  type Actor,
  type CaseState,
  type CaseStore,
} from '@fallkit/core';
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-worklist.js';
import type { FkWorklist } from '../../src/worklist/worklist.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { deepActiveElement, deepText } from '../suites/form-control-suite.js';

const DATE = '2026-06-20';

async function caseload(): Promise<CaseState[]> {
  const { results } = await runExampleCases();
  return results.map((r) => r.state);
}

function rows(el: FkWorklist): HTMLTableRowElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

async function select(el: FkWorklist, index: number, value: string) {
  const field = el.shadowRoot!.querySelectorAll('fk-select')[index]!;
  const control = field.shadowRoot!.querySelector('select')!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<fk-worklist>', () => {
  it("lists the core's worklist for the caseload, overdue first, in a real table", async () => {
    const cases = await caseload();
    const el = await fixture<FkWorklist>(html`<fk-worklist date=${DATE} .cases=${cases}></fk-worklist>`);
    const expected = buildWorklist(cases, DATE);
    expect(expected.length).to.be.greaterThan(3);
    expect(rows(el)).to.have.length(expected.length);
    expect(rows(el)[0]!.dataset['case']).to.equal(expected[0]!.caseId);
    expect(rows(el)[0]!.className).to.equal(expected[0]!.severity);
    expect(el.shadowRoot!.querySelectorAll('thead th[scope="col"]')).to.have.length(4);
    const text = deepText(el);
    expect(text).to.contain('Arbeitsliste');
    expect(text).to.match(/\d+ überfällig · \d+ fällig · \d+ demnächst/);
    await expect(el).to.be.accessible();
  });

  it('filters by kind, by case manager and overdue only, and announces the count', async () => {
    const cases = await caseload();
    const el = await fixture<FkWorklist>(html`<fk-worklist date=${DATE} .cases=${cases}></fk-worklist>`);
    const all = rows(el).length;
    await select(el, 0, 'followUp');
    expect(rows(el).every((r) => r.dataset['kind'] === 'followUp')).to.equal(true);
    await waitUntil(
      () => /Einträgen angezeigt/.test(el.shadowRoot!.querySelector('[role="status"]')!.textContent!),
      'announced',
    );
    await select(el, 0, '');
    const checkbox = el.shadowRoot!.querySelector('fk-checkbox')!.shadowRoot!.querySelector('input')!;
    checkbox.click();
    await el.updateComplete;
    expect(rows(el).every((r) => r.className === 'overdue')).to.equal(true);
    checkbox.click();
    await el.updateComplete;
    expect(rows(el)).to.have.length(all);
    await select(el, 1, EXAMPLE_ACTORS.jobcenterCaseManager.id);
    const jobcenterCases = new Set(
      cases
        .filter((c) => c.caseManagers.some((m) => !m.to && m.userId === EXAMPLE_ACTORS.jobcenterCaseManager.id))
        .map((c) => c.caseId),
    );
    expect(rows(el).length).to.be.greaterThan(0);
    expect(rows(el).every((r) => jobcenterCases.has(r.dataset['case']!))).to.equal(true);
    expect(rows(el).length).to.be.lessThan(all);
  });

  it('opens a case by keyboard: Tab to the case, Enter fires fk-open-case', async () => {
    const cases = await caseload();
    const el = await fixture<FkWorklist>(html`<fk-worklist date=${DATE} .cases=${cases}></fk-worklist>`);
    const first = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="open"]')!;
    const reset = el.shadowRoot!.querySelector('fk-checkbox')!;
    (reset.shadowRoot!.querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(first);
    const opened = oneEvent(el, 'fk-open-case');
    await sendKeys({ press: 'Enter' });
    const detail = (await opened).detail;
    expect(detail.caseId).to.equal(rows(el)[0]!.dataset['case']);
    expect(detail.item!.kind).to.equal(rows(el)[0]!.dataset['kind']);
    expect(first.getAttribute('aria-label')).to.match(/^Fall .+ öffnen: /);
  });

  it('says when there is nothing to do, and speaks English', async () => {
    const empty = await fixture<FkWorklist>(html`<fk-worklist date=${DATE} .items=${[]}></fk-worklist>`);
    expect(deepText(empty)).to.contain('Nichts zu tun');
    const cases = await caseload();
    const el = await fixture<FkWorklist>(html`<fk-worklist lang="en" date=${DATE} .cases=${cases}></fk-worklist>`);
    const text = deepText(el);
    expect(text).to.contain('Worklist');
    expect(text).to.match(/\d+ overdue · \d+ due · \d+ upcoming/);
    expect(text).not.to.contain('Arbeitsliste');
  });

  it("DP-23: connected, it reads the core's decided worklist channel: only cases the actor may see, never other agencies' cases", async () => {
    const { store, results } = await runExampleCases();
    const actor = EXAMPLE_ACTORS.kimCaseManager;
    const { views, port } = connectedWorld(store, actor);
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${port}><fk-worklist date=${DATE}></fk-worklist></fk-case-provider>`,
    );
    const el = provider.querySelector('fk-worklist')!;
    await waitUntil(() => rows(el).length > 0, 'caseload loaded');
    // Expected from the actor's case views, one by one: the cases whose view the core allows.
    const visible: CaseState[] = [];
    for (const r of results) {
      const view = await views.viewCase(r.caseId, 'caseManagement');
      if (view.ok) visible.push(visibleState(view.value));
    }
    const others = results.filter((r) => !visible.some((v) => v.caseId === r.caseId));
    expect(others.length).to.be.greaterThan(0);
    expect(rows(el)).to.have.length(buildWorklist(visible, DATE).length);
    const shown = new Set(rows(el).map((r) => r.dataset['case']));
    for (const other of others) expect(shown.has(other.caseId), other.caseId).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('DP-24: connected as the partner agency (debt counselling), it names no goal or measure its case view withholds', async () => {
    const { store, results } = await runExampleCases();
    const partner: Actor = {
      id: 'u-sb-ebert',
      role: 'partnerAgency',
      agencyId: 'caritas-schuldnerberatung',
      name: 'Karin Ebert',
    };
    const { views, port } = connectedWorld(store, partner);
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${port}><fk-worklist date=${DATE}></fk-worklist></fk-case-provider>`,
    );
    const el = provider.querySelector('fk-worklist')!;
    const input = await port.loadWorklist({ actor: partner, purpose: 'caseManagement' });
    expect(input.ok).to.equal(true);
    const expected = input.ok ? buildWorklist(input.value.cases, DATE).length : -1;
    const internals = el as unknown as { loaded?: unknown; loading: boolean };
    await waitUntil(() => internals.loaded !== undefined && !internals.loading, 'worklist loaded');
    await el.updateComplete;
    expect(rows(el)).to.have.length(expected);
    // What the raw service gave before: the full case states name the addiction goal and measure.
    const raw = buildWorklist(
      results.filter((r) => input.ok && input.value.cases.some((c) => c.caseId === r.caseId)).map((r) => r.state),
      DATE,
    );
    expect(raw.map((item) => item.explanation.de).join(' ')).to.contain('Ambulante Suchtberatung');
    const text = deepText(el);
    let withheldTitles = 0;
    for (const r of results) {
      const view = await views.viewCase(r.caseId, 'caseManagement');
      const shownIds = new Set<string>();
      if (view.ok) {
        for (const item of [...view.value.case.goals, ...view.value.case.measures]) {
          if (!isRedactionMarker(item) && typeof item.id === 'string') shownIds.add(item.id);
        }
      }
      for (const item of [...r.state.goals, ...r.state.measures]) {
        if (shownIds.has(item.id)) continue;
        withheldTitles += 1;
        expect(text, `${r.caseId}: ${item.title}`).not.to.contain(item.title);
      }
    }
    // The debt-counselling case holds addiction goals and measures its view withholds.
    expect(withheldTitles).to.be.greaterThan(0);
  });
});

/** The example store behind the core's service, views and port for one actor. */
function connectedWorld(store: CaseStore, actor: Actor) {
  const clock = new FixedClock('2026-06-20T08:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { service, views, port: connectCaseService({ service, views, clock }) };
}
