import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/fk-reorder-list.js';
import type { FkReorderList, ReorderDetail } from '../../src/fields/reorder-list.component.js';
import { deepActiveElement } from '../suites/form-control-suite.js';

const measures = [
  { id: 'm1', label: 'Schuldnerberatung' },
  { id: 'm2', label: 'Sprachkurs' },
  { id: 'm3', label: 'Wohnungssuche' },
];

const order = (el: FkReorderList) => el.items.map((i) => i.id);
const status = (el: FkReorderList) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!;

describe('<fk-reorder-list>', () => {
  it('is accessible, with labelled move buttons and instructions', async () => {
    const el = await fixture<FkReorderList>(
      html`<fk-reorder-list label="Maßnahmen" .items=${measures}></fk-reorder-list>`,
    );
    await expect(el).to.be.accessible();
    const up = el.shadowRoot!.querySelector('li[data-id="m2"] [data-move="up"]')!;
    expect(up.getAttribute('aria-label')).to.equal('Nach oben: Sprachkurs');
    expect(el.shadowRoot!.textContent).to.contain('Alt + Pfeil');
  });

  it('moves with Alt+ArrowDown from slotted content, keeps focus there, and announces', async () => {
    const el = await fixture<FkReorderList>(
      html`<fk-reorder-list label="Maßnahmen" .items=${measures}>
        <div slot="item-m1"><button type="button" id="edit-m1">Schuldnerberatung bearbeiten</button></div>
      </fk-reorder-list>`,
    );
    const edit = el.querySelector<HTMLButtonElement>('#edit-m1')!;
    edit.focus();
    const reorder = oneEvent(el, 'fk-reorder');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    const detail = (await reorder).detail as ReorderDetail;
    expect(detail).to.deep.equal({ order: ['m2', 'm1', 'm3'], id: 'm1', from: 0, to: 1 });
    expect(order(el)).to.deep.equal(['m2', 'm1', 'm3']);
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(edit);
    await waitUntil(() => status(el).includes('„Schuldnerberatung“ steht jetzt an Position 2 von 3.'));
  });

  it('moves with the buttons (Enter) and keeps focus on the moved entry', async () => {
    const el = await fixture<FkReorderList>(
      html`<fk-reorder-list label="Maßnahmen" .items=${measures}></fk-reorder-list>`,
    );
    const up = el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="m3"] [data-move="up"]')!;
    up.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['m1', 'm3', 'm2']);
    expect(deepActiveElement()?.closest('li')?.getAttribute('data-id')).to.equal('m3');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['m3', 'm1', 'm2']);
    // At the top "up" is disabled; focus moved to "down" of the same entry instead of getting lost.
    const active = deepActiveElement() as HTMLElement;
    expect(active.dataset['move']).to.equal('down');
    expect(active.closest('li')?.getAttribute('data-id')).to.equal('m3');
  });

  it('announces when an entry cannot move further', async () => {
    const el = await fixture<FkReorderList>(
      html`<fk-reorder-list label="Maßnahmen" .items=${measures} lang="en"></fk-reorder-list>`,
    );
    expect(await el.move('m1', -1)).to.equal(false);
    await waitUntil(() => status(el).includes('“Schuldnerberatung” is already first.'));
    expect(order(el)).to.deep.equal(['m1', 'm2', 'm3']);
  });

  it('offers no move controls when read-only', async () => {
    const el = await fixture<FkReorderList>(
      html`<fk-reorder-list label="Maßnahmen" readonly .items=${measures}></fk-reorder-list>`,
    );
    expect(el.shadowRoot!.querySelectorAll('button').length).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
