import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  type Actor,
} from '@fallkit/core';
import { EXAMPLE_AGENCIES, runExampleCases } from '@fallkit/core/examples';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-case-provider.js';
import '../../src/define/fk-referrals.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { button, typeInto } from '../suites/stage-test-helpers.js';

const CASE = 'jc-2026-0417';

async function world() {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store });
  const run = results.find((r) => r.caseId === CASE)!;
  const actor: Actor = run.example.actor;
  const clock = new FixedClock(new Date().toISOString());
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { store, service, port: connectCaseService({ service, views, clock }), state: run.state };
}

describe('<fk-referrals> through the core', () => {
  beforeEach(() => pageDrafts.clear());

  it('a referral the journal stored is announced as saved, never as refused, and the emptied form shows no errors', async () => {
    const w = await world();
    const subjectId = w.state.addresseeId;
    const consent = await w.service.execute({
      type: 'recordConsent',
      caseId: CASE,
      input: {
        subjectId,
        categories: ['debts', 'income'],
        recipients: [EXAMPLE_AGENCIES.suchtberatung],
        purposes: ['caseManagement'],
        form: { kind: 'written', scanReference: 'DMS-1' },
        informationTextHash: 'c'.repeat(64),
        givenBy: { personId: subjectId, role: 'self' },
      },
    } as never);
    expect(consent.ok, JSON.stringify(!consent.ok && consent.errors)).to.equal(true);
    const provider = await fixture<FkCaseProvider>(
      html`<fk-case-provider .service=${w.port} case-id=${CASE} lang="de">
        <fk-referrals></fk-referrals>
      </fk-case-provider>`,
    );
    const el = provider.querySelector('fk-referrals')!;
    await waitUntil(() => (el as unknown as { connection: { status: string } }).connection.status === 'ready');
    await el.updateComplete;
    const before = el.referrals.length;
    await typeInto(el, 'provider.name', EXAMPLE_AGENCIES.suchtberatung.name);
    await typeInto(el, 'provider.agencyId', EXAMPLE_AGENCIES.suchtberatung.agencyId);
    await typeInto(el, 'purpose', 'Beratung zum Alkoholkonsum');
    const cats = el.shadowRoot!.querySelector<HTMLElement>('[data-path="share.categories"]')!;
    cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="debts"]')!.click();
    await el.updateComplete;
    const basis = el.shadowRoot!.querySelector<HTMLElement>('[data-path="share.legalBasis"]')!;
    await waitUntil(() => basis.shadowRoot!.querySelector('input[value^="consent:"]'), 'consent offered');
    basis.shadowRoot!.querySelector<HTMLInputElement>('input[value^="consent:"]')!.click();
    await el.updateComplete;
    const outcome = Promise.race([
      oneEvent(el, 'fk-saved').then(() => 'saved'),
      oneEvent(el, 'fk-refused').then((e) => JSON.stringify((e as CustomEvent).detail.errors)),
    ]);
    button(el, /Vermittlung anlegen/).click();
    expect(await outcome).to.equal('saved');
    const stored = (await w.store.readJournal(CASE)).filter((e) => e.type === 'ProviderReferralMade');
    expect(stored.length, 'stored once').to.be.greaterThan(0);
    await waitUntil(() => el.referrals.length === before + 1, 'listed');
    await waitUntil(() => el.value.purpose === '' || el.value.purpose === undefined, 'emptied');
    await el.updateComplete;
    const text = deepText(el);
    expect(text).to.not.contain('Abgelehnt');
    expect(text).to.not.contain('Ihre Eingaben bleiben erhalten');
    const errors = deepQueryAll(el, '.fk-feedback--error').map((e) => e.textContent?.trim());
    expect(errors).to.deep.equal([]);
  });
});
