import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  createCaseService,
  createCaseViews,
  FixedClock,
  type CaseConsents,
  type CaseHandoverStatus,
  type TransferPreview,
} from '@fallkit/core';
import { EXAMPLE_ACTORS, EXAMPLE_CASES, runExampleCases, ScopedSequentialIds } from '@fallkit/core/examples';
import '../../src/define/fk-handover-package.js';
import type { FkHandoverPackage } from '../../src/handover-package/handover-package.component.js';
import { deepText } from '../suites/form-control-suite.js';

const JOBCENTER = {
  agencyId: 'jobcenter-musterstadt',
  name: 'Jobcenter Musterstadt',
  kind: 'statutoryAgency',
} as const;

/**
 * The municipality's preview of a handover of the Rahimi case to the Jobcenter, before the in-journal
 * handover, on a consent that names everything but health (the core decides; DP-10).
 */
async function rahimiPreview(): Promise<TransferPreview> {
  return (await rahimiWorld()).preview;
}

/** The same preview, and the decided status loop of an earlier package to the Jobcenter it answered. */
async function rahimiWorld(): Promise<{
  preview: TransferPreview;
  status: CaseHandoverStatus;
  consents: CaseConsents;
}> {
  const rahimi = EXAMPLE_CASES.find((c) => c.key === 'rahimi')!;
  const until = rahimi.steps.findIndex((s) => s.type === 'changeLeadAgency');
  const { store } = await runExampleCases({ cases: [{ ...rahimi, steps: rahimi.steps.slice(0, until) }] });
  const clock = new FixedClock('2026-05-27T11:00:00.000Z');
  const ids = new ScopedSequentialIds('preview');
  const service = createCaseService({ store, clock, ids, actor: EXAMPLE_ACTORS.kimCaseManager });
  const consent = await service.execute({
    type: 'recordConsent',
    caseId: rahimi.caseId,
    input: {
      categories: ['identity', 'household', 'residenceStatus', 'education', 'employment', 'goals'],
      recipients: [{ agencyId: JOBCENTER.agencyId, name: JOBCENTER.name }],
      purposes: ['caseManagement'],
      form: { kind: 'written', scanReference: 'scan://einwilligung.pdf' },
      informationTextHash: 'ab'.repeat(32),
      givenBy: { personId: 'rahimi-person-1', role: 'self' },
      validFrom: '2026-05-27',
    },
  });
  if (!consent.ok) throw new Error(consent.errors.map((e) => e.code).join());
  const consentId = (consent.value.events[0]!.payload as { id: string }).id;
  const views = createCaseViews({ service, store, clock, ids });
  const preview = await views.previewTransfer(rahimi.caseId, {
    recipient: JOBCENTER,
    legalBasis: `consent:${consentId}`,
    purpose: 'caseManagement',
    categories: ['identity', 'household', 'employment', 'goals', 'health'],
  });
  if (!preview.ok) throw new Error(preview.errors.map((e) => e.code).join());
  const transfer = await service.execute({
    type: 'transferData',
    caseId: rahimi.caseId,
    input: {
      recipient: JOBCENTER,
      legalBasis: `consent:${consentId}`,
      purpose: 'caseManagement',
      categories: ['identity'],
    },
  });
  if (!transfer.ok) throw new Error(transfer.errors.map((e) => e.code).join());
  const transferId = (transfer.value.events.find((e) => e.type === 'DataTransferred')!.payload as { id: string }).id;
  for (const [status, note] of [
    ['requested', undefined],
    ['received', undefined],
    ['declined', 'Kein Leistungsbezug nach SGB II: bitte Sozialamt anfragen.'],
  ] as const) {
    const step = await service.execute({
      type: 'recordHandoverStatus',
      caseId: rahimi.caseId,
      input: {
        packageId: 'pkg-earlier',
        transferId,
        status,
        side: 'sent',
        counterpart: { agencyId: JOBCENTER.agencyId, name: JOBCENTER.name },
        at: '2026-05-27T11:00:00.000Z',
        ...(note === undefined ? {} : { note }),
      },
    });
    if (!step.ok) throw new Error(step.errors.map((e) => e.code).join());
  }
  const status = await views.handoverStatus(rahimi.caseId, 'caseManagement');
  if (!status.ok) throw new Error(status.errors.map((e) => e.code).join());
  const consents = await views.consents(rahimi.caseId, 'caseManagement');
  if (!consents.ok) throw new Error(consents.errors.map((e) => e.code).join());
  return { preview: preview.value, status: status.value, consents: consents.value };
}

