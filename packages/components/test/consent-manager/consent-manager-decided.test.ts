import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
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
import '../../src/define/fk-consent-manager.js';
import type { FkConsentManager } from '../../src/consent-manager/consent-manager.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { control, pickRadio, typeInto } from '../suites/stage-test-helpers.js';

const CASE = 'jc-2026-0417';
const HASH = 'b'.repeat(64);

/** The example cases in a memory store, read through the core's decided channels (as the demo does). */
async function world() {
  const store = new MemoryCaseStore();
  const { results } = await runExampleCases({ store });
  const run = results.find((r) => r.caseId === CASE)!;
  const actor: Actor = run.example.actor;
  const clock = new FixedClock('2026-03-01T10:00:00.000Z');
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor });
  const views = createCaseViews({ service, store, clock, ids });
  const port = connectCaseService({ service, views, clock });
  return { store, service, port, state: run.state };
}

async function mountManager(port: unknown): Promise<FkConsentManager> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${CASE} lang="de">
      <fk-consent-manager today="2026-03-01"></fk-consent-manager>
    </fk-case-provider>`,
  );
  const el = provider.querySelector('fk-consent-manager')!;
  await waitUntil(() => el.persons.length > 0, 'case loaded');
  await el.updateComplete;
  return el;
}

describe('<fk-consent-manager> on the decided consents channel', () => {
  beforeEach(() => pageDrafts.clear());

  it('DP-01 / DP-15: lists recorded consents and releases from createCaseViews().consents after a fresh mount', async () => {
    const w = await world();
    const subjectId = w.state.addresseeId;
    const common = {
      subjectId,
      recipients: [{ agencyId: EXAMPLE_AGENCIES.suchtberatung.agencyId, name: EXAMPLE_AGENCIES.suchtberatung.name }],
      validFrom: '2026-03-01',
      validUntil: '2027-02-28',
      form: { kind: 'written', scanReference: 'DMS-1' },
      informationTextHash: HASH,
      givenBy: { personId: subjectId, role: 'self' },
    };
    const consent = await w.service.execute({
      type: 'recordConsent',
      caseId: CASE,
      input: { ...common, categories: ['employment'], purposes: ['caseManagement'] },
    } as never);
    expect(consent.ok, JSON.stringify(!consent.ok && consent.errors)).to.equal(true);
    const release = await w.service.execute({
      type: 'recordConfidentialityRelease',
      caseId: CASE,
      input: {
        ...common,
        categories: ['health'],
        purposes: ['caseManagement'],
        professionals: [{ name: 'Dr. Weber', profession: 'Hausärztin' }],
      },
    } as never);
    expect(release.ok, JSON.stringify(!release.ok && release.errors)).to.equal(true);

    const el = await mountManager(w.port);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="consent"]').length === 2, 'both listed');
    const text = deepText(el);
    expect(text).to.not.contain('Noch keine Einwilligung erfasst');
    expect(text).to.contain('Schweigepflichtentbindung');
    expect(text).to.contain('Dr. Weber');
    await expect(el).to.be.accessible();
  });
});

/** Ticks the option `value` of the checkbox group at `path`. */
async function tick(el: FkConsentManager, path: string, value: string): Promise<void> {
  const group = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
  group.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!.click();
  await el.updateComplete;
}

async function showAll(el: FkConsentManager): Promise<void> {
  for (let i = 0; i < 6 && !el.informationShown; i++) {
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="information-next"]')!.click();
    await el.updateComplete;
  }
  await waitUntil(() => el.value.informationTextHash !== undefined, 'hash computed');
  await el.updateComplete;
}

function errorsShown(el: FkConsentManager): string[] {
  return deepQueryAll(el, '.fk-feedback--error, [part~="error"]')
    .map((e) => e.textContent?.trim() ?? '')
    .filter(Boolean);
}

describe('<fk-consent-manager> recording through the core', () => {
  beforeEach(() => pageDrafts.clear());

  it('DP-15: a release for health data alone is saved, listed under its own title, and the emptied form shows no errors', async () => {
    const w = await world();
    const el = await mountManager(w.port);
    await pickRadio(el, 'kind', 'release');
    const lead = w.state.leadAgencies[0]!;
    await tick(el, 'recipients', lead.agencyId);
    await tick(el, 'purposes', 'caseManagement');
    await tick(el, 'specialCategories', 'health');
    await typeInto(el, 'professionals', 'Dr. Weber, Hausärztin');
    await pickRadio(el, 'form.kind', 'written');
    await typeInto(el, 'form.scanReference', 'DMS-9');
    const giver = control<HTMLSelectElement>(el, 'givenBy.personId', 'select');
    giver.value = w.state.addresseeId;
    giver.dispatchEvent(new Event('change', { bubbles: true }));
    await pickRadio(el, 'givenBy.role', 'self');
    await showAll(el);
    const outcome = Promise.race([
      oneEvent(el, 'fk-saved').then(() => 'saved'),
      oneEvent(el, 'fk-refused').then((e) => JSON.stringify((e as CustomEvent).detail.errors)),
    ]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    expect(await outcome).to.equal('saved');
    const stored = (await w.store.readJournal(CASE)).filter((e) => e.type === 'ConfidentialityReleaseRecorded');
    expect(stored.length).to.equal(1);
    expect((stored[0]!.payload as { categories: string[] }).categories).to.deep.equal(['health']);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="consent"]').length === 1, 'release listed');
    await waitUntil(() => el.value.categories.length === 0, 'emptied');
    await el.updateComplete;
    expect(errorsShown(el), 'no errors in the emptied form').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part~="list"]')!.textContent).to.contain('Schweigepflichtentbindung');
    await expect(el).to.be.accessible();
  });

  it('DP-09: information sections already shown stay shown when an edit leaves their text unchanged', async () => {
    const w = await world();
    const el = await mountManager(w.port);
    await tick(el, 'recipients', w.state.leadAgencies[0]!.agencyId);
    await tick(el, 'purposes', 'caseManagement');
    await tick(el, 'categories', 'employment');
    await showAll(el);
    expect(el.informationShown).to.equal(true);
    // Edits that do not change the text keep every section.
    await pickRadio(el, 'form.kind', 'written');
    await typeInto(el, 'form.scanReference', 'DMS-10');
    expect(el.informationShown).to.equal(true);
    expect(el.value.informationTextHash).to.match(/^[0-9a-f]{64}$/);
    // A changed category changes one section: only that one is to be shown again.
    await tick(el, 'categories', 'education');
    expect(el.informationShown).to.equal(false);
    expect(el.value.informationTextHash).to.equal(undefined);
    const steps = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="information-step"]')];
    expect(steps.filter((s) => s.hasAttribute('data-shown')).length).to.equal(5);
    await showAll(el);
    expect(el.informationShown).to.equal(true);
  });
});

describe('<fk-consent-manager> print', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it("prints the case's Aktenzeichen (its label), not the internal case id", async () => {
    const w = await world();
    const el = await mountManager(w.port);
    const root = el.preparePrint();
    const text = root.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(`Aktenzeichen: ${w.state.label}`);
    expect(w.state.label).to.not.equal(CASE);
    expect(text.includes(CASE)).to.equal(false);
    root.remove();
  });

  it('DP-15: a release prints under its own title, not as a consent', async () => {
    const el = await fixture<FkConsentManager>(
      html`<fk-consent-manager
        lang="de"
        today="2026-03-01"
        .persons=${[{ id: 'p-1', name: 'Amira Haddad' }]}
        .value=${{
          kind: 'release',
          categories: ['health'],
          recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
          purposes: ['caseManagement'],
          professionals: [{ name: 'Dr. Weber' }],
          form: {},
          givenBy: {},
        }}
      ></fk-consent-manager>`,
    );
    await emulateMedia({ media: 'print' });
    const sheet = el.shadowRoot!.querySelector('[part~="print-sheet"]')!;
    expect(sheet.querySelector('h2')!.textContent).to.equal('Erklärung zur Entbindung von der Schweigepflicht');
    expect(sheet.textContent).to.not.contain('Einwilligungserklärung');
  });
});
