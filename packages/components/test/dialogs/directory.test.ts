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
import { connectCaseService } from '../../src/context/core-port.js';
import '../../src/define/fk-case-provider.js';
import '../../src/define/fk-directory.js';
import '../../src/define/fk-referrals.js';
import '../../src/define/fk-handover.js';
import '../../src/define/fk-consent-manager.js';
import type { FkReferrals } from '../../src/referrals/referrals.component.js';
import type { FkHandover } from '../../src/handover/handover.component.js';
import type { FkConsentManager } from '../../src/consent-manager/consent-manager.component.js';
import type { Directory } from '../../src/directory/directory.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { deepText } from '../suites/form-control-suite.js';
import { typeInto } from '../suites/stage-test-helpers.js';

const CASE = 'jc-2026-0417';
const A = EXAMPLE_AGENCIES;
const DIRECTORY: Directory = [
  { ...A.jobcenter, kind: 'agency' },
  { ...A.kim, kind: 'agency' },
  { ...A.schuldnerberatung, kind: 'provider', contactPerson: 'Frau Ebert', offers: 'Schuldner- und Insolvenzberatung' },
  { ...A.suchtberatung, kind: 'provider' },
];

async function world() {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store });
  const state = results.find((r) => r.caseId === CASE)!.state;
  const clock = new FixedClock(new Date().toISOString());
  const day = clock.now().slice(0, 10);
  const m =
    state.caseManagers.find((x) => x.from <= day && (x.to === undefined || day < x.to)) ?? state.caseManagers.at(-1)!;
  const actor: Actor = { id: m.userId, role: 'caseManager', agencyId: m.agencyId };
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  return { store, service, state, port: connectCaseService({ service, views, clock }) };
}

async function mount<E extends HTMLElement>(
  port: unknown,
  tag: string,
): Promise<E & { updateComplete: Promise<unknown> }> {
  const root = await fixture<HTMLElement>(
    html`<fk-directory .entries=${DIRECTORY}>
      <fk-case-provider .service=${port} case-id=${CASE} lang="de">${document.createElement(tag)}</fk-case-provider>
    </fk-directory>`,
  );
  const el = root.querySelector(tag) as E & { updateComplete: Promise<unknown> };
  await waitUntil(
    () => (el as unknown as { connection: { status: string } }).connection.status === 'ready',
    `${tag} ready`,
  );
  await el.updateComplete;
  return el;
}

function select(el: HTMLElement, path: string): HTMLSelectElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`)!.shadowRoot!.querySelector('select')!;
}

async function choose(el: HTMLElement & { updateComplete: Promise<unknown> }, path: string, value: string) {
  const s = select(el, path);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('the host directory of agencies and providers (issue 21 item 3)', () => {
  beforeEach(() => pageDrafts.clear());

  it('DP-05, DP-07: the provider is chosen by name; a "measureDelivery" consent given earlier covers the referral’s transfer', async () => {
    const w = await world();
    const measure = w.state.measures[0];
    expect(measure, 'the example case has a measure').to.not.equal(undefined);
    const subjectId = w.state.addresseeId;
    // Given at the start, before anyone knew which measure the debt counselling would carry out.
    const consent = await w.service.execute({
      type: 'recordConsent',
      caseId: CASE,
      input: {
        subjectId,
        categories: ['debts', 'income'],
        recipients: [A.schuldnerberatung],
        purposes: ['measureDelivery'],
        form: { kind: 'written', scanReference: 'DMS-1' },
        informationTextHash: 'd'.repeat(64),
        givenBy: { personId: subjectId, role: 'self' },
      },
    } as never);
    expect(consent.ok, JSON.stringify(!consent.ok && consent.errors)).to.equal(true);

    const el = await mount<FkReferrals>(w.port, 'fk-referrals');
    expect(el.shadowRoot!.querySelector('[data-path="provider.agencyId"]'), 'no id to type').to.equal(null);
    const names = [...select(el, 'provider.name').options].map((o) => o.textContent?.trim());
    expect(names).to.include.members([A.schuldnerberatung.name, A.jobcenter.name]);
    await choose(el, 'provider.name', A.schuldnerberatung.agencyId);
    expect(el.value.provider).to.deep.equal({
      name: A.schuldnerberatung.name,
      agencyId: A.schuldnerberatung.agencyId,
      contactPerson: 'Frau Ebert',
    });
    await choose(el, 'measureId', measure!.id);
    await typeInto(el, 'purpose', 'Schuldenregulierung');
    const cats = el.shadowRoot!.querySelector<HTMLElement>('[data-path="share.categories"]')!;
    cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="debts"]')!.click();
    await el.updateComplete;
    const basis = el.shadowRoot!.querySelector<HTMLElement>('[data-path="share.legalBasis"]')!;
    await waitUntil(
      () => basis.shadowRoot!.querySelector('input[value^="consent:"]'),
      'the earlier consent is offered',
    );
    basis.shadowRoot!.querySelector<HTMLInputElement>('input[value^="consent:"]')!.click();
    await el.updateComplete;
    const outcome = Promise.race([
      oneEvent(el, 'fk-saved').then(() => 'saved'),
      oneEvent(el, 'fk-refused').then((e) => JSON.stringify((e as CustomEvent).detail.errors)),
    ]);
    el.requestSubmit();
    expect(await outcome).to.equal('saved');
    const transferred = (await w.store.readJournal(CASE)).filter((e) => e.type === 'DataTransferred').at(-1)!;
    expect(transferred.payload).to.deep.include({ purpose: `measureDelivery:${measure!.id}` });
    await expect(el).to.be.accessible();
  });

  it('without a covering consent the referral offers a way to record one (fk-consent-needed)', async () => {
    const w = await world();
    const el = await mount<FkReferrals>(w.port, 'fk-referrals');
    await choose(el, 'provider.name', A.suchtberatung.agencyId);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="consent-needed"]')!;
    expect(button.textContent).to.contain(`Einwilligung für ${A.suchtberatung.name} erfassen`);
    const asked = oneEvent(el, 'fk-consent-needed');
    button.click();
    const { detail } = await asked;
    expect(detail.recipient).to.deep.equal({ agencyId: A.suchtberatung.agencyId, name: A.suchtberatung.name });
    expect(detail.purposes).to.deep.equal(['measureDelivery']);
  });

  it('the receiving agency of a handover and the recipients of a consent are chosen by name', async () => {
    const w = await world();
    const handover = await mount<FkHandover>(w.port, 'fk-handover');
    expect(handover.shadowRoot!.querySelector('[data-path="to.agencyId"]'), 'no id to type').to.equal(null);
    await choose(handover, 'to.name', A.jobcenter.agencyId);
    expect(handover.value.to).to.deep.equal({ agencyId: A.jobcenter.agencyId, name: A.jobcenter.name });
    const consents = await mount<FkConsentManager>(w.port, 'fk-consent-manager');
    const recipients = consents.shadowRoot!.querySelector<HTMLElement>('[data-path="recipients"]')!;
    expect(deepText(recipients)).to.contain(A.schuldnerberatung.name);
    expect(deepText(recipients)).to.contain(A.suchtberatung.name);
    const purposes = consents.shadowRoot!.querySelector<HTMLElement>('[data-path="purposes"]')!;
    expect(deepText(purposes)).to.contain(
      'Vermittlung an Anbieter und Durchführung von Maßnahmen, auch später geplanter',
    );
  });
});
