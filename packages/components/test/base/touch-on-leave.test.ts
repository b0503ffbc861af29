import { expect, fixture, html } from '@open-wc/testing';
import { touchOnLeave } from '../../src/base/touch-on-leave.js';

/** A host with a shadow root holding two fields, and a nested form with a field of its own. */
async function setUp() {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<input data-path="note"><input data-path="contacts.0.on"><button>ohne Pfad</button><div id="nested"></div>`;
  const nested = root.querySelector('#nested')!.attachShadow({ mode: 'open' });
  nested.innerHTML = `<input data-path="inner">`;
  const touched: string[] = [];
  touchOnLeave(root, (path) => touched.push(path));
  return { root, nested, touched };
}

function leave(el: Element) {
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

describe('touchOnLeave (a field is touched when focus leaves it)', () => {
  it('touches the field focus left, by its data-path', async () => {
    const { root, touched } = await setUp();
    leave(root.querySelector('[data-path="note"]')!);
    leave(root.querySelector('[data-path="contacts.0.on"]')!);
    expect(touched).to.deep.equal(['note', 'contacts.0.on']);
  });

  it('touches nothing for an element without a path', async () => {
    const { root, touched } = await setUp();
    leave(root.querySelector('button')!);
    expect(touched).to.deep.equal([]);
  });

  it('leaves a field of a nested form (another shadow root) to that form', async () => {
    const { nested, touched } = await setUp();
    leave(nested.querySelector('[data-path="inner"]')!);
    expect(touched).to.deep.equal([]);
  });
});
