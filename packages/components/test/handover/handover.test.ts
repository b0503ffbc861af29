import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type CaseCommand, type CaseState } from '@fallkit/core';
import { foldPrivacy, previewTransfer } from '@fallkit/core/internal';
import { runExampleCases } from '@fallkit/core/examples';
import '../../src/define/fk-handover.js';
import type { FkHandover, HandoverValue } from '../../src/handover/handover.component.js';
import type { ConsentStateLike, TransferPreviewLike, TransferRequestLike } from '../../src/shared/privacy-shapes.js';
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
import { answerConfirmation } from '../suites/confirm-dialog-helpers.js';

const validValue: HandoverValue = {
  variant: 'warmHandover',
  to: { agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' },
  legalDomain: 'SGB_II',
  endsLegalDomain: 'AsylbLG',
  effectiveFrom: '2026-04-01',
  reason: 'Aufenthaltserlaubnis nach § 25 Abs. 2 AufenthG, SGB II beantragt.',
  conference: { heldOn: '2026-03-25', participants: [{ name: 'Frau Yılmaz', role: 'Integrationsmanagerin' }] },
};
const invalidValue: HandoverValue = { ...validValue, reason: '' };

const jobcenterConsent: ConsentStateLike = {
  record: {
    id: 'consent-3',
    subjectId: 'p-1',
    categories: ['employment', 'education', 'residenceStatus'],
    recipients: [{ agencyId: 'jobcenter-musterstadt', name: 'Jobcenter Musterstadt' }],
    purposes: ['caseManagement'],
    validFrom: '2026-03-01',
    validUntil: '2027-02-28',
    form: { kind: 'written', scanReference: 'DMS-3' },
    informationTextHash: 'c'.repeat(64),
    givenBy: { personId: 'p-1', role: 'self' },
  },
  withdrawals: [],
};

function packet(request: TransferRequestLike): TransferPreviewLike {
  const reason = (code: string, rule: string, de: string) => ({ code, rule, message: { de, en: de } });
  return {
    decision: { outcome: 'allow-redacted', reasons: [] },
    units: [
      {
        key: 'persons/p-1/basics',
        section: 'persons',
        id: 'p-1',
        categories: ['identity'],
        send: true,
        reason: reason('ALLOW_CONSENT', 'DP-16', 'Einwilligung'),
      },
      {
        key: 'goals/g-1',
        section: 'goals',
        id: 'g-1',
        categories: ['employment'],
        send: true,
        reason: reason('ALLOW_CONSENT', 'DP-16', 'Einwilligung'),
      },
      {
        key: 'assessments/a-1/health',
        section: 'assessments',
        id: 'a-1',
        part: 'health',
        categories: ['health'],
        send: false,
        reason: reason('REDACT_NO_CONSENT', 'DP-10', 'keine Einwilligung für Gesundheitsdaten'),
      },
    ],
    categories: ['employment', 'identity'],
    ...(request.legalBasis ? { basis: request.legalBasis } : {}),
    purposeBindingNotice: { de: 'Zweckbindung (§ 78 SGB X).', en: 'Purpose binding (§ 78 SGB X).' },
  };
}

describe('<fk-handover>', () => {
  beforeEach(() => pageDrafts.clear());

  runFormControlSuite<FkHandover>('fk-handover', {
    create: () => document.createElement('fk-handover'),
    validValue,
    invalidValue,
    invalidMessage: { de: 'Bitte füllen Sie dieses Feld aus.', en: 'Please fill in this field.' },
    maxTabStops: 60,
    async fillByKeyboard(el) {
      // Focus starts on the variant radios: arrow down picks the second variant.
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
    },
    expectAfterKeyboard(value) {
      expect((value as HandoverValue).variant).to.equal('municipalityAsContractor');
    },
  });

  it('offers the three variants with explanations; none preselected', async () => {
    const el = await fixture<FkHandover>(html`<fk-handover></fk-handover>`);
    expect(el.value.variant).to.equal(undefined);
    const text = deepText(el);
    expect(text).to.contain('Warme Übergabe');
    expect(text).to.contain('Kommune als Auftragnehmerin');
    expect(text).to.contain('psychosoziale Betreuung nach § 16a SGB II');
    await expect(el).to.be.accessible();
  });

  it('variants 2 and 3 ask what the municipality keeps doing', async () => {
    const el = await fixture<FkHandover>(html`<fk-handover .value=${validValue}></fk-handover>`);
    await pickRadio(el, 'variant', 'municipalityCoversFurtherNeeds');
    expect(deepText(el)).to.contain('Welche weiteren Bedarfe deckt die Kommune?');
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Bitte beschreiben Sie, was die Kommune weiter übernimmt.');
    await typeInto(el, 'continuingRole', 'Psychosoziale Betreuung nach § 16a SGB II, Begleitung zur Schuldnerberatung');
    const submitted = oneEvent(el, 'fk-submit');
    expect(await el.requestSubmit()).to.equal(true);
    const data = (await submitted).detail as HandoverValue;
    expect(data.variant).to.equal('municipalityCoversFurtherNeeds');
    expect(data.continuingRole).to.contain('§ 16a SGB II');
  });

  it('warns (does not block) a warm handover without a handover conversation', async () => {
    const { conference: _c, ...noConference } = validValue;
    const el = await fixture<FkHandover>(html`<fk-handover .value=${noConference}></fk-handover>`);
    expect(el.checkValidity()).to.equal(true);
    expect(deepText(el)).to.contain('Ohne Übergabegespräch ist es eine kalte Übergabe.');
    await toggle(el, 'conference');
    await typeInto(el, 'conference.participants', 'Herr Demir, Jobcenter\nFrau Yılmaz, Kommune');
    expect(el.value.conference!.participants).to.deep.equal([
      { name: 'Herr Demir', role: 'Jobcenter' },
      { name: 'Frau Yılmaz', role: 'Kommune' },
    ]);
  });

  it('derives the agency id from the name unless set', async () => {
    const el = await fixture<FkHandover>(html`<fk-handover></fk-handover>`);
    await typeInto(el, 'to.name', 'Jobcenter Musterstadt');
    expect(el.value.to).to.deep.equal({ name: 'Jobcenter Musterstadt', agencyId: 'jobcenter-musterstadt' });
  });

  it('checks consent for the receiving agency and previews the data packet: what it gets and what stays behind', async () => {
    const requests: TransferRequestLike[] = [];
    const el = await fixture<FkHandover>(
      html`<fk-handover
        today="2026-03-20"
        .consents=${[jobcenterConsent]}
        .previewer=${(r: TransferRequestLike) => (requests.push(r), packet(r))}
        .value=${validValue}
      ></fk-handover>`,
    );
    expect(deepText(el)).to.contain(
      'Einwilligung vom 01.03.2026 bis 28.02.2027: Arbeit und Ausbildung, Bildung und Sprache und Aufenthaltsstatus',
    );
    await pickRadio(el, 'consentRef', 'consent-3');
    await waitUntil(() => requests.some((r) => r.legalBasis === 'consent:consent-3'), 'preview with consent');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="preview-withheld"]') !== null);
    const last = requests.at(-1)!;
    expect(last.recipient).to.deep.equal({
      agencyId: 'jobcenter-musterstadt',
      name: 'Jobcenter Musterstadt',
      kind: 'statutoryAgency',
    });
    expect(last.categories).to.include('health');
    expect(el.shadowRoot!.querySelector('[part~="preview-send"]')!.textContent).to.contain(
      'Ziele: Arbeit und Ausbildung',
    );
    // Plain words for the case manager (issue 21 item 5): the reason, never its code or rule id.
    const withheld = el.shadowRoot!.querySelector('[part~="preview-withheld"]')!.textContent!;
    expect(withheld).to.contain('keine Einwilligung für Gesundheitsdaten');
    expect(withheld).to.not.contain('REDACT_NO_CONSENT');
    expect(withheld).to.not.contain('DP-10');
    const submitted = oneEvent(el, 'fk-submit');
    await el.requestSubmit();
    expect((await submitted).detail.consentRef).to.equal('consent-3');
    await expect(el).to.be.accessible();
  });

  it("DP-16: with the core's previewTransfer, a packet without any basis is refused and says why", async () => {
    const { store, results } = await runExampleCases({});
    const run = results.find((r) => r.caseId === 'jc-2026-0417')!;
    const privacy = foldPrivacy(await store.readJournal(run.caseId));
    const el = await fixture<FkHandover>(
      html`<fk-handover
        .value=${{ ...validValue, to: { agencyId: 'sozialamt', name: 'Sozialamt Musterstadt' } }}
        .previewer=${(r: TransferRequestLike) => previewTransfer(run.state, run.example.actor, r as never, { now: '2026-03-01T10:00:00.000Z', privacy })}
      ></fk-handover>`,
    );
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="preview"]')?.getAttribute('data-outcome') === 'deny',
      'real preview',
    );
    const text = deepText(el);
    expect(text).to.contain('Übermittlung nicht möglich');
    expect(text).to.contain('Für diese Übermittlung ist keine Rechtsgrundlage dokumentiert.');
    expect(text).to.not.contain('DENY_NO_LEGAL_BASIS');
    expect(el.shadowRoot!.querySelector('[part~="preview-send"]')!.textContent).to.contain('Nichts.');
    await expect(el).to.be.accessible();
  });

  it('says plainly when no consent covers the receiving agency', async () => {
    const el = await fixture<FkHandover>(
      html`<fk-handover
        today="2026-03-20"
        .value=${{ ...validValue, to: { agencyId: 'sozialamt', name: 'Sozialamt' } }}
        .consents=${[jobcenterConsent]}
      ></fk-handover>`,
    );
    expect(deepText(el)).to.contain('Für Sozialamt liegt keine gültige Einwilligung vor.');
  });

  it('speaks English', async () => {
    const el = await fixture<FkHandover>(html`<fk-handover lang="en" .value=${validValue}></fk-handover>`);
    const text = deepText(el);
    expect(text).to.contain('Change of legal domain and handover');
    expect(text).to.contain('Warm handover');
    expect(text).to.not.contain('Übergabe erfassen');
    await expect(el).to.be.accessible();
  });

  describe('connected', () => {
    it('issue 20: an earlier handover names the agency it came from (fromAgencyId) and the one it went to', async () => {
      const state = await exampleState();
      const handover = state.handovers.find((h) => h.fromAgencyId !== null)!;
      expect(handover, 'the example has a handover between two agencies').to.not.equal(undefined);
      const from = state.leadAgencies.find((p) => p.agencyId === handover.fromAgencyId)!;
      const el = await mountConnected<FkHandover>('fk-handover', fakeServiceFor(state), state.caseId, (e) =>
        deepText(e).includes('Frühere Übergaben'),
      );
      expect(deepText(el)).to.contain(`von ${from.name} an ${handover.to.name}`);
      await expect(el).to.be.accessible();
    });

    it('shows the current lead and earlier handovers, saves with changeLeadAgency', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mountConnected<FkHandover>(
        'fk-handover',
        service,
        state.caseId,
        (e) => e.leadAgencies.length > 0,
      );
      const lead = [...state.leadAgencies].reverse().find((p) => !p.to)!;
      expect(deepText(el)).to.contain(`Federführend bisher: ${lead.name}`);
      if (state.handovers.length) expect(deepText(el)).to.contain('Frühere Übergaben');
      await pickRadio(el, 'variant', 'municipalityAsContractor');
      await typeInto(el, 'continuingRole', 'Begleitung im Auftrag des Jobcenters');
      await typeInto(el, 'to.name', 'Jobcenter Musterstadt');
      await typeInto(el, 'reason', 'Aufenthaltserlaubnis erteilt');
      const saved = oneEvent(el, 'fk-saved');
      const asked = answerConfirmation(el);
      button(el, /Übergabe erfassen/).click();
      expect(await asked).to.contain('Fall an Jobcenter Musterstadt übergeben?');
      await saved;
      const sent = service.commands.at(-1)!.command;
      expect(sent.type).to.equal('changeLeadAgency');
      expect(sent.input).to.deep.include({
        variant: 'municipalityAsContractor',
        legalDomain: 'SGB_II',
        continuingRole: 'Begleitung im Auftrag des Jobcenters',
      });
    });

    it('shows a refusal in place and keeps the typed text; live updates from a second writer', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      service.respond = () =>
        refusedWith(
          'PR_HANDOVER_CONSENT',
          'Für die Übergabe fehlt die Einwilligungsprüfung.',
          'The consent check is missing.',
          { rule: 'PR-25', path: ['reason'] },
        );
      const el = await mountConnected<FkHandover>(
        'fk-handover',
        service,
        state.caseId,
        (e) => e.leadAgencies.length > 0,
      );
      await pickRadio(el, 'variant', 'warmHandover');
      await typeInto(el, 'to.name', 'Jobcenter Musterstadt');
      await typeInto(el, 'reason', 'Mein Text bleibt');
      void answerConfirmation(el);
      await submitRefused(el);
      expect(control<HTMLTextAreaElement>(el, 'reason', 'textarea').value).to.equal('Mein Text bleibt');
      expect(deepText(el)).to.contain('Für die Übergabe fehlt die Einwilligungsprüfung.');
      expect(deepText(el)).to.contain('PR-25');
      await expect(el).to.be.accessible();
      service.push(state.caseId, {
        ...state,
        leadAgencies: [
          ...state.leadAgencies.map((p) => ({ ...p, to: p.to ?? '2026-04-01' })),
          { agencyId: 'jc', name: 'Jobcenter Nord', legalDomain: 'SGB_II', from: '2026-04-01' },
        ],
      });
      await waitUntil(() => deepText(el).includes('Federführend bisher: Jobcenter Nord'), 'live lead');
      expect(control<HTMLTextAreaElement>(el, 'reason', 'textarea').value).to.equal('Mein Text bleibt');
    });

    it('HO-1, HO-3, DP-40: before the irreversible step the confirmation says what happens to the own access', async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mountConnected<FkHandover>(
        'fk-handover',
        service,
        state.caseId,
        (e) => e.leadAgencies.length > 0,
      );
      await pickRadio(el, 'variant', 'warmHandover');
      await typeInto(el, 'to.name', 'Jobcenter Musterstadt');
      await typeInto(el, 'reason', 'Aufenthaltserlaubnis erteilt');
      el.value = { ...el.value, effectiveFrom: '2026-04-01', involvedUntil: '2026-04-30' };
      await el.updateComplete;
      const saved = oneEvent(el, 'fk-saved');
      const asked = answerConfirmation(el);
      button(el, /Übergabe erfassen/).click();
      const said = await asked;
      expect(said).to.contain('bleibt bis einschließlich 30.04.2026 als Vertretung beteiligt');
      expect(said).to.contain('Offene Wiedervorlagen bleiben bei Ihnen');
      await saved;
      expect(service.commands.at(-1)!.command.input).to.deep.include({ involvedUntil: '2026-04-30' });
    });

    it("HO-4: shows the core's notice that the own access ends, and stays accessible", async () => {
      const state = await exampleState();
      const service = fakeServiceFor(state);
      const el = await mountConnected<FkHandover>(
        'fk-handover',
        service,
        state.caseId,
        (e) => e.leadAgencies.length > 0,
      );
      expect(el.shadowRoot!.querySelector('[part~="access-notice"]')).to.equal(null);
      service.push(state.caseId, {
        ...state,
        accessNotices: [
          {
            code: 'ACCESS_ENDS_SOON',
            rule: 'HO-4',
            lastDay: '2026-04-15',
            daysLeft: 5,
            message: {
              de: 'Ihr Zugang zu diesem Fall endet nach dem 15.04.2026 (noch 5 Tage).',
              en: 'Your access to this case ends after 15 Apr 2026 (5 days left).',
            },
          },
        ],
      } as CaseState);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="access-notice"]'), 'notice shown');
      expect(deepText(el)).to.contain('Ihr Zugang zu diesem Fall endet nach dem 15.04.2026');
      expect(deepText(el)).to.not.contain('ACCESS_ENDS_SOON');
      await expect(el).to.be.accessible();
    });

    it('DP-24: a withheld earlier handover says why', async () => {
      const state = await exampleState();
      const marker = needToKnowMarker;
      const service = new FakeCaseService<CaseState, CaseCommand>(caseManager);
      service.setView(state.caseId, { ...state, handovers: [marker] } as unknown as CaseState);
      const el = await mountConnected<FkHandover>('fk-handover', service, state.caseId, (e) => e.handovers.length > 0);
      el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="current-lead"] details')!.open = true;
      await aTimeout(0);
      expect(deepQueryAll(el.shadowRoot!, 'fk-redacted').length).to.equal(1);
      expect(deepText(el)).to.contain('REDACT_NEED_TO_KNOW');
      await expect(el).to.be.accessible();
    });
  });
});
