import { expect } from 'chai';
import { youngAdultDebtsAddiction } from '@fallkit/core/examples';
import { type CaseState } from '@fallkit/core';
import type { FkGoalAgreement } from '../../packages/components/src/goal-agreement/goal-agreement.component.js';
import type { FkHelpPlan } from '../../packages/components/src/help-plan/help-plan.component.js';
import type { mountTab as MountTab, Tab } from './tab-app.js';
import {
  buttonOf,
  controlAt,
  deepText,
  deleteDatabase,
  seededDatabase,
  typeAt,
  waitFor,
} from './write-path-helpers.js';

/** Opens `tab.html` in an iframe (its own realm and database connection) and mounts the forms there. */
async function openTab(options: Parameters<typeof MountTab>[1]): Promise<{ tab: Tab; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = '/test/write-path/tab.html';
  frame.style.inlineSize = '1100px';
  frame.style.blockSize = '900px';
  document.body.append(frame);
  const win = await waitFor(
    () => (frame.contentWindow as (Window & { mountTab?: typeof MountTab }) | null)?.mountTab && frame.contentWindow,
    'the tab page',
  );
  const tab = await (win as Window & { mountTab: typeof MountTab }).mountTab(frame.contentDocument!, options);
  return { tab, frame };
}

async function stored(tab: Tab, caseId: string): Promise<CaseState> {
  const loaded = await tab.service.loadCase(caseId);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value.state;
}

