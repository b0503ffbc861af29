import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { Refusal } from '@fallkit/core';
import { FormRefusals, refusalsBlock } from '../../src/controllers/form-refusals.js';
import type { Language, LocalizedText } from '@fallkit/core';

/** The refusals as the case connection keeps them. */
class FakeConnection {
  refusals: readonly Refusal[] = [];
  cleared = 0;
  clearRefusals(): void {
    this.cleared++;
    this.refusals = [];
  }
}

const denied: Refusal = {
  code: 'DENY_PURPOSE',
  rule: 'DP-14',
  message: { de: 'Für diesen Zweck nicht erlaubt.', en: 'Not allowed for this purpose.' },
  hint: { de: 'Zweck wählen', en: 'Choose a purpose' },
};
const conflict: Refusal = { code: 'STORE_CONFLICT', rule: 'STORE', message: { de: 'Konflikt', en: 'Conflict' } };

/** The element's texts as keys, its refusal texts in `lang`. */
function fakeI18n(lang: Language) {
  return {
    lang,
    t: (key: string, params?: Record<string, string | number>) =>
      params ? `${key}: ${Object.values(params).join()}` : key,
    text: (text: LocalizedText) => text[lang],
  };
}

async function setUp(lang: Language) {
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  const connection = new FakeConnection();
  let inConflict = false;
  const refusals = new FormRefusals({
    connection,
    i18n: fakeI18n(lang),
    root: () => root,
    inConflict: () => inConflict,
  });
  return { root, connection, refusals, conflictOpen: (on: boolean) => (inConflict = on) };
}

describe('FormRefusals (the refusals block alone)', () => {
  it('lists the refusals of the connection, shows and clears them', async () => {
    const { connection, refusals } = await setUp('de');
    refusals.show([denied]);
    expect(connection.refusals).to.deep.equal([denied]);
    expect(refusals.list).to.deep.equal([denied]);
    refusals.clear();
    expect(connection.cleared).to.equal(1);
    expect(refusals.list).to.deep.equal([]);
  });

  it('renders the typed refusal in plain words with its hint and the administrators’ details, focusable', async () => {
    const { root, refusals } = await setUp('de');
    expect(refusalsBlock(root)).to.equal(undefined);
    refusals.show([denied]);
    render(refusals.render(), root);
    const block = refusals.block();
    expect(block).to.equal(root.querySelector('[part~="refusals"]'));
    expect(block!.tabIndex).to.equal(-1);
    expect(block!.textContent).to.contain('Für diesen Zweck nicht erlaubt.');
    expect(block!.textContent).to.contain('Zweck wählen');
    expect(block!.querySelector('details')?.textContent).to.contain('DP-14');
    expect(block!.querySelector('details')?.textContent).to.contain('DENY_PURPOSE');
    expect(block!.querySelector('details')?.open).to.equal(false);
  });

  it('speaks English to an English user, the administrators’ summary included', async () => {
    const { root, refusals } = await setUp('en');
    refusals.show([denied]);
    render(refusals.render(), root);
    expect(refusals.block()!.textContent).to.contain('Not allowed for this purpose.');
    expect(refusals.block()!.textContent).to.contain('Choose a purpose');
    expect(refusals.block()!.querySelector('summary')?.textContent).to.equal('Details for administrators');
  });

  it('leaves out the STORE_CONFLICT the conflict notice explains, and renders nothing without refusals', async () => {
    const { root, refusals, conflictOpen } = await setUp('de');
    refusals.show([conflict]);
    conflictOpen(true);
    render(refusals.render(), root);
    expect(refusals.block()).to.equal(undefined);
    conflictOpen(false);
    render(refusals.render(), root);
    expect(refusals.block()?.textContent).to.contain('Konflikt');
  });
});
