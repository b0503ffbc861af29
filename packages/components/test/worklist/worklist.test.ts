import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  EXAMPLE_ACTORS,
  FixedClock,
  SequentialIds,
  buildWorklist,
  createCaseService,
  runExampleCases,
  type CaseState,
} from '@fallkit/core';
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
    expect(detail.item.kind).to.equal(rows(el)[0]!.dataset['kind']);
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

  it("connected: loads the actor's and the agency's cases through the core's service, never other agencies' cases", async () => {
    const { store, results } = await runExampleCases();
    const actor = EXAMPLE_ACTORS.kimCaseManager;
    const service = createCaseService({
      store,
      clock: new FixedClock('2026-06-20T08:00:00.000Z'),
      ids: new SequentialIds(),
      actor,
    });
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${service}><fk-worklist date=${DATE}></fk-worklist></fk-case-provider>`,
    );
    const el = provider.querySelector('fk-worklist')!;
    await waitUntil(() => rows(el).length > 0, 'caseload loaded');
    const states = results.map((r) => r.state);
    const mine = states.filter(
      (s) =>
        s.leadAgencies.at(-1)?.agencyId === actor.agencyId ||
        s.caseManagers.some((m) => !m.to && m.userId === actor.id),
    );
    const others = states.filter((s) => !mine.includes(s));
    expect(others.length).to.be.greaterThan(0);
    expect(rows(el)).to.have.length(buildWorklist(mine, DATE).length);
    const shown = new Set(rows(el).map((r) => r.dataset['case']));
    for (const other of others) expect(shown.has(other.caseId), other.caseId).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
