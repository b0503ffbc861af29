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
import { familyDuldungToSgbII, reassessmentLoop, runExampleCases } from '@fallkit/core/examples';
import '../../src/define/fk-assessment-form.js';
import type { FkAssessmentForm, AssessmentFormValue } from '../../src/assessment-form/assessment-form.component.js';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { pageDrafts } from '../../src/controllers/draft-store.js';
import { runFormControlSuite, deepQueryAll, deepText, deepActiveElement } from '../suites/form-control-suite.js';
import { FakeCaseService, refusedWith } from '../suites/fake-case-service.js';
import {
  button,
  caseManager,
  control,
  exampleState,
  fakeServiceFor,
  mountConnected,
  submitRefused,
  typeInto,
} from '../suites/stage-test-helpers.js';

const validValue: AssessmentFormValue = {
  recordedOn: '2026-02-03',
  wishesAndDreams: 'Eine eigene Wohnung und eine Arbeit als Köchin.',
  domains: [
    {
      domainId: 'housing',
      resources: 'Kennt den Wohnungsmarkt im Stadtteil.',
      problems: 'Lebt mit drei Kindern in einer Gemeinschaftsunterkunft.',
      personView: 'Ohne Wohnung geht gar nichts.',
      caseManagerView: 'Wohnungssuche vorrangig, Anspruch nach Statuswechsel prüfen.',
      rating: { scaleId: 'need-1-5', value: 5 },
    },
  ],
};
const invalidValue: AssessmentFormValue = { wishesAndDreams: 'Arbeit finden', domains: [] };