async function openGoal(el: FkGoalAgreement, index: number): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-path="goals.${index}"]`)!.click();
  await el.updateComplete;
}

async function openMeasure(el: FkHelpPlan, title: string): Promise<void> {
  buttonOf(el, new RegExp(`Bearbeiten: ${title.replace(/[()]/g, '.')}`)).click();
  await el.updateComplete;
}

describe('write path: two tabs on one Dexie database edit the same goal and the same help plan', function () {
  this.timeout(120_000);
  const frames: HTMLIFrameElement[] = [];
  const tabs: Tab[] = [];
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const tab of tabs.splice(0)) tab.close();
    for (const frame of frames.splice(0)) frame.remove();
    await cleanup?.();
  });

  it("exactly one save wins; the other shows the conflict with the other side's change, keeps its input, and re-applies or adopts; nothing lost or duplicated", async () => {
    const seeded = await seededDatabase(youngAdultDebtsAddiction);
    cleanup = async () => {
      seeded.store.close();
      await deleteDatabase(seeded.name);
    };
    const caseId = youngAdultDebtsAddiction.caseId;
    const options = {
      databaseName: seeded.name,
      caseId,
      actor: youngAdultDebtsAddiction.actor,
      now: '2026-05-04T10:00:00.000Z',
      tags: ['fk-goal-agreement', 'fk-help-plan'],
    };
    const a = await openTab(options);
    const b = await openTab(options);
    frames.push(a.frame, b.frame);
    tabs.push(a.tab, b.tab);
    const [goalsA, planA] = a.tab.elements as [FkGoalAgreement, FkHelpPlan];
    const [goalsB, planB] = b.tab.elements as [FkGoalAgreement, FkHelpPlan];
    const status = (el: HTMLElement) => {
      const c = (el as unknown as { connection: { status: string; refusals: unknown; error: unknown } }).connection;
      return `${c.status} ${JSON.stringify(c.refusals)} ${String(c.error)}`;
    };
    for (const el of [goalsA, goalsB])
      await waitFor(() => el.value.goals.length > 0, 'goals loaded', 8000).catch((e: Error) => {
        throw new Error(`${e.message}: ${status(el)}`);
      });
    for (const el of [planA, planB]) await waitFor(() => el.value.measures.length > 0, 'plan loaded');
    const goal = seeded.state.goals[0]!;
    const journalOf = () => seeded.store.readJournal(caseId);
    const count = async (type: string) => (await journalOf()).filter((e) => e.type === type).length;
    const revisedBefore = await count('GoalRevised');

    // ---- the goal: both tabs change its title ----
    await openGoal(goalsA, 0);
    await openGoal(goalsB, 0);
    await typeAt(goalsA, 'goals.0.title', 'Wohnung bis September (Tab A)');
    await typeAt(goalsA, 'goals.0.revisionReason', 'Markt in Musterstadt angespannt');
    await typeAt(goalsB, 'goals.0.title', 'Wohnung mit drei Zimmern (Tab B)');
    await typeAt(goalsB, 'goals.0.revisionReason', 'Familie wächst');
    expect(await goalsA.requestSubmit()).to.equal(true);
    expect(await goalsB.requestSubmit()).to.equal(false);
    expect(await count('GoalRevised')).to.equal(revisedBefore + 1);
    expect((await stored(a.tab, caseId)).goals[0]!.title).to.equal('Wohnung bis September (Tab A)');
    // Tab B: the conflict, with the other side's change (who, when, which goal), and its own input kept.
    await waitFor(() => deepText(goalsB).includes('Tab A'), 'the conflict names the other change', 5000).catch(
      (e: Error) => {
        const part = goalsB.shadowRoot!.querySelector('[part="conflict"]');
        throw new Error(`${e.message}: ${part ? deepText(part) : 'no conflict part'} | ${status(goalsB)}`);
      },
    );
    // Who and when come from the history channel, loaded after the refusal: the display name where the
    // channel gives one, else the user id (the envelope keeps no names since DP-43).
    const namesWriter = (text: string) =>
      text.includes(youngAdultDebtsAddiction.actor.id) || text.includes(youngAdultDebtsAddiction.actor.name!);
    const conflictB = await waitFor(() => {
      const part = goalsB.shadowRoot!.querySelector('[part="conflict"]');
      const text = part ? deepText(part) : '';
      return namesWriter(text) && text;
    }, 'who changed the goal');
    expect(conflictB).to.contain('an anderer Stelle geändert');
    expect(conflictB).to.contain('Wohnung bis September (Tab A)');
    expect(conflictB).to.contain('Ihre Eingaben sind erhalten');
    expect(controlAt(goalsB, 'goals.0.title').value).to.equal('Wohnung mit drei Zimmern (Tab B)');
    expect(controlAt(goalsB, 'goals.0.revisionReason').value).to.equal('Familie wächst');
    // Re-apply on top: B's title over A's version, A's revision kept in the history.
    const reapply = goalsB.shadowRoot!.querySelector<HTMLButtonElement>('[part="conflict-reapply"]')!;
    reapply.click();
    await waitFor(async () => (await count('GoalRevised')) === revisedBefore + 2, 'the re-applied save stored');
    const afterGoal = (await stored(a.tab, caseId)).goals[0]!;
    expect(afterGoal.title).to.equal('Wohnung mit drei Zimmern (Tab B)');
    expect(afterGoal.revisions.map((r) => r.previous.title)).to.include('Wohnung bis September (Tab A)');
    expect(afterGoal.revisions.map((r) => r.previous.title)).to.include(goal.title);
    await waitFor(() => !goalsB.shadowRoot!.querySelector('[part="conflict"]'), 'the conflict closes');
    // Tab A follows live.
    await waitFor(
      () => (goalsA.value.goals[0] as { title?: string }).title === 'Wohnung mit drei Zimmern (Tab B)',
      'tab A sees B',
    );

    // ---- the help plan: both tabs change the same measure ----
    const measure = seeded.state.measures[0]!;
    const updatedBefore = await count('MeasureUpdated');
    // Both plans follow the goal saves live before anyone edits them (their base is the current head).
    const head = (await journalOf()).at(-1)!.seq;
    for (const el of [planA, planB])
      await waitFor(() => (el as unknown as { baseSeq?: number }).baseSeq === head, 'the plan at the head');
    await openMeasure(planA, measure.title);
    await openMeasure(planB, measure.title);
    await typeAt(planA, 'measures.0.title', `${measure.title} – mit Kinderbetreuung (Tab A)`);
    await typeAt(planB, 'measures.0.title', `${measure.title} – abends (Tab B)`);
    expect(await planA.requestSubmit(), status(planA)).to.equal(true);
    expect(await planB.requestSubmit()).to.equal(false);
    expect(await count('MeasureUpdated')).to.equal(updatedBefore + 1);
    await waitFor(
      () => deepText(planB).includes('mit Kinderbetreuung (Tab A)'),
      'the plan conflict names A',
      5000,
    ).catch((e: Error) => {
      const part = planB.shadowRoot!.querySelector('[part="conflict"]');
      throw new Error(`${e.message}: ${part ? deepText(part) : 'no conflict part'} | ${status(planB)}`);
    });
    await waitFor(() => {
      const part = planB.shadowRoot!.querySelector('[part="conflict"]');
      return part !== null && namesWriter(deepText(part));
    }, 'who changed the measure');
    expect(controlAt(planB, 'measures.0.title').value).to.equal(`${measure.title} – abends (Tab B)`);
    // Adopt the stored version: A's title, nothing of B's written.
    planB.shadowRoot!.querySelector<HTMLButtonElement>('[part="conflict-adopt"]')!.click();
    await planB.updateComplete;
    await waitFor(
      () => (planB.value.measures[0] as { title?: string }).title === `${measure.title} – mit Kinderbetreuung (Tab A)`,
      'B shows the stored version',
    );
    expect(await count('MeasureUpdated')).to.equal(updatedBefore + 1);
    const plan = (await stored(b.tab, caseId)).measures;
    expect(plan.map((m) => m.id)).to.deep.equal(seeded.state.measures.map((m) => m.id));
    expect(plan[0]!.title).to.equal(`${measure.title} – mit Kinderbetreuung (Tab A)`);
    // Nothing duplicated: every stored command id belongs to one append.
    const journal = await journalOf();
    const ids = journal.flatMap((e) => (e.commandId ? [e.commandId] : []));
    const runs = ids.filter((id, i) => id !== ids[i - 1]);
    expect(new Set(runs).size).to.equal(runs.length);
  });
});
