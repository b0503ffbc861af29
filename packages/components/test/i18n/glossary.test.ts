import { expect, fixture, html } from '@open-wc/testing';
import { CATEGORY_LABELS, PURPOSE_LABELS, type DataCategory, type Language } from '@fallkit/core';
import '../../src/define/fk-consent-manager.js';
import '../../src/define/fk-goal-agreement.js';
import type { FkConsentManager } from '../../src/consent-manager/consent-manager.component.js';
import type { FkGoalAgreement } from '../../src/goal-agreement/goal-agreement.component.js';
import type { AgreementConsent, AgreementMeasure } from '../../src/goal-agreement/agreement-print.js';
import type { ConsentStateLike } from '../../src/shared/privacy-shapes.js';
import { categoryName, purposeName } from '../../src/i18n/glossary.js';
import { deepText } from '../suites/form-control-suite.js';
import { button } from '../suites/stage-test-helpers.js';

/**
 * Issue 21 item 9: one glossary for purpose names. Every purpose reads the same in German and English in
 * the consent manager (the recorded consent's card, the draft's choice, the information text, the
 * printed consent) and in the goal agreement's print: the core's PURPOSE_LABELS, through `purposeName`.
 */
const PURPOSES = [
  'screening',
  'caseManagement',
  'measureDelivery',
  'measureDelivery:m-1',
  'caseConference:conf-1',
  'childProtection',
  'statutoryReporting',
  'supervision',
  'statistics',
  'dataSubjectRequest',
] as const;

