import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type CaseCommand, type CaseState } from '@fallkit/core';
import '../../src/define/fk-first-counselling.js';
import type {
  FkFirstCounselling,
  FirstCounsellingValue,
} from '../../src/first-counselling/first-counselling.component.js';
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

const validValue: FirstCounsellingValue = {
  heldOn: '2026-01-20',
  concernInOwnWords: 'Ich will, dass meine Kinder zur Schule gehen und wir eine Wohnung haben.',
  firstPictureProblems: 'Gemeinschaftsunterkunft, Schulanmeldung offen.',
  firstPictureResources: 'Starker Familienzusammenhalt, Bruder in der Stadt.',
  motivation: { level: 'high' },
  willingnessToCooperate: 'high',
  abilityToCooperate: 'partial',
  barriers: ['language'],
  interpreterUsed: true,
  informationGiven: {
    processExplained: true,
    rolesExplained: true,
    chancesAndDemandsExplained: false,
    dataProtectionExplained: true,
  },
  oralContract: { made: true, note: 'Treffen alle zwei Wochen.' },
  decision: { kind: 'assessment' },
};
const invalidValue: FirstCounsellingValue = { ...validValue, concernInOwnWords: '' };

describe('<fk-first-counselling>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkFirstCounselling>('fk-first-counselling', {
    create: () => document.createElement('fk-first-counselling'),
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    maxTabStops: 60,
    async fillByKeyboard() {
      // Free text first: focus lands in the concern.
      await sendKeys({ type: 'Eine Wohnung finden' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Schulden' });
    },
    expectAfterKeyboard(value) {
      const v = value as FirstCounsellingValue;
      expect(v.concernInOwnWords).to.equal('Eine Wohnung finden');
      expect(v.firstPictureProblems).to.equal('Schulden');
    },
  });

  it('opens with the concern in the person’s words; judgements and decision start unset', async () => {
    const el = await fixture<FkFirstCounselling>(html`<fk-first-counselling></fk-first-counselling>`);
    expect(el.shadowRoot!.querySelector('[data-path]')!.getAttribute('data-path')).to.equal('concernInOwnWords');
    expect(el.value.willingnessToCooperate).to.equal(undefined);
    expect(el.value.decision.kind).to.equal(undefined);
    const text = deepText(el);
    expect(text).to.contain('Ablehnung ist oft Angst, Sprache oder Überforderung');
    expect(text).to.contain('Sprache darf nie ein Grund sein');
    await expect(el).to.be.accessible();
  });

  it('keeps willingness and ability apart and hints at barriers when willingness is low', async () => {
    const el = await fixture<FkFirstCounselling>(
      html`<fk-first-counselling .value=${{ ...validValue, barriers: [] }}></fk-first-counselling>`,
    );
    await pickRadio(el, 'willingnessToCooperate', 'low');
    expect(el.value.willingnessToCooperate).to.equal('low');
    expect(el.value.abilityToCooperate).to.equal('partial');
    expect(deepText(el)).to.contain('Prüfen Sie, ob Angst, Sprache oder Verständnis dahinterstehen');
    expect(el.checkValidity()).to.equal(true);
  });

  it('never lets language be the reason to refuse', async () => {
    const el = await fixture<FkFirstCounselling>(
      html`<fk-first-counselling .value=${{ ...validValue, interpreterUsed: false }}></fk-first-counselling>`,
    );
    await pickRadio(el, 'decision.kind', 'noFurtherMeasures');
    await typeInto(el, 'decision.reason', 'Verständigung nicht möglich');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('Sprache ist kein Ablehnungsgrund');
    await toggle(el, 'interpreterUsed');
    expect(el.checkValidity()).to.equal(true);
  });

  it('no further measures needs a reason and may name where the person was referred', async () => {
    const el = await fixture<FkFirstCounselling>(
      html`<fk-first-counselling .value=${validValue}></fk-first-counselling>`,
    );
    await pickRadio(el, 'decision.kind', 'noFurtherMeasures');
    expect(el.checkValidity()).to.equal(false);
    await typeInto(el, 'decision.reason', 'Einzelner Bedarf, Migrationsberatung reicht.');
    await typeInto(el, 'decision.referredElsewhereTo', 'Migrationsberatung der Caritas');
    const submitted = oneEvent(el, 'fk-submit');
    expect(await el.requestSubmit()).to.equal(true);
    expect((await submitted).detail.decision).to.deep.equal({
      kind: 'noFurtherMeasures',
      reason: 'Einzelner Bedarf, Migrationsberatung reicht.',
      referredElsewhereTo: 'Migrationsberatung der Caritas',
    });
  });

  it('records the information given and the oral contract', async () => {
    const el = await fixture<FkFirstCounselling>(
      html`<fk-first-counselling .value=${validValue}></fk-first-counselling>`,
    );
    const group = el.shadowRoot!.querySelector<HTMLElement>('[data-path="informationGiven"]')!;
    group.shadowRoot!.querySelector<HTMLInputElement>('input[value="chancesAndDemandsExplained"]')!.click();
    await el.updateComplete;
    expect(el.value.informationGiven.chancesAndDemandsExplained).to.equal(true);
    expect(control<HTMLTextAreaElement>(el, 'oralContract.note', 'textarea').value).to.equal(
      'Treffen alle zwei Wochen.',
    );
  });

  it('speaks English', async () => {
    const el = await fixture<FkFirstCounselling>(
      html`<fk-first-counselling lang="en" .value=${validValue}></fk-first-counselling>`,
    );
    const text = deepText(el);
    expect(text).to.contain("Concern in the person's words");
    expect(text).to.contain('Language must never be a reason');
    expect(text).to.not.contain('Erstberatung speichern');
    await expect(el).to.be.accessible();
  });

  describe('connected', () => {
    const loaded = (el: FkFirstCounselling) => el.value.concernInOwnWords !== '';

    it('loads the Erstberatung and the person’s languages and saves with recordFirstCounselling', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      const addressee = state.persons.find((p) => p.id === state.addresseeId)!;
      service.setView(state.caseId, {
        ...state,
        persons: state.persons.map((p) =>
          p === addressee
            ? { ...p, languages: ['Tigrinya', 'Arabisch'], interpreter: { needed: true, language: 'Tigrinya' } }
            : p,
        ),
      });
      const el = await mountConnected<FkFirstCounselling>('fk-first-counselling', service, state.caseId, loaded);
      expect(el.value.concernInOwnWords).to.equal(state.firstCounselling!.concernInOwnWords);
      expect(deepText(el)).to.contain('Sprachen laut Akte: Tigrinya und Arabisch');
      expect(deepText(el)).to.contain('Sprachmittlung nötig: Tigrinya');
      await typeInto(el, 'firstPictureResources', 'Ehrenamtliche Patin');
      const saved = oneEvent(el, 'fk-saved');
      button(el, /Erstberatung speichern/).click();
      await saved;
      const sent = service.commands.at(-1)!.command;
      expect(sent.type).to.equal('recordFirstCounselling');
      expect((sent.input as { firstPictureResources: string }).firstPictureResources).to.equal('Ehrenamtliche Patin');
    });

    it('shows a refusal in place and keeps the typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith('PR_STAGE', 'Die Erstberatung ist bereits abgeschlossen.', 'First counselling is already done.', {
          rule: 'PR-05',
        });
      const el = await mountConnected<FkFirstCounselling>('fk-first-counselling', service, state.caseId, loaded);
      await typeInto(el, 'concernInOwnWords', 'Mein Text bleibt');
      await submitRefused(el);
      expect(control<HTMLTextAreaElement>(el, 'concernInOwnWords', 'textarea').value).to.equal('Mein Text bleibt');
      expect(deepText(el)).to.contain('Die Erstberatung ist bereits abgeschlossen.');
      expect(deepText(el)).to.contain('PR-05');
      await expect(el).to.be.accessible();
    });

    it('updates live from a second writer, but never over typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mountConnected<FkFirstCounselling>('fk-first-counselling', service, state.caseId, loaded);
      // Each write elsewhere moves the journal on (a view at the same position is not a change, issue 21).
      service.push(state.caseId, {
        ...state,
        lastSeq: state.lastSeq + 1,
        firstCounselling: { ...state.firstCounselling!, concernInOwnWords: 'Vom Kollegen' },
      });
      await waitUntil(() => el.value.concernInOwnWords === 'Vom Kollegen', 'live update');
      await typeInto(el, 'concernInOwnWords', 'Meine Eingabe');
      service.push(state.caseId, {
        ...state,
        lastSeq: state.lastSeq + 2,
        firstCounselling: { ...state.firstCounselling!, concernInOwnWords: 'Zweite' },
      });
      await aTimeout(10);
      await el.updateComplete;
      expect(el.value.concernInOwnWords).to.equal('Meine Eingabe');
      expect(deepText(el)).to.contain('an anderer Stelle geändert');
    });

    it('DP-24: withheld fields say why', async () => {
      const state = await exampleState();
      const marker = needToKnowMarker;
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, {
        ...state,
        firstCounselling: { ...state.firstCounselling!, firstPictureProblems: marker },
      } as unknown as CaseState);
      const el = await mountConnected<FkFirstCounselling>('fk-first-counselling', service, state.caseId, loaded);
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted').length).to.equal(1);
      expect(deepText(el)).to.match(/Probleme und Belastungen, wie sie sich zeigen\s*:\s*ausgeblendet/);
      await expect(el).to.be.accessible();
    });
  });
});