describe('<fk-assessment-form>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkAssessmentForm>('fk-assessment-form', {
    create: () => document.createElement('fk-assessment-form'),
    validValue,
    invalidValue,
    invalidMessage: {
      de: 'Bitte nehmen Sie mindestens einen Lebensbereich auf.',
      en: 'Please add at least one life domain.',
    },
    maxTabStops: 80,
    async fillByKeyboard() {
      // Focus starts in the wishes (free text first).
      await sendKeys({ type: 'Wieder arbeiten' });
      // Tab to the date, past it, to the first "+ Wohnen" button and open the domain with Enter.
      for (let i = 0; i < 8; i++) {
        const active = deepActiveElement();
        if (active instanceof HTMLButtonElement && /Wohnen/.test(active.getAttribute('aria-label') ?? '')) break;
        await sendKeys({ press: 'Tab' });
      }
      await sendKeys({ press: 'Enter' });
      await aTimeout(50);
      // Focus moved into the new domain's resources.
      await sendKeys({ type: 'Hilfsbereite Nachbarn' });
    },
    expectAfterKeyboard(value) {
      const v = value as AssessmentFormValue;
      expect(v.wishesAndDreams).to.equal('Wieder arbeiten');
      expect(v.domains.map((d) => d.domainId)).to.deep.equal(['housing']);
      expect(v.domains[0]!.resources).to.equal('Hilfsbereite Nachbarn');
    },
  });

  describe('free text first, structure optional', () => {
    it('opens with the wishes and no domain; domains are opened on demand, Art. 9 collapsed (DP-02)', async () => {
      const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form></fk-assessment-form>`);
      const first = el.shadowRoot!.querySelector('[data-path]')!;
      expect(first.getAttribute('data-path')).to.equal('wishesAndDreams');
      expect(el.shadowRoot!.querySelectorAll('[part~="domain"]').length).to.equal(0);
      const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part~="special-domains"]')!;
      expect(details.open).to.equal(false);
      expect(details.textContent).to.contain('Gesundheit');
      // The ordinary picker does not offer health.
      const ordinary = [...el.shadowRoot!.querySelectorAll('.picker > .actions button')].map((b) =>
        b.textContent!.trim(),
      );
      expect(ordinary.join('|')).to.not.contain('Gesundheit');
      await expect(el).to.be.accessible();
    });

    it('DP-02: an opened health domain is classified as health data', async () => {
      const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form></fk-assessment-form>`);
      el.shadowRoot!.querySelector<HTMLDetailsElement>('details')!.open = true;
      button(el, /Gesundheit/).click();
      await el.updateComplete;
      expect(el.value.domains[0]).to.include({ domainId: 'health' });
      expect(el.value.domains[0]!.categories).to.deep.equal(['health']);
    });

    it('shows both views side by side, agreed interpretation, dissent and the rating of the standard', async () => {
      const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form .value=${validValue}></fk-assessment-form>`);
      const text = deepText(el);
      for (const label of [
        'Sicht der Person',
        'Sicht der Fachkraft',
        'Gemeinsame Deutung',
        'Abweichende Deutung (Dissens)',
        'Unterstützungsbedarf',
        'sehr hoher Bedarf',
      ])
        expect(text).to.contain(label);
      const rating = el.shadowRoot!.querySelector<HTMLElement & { value: number | null }>('fk-rating')!;
      expect(rating.value).to.equal(5);
    });

    it('warns (does not block) when the person view is missing', async () => {
      const el = await fixture<FkAssessmentForm>(
        html`<fk-assessment-form
          .value=${{ ...validValue, domains: [{ ...validValue.domains[0]!, personView: '' }] }}
        ></fk-assessment-form>`,
      );
      expect(el.checkValidity()).to.equal(true);
      expect(deepText(el)).to.contain('Die Sicht der Person fehlt noch.');
    });

    it('removes a domain and keeps focus in the form', async () => {
      const el = await fixture<FkAssessmentForm>(html`<fk-assessment-form .value=${validValue}></fk-assessment-form>`);
      button(el, /entfernen/i).click();
      await el.updateComplete;
      await el.updateComplete;
      expect(el.value.domains).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.id).to.equal('domains-heading');
    });
  });

  describe('re-assessment', () => {
    it('compares each domain with the previous version', async () => {
      const el = await fixture<FkAssessmentForm>(
        html`<fk-assessment-form
          .value=${{
            ...validValue,
            domains: [
              {
                ...validValue.domains[0]!,
                problems: 'Wohnung gefunden, Kaution fehlt',
                rating: { scaleId: 'need-1-5', value: 3 },
              },
              { domainId: 'language', resources: '', problems: 'B1 fehlt', personView: '', caseManagerView: '' },
            ],
          }}
          .previous=${{ version: 1, recordedOn: '2026-02-03', domains: [validValue.domains[0]!, { domainId: 'mobility', resources: '', problems: 'x', personView: '', caseManagerView: '' }] }}
        ></fk-assessment-form>`,
      );
      const compare = [...el.shadowRoot!.querySelectorAll('[part~="compare"]')].map((p) =>
        p.textContent!.replace(/\s+/g, ' '),
      );
      expect(compare[0]).to.contain('geändert: Probleme und Einschätzung 5 → 3');
      expect(compare[0]).to.contain('Gegenüber Version 1');
      expect(compare[1]).to.contain('neu aufgenommen');
      const earlier = el.shadowRoot!.querySelector('[part~="compare-earlier"]')!;
      expect(earlier.textContent).to.contain('So stand es in Version 1');
      expect(earlier.textContent).to.contain('Lebt mit drei Kindern in einer Gemeinschaftsunterkunft.');
      await expect(el).to.be.accessible();
      expect(deepText(el)).to.contain('Nicht mehr aufgenommen: Mobilität');
    });

    it('connected: after a re-assessment start the form prepares the next version against the latest', async () => {
      const state = await exampleState(reassessmentLoop);
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      const latest = state.assessments[state.assessments.length - 1]!;
      service.setView(state.caseId, {
        ...state,
        reassessments: [
          ...state.reassessments,
          {
            id: 'ra-x',
            startedOn: '2026-06-01',
            reason: 'Umzug',
            recordedAt: '2099-01-01T00:00:00.000Z',
          } as CaseState['reassessments'][number],
        ],
      });
      const provider = await fixture<FkCaseProvider>(
        html`<fk-case-provider .service=${service} case-id=${state.caseId}>
          <fk-assessment-form></fk-assessment-form>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-assessment-form')!;
      await waitUntil(() => el.value.domains.length > 0);
      await el.updateComplete;
      expect(deepText(el)).to.contain(`Version ${latest.version + 1}`);
      expect(deepText(el)).to.contain(`Gegenüber Version ${latest.version}`);
    });
  });

  describe('connected', () => {
    const mount = (service: FakeCaseService<CaseState, CaseCommand>, caseId: string, lang = 'de') =>
      mountConnected<FkAssessmentForm>(
        'fk-assessment-form',
        service,
        caseId,
        (el) => el.value.domains.length > 0,
        lang,
      );

    it('loads the latest version of the case and saves a new one with recordAssessment', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId);
      const latest = state.assessments.at(-1)!;
      expect(el.value.domains.map((d) => d.domainId)).to.deep.equal(latest.domains.map((d) => d.domainId));
      await typeInto(el, 'wishesAndDreams', 'Eine Ausbildung als Pflegefachkraft');
      const saved = oneEvent(el, 'fk-saved');
      button(el, /Als neue Fassung speichern/).click();
      await saved;
      const sent = service.commands.at(-1)!.command;
      expect(sent.type).to.equal('recordAssessment');
      expect(sent.caseId).to.equal(state.caseId);
      expect((sent.input as AssessmentFormValue).wishesAndDreams).to.equal('Eine Ausbildung als Pflegefachkraft');
    });

    it('shows a refusal in place and keeps the typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith(
          'PR_ASSESSMENT_NOT_DUE',
          'Ein neues Assessment ist erst nach einem Re-Assessment-Anlass möglich.',
          'A new assessment needs a re-assessment start.',
          {
            rule: 'PR-10',
            path: ['wishesAndDreams'],
          },
        );
      const el = await mount(service, state.caseId);
      await typeInto(el, 'wishesAndDreams', 'Mein Text bleibt');
      await submitRefused(el);
      expect(control<HTMLTextAreaElement>(el, 'wishesAndDreams', 'textarea').value).to.equal('Mein Text bleibt');
      const field = el.shadowRoot!.querySelector<HTMLElement & { error?: string }>('[data-path="wishesAndDreams"]')!;
      expect(field.error).to.contain('erst nach einem Re-Assessment-Anlass');
      expect(deepText(el)).to.contain('PR-10');
      await expect(el).to.be.accessible();
    });

    it('updates live from a second writer, but never over typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId);
      const latest = state.assessments.at(-1)!;
      // Each write elsewhere moves the journal on (a view at the same position is not a change, issue 21).
      service.push(state.caseId, {
        ...state,
        lastSeq: state.lastSeq + 1,
        assessments: [...state.assessments.slice(0, -1), { ...latest, wishesAndDreams: 'Vom Kollegen geändert' }],
      });
      await waitUntil(() => el.value.wishesAndDreams === 'Vom Kollegen geändert', 'live update');
      await typeInto(el, 'wishesAndDreams', 'Meine Eingabe');
      service.push(state.caseId, {
        ...state,
        lastSeq: state.lastSeq + 2,
        assessments: [...state.assessments.slice(0, -1), { ...latest, wishesAndDreams: 'Zweite Änderung' }],
      });
      await aTimeout(10);
      await el.updateComplete;
      expect(el.value.wishesAndDreams).to.equal('Meine Eingabe');
      expect(deepText(el)).to.contain('an anderer Stelle geändert');
    });

    it('confirms a recorded version with the person (confirmAssessment)', async () => {
      const state = await exampleState();
      const latest = state.assessments.at(-1)!;
      const unconfirmed = {
        ...state,
        assessments: [
          ...state.assessments.slice(0, -1),
          { ...latest, status: 'recorded' as const, confirmation: undefined },
        ],
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, unconfirmed);
      const el = await mount(service, state.caseId);
      expect(deepText(el)).to.contain('noch nicht mit der Person bestätigt');
      const confirmButton = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!;
      confirmButton.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => service.commands.length === 1);
      const sent = service.commands[0]!.command;
      expect(sent.type).to.equal('confirmAssessment');
      expect(sent.input).to.deep.include({ assessmentId: latest.id });
      expect((sent.input as { confirmation: { confirmedByIds: string[]; form: string } }).confirmation).to.deep.include(
        { confirmedByIds: [state.addresseeId], form: 'oral' },
      );
    });

    it('DP-24: a withheld domain and a withheld field say why', async () => {
      const state = await exampleState();
      const latest = state.assessments.at(-1)!;
      const marker = {
        redacted: true as const,
        code: 'REDACT_NO_CONSENT',
        rule: 'DP-10',
        message: { de: 'keine Einwilligung für Gesundheitsdaten', en: 'no consent for health data' },
      };
      const [first, ...rest] = latest.domains;
      const view = {
        ...state,
        assessments: [
          ...state.assessments.slice(0, -1),
          { ...latest, domains: [{ ...first!, problems: marker }, ...rest, { ...marker, domainId: 'health' }] },
        ],
      } as unknown as CaseState;
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, view);
      const el = await mount(service, state.caseId);
      const markers = deepQueryAll(el.shadowRoot!, 'fk-redacted');
      expect(markers.length).to.equal(2);
      const text = deepText(el);
      expect(text).to.match(/Gesundheit\s*:\s*ausgeblendet: keine Einwilligung für Gesundheitsdaten/);
      expect(text).to.match(/Probleme und Belastungen\s*:\s*ausgeblendet: keine Einwilligung für Angaben/);
      expect(text).to.contain('REDACT_NO_CONSENT');
      await expect(el).to.be.accessible();
    });

    it('DP-23, DP-24, DP-40: with parts withheld, whether a new version may be saved is what the core says (mayIssue)', async () => {
      const state = await exampleState();
      const latest = state.assessments.at(-1)!;
      const marker = {
        redacted: true as const,
        code: 'REDACT_NO_CONSENT',
        rule: 'DP-10',
        message: { de: 'keine Einwilligung für Gesundheitsdaten', en: 'no consent for health data' },
      };
      const withheld = {
        ...state,
        assessments: [
          ...state.assessments.slice(0, -1),
          { ...latest, domains: [...latest.domains, { ...marker, domainId: 'health' }] },
        ],
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...withheld, mayIssue: ['recordAssessment'] } as unknown as CaseState);
      const el = await mount(service, state.caseId);
      const submit = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!;
      expect(submit().disabled).to.equal(false);
      expect(deepText(el)).to.contain('die zurückgehaltenen Teile werden unverändert übernommen');
      expect(deepText(el)).to.not.contain('wer alles sehen darf');
      await expect(el).to.be.accessible();
      service.push(state.caseId, { ...withheld, mayIssue: [] } as unknown as CaseState);
      await waitUntil(() => submit().disabled, 'the core says no');
    });

    it('speaks English in an English provider', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mount(service, state.caseId, 'en');
      const text = deepText(el);
      expect(text).to.contain("Wishes and dreams, in the person's words");
      expect(text).to.contain('Life domains');
      expect(text).to.not.contain('Lebensbereiche');
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
          <fk-assessment-form></fk-assessment-form>
        </fk-case-provider>`,
      );
      const el = provider.querySelector('fk-assessment-form')!;
      await waitUntil(() => el.value.domains.length > 0, 'real case loaded');
      await el.updateComplete;
      expect(deepText(el)).to.contain('Version');
      await expect(el).to.be.accessible();
    });
  });
});
