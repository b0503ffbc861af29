import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
  type CaseStore,
} from '@fallkit/core';
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-team-overview.js';
import '../../src/define/fk-case-provider.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { deepText } from '../suites/form-control-suite.js';

const JC_LEAD: Actor = { id: 'u-jc-lead', role: 'teamLead', agencyId: EXAMPLE_ACTORS.jobcenterCaseManager.agencyId };

function connectedWorld(store: CaseStore, actor: Actor) {
  const clock = new FixedClock('2026-06-20T08:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { service, views, port: connectCaseService({ service, views, clock }) };
}

async function mounted(actor: Actor, lang = 'de') {
  const { store, results } = await runExampleCases();
  const world = connectedWorld(store, actor);
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider lang=${lang} .service=${world.port}
      ><fk-team-overview></fk-team-overview
    ></fk-case-provider>`,
  );
  const el = provider.querySelector('fk-team-overview')!;
  await waitUntil(() => !deepText(el).includes('wird geladen') && !deepText(el).includes('Loading'), 'the overview');
  return { ...world, results, el };
}

describe('<fk-team-overview>', function () {
  this.timeout(60_000);

  it("DP-23: the team lead sees cases, overdue items and handovers per worker, and no client's name or case content", async () => {
    const { el, results, views } = await mounted(JC_LEAD);
    const overview = await views.teamOverview();
    if (!overview.ok) throw new Error('refused');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows).to.have.length(overview.value.workers.length);
    expect(rows.length).to.be.greaterThan(0);
    const demir = el.shadowRoot!.querySelector(`tr[data-user-id="${EXAMPLE_ACTORS.jobcenterCaseManager.id}"]`)!;
    const figures = overview.value.workers.find((w) => w.userId === EXAMPLE_ACTORS.jobcenterCaseManager.id)!;
    expect(demir.querySelectorAll('td')[0]!.textContent!.trim()).to.equal(String(figures.openCases));
    const text = deepText(el);
    for (const r of results) {
      for (const person of r.state.persons) {
        expect(text).to.not.contain(person.familyName);
      }
      for (const goal of r.state.goals) expect(text).to.not.contain(goal.title);
    }
    await expect(el).to.be.accessible();
  });

  it('DP-23: the next deadline per worker is shown as the core decided it, a date and no more; overdue ones marked', async () => {
    const { el, results, views } = await mounted(JC_LEAD);
    const overview = await views.teamOverview();
    if (!overview.ok) throw new Error('refused');
    const dated = overview.value.workers.filter((w) => w.nextDeadline !== undefined);
    expect(dated.length).to.be.greaterThan(0);
    const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.include('Nächste Frist');
    for (const worker of overview.value.workers) {
      const cell = el.shadowRoot!.querySelector(`tr[data-user-id="${worker.userId}"] td.deadline`)!;
      if (worker.nextDeadline === undefined) {
        expect(cell.textContent!.trim()).to.equal('keine');
        continue;
      }
      const [y, m, d] = worker.nextDeadline.split('-');
      expect(cell.textContent!.trim()).to.equal(`${d}.${m}.${y}`);
      expect(cell.classList.contains('late')).to.equal(worker.nextDeadline < overview.value.day);
    }
    const text = deepText(el);
    expect(text).to.contain('nur das Datum');
    // What a deadline is for is never shown: no follow-up's subject of any case.
    for (const r of results) for (const f of r.state.followUps) expect(text).to.not.contain(f.subject);
    await expect(el).to.be.accessible();
  });

  it('at 375 px the table scrolls in its own box: no page scroll, names and dates not broken into letters', async () => {
    await setViewport({ width: 375, height: 800 });
    try {
      const { el } = await mounted(JC_LEAD);
      const box = el.shadowRoot!.querySelector<HTMLElement>('[part~="table"]')!;
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
      for (const cell of el.shadowRoot!.querySelectorAll<HTMLElement>('tbody th, td.deadline')) {
        const line = parseFloat(getComputedStyle(cell).lineHeight) || 24;
        // One line of text (plus padding): a name is never broken into syllables or letters.
        expect(cell.getBoundingClientRect().height, cell.textContent!).to.be.below(line * 2);
      }
      const shot = (await executeServerCommand('fk-screenshot', { name: 'fk-team-overview-375' })) as { bytes: number };
      expect(shot.bytes).to.be.greaterThan(1000);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('DP-23: anyone but the team lead gets a plain refusal, the code only in the administrators’ details; English', async () => {
    const { el } = await mounted(EXAMPLE_ACTORS.jobcenterCaseManager, 'en');
    await waitUntil(() => deepText(el).includes('The team overview is not available.'), 'the refusal');
    expect(el.shadowRoot!.querySelector('.fk-refusals p')!.textContent).to.not.contain('DENY_TEAM_OVERVIEW');
    expect(el.shadowRoot!.querySelector('details.fk-admin-details')!.textContent).to.contain('DENY_TEAM_OVERVIEW');
    await expect(el).to.be.accessible();
  });

  it('standalone: shows the overview a host gives, in German', async () => {
    const el = await fixture(
      html`<fk-team-overview
        .overview=${{
          day: '2026-06-20',
          workers: [
            {
              userId: 'u-1',
              name: 'A. Beispiel',
              openCases: 3,
              casesOverdue: 1,
              overdueItems: 2,
              handoversInProgress: 1,
            },
          ],
          totals: { openCases: 3, overdueItems: 2, handoversInProgress: 1, unassigned: 0 },
        }}
      ></fk-team-overview>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Teamübersicht').and.to.contain('A. Beispiel').and.to.contain('20.06.2026');
    await expect(el).to.be.accessible();
  });
});