describe('<fk-handover-package>', () => {
  afterEach(() => {
    document.documentElement.lang = 'de';
  });

  it('DP-10, DP-17: shows what the core lets pass and what stays with its reason; sign and download asks the host', async () => {
    const preview = await rahimiPreview();
    const el = await fixture<FkHandoverPackage>(
      html`<fk-handover-package .preview=${preview} .recipient=${JOBCENTER}></fk-handover-package>`,
    );
    const text = deepText(el);
    expect(text).to.contain('Übergabepaket an Jobcenter Musterstadt');
    // Without the case's consents the basis is named as a consent, never by its id (issue 16).
    expect(text).to.contain('Rechtsgrundlage: eine Einwilligung der betroffenen Person');
    expect(text).to.not.contain('consent:');
    const withheld = [...el.shadowRoot!.querySelectorAll('[part="withheld"] li')].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(withheld.some((line) => line.startsWith('Gesundheit: Zurückgehalten: keine Einwilligung'))).to.equal(true);
    expect(text, 'the father\u2019s back pain is not shown in the preview').to.not.contain('Rückenschmerzen');
    await expect(el).to.be.accessible();
    const download = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Datei'))!;
    setTimeout(() => download.click());
    const event = await oneEvent(el, 'fk-handover-send');
    expect(event.detail).to.deep.equal({ delivery: 'file', recipientAgencyId: JOBCENTER.agencyId });
  });

  it('issue 16, DP-09: a consent basis is shown in words (its date, purposes and recipients) from the decided consents, not as its id', async () => {
    const { preview, consents } = await rahimiWorld();
    const el = await fixture<FkHandoverPackage>(
      html`<fk-handover-package
        .preview=${preview}
        .recipient=${JOBCENTER}
        .consents=${consents}
      ></fk-handover-package>`,
    );
    const basis = (el.shadowRoot!.querySelector('.basis')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(basis).to.match(/^Rechtsgrundlage: Einwilligung vom 27\.05\.2026 für .+, an Jobcenter Musterstadt$/);
    expect(deepText(el)).to.not.contain('consent:');
    await expect(el).to.be.accessible();
    await executeServerCommand('fk-screenshot', { name: 'handover-package-consent-in-words' });
    document.documentElement.lang = 'en';
    const english = await fixture<FkHandoverPackage>(
      html`<fk-handover-package
        .preview=${preview}
        .recipient=${JOBCENTER}
        .consents=${consents}
      ></fk-handover-package>`,
    );
    const englishBasis = english.shadowRoot!.querySelector('.basis')?.textContent ?? '';
    expect(englishBasis).to.contain('Legal basis: consent of ');
    expect(englishBasis).to.contain('to Jobcenter Musterstadt');
  });

  it('issue 16, DP-23: an earlier package to the same recipient shows its answers from the decided status channel, German and English', async () => {
    const { preview, status } = await rahimiWorld();
    const el = await fixture<FkHandoverPackage>(
      html`<fk-handover-package .preview=${preview} .recipient=${JOBCENTER} .status=${status}></fk-handover-package>`,
    );
    const loop = el.shadowRoot!.querySelector('[part="status-loop"]');
    expect(loop !== null, 'the status loop is shown').to.equal(true);
    const text = (loop!.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('Frühere Übergaben an diese Stelle');
    expect(text).to.contain('Abgelehnt');
    expect(text).to.contain('Gesendet, 27.05.2026');
    expect(text).to.contain('Kein Leistungsbezug nach SGB II: bitte Sozialamt anfragen.');
    await expect(el).to.be.accessible();
    // Another recipient's preview does not list the Jobcenter's loop.
    const other = await fixture<FkHandoverPackage>(
      html`<fk-handover-package
        .preview=${preview}
        .recipient=${{ agencyId: 'sozialamt-musterstadt', name: 'Sozialamt Musterstadt' }}
        .status=${status}
      ></fk-handover-package>`,
    );
    expect(other.shadowRoot!.querySelector('[part="status-loop"]') === null).to.equal(true);
    document.documentElement.lang = 'en';
    const english = await fixture<FkHandoverPackage>(
      html`<fk-handover-package .preview=${preview} .recipient=${JOBCENTER} .status=${status}></fk-handover-package>`,
    );
    const englishLoop = english.shadowRoot!.querySelector('[part="status-loop"]')!.textContent ?? '';
    expect(englishLoop).to.contain('Earlier handovers to this agency');
    expect(englishLoop).to.contain('Declined');
  });

  it('issue 16, DP-14: without a preview (the consent withdrawn) the loop of earlier packages is still shown, and nothing can be sent', async () => {
    const { status } = await rahimiWorld();
    const el = await fixture<FkHandoverPackage>(
      html`<fk-handover-package .recipient=${JOBCENTER} .status=${status}></fk-handover-package>`,
    );
    expect(deepText(el)).to.contain('Noch keine Vorschau.');
    expect(el.shadowRoot!.querySelector('[part="status-loop"]')?.textContent ?? '').to.contain('Abgelehnt');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('DP-17: a denied preview offers no sending, and says why; English on an English page', async () => {
    document.documentElement.lang = 'en';
    const preview = await rahimiPreview();
    const denied: TransferPreview = {
      ...preview,
      units: preview.units.map((u) => ({ ...u, send: false })),
      categories: [],
      decision: {
        outcome: 'deny',
        reasons: [{ code: 'DENY_CONSENT_WITHDRAWN', rule: 'DP-14', message: { de: 'Widerrufen.', en: 'Withdrawn.' } }],
      },
    };
    const el = await fixture<FkHandoverPackage>(
      html`<fk-handover-package .preview=${denied} .recipient=${JOBCENTER}></fk-handover-package>`,
    );
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(deepText(el)).to.contain('This handover is not allowed like this. Withdrawn.');
    expect(deepText(el)).to.contain('Handover package to Jobcenter Musterstadt');
    await expect(el).to.be.accessible();
  });
});
