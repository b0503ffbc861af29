/**
 * `<fk-help-plan>` with 200 measures: first render and one edit (typing into a measure's title), against a
 * plain lit list of the same 200 rows (title, status, who and when, an edit button) rendered with `repeat`,
 * measured in the same run. The help plan renders a page of rows (25 by default) and an editor only for
 * the opened row; the figure "all 200 rows" sets `page-size` to 200 for a like-for-like comparison. Times
 * include layout (the page is made to lay out before the clock stops).
 */
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '@fallkit/components/define/fk-help-plan';
import type { FkHelpPlan, MeasureEntry } from '@fallkit/components';
import type { BenchRow, BrowserBench } from '../lib/types.js';

const COUNT = 200;
const ROUNDS = 11;
/** Keystrokes (and plain-list edits) timed per round: one alone is a fraction of a millisecond of a shared machine's noise. */
const EDITS = 5;

function measures(): MeasureEntry[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `m-${i + 1}`,
    title: `Maßnahme ${i + 1}: Beratung und Begleitung`,
    goalIds: [],
    by: { kind: 'formalProvider', name: `Träger ${i % 12}` },
    agreement: { agreed: true },
    status: i % 3 === 0 ? 'running' : 'planned',
    startOn: '2026-03-01',
    endOn: '2026-09-30',
    ...(i > 0 && i % 4 === 0 ? { dependsOn: [{ measureId: `m-${i}`, kind: 'after' as const }] } : {}),
  }));
}

/** The baseline: the same rows as a plain lit list, no form logic. */
class PlainMeasureList extends LitElement {
  static override properties = { items: { attribute: false } };
  items: MeasureEntry[] = [];
  override render() {
    return html`<ol>
      ${repeat(
        this.items,
        (m) => m.id,
        (m, i) =>
          html`<li>
            <span>${i + 1}.</span> <strong>${m.title}</strong> <span>${m.status}</span>
            <p>${m.by.name} · ${m.startOn} – ${m.endOn}</p>
            <button type="button">Bearbeiten</button>
          </li>`,
      )}
    </ol>`;
  }
}
customElements.define('bench-plain-measure-list', PlainMeasureList);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function settled(el: LitElement): Promise<void> {
  await el.updateComplete;
  // The list and the fields are elements of their own: wait for every nested Lit element.
  const nested = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter(
    (n): n is LitElement => n instanceof LitElement,
  );
  await Promise.all(nested.map((n) => n.updateComplete));
  void document.body.offsetHeight;
}

async function time(body: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await body();
  return performance.now() - started;
}

/** One edit: opens the first measure and times keystrokes into its title (after a first one): their median. */
async function typeOne(plan: FkHelpPlan): Promise<number> {
  plan.shadowRoot!.querySelector<HTMLButtonElement>('[data-key] button')!.click();
  await settled(plan);
  const input = plan.shadowRoot!.querySelector('[data-path="measures.0.title"]')!.shadowRoot!.querySelector('input')!;
  const type = async () => {
    input.value = `${input.value}!`;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settled(plan);
  };
  // The first change of a stored measure adds its "reason for the change" field; time the next keystrokes.
  await type();
  const times: number[] = [];
  for (let i = 0; i < EDITS; i += 1) times.push(await time(type));
  return median(times);
}

const bench: BrowserBench = async () => {
  const data = measures();
  const host = document.createElement('div');
  document.body.append(host);
  const firstPage: number[] = [];
  const allRows: number[] = [];
  const plain: number[] = [];
  const edit: number[] = [];
  const pageEdit: number[] = [];
  const plainEdit: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Help plan, default page size.
    let plan = document.createElement('fk-help-plan') as FkHelpPlan;
    plan.value = { measures: data };
    firstPage.push(
      await time(async () => {
        host.append(plan);
        await settled(plan);
      }),
    );
    pageEdit.push(await typeOne(plan));
    plan.remove();

    // Help plan, every row on one page.
    plan = document.createElement('fk-help-plan') as FkHelpPlan;
    plan.pageSize = COUNT;
    plan.value = { measures: data };
    allRows.push(
      await time(async () => {
        host.append(plan);
        await settled(plan);
      }),
    );

    edit.push(await typeOne(plan));
    plan.remove();

    // Baseline: the plain list, first render and the same edit (a new array with one changed row).
    const list = document.createElement('bench-plain-measure-list') as PlainMeasureList;
    list.items = data;
    plain.push(
      await time(async () => {
        host.append(list);
        await settled(list);
      }),
    );
    const plainTimes: number[] = [];
    for (let i = 0; i < EDITS; i += 1)
      plainTimes.push(
        await time(async () => {
          list.items = list.items.map((m, j) => (j === 0 ? { ...m, title: `${m.title}!` } : m));
          await settled(list);
        }),
      );
    plainEdit.push(median(plainTimes));
    list.remove();
  }
  host.remove();
  const baseline = { baseline: median(plain), baselineName: `plain lit list, ${COUNT} rows` };
  const rows: BenchRow[] = [
    {
      name: `help plan ${COUNT} measures: first render, page of 25 (median of ${ROUNDS})`,
      value: median(firstPage),
      unit: 'ms',
      ...baseline,
    },
    {
      name: `help plan ${COUNT} measures: first render, all rows (median of ${ROUNDS})`,
      value: median(allRows),
      unit: 'ms',
      ...baseline,
    },
    {
      name: `help plan ${COUNT} measures: one edit in a title, page of 25 (median of ${ROUNDS})`,
      value: median(pageEdit),
      unit: 'ms',
      baseline: median(plainEdit),
      baselineName: 'plain lit list: same row changed',
    },
    {
      name: `help plan ${COUNT} measures: one edit in a title, all rows (median of ${ROUNDS})`,
      value: median(edit),
      unit: 'ms',
      baseline: median(plainEdit),
      baselineName: 'plain lit list: same row changed',
    },
  ];
  return rows;
};
export default bench;
