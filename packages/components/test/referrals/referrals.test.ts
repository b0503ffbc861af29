import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type CaseCommand, type CaseState, type ProviderReferral } from '@fallkit/core';
import '../../src/define/fk-referrals.js';
import type { FkReferrals, ReferralDraftValue } from '../../src/referrals/referrals.component.js';
import type { TransferPreviewLike, TransferRequestLike, ConsentStateLike } from '../../src/shared/privacy-shapes.js';
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
  pickRadio,
  submitRefused,
  typeInto,
} from '../suites/stage-test-helpers.js';

const validValue: ReferralDraftValue = {
  provider: { name: 'Schuldnerberatung Diakonie', agencyId: 'schuldnerberatung' },
  referredOn: '2026-03-02',
  purpose: 'Schuldenregulierung, Pfändungsschutzkonto einrichten',
  feedback: { agreed: true, description: 'monatlich telefonisch über Teilnahme', intervalDays: 30 },
};
const invalidValue: ReferralDraftValue = { ...validValue, purpose: '' };

const consentForProvider: ConsentStateLike = {
  record: {
    id: 'consent-7',
    subjectId: 'p-1',
    categories: ['debts', 'income'],
    recipients: [{ agencyId: 'schuldnerberatung', name: 'Schuldnerberatung Diakonie' }],
    purposes: ['caseManagement'],
    validFrom: '2026-02-01',
    validUntil: '2027-01-31',
    form: { kind: 'written', scanReference: 'DMS-1' },
    informationTextHash: 'b'.repeat(64),
    givenBy: { personId: 'p-1', role: 'self' },
  },
  withdrawals: [],
};

function fakePreview(request: TransferRequestLike): TransferPreviewLike {
  const reason = (code: string, rule: string, de: string) => ({ code, rule, message: { de, en: de } });
  return {
    decision: {
      outcome: 'allow-redacted',
      reasons: [reason('REDACT_NO_CONSENT', 'DP-10', 'keine Einwilligung für Gesundheitsdaten')],
    },
    units: [
      {
        key: 'assessments/a-1/finances',
        section: 'assessments',
        id: 'a-1',
        part: 'finances',
        categories: ['debts'],
        send: true,
        reason: reason('ALLOW_CONSENT', 'DP-16', 'Einwilligung liegt vor'),
      },
      {
        key: 'assessments/a-1/health',
        section: 'assessments',
        id: 'a-1',
        part: 'health',
        categories: ['health', 'addiction'],
        send: false,
        reason: reason('REDACT_NO_CONSENT', 'DP-10', 'keine Einwilligung für Gesundheitsdaten'),
      },
    ],
    categories: ['debts'],
    basis: request.legalBasis,
    purposeBindingNotice: {
      de: 'Zweckbindung: nur für „Fallsteuerung“ (§ 78 SGB X).',
      en: 'Purpose binding (§ 78 SGB X).',
    },
  };
}

const referral = (status: ProviderReferral['status'], extra: Partial<ProviderReferral> = {}): ProviderReferral =>
  ({
    id: 'pr-1',
    provider: { name: 'Suchtberatung Caritas', agencyId: 'suchtberatung' },
    referredOn: '2026-02-10',
    purpose: 'Beratung zum Alkoholkonsum',
    status,
    statusHistory: [{ status: 'requested', on: '2026-02-10' }],
    feedback: { agreed: false },
    subjectIds: ['p-1'],
    categories: ['measures'],
    origin: 'client',
    recordedBy: 'u-km',
    recordedAt: '2026-02-10T10:00:00.000Z',
    ...extra,
  }) as ProviderReferral;

