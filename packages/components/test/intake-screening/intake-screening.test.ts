import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  type CaseCommand,
  type CaseState,
} from '@fallkit/core';
import { familyDuldungToSgbII, runExampleCases } from '@fallkit/core/examples';
import '../../src/define/fk-intake-screening.js';
import type { FkIntakeScreening, IntakeScreeningValue } from '../../src/intake-screening/intake-screening.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { runFormControlSuite, deepQueryAll, deepText } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import {
  button,
  caseManager,
  control,
  exampleState,
  fakeServiceFor,
  mountConnected,
  needToKnowMarker,
  pickRadio,
  submitRefused,
  toggle,
  typeInto,
} from '../suites/stage-test-helpers.js';

const criteria = [
  'multipleProblems',
  'manyActors',
  'highCoordinationNeed',
  'crossesResponsibilities',
  'standardServicesInsufficient',
  'environmentOverwhelmedOrAbsent',
  'courseHardToForesee',
  'incalculableInteractions',
].map((criterionId, i) => ({ criterionId, met: i < 4, ...(i < 4 ? { explanation: 'im Gespräch deutlich' } : {}) }));

const validValue: IntakeScreeningValue = {
  referral: {
    referrer: { kind: 'agency', name: 'Ausländerbehörde Musterstadt' },
    referredOn: '2026-01-12',
    reason: 'Familie mit Duldung, Wohnung und Schule ungeklärt.',
  },
  check: { checkedOn: '2026-01-14', criteria, targetGroupCriteria: [], complexNeeds: true },
  admission: { decidedOn: '2026-01-14', admitted: true, reasons: 'Mehrere Rechtskreise, viele Beteiligte.' },
};
const invalidValue: IntakeScreeningValue = { ...validValue, referral: { ...validValue.referral, reason: '' } };

