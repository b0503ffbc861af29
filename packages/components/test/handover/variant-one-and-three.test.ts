import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { DEFAULT_PROCESS_STANDARD } from '@fallkit/core';
import { decideCommand } from '@fallkit/core/internal';
import { EXAMPLE_ACTORS, familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import '../../src/define/fk-handover.js';
import type { FkHandover, HandoverData, HandoverValue } from '../../src/handover/handover.component.js';
import { deepText } from '../suites/form-control-suite.js';
import { toggle, typeInto } from '../suites/stage-test-helpers.js';

const warm: HandoverValue = {
  variant: 'warmHandover',
  to: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
  legalDomain: 'SGB_II',
  endsLegalDomain: 'AsylbLG',
  effectiveFrom: '2026-04-01',
  reason: 'Aufenthaltserlaubnis, SGB II beantragt.',
  conference: { heldOn: '2026-03-25', participants: [{ name: 'Frau Yılmaz', role: 'Integrationsmanagerin' }] },
};

describe('<fk-handover>: variant 1 with variant 3 (warm handover, the municipality keeps covering further needs)', () => {
  it('asks what the municipality keeps covering, blocks saving without it, and sends it as a warm handover the core accepts (PR-23, PR-25)', async () => {
    const el = await fixture<FkHandover>(html`<fk-handover .value=${warm}></fk-handover>`);
    expect(el.shadowRoot!.querySelector('[data-path="continuingRole"]')).to.equal(null);
    await toggle(el, 'alsoCoversFurtherNeeds');
    expect(el.shadowRoot!.querySelector('[data-path="continuingRole"]')).to.not.equal(null);
    let submitted = false;
    const onSubmit = () => (submitted = true);
    el.addEventListener('fk-submit', onSubmit);
    await el.requestSubmit();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(deepText(el)).to.contain('Bitte beschreiben Sie, was die Kommune weiter übernimmt.');
    el.removeEventListener('fk-submit', onSubmit);

    await typeInto(el, 'continuingRole', 'Wohnungssuche und Schuldnerberatung bleiben bei der Kommune.');
    const sent = oneEvent(el, 'fk-submit');
    void el.requestSubmit();
    const { detail } = (await sent) as CustomEvent<HandoverData>;
    expect(detail.variant).to.equal('warmHandover');
    expect(detail.continuingRole).to.equal('Wohnungssuche und Schuldnerberatung bleiben bei der Kommune.');
    await expect(el).to.be.accessible();

    // The core's process rules take exactly this input (a warm handover with a continuing role).
    const { results } = await runExampleCases({ cases: [familyDuldungToSgbII] });
    const decision = decideCommand({
      type: 'changeLeadAgency',
      input: detail,
      state: { ...results[0]!.state, status: 'open', stage: 'monitoring' },
      standard: DEFAULT_PROCESS_STANDARD,
      actor: EXAMPLE_ACTORS.kimCaseManager,
      today: '2026-04-01',
    });
    expect(decision.refusals).to.deep.equal([]);
  });

  it('without the extra box a warm handover sends no continuing role', async () => {
    const el = await fixture<FkHandover>(
      html`<fk-handover .value=${{ ...warm, continuingRole: 'alt' }}></fk-handover>`,
    );
    const sent = oneEvent(el, 'fk-submit');
    void el.requestSubmit();
    const { detail } = (await sent) as CustomEvent<HandoverData>;
    expect(detail.continuingRole).to.equal(undefined);
  });
});