const recipient = { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' };
const person = { id: 'p-1', name: 'Amira Haddad', birthDate: '1988-04-02' };
const measure: AgreementMeasure = { id: 'm-1', title: 'Bewerbungstraining', goalIds: [], by: { name: 'Bildungswerk' } };

function recorded(purpose: string): ConsentStateLike {
  return {
    record: {
      id: `c-${purpose}`,
      subjectId: 'p-1',
      categories: ['employment'],
      recipients: [recipient],
      purposes: [purpose],
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
      form: { kind: 'written', scanReference: 'DMS-1' },
      informationTextHash: 'a'.repeat(64),
      givenBy: { personId: 'p-1', role: 'self' },
    },
    withdrawals: [],
  };
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('one glossary for purpose names (issue 21)', function () {
  this.timeout(60_000);

  it('names each purpose kind by the core’s PURPOSE_LABELS, a measure by its title, never by a bare id', () => {
    for (const lang of ['de', 'en'] as const) {
      expect(purposeName('caseManagement', lang)).to.equal(PURPOSE_LABELS.caseManagement[lang]);
      expect(purposeName('caseConference:conf-1', lang)).to.equal(PURPOSE_LABELS.caseConference[lang]);
      expect(purposeName('measureDelivery:m-1', lang, { 'measureDelivery:m-1': 'Bewerbungstraining' })).to.equal(
        `${PURPOSE_LABELS.measureDelivery[lang]}: Bewerbungstraining`,
      );
    }
  });

  for (const lang of ['de', 'en'] as Language[]) {
    it(`every purpose has the same ${lang === 'de' ? 'German' : 'English'} name in fk-consent-manager, its print, and fk-goal-agreement’s print`, async () => {
      const titles = { 'measureDelivery:m-1': measure.title };
      const manager = await fixture<FkConsentManager>(
        html`<fk-consent-manager
          lang=${lang}
          today="2026-03-01"
          .persons=${[person]}
          .recipientOptions=${[recipient]}
          .purposeOptions=${[...PURPOSES]}
          .consents=${PURPOSES.map(recorded)}
          .value=${{ kind: 'consent', subjectId: 'p-1', categories: ['employment'], recipients: [recipient], purposes: [...PURPOSES] }}
        ></fk-consent-manager>`,
      );
      const consents: AgreementConsent[] = PURPOSES.map((p) => ({
        id: `c-${p}`,
        categories: ['employment'],
        recipients: [recipient],
        purposes: [p],
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      }));
      const agreement = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement
          lang=${lang}
          person-name="Amira Haddad"
          .value=${{ goals: [{ level: 'case', title: 'Arbeit finden' }] }}
          .consents=${consents}
          .measures=${[measure]}
        ></fk-goal-agreement>`,
      );
      button(agreement, lang === 'de' ? /Vereinbarung zum Ausdrucken/ : /Agreement for printing/).click();
      await agreement.updateComplete;
      await agreement.updateComplete;
      const printedAgreement = squash(agreement.shadowRoot!.querySelector('[part~="agreement"]')!.textContent!);
      const printedConsent = squash(deepText(manager.preparePrint()));
      const cards = [...manager.shadowRoot!.querySelectorAll('[part~="consent"]')];
      const choice = squash(deepText(manager.shadowRoot!.querySelector('[data-path="purposes"]')!));
      for (const p of PURPOSES) {
        // The goal agreement knows the measure's title from the help plan; the standalone consent manager
        // does not (connected it takes the titles from the case), so it names the kind alone, never the id.
        const inAgreement = purposeName(p, lang, titles);
        const inManager = purposeName(p, lang);
        const card = cards.find((c) => c.getAttribute('data-consent') === `c-${p}`)!;
        expect(squash(card.textContent!), `${p} card`).to.contain(inManager);
        expect(choice, `${p} choice`).to.contain(inManager);
        expect(printedConsent, `${p} consent print`).to.contain(inManager);
        expect(printedAgreement, `${p} agreement print`).to.contain(inAgreement);
      }
      for (const text of [printedAgreement, printedConsent, squash(deepText(manager))]) {
        expect(text).to.not.contain('m-1').and.to.not.contain('conf-1');
        expect(text).to.not.match(/\bcaseManagement\b|\bmeasureDelivery\b/);
      }
      expect(printedAgreement).to.contain(`${PURPOSE_LABELS.measureDelivery[lang]}: Bewerbungstraining`);
    });
  }
});

describe('one glossary for data category names (issue 21)', function () {
  this.timeout(60_000);

  const CATEGORIES: DataCategory[] = ['identity', 'benefits', 'employment', 'helpPlan', 'health', 'debts'];

  for (const lang of ['de', 'en'] as Language[]) {
    it(`a consent's categories read the same (${lang}) on the printed consent and on the goal agreement's sheet: the core's CATEGORY_LABELS`, async () => {
      const consent = {
        ...recorded('caseManagement'),
        record: { ...recorded('caseManagement').record, categories: CATEGORIES },
      };
      const manager = await fixture<FkConsentManager>(
        html`<fk-consent-manager
          lang=${lang}
          today="2026-03-01"
          .persons=${[person]}
          .recipientOptions=${[recipient]}
          .consents=${[consent]}
          .value=${{ kind: 'consent', subjectId: 'p-1', categories: CATEGORIES, recipients: [recipient], purposes: ['caseManagement'] }}
        ></fk-consent-manager>`,
      );
      const agreement = await fixture<FkGoalAgreement>(
        html`<fk-goal-agreement
          lang=${lang}
          person-name="Amira Haddad"
          .value=${{ goals: [{ level: 'case', title: 'Arbeit finden' }] }}
          .consents=${[{ id: 'c-1', categories: CATEGORIES, recipients: [recipient], purposes: ['caseManagement'], validFrom: '2026-01-01', validUntil: '2026-12-31' }]}
        ></fk-goal-agreement>`,
      );
      button(agreement, lang === 'de' ? /Vereinbarung zum Ausdrucken/ : /Agreement for printing/).click();
      await agreement.updateComplete;
      await agreement.updateComplete;
      const printedAgreement = squash(agreement.shadowRoot!.querySelector('[part~="agreement"]')!.textContent!);
      const printedConsent = squash(deepText(manager.preparePrint()));
      for (const category of CATEGORIES) {
        const name = categoryName(category, lang);
        expect(name).to.equal(CATEGORY_LABELS[category][lang]);
        expect(printedConsent, `${category} on the consent print`).to.contain(name);
        expect(printedAgreement, `${category} on the agreement print`).to.contain(name);
      }
      // The goal agreement's own sentence parts of before ("Angaben zur Person", "den Hilfeplan") are gone.
      expect(printedAgreement).to.not.contain('Angaben zur Person').and.to.not.contain('den Hilfeplan');
    });
  }
});