describe('<fk-referrals>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkReferrals>('fk-referrals', {
    create: () => document.createElement('fk-referrals'),
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    maxTabStops: 90,
    async fillByKeyboard() {
      await sendKeys({ type: 'Jugendmigrationsdienst' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Frau Novak' });
    },
    expectAfterKeyboard(value) {
      const v = value as ReferralDraftValue;
      expect(v.provider.name).to.equal('Jugendmigrationsdienst');
      expect(v.provider.contactPerson).to.equal('Frau Novak');
    },
  });

  it('lists referrals with status, history and whether feedback was agreed', async () => {
    const el = await fixture<FkReferrals>(
      html`<fk-referrals
        .referrals=${[referral('waiting'), { ...referral('started'), id: 'pr-2', provider: { name: 'Sprachkurs VHS' }, feedback: { agreed: true, description: 'Teilnahmebestätigung', intervalDays: 14 } }]}
      ></fk-referrals>`,
    );
    const badges = [...el.shadowRoot!.querySelectorAll('[part~="referral-status"]')].map((b) => b.textContent!.trim());
    expect(badges).to.deep.equal(['Warteliste', 'begonnen']);
    const text = deepText(el);
    expect(text).to.contain('Keine Rückmeldung vereinbart');
    expect(text).to.contain('Rückmeldung vereinbart: Teilnahmebestätigung, alle 14 Tage');
    await expect(el).to.be.accessible();
  });

  it('changes a status by keyboard and fires fk-status with the updateReferralStatus input', async () => {
    const el = await fixture<FkReferrals>(
      html`<fk-referrals today="2026-03-05" .referrals=${[referral('requested')]}></fk-referrals>`,
    );
    const open = button(el, /Stand ändern: Vermittlung an Suchtberatung Caritas/);
    open.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part~="status-panel"]')!;
    const select = panel.querySelector<HTMLElement>('fk-select')!.shadowRoot!.querySelector('select')!;
    select.value = 'accepted';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const event = oneEvent(el, 'fk-status');
    button(el, /Stand speichern/).click();
    expect((await event).detail).to.deep.equal({ providerReferralId: 'pr-1', status: 'accepted', on: '2026-03-05' });
  });

  it('shows what a referral would pass on and on what basis before it is sent', async () => {
    const requests: TransferRequestLike[] = [];
    const el = await fixture<FkReferrals>(
      html`<fk-referrals
        today="2026-03-05"
        .consents=${[consentForProvider]}
        .previewer=${(r: TransferRequestLike) => (requests.push(r), fakePreview(r))}
        .value=${validValue}
      ></fk-referrals>`,
    );
    expect(deepText(el)).to.contain('Wählen Sie Datenarten aus');
    const cats = el.shadowRoot!.querySelector<HTMLElement>('[data-path="share.categories"]')!;
    cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="debts"]')!.click();
    await el.updateComplete;
    // A basis is required once data go along (DP-16).
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('Rechtsgrundlage');
    await pickRadio(el, 'share.legalBasis', 'consent:consent-7');
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="preview"]')?.getAttribute('data-outcome') === 'allow-redacted',
      'preview',
    );
    const last = requests.at(-1)!;
    expect(last).to.deep.include({ legalBasis: 'consent:consent-7', purpose: 'caseManagement', categories: ['debts'] });
    expect(last.recipient).to.deep.equal({
      agencyId: 'schuldnerberatung',
      name: 'Schuldnerberatung Diakonie',
      kind: 'provider',
    });
    const send = el.shadowRoot!.querySelector('[part~="preview-send"]')!.textContent!;
    const withheld = el.shadowRoot!.querySelector('[part~="preview-withheld"]')!.textContent!;
    expect(send).to.contain('Assessment: Schulden');
    expect(withheld).to.contain('Gesundheit und Sucht');
    expect(withheld).to.contain('keine Einwilligung für Gesundheitsdaten');
    expect(withheld).to.not.contain('REDACT_NO_CONSENT');
    expect(deepText(el)).to.contain('Grundlage: Einwilligung (consent-7)');
    expect(deepText(el)).to.contain('§ 78 SGB X');
    expect(el.checkValidity()).to.equal(true);
    const submitted = oneEvent(el, 'fk-submit');
    await el.requestSubmit();
    expect((await submitted).detail.share).to.deep.equal({ categories: ['debts'], legalBasis: 'consent:consent-7' });
    await expect(el).to.be.accessible();
  });

  it('says so when no preview can be computed, naming what was chosen', async () => {
    const el = await fixture<FkReferrals>(
      html`<fk-referrals
        .value=${{ ...validValue, share: { categories: ['debts'], legalBasis: 'sgb10_69' } }}
      ></fk-referrals>`,
    );
    await waitUntil(() => deepText(el).includes('nicht verfügbar'));
    expect(deepText(el)).to.contain('Gewählt sind: Schulden; Grundlage: § 69 SGB X');
  });

  it('records a case conference with participants and decisions', async () => {
    const el = await fixture<FkReferrals>(html`<fk-referrals></fk-referrals>`);
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="conferences"] details')!;
    details.open = true;
    const fields = details.querySelectorAll<HTMLElement>('fk-text-field, fk-textarea');
    const set = async (field: HTMLElement, value: string) => {
      const c = field.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
      c.value = value;
      c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await set(fields[0]!, 'Wohnen und Schulden');
    await set(fields[1]!, 'Frau Yılmaz, Fallmanagerin\nHerr Brandt, Schuldnerberater');
    await set(fields[2]!, 'Schuldnerberatung beginnt im April\nWohnungssuche parallel');
    const event = oneEvent(el, 'fk-conference');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="conference-submit"]')!.click();
    const detail = (await event).detail;
    expect(detail.topic).to.equal('Wohnen und Schulden');
    expect(detail.participants).to.deep.equal([
      { name: 'Frau Yılmaz', role: 'Fallmanagerin' },
      { name: 'Herr Brandt', role: 'Schuldnerberater' },
    ]);
    expect(detail.decisions).to.deep.equal(['Schuldnerberatung beginnt im April', 'Wohnungssuche parallel']);
  });

  it('speaks English', async () => {
    const el = await fixture<FkReferrals>(
      html`<fk-referrals lang="en" .referrals=${[referral('declined')]}></fk-referrals>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Linking to services');
    expect(text).to.contain('declined');
    expect(text).to.not.contain('Vermittlungen');
    await expect(el).to.be.accessible();
  });

  describe('connected', () => {
    it('lists the case’s referrals live and sends referToProvider, then transferData for shared data', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, providerReferrals: [referral('requested')] });
      const el = await mountConnected<FkReferrals>(
        'fk-referrals',
        service as never,
        state.caseId,
        (e) => e.referrals.length > 0,
      );
      el.previewer = fakePreview;
      await typeInto(el, 'provider.name', 'Schuldnerberatung Diakonie');
      await typeInto(el, 'purpose', 'Schuldenregulierung');
      const cats = el.shadowRoot!.querySelector<HTMLElement>('[data-path="share.categories"]')!;
      cats.shadowRoot!.querySelector<HTMLInputElement>('input[value="debts"]')!.click();
      await el.updateComplete;
      await pickRadio(el, 'share.legalBasis', 'sgb10_69');
      const saved = oneEvent(el, 'fk-saved');
      button(el, /Vermittlung anlegen/).click();
      await saved;
      expect(service.commands.map((c) => c.command.type)).to.deep.equal(['referToProvider', 'transferData']);
      expect(service.commands[1]!.command.input).to.deep.include({
        legalBasis: 'sgb10_69',
        categories: ['debts'],
        purpose: 'caseManagement',
      });
      // A second writer changes the status: the list follows.
      service.push(state.caseId, { ...state, providerReferrals: [referral('started')] });
      await waitUntil(
        () => el.shadowRoot!.querySelector('[part~="referral-status"]')?.textContent?.trim() === 'begonnen',
        'live status',
      );
    });

    it('sends updateReferralStatus and holdCaseConference', async () => {
      const state = await exampleState();
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, providerReferrals: [referral('requested')] });
      const el = await mountConnected<FkReferrals>(
        'fk-referrals',
        service as never,
        state.caseId,
        (e) => e.referrals.length > 0,
      );
      el.today = '2026-03-05';
      button(el, /Stand ändern: Vermittlung an Suchtberatung Caritas/).click();
      await el.updateComplete;
      button(el, /Stand speichern/).click();
      await waitUntil(() => service.commands.length === 1);
      expect(service.commands[0]!.command).to.deep.include({ type: 'updateReferralStatus', caseId: state.caseId });
      expect(service.commands[0]!.command.input).to.deep.include({
        providerReferralId: 'pr-1',
        status: 'requested',
        on: '2026-03-05',
      });
      const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="conferences"] details')!;
      details.open = true;
      const fields = details.querySelectorAll<HTMLElement>('fk-text-field, fk-textarea');
      for (const [i, value] of ['Übergang in Arbeit', 'Frau Krüger, Kommune'].entries()) {
        const c = fields[i]!.shadowRoot!.querySelector<HTMLInputElement>('input, textarea')!;
        c.value = value;
        c.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      }
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="conference-submit"]')!.click();
      await waitUntil(() => service.commands.length === 2);
      expect(service.commands[1]!.command.type).to.equal('holdCaseConference');
      expect(service.commands[1]!.command.input).to.deep.include({
        topic: 'Übergang in Arbeit',
        participants: [{ name: 'Frau Krüger', role: 'Kommune' }],
      });
    });

    it('shows a refusal in place and keeps the typed text', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith('PR_NO_HELP_PLAN', 'Eine Vermittlung braucht einen Hilfeplan.', 'A referral needs a help plan.', {
          rule: 'PR-14',
          path: ['purpose'],
        });
      const el = await mountConnected<FkReferrals>(
        'fk-referrals',
        service as never,
        state.caseId,
        (e) => e.referrals.length > 0 || e.measures.length > 0,
      );
      await typeInto(el, 'provider.name', 'Sprachkurs VHS');
      await typeInto(el, 'purpose', 'Mein Text bleibt');
      await submitRefused(el);
      expect(control<HTMLTextAreaElement>(el, 'purpose', 'textarea').value).to.equal('Mein Text bleibt');
      expect(deepText(el)).to.contain('Eine Vermittlung braucht einen Hilfeplan.');
      expect(deepText(el)).to.contain('PR-14');
      await expect(el).to.be.accessible();
    });

    it('DP-24: a withheld referral says why', async () => {
      const state = await exampleState();
      const marker = {
        redacted: true as const,
        code: 'REDACT_NOT_TRANSFERRED',
        rule: 'DP-23',
        message: { de: 'nicht an Ihre Stelle übermittelt', en: 'not transferred to your agency' },
      };
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, {
        ...state,
        providerReferrals: [marker, referral('accepted')],
      } as unknown as CaseState);
      const el = await mountConnected<FkReferrals>(
        'fk-referrals',
        service as never,
        state.caseId,
        (e) => e.referrals.length > 0,
      );
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted').length).to.be.greaterThan(0);
      expect(deepText(el)).to.contain('nicht an Ihre Stelle übermittelt');
      await aTimeout(0);
      await expect(el).to.be.accessible();
    });
  });
});
