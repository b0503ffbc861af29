import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  sha256Hex,
  type CaseState,
} from '@fallkit/core';
import { runExampleCases } from '@fallkit/core/examples';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import '../../src/define/fk-consent-manager.js';
import type { ConsentDraftValue, FkConsentManager } from '../../src/consent-manager/consent-manager.component.js';
import type { ConsentStateLike } from '../../src/shared/privacy-shapes.js';
import { informationText } from '../../src/consent-manager/consent-information.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { runFormControlSuite, deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import {
  button,
  caseManager,
  control,
  exampleState,
  mountConnected,
  pickRadio,
  typeInto,
} from '../suites/stage-test-helpers.js';

const persons = [
  {
    id: 'p-1',
    name: 'Amira Haddad',
    birthDate: '1988-04-02',
    // The mother holds parental responsibility for both children: the core checks it (DP-12).
    representations: [
      { kind: 'parentalResponsibility' as const, forPersonId: 'p-2', scope: ['all' as const] },
      { kind: 'parentalResponsibility' as const, forPersonId: 'p-3', scope: ['all' as const] },
    ],
  },
  { id: 'p-2', name: 'Samir Haddad', birthDate: '2013-09-10' },
  { id: 'p-3', name: 'Lina Haddad', birthDate: '2010-01-15' },
];
const recipientOptions = [
  { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
  { agencyId: 'schuldnerberatung', name: 'Schuldnerberatung Diakonie' },
];
const hash = 'a'.repeat(64);

const validValue: ConsentDraftValue = {
  kind: 'consent',
  subjectId: 'p-1',
  categories: ['employment', 'education'],
  recipients: [recipientOptions[0]!],
  purposes: ['caseManagement'],
  validFrom: '2026-03-01',
  validUntil: '2027-02-28',
  form: { kind: 'written', scanReference: 'DMS-2026-0042' },
  informationTextHash: hash,
  givenBy: { personId: 'p-1', role: 'self' },
};
const invalidValue: ConsentDraftValue = { ...validValue, categories: [] };

function consent(
  id: string,
  validUntil: string,
  extra: Partial<ConsentStateLike['record']> = {},
  withdrawals: ConsentStateLike['withdrawals'] = [],
): ConsentStateLike {
  return {
    record: {
      id,
      subjectId: 'p-1',
      categories: ['employment', 'health'],
      recipients: [recipientOptions[0]!],
      purposes: ['caseManagement'],
      validFrom: '2025-06-01',
      validUntil,
      form: { kind: 'written', scanReference: 'DMS-1' },
      informationTextHash: hash,
      givenBy: { personId: 'p-1', role: 'self' },
      ...extra,
    },
    withdrawals,
  };
}

async function mount(value?: ConsentDraftValue, extra: { consents?: ConsentStateLike[]; lang?: string } = {}) {
  return fixture<FkConsentManager>(
    html`<fk-consent-manager
      lang=${extra.lang ?? 'de'}
      today="2026-03-01"
      .persons=${persons}
      .recipientOptions=${recipientOptions}
      .consents=${extra.consents ?? []}
      .value=${value}
    ></fk-consent-manager>`,
  );
}

function submitButton(el: FkConsentManager): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!;
}

async function showAllSections(el: FkConsentManager) {
  for (let i = 0; i < 6; i++) {
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="information-next"]')!.click();
    await el.updateComplete;
  }
  await waitUntil(() => el.value.informationTextHash !== undefined, 'hash computed');
  await el.updateComplete;
}