describe('<fk-intake-screening>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkIntakeScreening>('fk-intake-screening', {
    create: () => document.createElement('fk-intake-screening'),
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    maxTabStops: 60,
    async fillByKeyboard() {
      // Focus starts on the referrer kind; Tab to the name and type.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Sozialdienst Unterkunft' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Wohnung und Schulden' });
    },
    expectAfterKeyboard(value) {
      const v = value as IntakeScreeningValue;
      expect(v.referral.referrer.name).to.equal('Sozialdienst Unterkunft');
      expect(v.referral.reason).to.equal('Wohnung und Schulden');
    },
  });

  it('shows the criteria of the process standard with explanations, all unticked, and no decision preset (DP-27)', async () => {
    const el = await fixture<FkIntakeScreening>(html`<fk-intake-screening></fk-intake-screening>`);
    const items = el.shadowRoot!.querySelectorAll('[part~="criterion"]');
    expect(items.length).to.equal(8);
    expect(el.value.check.criteria.every((c) => c.met === false)).to.equal(true);
    expect(el.value.admission.admitted).to.equal(undefined);
    expect(el.value.check.complexNeeds).to.equal(undefined);
    const text = deepText(el);
    expect(text).to.contain('Viele beteiligte Akteure');
    expect(text).to.contain('Familie, Freundeskreis oder Nachbarschaft sind überfordert oder fehlen.');
    expect(text).to.contain('0 von 8 Kriterien treffen zu');
    await expect(el).to.be.accessible();
  });

  it('counts ticked criteria and asks how one can tell', async () => {
    const el = await fixture<FkIntakeScreening>(html`<fk-intake-screening></fk-intake-screening>`);
    await toggle(el, 'check.criteria.0.met');
    expect(el.value.check.criteria[0]!.met).to.equal(true);
    expect(deepText(el)).to.contain('1 von 8 Kriterien treffen zu');
    await typeInto(el, 'check.criteria.0.explanation', 'Wohnung, Schulden und Gesundheit');
    expect(el.value.check.criteria[0]!.explanation).to.equal('Wohnung, Schulden und Gesundheit');
  });

  it('makes misrouting visible and asks for a reason before saving', async () => {
    const el = await fixture<FkIntakeScreening>(html`<fk-intake-screening .value=${validValue}></fk-intake-screening>`);
    expect(el.shadowRoot!.querySelector('[part~="misrouting"]')).to.equal(null);
    await pickRadio(el, 'check.complexNeeds', 'no');
    const notice = el.shadowRoot!.querySelector('[part~="misrouting"]')!;
    expect(notice.textContent).to.contain('Aufnahme ohne komplexen Bedarf');
    expect(el.checkValidity()).to.equal(false);
    expect(await el.requestSubmit()).to.equal(false);
    await el.updateComplete;
    const reason = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>(
      '[data-path="admission.deviationReason"]',
    )!;
    expect(reason.error).to.equal('Bitte begründen Sie die Abweichung von den Kriterien.');
    await typeInto(el, 'admission.deviationReason', 'Kinder brauchen sofort Schulplätze; Träger fehlt.');
    const submitted = oneEvent(el, 'fk-submit');
    expect(await el.requestSubmit()).to.equal(true);
    const data = (await submitted).detail as { admission: { deviationReason?: string } };
    expect(data.admission.deviationReason).to.equal('Kinder brauchen sofort Schulplätze; Träger fehlt.');
    await expect(el).to.be.accessible();
  });

  it('names the other misrouting: sent away despite complex needs', async () => {
    const el = await fixture<FkIntakeScreening>(html`<fk-intake-screening .value=${validValue}></fk-intake-screening>`);
    await pickRadio(el, 'admission.admitted', 'no');
    expect(el.shadowRoot!.querySelector('[part~="misrouting"]')!.textContent).to.contain(
      'keine Aufnahme trotz komplexen Bedarfs',
    );
    expect(el.shadowRoot!.querySelector('[data-path="admission.referredElsewhereTo"]')).to.not.equal(null);
  });

  it('drops a stale deviation reason when the decision agrees with the check', async () => {
    const el = await fixture<FkIntakeScreening>(
      html`<fk-intake-screening
        .value=${{ ...validValue, admission: { ...validValue.admission, deviationReason: 'alt' } }}
      ></fk-intake-screening>`,
    );
    const submitted = oneEvent(el, 'fk-submit');
    await el.requestSubmit();
    expect((await submitted).detail.admission.deviationReason).to.equal(undefined);
  });

  it('flags a crisis with its description', async () => {
    const el = await fixture<FkIntakeScreening>(html`<fk-intake-screening .value=${validValue}></fk-intake-screening>`);
    await toggle(el, 'crisis');
    expect(el.value.crisis).to.not.equal(undefined);
    expect(deepText(el)).to.contain('Krisenhilfe geht vor');
    expect(el.checkValidity()).to.equal(false);
    await typeInto(el, 'crisis.description', 'Räumungsklage, Termin in drei Tagen');
    expect(el.checkValidity()).to.equal(true);
    const submitted = oneEvent(el, 'fk-submit');
    await el.requestSubmit();
    expect((await submitted).detail.crisis.description).to.equal('Räumungsklage, Termin in drei Tagen');
  });

  it('every text can be replaced by the host', async () => {
    const el = await fixture<FkIntakeScreening>(
      html`<fk-intake-screening
        .messages=${{ de: { 'intake.save': 'Prüfen und ablegen', 'intake.criterion.manyActors': 'Mehr als drei Stellen beteiligt.' } }}
      ></fk-intake-screening>`,
    );
    expect(button(el, /Prüfen und ablegen/)).to.exist;
    expect(deepText(el)).to.contain('Mehr als drei Stellen beteiligt.');
  });

  it('speaks English', async () => {
    const el = await fixture<FkIntakeScreening>(
      html`<fk-intake-screening lang="en" .value=${validValue}></fk-intake-screening>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Casefinding criteria');
    expect(text).to.contain('Many actors involved');
    expect(text).to.contain('Admission decision');
    expect(text).to.not.contain('Aufnahmeentscheidung');
  });

  describe('connected', () => {
    const loaded = (el: FkIntakeScreening) => el.value.referral.reason !== '';

    it('loads referral, check and decision, and saves only what changed', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mountConnected<FkIntakeScreening>('fk-intake-screening', service, state.caseId, loaded);
      expect(el.value.referral.reason).to.equal(state.referrals.at(-1)!.reason);
      expect(el.value.admission.admitted).to.equal(state.admission!.admitted);
      await typeInto(el, 'admission.reasons', 'Begründung ergänzt');
      const saved = oneEvent(el, 'fk-saved');
      button(el, /Zugangsprüfung speichern/).click();
      await saved;
      expect(service.commands.map((c) => c.command.type)).to.deep.equal(['decideAdmission']);
      expect((service.commands[0]!.command.input as { reasons: string }).reasons).to.equal('Begründung ergänzt');
    });

    it('shows a refusal in place and keeps the typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith(
          'DENY_AUTOMATED_DECISION',
          'Über die Aufnahme entscheidet ein Mensch.',
          'A person decides on admission.',
          {
            rule: 'DP-27',
            path: ['admission', 'reasons'],
          },
        );
      const el = await mountConnected<FkIntakeScreening>('fk-intake-screening', service, state.caseId, loaded);
      await typeInto(el, 'admission.reasons', 'Mein Text bleibt');
      await submitRefused(el);
      expect(control<HTMLTextAreaElement>(el, 'admission.reasons', 'textarea').value).to.equal('Mein Text bleibt');
      expect(deepText(el)).to.contain('Über die Aufnahme entscheidet ein Mensch.');
      expect(deepText(el)).to.contain('DP-27');
      await expect(el).to.be.accessible();
    });

    it('updates live from a second writer, but never over typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mountConnected<FkIntakeScreening>('fk-intake-screening', service, state.caseId, loaded);
      const referral = state.referrals.at(-1)!;
      // Each write elsewhere moves the journal on (a view at the same position is not a change, issue 21).
      service.push(state.caseId, {
        ...state,
        lastSeq: state.lastSeq + 1,
        referrals: [{ ...referral, reason: 'Von Kollegin ergänzt' }],
      });
      await waitUntil(() => el.value.referral.reason === 'Von Kollegin ergänzt', 'live update');
      await typeInto(el, 'referral.reason', 'Meine Eingabe');
      service.push(state.caseId, {
        ...state,
        lastSeq: state.lastSeq + 2,
        referrals: [{ ...referral, reason: 'Zweite Änderung' }],
      });
      await aTimeout(10);
      await el.updateComplete;
      expect(el.value.referral.reason).to.equal('Meine Eingabe');
      expect(deepText(el)).to.contain('an anderer Stelle geändert');
    });

    it('DP-24: a withheld referral says why instead of looking empty', async () => {
      const state = await exampleState();
      const marker = needToKnowMarker;
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, referrals: [marker] } as unknown as CaseState);
      const el = await mountConnected<FkIntakeScreening>(
        'fk-intake-screening',
        service,
        state.caseId,
        (e) => e.value.admission.reasons !== '',
      );
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted').length).to.equal(1);
      expect(deepText(el)).to.contain('ausgeblendet');
      expect(deepText(el)).to.contain('REDACT_NEED_TO_KNOW');
      await expect(el).to.be.accessible();
    });

    it('DP-27: a system account may record the criteria but not decide on admission', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>({
        id: 'svc-import',
        role: 'system',
        agencyId: 'kommune',
      });
      service.setView(state.caseId, state);
      const el = await mountConnected<FkIntakeScreening>('fk-intake-screening', service, state.caseId, loaded);
      expect(el.shadowRoot!.querySelector('[part~="automated"]')!.textContent).to.contain(
        'Über die Aufnahme entscheidet nur ein Mensch',
      );
      const group = el.shadowRoot!.querySelector<HTMLElement & { disabled: boolean }>(
        '[data-path="admission.admitted"]',
      )!;
      expect(group.disabled).to.equal(true);
    });

    it("works with the core's real case service", async () => {
      const store = new MemoryCaseStore();
      await runExampleCases({ store, cases: [familyDuldungToSgbII] });
      const core = createCaseService({
        store,
        clock: new FixedClock('2026-03-01T10:00:00.000Z'),
        ids: new SequentialIds(),
        actor: familyDuldungToSgbII.actor,
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${core} case-id=${familyDuldungToSgbII.caseId}>
          <fk-intake-screening></fk-intake-screening>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-intake-screening')!;
      await waitUntil(() => el.value.referral.reason !== '', 'real case loaded');
      await el.updateComplete;
      expect(el.value.check.criteria.some((c) => c.met === true)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });
});