describe('<fk-consent-manager>', () => {
  beforeEach(() => pageDrafts.clear());
  afterEach(() => emulateMedia({ media: 'screen' }));

  runFormControlSuite<FkConsentManager>('fk-consent-manager', {
    create: () => {
      const el = document.createElement('fk-consent-manager');
      el.persons = persons;
      el.recipientOptions = recipientOptions;
      el.today = '2026-03-01';
      return el;
    },
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte mindestens eine Datenart wählen.', en: 'Please pick at least one kind of data.' },
    maxTabStops: 90,
    async fillByKeyboard() {
      // Focus starts on the kind radio; Tab to the first recipient (after the subject select) and tick it.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
    },
    expectAfterKeyboard(value) {
      expect((value as ConsentDraftValue).recipients.map((r) => r.agencyId)).to.deep.equal(['jobcenter-musterstadt']);
    },
  });

  it('DP-10: every box starts unticked; nothing is preselected', async () => {
    const el = await mount();
    expect(el.value.categories).to.deep.equal([]);
    expect(el.value.recipients).to.deep.equal([]);
    expect(el.value.purposes).to.deep.equal([]);
    const checked = deepQueryAll<HTMLInputElement>(
      el.shadowRoot!,
      'input[type="checkbox"], input[type="radio"]',
    ).filter((i) => i.checked && i.name !== 'kind');
    expect(checked.map((i) => i.value).filter((v) => v !== 'consent')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('DP-10: partial consent: employment without health is a valid consent', async () => {
    const el = await mount({ ...validValue, categories: ['employment'], informationTextHash: undefined });
    await showAllSections(el);
    expect(el.checkValidity()).to.equal(true);
    const submitted = oneEvent(el, 'fk-submit');
    submitButton(el).click();
    const data = (await submitted).detail as ConsentDraftValue;
    expect(data.categories).to.deep.equal(['employment']);
  });

  it('DP-09: confirm stays disabled until every information section was shown; the record stores the text hash', async () => {
    const el = await mount({ ...validValue, informationTextHash: undefined });
    expect(submitButton(el).disabled).to.equal(true);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('alle Abschnitte');
    const steps = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="information-step"]')];
    expect(steps.map((s) => s.textContent!.trim())).to.deep.equal([
      'Wozu?',
      'An wen?',
      'Welche Angaben?',
      'Wie lange?',
      'Was, wenn Sie nicht einwilligen?',
      'Widerruf',
    ]);
    // Jumping to a section displays it but does not count it as shown with the person.
    steps[5]!.click();
    await el.updateComplete;
    expect(deepText(el)).to.contain('0 von 6 Abschnitten gezeigt');
    steps[0]!.click();
    await el.updateComplete;
    // Walk with the keyboard: five of six shown keeps it disabled.
    for (let i = 0; i < 5; i++) {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="information-next"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    }
    expect(deepText(el)).to.contain('5 von 6 Abschnitten gezeigt');
    expect(submitButton(el).disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('.info-panel h4')!.textContent).to.equal('Widerruf');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="information-next"]')!.click();
    await waitUntil(() => el.value.informationTextHash !== undefined, 'hash');
    await el.updateComplete;
    expect(submitButton(el).disabled).to.equal(false);
    const panelText = deepText(el);
    expect(panelText).to.contain('Alle Abschnitte wurden gezeigt.');
    const parts = [...el.shadowRoot!.querySelectorAll('.print-sheet section.information')].map(
      (s) => `${s.querySelector('h3')!.textContent}\n${s.querySelector('p')!.textContent}`,
    );
    expect(parts[1]).to.contain('Jobcenter Musterstadt');
    expect(parts[5]).to.contain('jederzeit ganz oder teilweise widerrufen');
    expect(el.value.informationTextHash).to.equal(
      await sha256Hex(
        informationText(parts.map((p) => ({ id: 'purpose', heading: p.split('\n')[0]!, text: p.split('\n')[1]! }))),
      ),
    );
    await expect(el).to.be.accessible();
  });

  it('DP-09: changing the selection after reading asks to show the information again', async () => {
    const el = await mount({ ...validValue, informationTextHash: undefined });
    await showAllSections(el);
    expect(submitButton(el).disabled).to.equal(false);
    const group = el.shadowRoot!.querySelector<HTMLElement>('[data-path="categories"]')!;
    group.shadowRoot!.querySelector<HTMLInputElement>('input[value="housing"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value.informationTextHash).to.equal(undefined);
    expect(submitButton(el).disabled).to.equal(true);
  });

  it('DP-11: the time limit is at most 12 months', async () => {
    const el = await mount({ ...validValue, validUntil: '2027-06-01' });
    expect(el.checkValidity()).to.equal(false);
    el.reportValidity();
    await el.updateComplete;
    const until = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>('[data-path="validUntil"]')!;
    expect(until.error).to.contain('Höchstens bis 01.03.2027');
  });

  it('DP-12: a 12-year-old cannot consent alone; parents consent with the child’s view recorded', async () => {
    const el = await mount({ ...validValue, subjectId: 'p-2', givenBy: { personId: 'p-2', role: 'self' } });
    expect(deepText(el)).to.contain('Die Person ist 12 Jahre alt');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('Unter 15 Jahren');
    // The child cannot give it in a parent's role either: the giver must hold parental responsibility (DP-12).
    await pickRadio(el, 'givenBy.role', 'parentalResponsibility');
    expect(el.checkValidity()).to.equal(false);
    const parent = await mount({
      ...validValue,
      subjectId: 'p-2',
      givenBy: { personId: 'p-1', role: 'parentalResponsibility' },
    });
    expect(parent.checkValidity()).to.equal(false);
    expect(parent.validationMessage).to.contain('Sicht des Kindes');
    await typeInto(parent, 'childView', 'Samir möchte, dass die Schule Bescheid weiß.');
    expect(parent.checkValidity()).to.equal(true);
  });

  it('DP-12: a 16-year-old consents once the capacity to consent is assessed', async () => {
    const el = await mount({ ...validValue, subjectId: 'p-3', givenBy: { personId: 'p-3', role: 'self' } });
    expect(el.checkValidity()).to.equal(false);
    await pickRadio(el, 'capacityToConsent', 'assessed');
    expect(el.checkValidity()).to.equal(true);
    const submitted = oneEvent(el, 'fk-submit');
    await el.requestSubmit();
    expect((await submitted).detail.capacityToConsent).to.equal('assessed');
  });

  it('DP-08: the form needs its proof: scan reference, language, or the reason for an oral exception', async () => {
    const el = await mount(validValue);
    await pickRadio(el, 'form.kind', 'oralMinuted');
    expect(el.checkValidity()).to.equal(false);
    await typeInto(el, 'form.exceptionReason', 'Person kann nicht schreiben, Zeugin anwesend.');
    expect(el.checkValidity()).to.equal(true);
    await pickRadio(el, 'form.kind', 'electronic');
    expect(el.value.form).to.deep.equal({ kind: 'electronic', language: 'de' });
  });

  it('DP-11: flags consents expiring within 30 days, and expired ones', async () => {
    const el = await mount(undefined, {
      consents: [consent('c-1', '2026-03-20'), consent('c-2', '2026-02-01'), consent('c-3', '2026-12-31')],
    });
    const badges = [...el.shadowRoot!.querySelectorAll('[part~="consent-status"]')].map((b) => b.textContent!.trim());
    expect(badges).to.deep.equal([
      'läuft in 19 Tagen ab (20.03.2026)',
      'abgelaufen am 01.02.2026',
      'gültig bis 31.12.2026',
    ]);
    expect(deepText(el)).to.contain('1 Einwilligung(en) laufen in den nächsten 30 Tagen ab.');
    expect(el.shadowRoot!.querySelector('[data-consent="c-1"]')!.getAttribute('data-status')).to.equal('expiring');
    await expect(el).to.be.accessible();
  });

  it('explains each recorded consent in plain language for the person', async () => {
    const el = await mount(undefined, { consents: [consent('c-1', '2026-12-31')] });
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="explanation"]')!;
    expect(details.textContent).to.contain('Wir geben die Angaben nur an diese Stellen weiter: Jobcenter Musterstadt');
    expect(details.textContent).to.contain('Besonders geschützte Angaben: Gesundheit');
  });

  it('DP-14: withdrawal is one button and one confirmation, wholly or in part', async () => {
    const el = await mount(undefined, { consents: [consent('c-1', '2026-12-31')] });
    const withdraw = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="withdraw"]')!;
    expect(withdraw.getAttribute('aria-label')).to.equal('Einwilligung an Jobcenter Musterstadt widerrufen');
    withdraw.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    let event = oneEvent(el, 'fk-withdraw');
    button(el, /^\s*Widerruf erfassen\s*$/).click();
    expect((await event).detail).to.deep.equal({ consentId: 'c-1' });
    // Partly: only health.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="withdraw"]')!.click();
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part~="withdrawal"]')!;
    const scope = panel.querySelector<HTMLElement>('fk-radio-group')!;
    scope.shadowRoot!.querySelector<HTMLInputElement>('input[value="partial"]')!.click();
    await el.updateComplete;
    const cats = panel.querySelector<HTMLElement>('fk-checkbox-group')!;
    cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="health"]')!.click();
    await el.updateComplete;
    event = oneEvent(el, 'fk-withdraw');
    button(el, /^\s*Widerruf erfassen\s*$/).click();
    expect((await event).detail).to.deep.equal({ consentId: 'c-1', categories: ['health'] });
  });

  it('shows partly withdrawn consents and offers no withdrawal of withdrawn ones', async () => {
    const el = await mount(undefined, {
      consents: [
        consent('c-1', '2026-12-31', {}, [
          { consentId: 'c-1', withdrawnAt: '2026-02-10T09:00:00.000Z', categories: ['health'] },
        ]),
        consent('c-2', '2026-12-31', {}, [{ consentId: 'c-2', withdrawnAt: '2026-02-11T09:00:00.000Z' }]),
      ],
    });
    const text = deepText(el);
    expect(text).to.contain('teilweise widerrufen am 10.02.2026');
    expect(text).to.contain('Widerrufen für: Gesundheit');
    expect(text).to.contain('widerrufen am 11.02.2026');
    expect(el.shadowRoot!.querySelectorAll('[part~="withdraw"]').length).to.equal(1);
  });

  it('prints a consent form with every section and signature lines (print CSS)', async () => {
    const el = await mount(validValue);
    const sheet = el.shadowRoot!.querySelector<HTMLElement>('[part~="print-sheet"]')!;
    expect(getComputedStyle(sheet).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(sheet).display).to.equal('block');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.screen-only')!).display).to.equal('none');
    expect(sheet.textContent).to.contain('Einwilligungserklärung');
    expect(sheet.textContent).to.contain('Betroffene Person: Amira Haddad');
    expect(sheet.querySelectorAll('section.information').length).to.equal(6);
    expect(sheet.textContent).to.contain('Ort, Datum, Unterschrift');
  });

  it('records a confidentiality release naming professionals (DP-15)', async () => {
    const el = await mount({ ...validValue, kind: 'release', categories: ['health'] });
    expect(el.checkValidity()).to.equal(false);
    await typeInto(el, 'professionals', 'Dr. Weber, Hausärztin\nHerr Ilić, Psychotherapeut');
    expect(el.value.professionals).to.deep.equal([
      { name: 'Dr. Weber', profession: 'Hausärztin' },
      { name: 'Herr Ilić', profession: 'Psychotherapeut' },
    ]);
    expect(el.checkValidity()).to.equal(true);
  });

  it('speaks English', async () => {
    const el = await mount(validValue, { lang: 'en', consents: [consent('c-1', '2026-12-31')] });
    const text = deepText(el);
    expect(text).to.contain('Consents and confidentiality releases');
    expect(text).to.contain('What for?');
    expect(text).to.contain('valid until');
    expect(text).to.not.contain('Einwilligung erfassen');
    await expect(el).to.be.accessible();
  });

  describe('connected', () => {
    it('takes persons and agencies from the case, records with recordConsent and keeps the draft on refusal', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, { type: string; input: Record<string, unknown> }>(caseManager);
      service.setView(state.caseId, {
        ...state,
        privacy: { consents: [consent('c-9', '2026-12-31', { subjectId: state.addresseeId })] },
      } as unknown as CaseState);
      const el = await mountConnected<FkConsentManager>(
        'fk-consent-manager',
        service as never,
        state.caseId,
        (e) => e.persons.length > 0,
      );
      el.today = '2026-03-01';
      await el.updateComplete;
      expect(el.value.subjectId).to.equal(state.addresseeId);
      expect(el.shadowRoot!.querySelectorAll('[part~="consent"]').length).to.equal(1);
      const lead = state.leadAgencies[0]!;
      const recipients = el.shadowRoot!.querySelector<HTMLElement>('[data-path="recipients"]')!;
      recipients.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${lead.agencyId}"]`)!.click();
      await el.updateComplete;
      const cats = el.shadowRoot!.querySelector<HTMLElement>('[data-path="categories"]')!;
      cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="employment"]')!.click();
      const purposes = el.shadowRoot!.querySelector<HTMLElement>('[data-path="purposes"]')!;
      purposes.shadowRoot!.querySelector<HTMLInputElement>('input[value="caseManagement"]')!.click();
      await el.updateComplete;
      await pickRadio(el, 'form.kind', 'written');
      await typeInto(el, 'form.scanReference', 'DMS-7');
      const giver = control<HTMLSelectElement>(el, 'givenBy.personId', 'select');
      giver.value = state.addresseeId;
      giver.dispatchEvent(new Event('change', { bubbles: true }));
      await pickRadio(el, 'givenBy.role', 'self');
      await showAllSections(el);
      service.respond = () =>
        refusedWith(
          'DENY_CONSENT_CAPACITY',
          'Für diese Angelegenheit besteht ein Einwilligungsvorbehalt.',
          'A consent reservation applies.',
          { rule: 'DP-13' },
        );
      const refused = oneEvent(el, 'fk-refused');
      submitButton(el).click();
      await refused;
      await el.updateComplete;
      const sent = service.commands.at(-1)!.command;
      expect(sent.type).to.equal('recordConsent');
      expect(sent.input).to.deep.include({
        subjectId: state.addresseeId,
        categories: ['employment'],
        purposes: ['caseManagement'],
      });
      expect((sent.input as { informationTextHash: string }).informationTextHash).to.match(/^[0-9a-f]{64}$/);
      expect(deepText(el)).to.contain('Einwilligungsvorbehalt');
      expect(deepText(el)).to.contain('DP-13');
      expect(control<HTMLInputElement>(el, 'form.scanReference').value).to.equal('DMS-7');
      expect(el.value.categories).to.deep.equal(['employment']);
      await expect(el).to.be.accessible();
      // Accepted the second time: the form starts empty again (DP-10).
      service.respond = () => ({ ok: true, value: undefined });
      const saved = oneEvent(el, 'fk-saved');
      submitButton(el).click();
      await saved;
      await waitUntil(() => el.value.categories.length === 0, 'reset after save');
    });

    it('DP-14: withdraws with withdrawConsent and shows the new state live', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, { type: string; input: unknown }>(caseManager);
      const c = consent('c-9', '2026-12-31', { subjectId: state.addresseeId });
      service.setView(state.caseId, { ...state, privacy: { consents: [c] } } as unknown as CaseState);
      const el = await mountConnected<FkConsentManager>(
        'fk-consent-manager',
        service as never,
        state.caseId,
        (e) => e.consents.length > 0,
      );
      el.today = '2026-03-01';
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="withdraw"]')!.click();
      await el.updateComplete;
      button(el, /^\s*Widerruf erfassen\s*$/).click();
      await waitUntil(() => service.commands.length === 1);
      expect(service.commands[0]!.command).to.deep.include({ type: 'withdrawConsent', input: { consentId: 'c-9' } });
      service.push(state.caseId, {
        ...state,
        privacy: { consents: [{ ...c, withdrawals: [{ consentId: 'c-9', withdrawnAt: '2026-03-01T08:00:00.000Z' }] }] },
      } as unknown as CaseState);
      await waitUntil(() => deepText(el).includes('widerrufen am 01.03.2026'), 'live withdrawal');
      expect(el.shadowRoot!.querySelectorAll('[part~="withdraw"]').length).to.equal(0);
    });

    it("DP-08/DP-09: records through the core's real service; the journal stores the hash of the text shown", async () => {
      const store = new MemoryCaseStore();
      const { results } = await runExampleCases({ store });
      // A case whose case manager is still assigned at the end of its script.
      const run = results.find((r) => r.caseId === 'jc-2026-0417')!;
      const core = createCaseService({
        store,
        clock: new FixedClock('2026-03-01T10:00:00.000Z'),
        ids: new SequentialIds(),
        actor: run.example.actor,
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${run.caseId}>
          <fk-consent-manager today="2026-03-01"></fk-consent-manager>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-consent-manager')!;
      await waitUntil(() => el.persons.length > 0, 'real case loaded');
      const addressee = el.value.subjectId!;
      const other = el
        .shadowRoot!.querySelector<HTMLElement>('.inline-add fk-text-field')!
        .shadowRoot!.querySelector('input')!;
      other.value = 'Jobcenter Musterstadt';
      other.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      button(el, /Stelle hinzufügen/).click();
      await el.updateComplete;
      expect(el.value.recipients).to.deep.equal([{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }]);
      const cats = el.shadowRoot!.querySelector<HTMLElement>('[data-path="categories"]')!;
      cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="employment"]')!.click();
      const purposes = el.shadowRoot!.querySelector<HTMLElement>('[data-path="purposes"]')!;
      purposes.shadowRoot!.querySelector<HTMLInputElement>('input[value="caseManagement"]')!.click();
      await el.updateComplete;
      await pickRadio(el, 'form.kind', 'written');
      await typeInto(el, 'form.scanReference', 'DMS-2026-7');
      const giver = control<HTMLSelectElement>(el, 'givenBy.personId', 'select');
      giver.value = addressee;
      giver.dispatchEvent(new Event('change', { bubbles: true }));
      await pickRadio(el, 'givenBy.role', 'self');
      await showAllSections(el);
      const hash = el.value.informationTextHash;
      const outcome = Promise.race([
        oneEvent(el, 'fk-saved').then(() => 'saved'),
        oneEvent(el, 'fk-refused').then((e) => JSON.stringify((e as CustomEvent).detail.errors)),
      ]);
      submitButton(el).click();
      expect(await outcome).to.equal('saved');
      const recorded = (await store.readJournal(run.caseId)).filter((e) => e.type === 'ConsentRecorded').at(-1)!;
      expect(recorded.payload).to.deep.include({
        informationTextHash: hash,
        categories: ['employment'],
        validUntil: '2027-03-01',
      });
      expect((recorded.payload as { recipients: unknown[] }).recipients).to.deep.equal([
        { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
      ]);
    });
  });
});
