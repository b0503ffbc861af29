import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { EXAMPLE_ACTORS, runExampleCases } from '@fallkit/core/examples';
import {
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  createCaseService,
  createCaseViews,
  isRedactionMarker,
  type Actor,
  type CaseState,
  type Result,
} from '@fallkit/core';
import type { FkCaseProvider } from '../../src/context/case-provider.component.js';
import { connectCaseService, type ConnectedCaseView } from '../../src/context/core-port.js';
import '../../src/define/fk-case-provider.js';
import '../../src/define/fk-assessment-form.js';
import '../../src/define/fk-consent-manager.js';
import '../../src/define/fk-referrals.js';
import '../../src/define/fk-case-overview.js';
import type { FkConsentManager } from '../../src/consent-manager/consent-manager.component.js';
import type { FkReferrals } from '../../src/referrals/referrals.component.js';
import type { FkCaseOverview } from '../../src/case-overview/case-overview.component.js';
import { deepText } from '../suites/form-control-suite.js';

/** Rahimi: handed over from the KIM to the Jobcenter, whose case manager has no consent for health. */
const RAHIMI = 'kim-2026-0001';
/** Kowalski: a Jobcenter case, Murat Demir is its assigned case manager. */
const KOWALSKI = 'jc-2026-0522';
const DEMIR: Actor = EXAMPLE_ACTORS.jobcenterCaseManager;
const JC_LEAD: Actor = { id: 'u-jc-lead', role: 'teamLead', agencyId: 'jobcenter-musterstadt', name: 'Team Lead' };
const NOW = '2026-11-02T09:00:00.000Z';

/** The example cases in a memory store, the core's service and views over one switchable actor, the port. */
async function world(first: Actor = DEMIR) {
  const store = new MemoryCaseStore();
  await runExampleCases({ store });
  let actor = first;
  const clock = new FixedClock(NOW);
  const ids = new SequentialIds();
  const service = createCaseService({ store, clock, ids, actor: { current: () => actor } });
  const views = createCaseViews({ service, store, clock, ids });
  const port = connectCaseService({ service, views, clock });
  return {
    store,
    service,
    port,
    as(next: Actor) {
      actor = next;
    },
    /** The first push of `observeCase` for the service's actor. */
    firstView(caseId: string, purpose = 'caseManagement') {
      return new Promise<Result<ConnectedCaseView> | undefined>((resolve) => {
        const sub = port.observeCase(caseId, { actor, purpose }).subscribe((value) => {
          queueMicrotask(() => sub.unsubscribe());
          resolve(value as Result<ConnectedCaseView> | undefined);
        });
      });
    },
  };
}

function consentCommand(caseId: string, subjectId: string, agencyId = 'caritas-schuldnerberatung') {
  return {
    type: 'recordConsent',
    caseId,
    input: {
      categories: ['debts', 'income'],
      recipients: [{ agencyId, name: 'Schuldnerberatung der Caritas' }],
      purposes: ['caseManagement'],
      form: { kind: 'written', scanReference: 'DMS-2026-11' },
      informationTextHash: 'ab'.repeat(32),
      givenBy: { personId: subjectId, role: 'self' },
    },
  };
}

/** Picks a radio button of an internal radio group (by its data path). */
async function pickRadio(el: HTMLElement & { updateComplete: Promise<unknown> }, path: string, value: string) {
  const group = el.shadowRoot!.querySelector<HTMLElement>(`[data-path="${path}"]`)!;
  group.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!.click();
  await el.updateComplete;
}

async function mount<E extends Element>(port: unknown, caseId: string, inner: ReturnType<typeof html>): Promise<E> {
  const provider = await fixture<FkCaseProvider>(
    html`<fk-case-provider .service=${port} case-id=${caseId} purpose="caseManagement">${inner}</fk-case-provider>`,
  );
  return provider.firstElementChild as E;
}

describe('connectCaseService: the core behind <fk-case-provider>', () => {
  it('DP-24: a Jobcenter case manager without consent sees the health domain as a marker that says why', async () => {
    const w = await world(DEMIR);
    const el = await mount<HTMLElement>(w.port, RAHIMI, html`<fk-assessment-form></fk-assessment-form>`);
    await waitUntil(() => deepText(el).includes('REDACT_NO_CONSENT'), 'redacted view shown', { timeout: 4000 });
    expect(deepText(el)).to.match(/Gesundheit\s*:\s*ausgeblendet: keine Einwilligung für Gesundheitsdaten/);
    // What the port pushes is the decided view, never the unfiltered state.
    const pushed = await w.firstView(RAHIMI);
    expect(pushed?.ok).to.equal(true);
    if (!pushed?.ok) return;
    const assessment = pushed.value.assessments.at(-1) as unknown as { domains: Record<string, unknown>[] };
    const health = assessment.domains.find((d) => d['domainId'] === 'health');
    expect(isRedactionMarker(health)).to.equal(true);
    expect(health).to.include({ code: 'REDACT_NO_CONSENT' });
    expect(pushed.value.redacted).to.be.greaterThan(0);
    const full = await w.service.loadCase(RAHIMI);
    expect(JSON.stringify(pushed.value)).not.to.contain(
      JSON.stringify((full.ok && full.value.state.assessments.at(-1)?.domains.find((d) => d.domainId === 'health'))!),
    );
  });

  it('DP-23: a refused view is pushed as the Result, so the component shows the refusal', async () => {
    const w = await world(EXAMPLE_ACTORS.kimCaseManager);
    const pushed = await w.firstView(RAHIMI);
    expect(pushed?.ok).to.equal(false);
    if (pushed && !pushed.ok) expect(pushed.errors[0]).to.include({ code: 'DENY_NOT_ASSIGNED', rule: 'DP-23' });
    const el = await mount<HTMLElement>(w.port, RAHIMI, html`<fk-assessment-form></fk-assessment-form>`);
    await waitUntil(() => deepText(el).includes('DENY_NOT_ASSIGNED'), 'refusal shown', { timeout: 4000 });
    expect(deepText(el)).not.to.contain('Gesundheit : Hausarzt');
  });

  it('DP-07: a consent recorded through the port reaches the consent manager live; the agreement shape too', async () => {
    const w = await world(DEMIR);
    const el = await mount<FkConsentManager>(
      w.port,
      KOWALSKI,
      html`<fk-consent-manager today="2026-11-02"></fk-consent-manager>`,
    );
    await waitUntil(() => el.persons.length > 0, 'case loaded', { timeout: 4000 });
    expect(el.consents).to.have.length(0);
    const state = (await w.service.loadCase(KOWALSKI)) as Result<{ state: CaseState }>;
    const addressee = state.ok ? state.value.state.addresseeId : '';
    const outcome = await w.port.execute(consentCommand(KOWALSKI, addressee), { actor: DEMIR });
    expect(outcome.ok, JSON.stringify(outcome)).to.equal(true);
    await waitUntil(() => el.consents.length === 1, 'consent pushed live', { timeout: 4000 });
    expect(el.consents[0]!.record.categories).to.deep.equal(['debts', 'income']);
    expect(deepText(el)).to.contain('Schuldnerberatung der Caritas');
    const pushed = await w.firstView(KOWALSKI);
    expect(pushed?.ok && pushed.value.consents).to.deep.equal([
      {
        id: el.consents[0]!.record.id,
        categories: ['debts', 'income'],
        recipients: [{ agencyId: 'caritas-schuldnerberatung', name: 'Schuldnerberatung der Caritas' }],
        purposes: ['caseManagement'],
        validFrom: el.consents[0]!.record.validFrom,
        validUntil: el.consents[0]!.record.validUntil,
        givenBy: { personId: addressee, role: 'self' },
      },
    ]);
    // A whole withdrawal marks the agreement's consent as revoked (it is then not printed).
    const withdrawn = await w.port.execute(
      { type: 'withdrawConsent', caseId: KOWALSKI, input: { consentId: el.consents[0]!.record.id } },
      { actor: DEMIR },
    );
    expect(withdrawn.ok).to.equal(true);
    await waitUntil(() => el.consents[0]!.withdrawals.length === 1, 'withdrawal pushed live', { timeout: 4000 });
    const after = await w.firstView(KOWALSKI);
    expect(after?.ok && after.value.consents[0]?.revokedOn).to.equal('2026-11-02');
  });

  it('DP-23: consents go only to the assigned case manager; a team lead under supervision gets empty lists', async () => {
    const w = await world(DEMIR);
    const state = await w.service.loadCase(KOWALSKI);
    const addressee = state.ok ? state.value.state.addresseeId : '';
    expect((await w.port.execute(consentCommand(KOWALSKI, addressee), { actor: DEMIR })).ok).to.equal(true);
    const own = await w.firstView(KOWALSKI);
    expect(own?.ok && own.value.privacy.consents).to.have.length(1);
    w.as(JC_LEAD);
    const lead = await w.firstView(KOWALSKI, 'supervision');
    expect(lead?.ok, JSON.stringify(lead)).to.equal(true);
    if (lead?.ok) {
      expect(lead.value.privacy).to.deep.equal({ consents: [], releases: [] });
      expect(lead.value.consents).to.deep.equal([]);
    }
  });

  it('DP-16: the referral form shows the transfer preview the core computes', async () => {
    const w = await world(DEMIR);
    const request = {
      recipient: { agencyId: 'caritas-schuldnerberatung', name: 'Schuldnerberatung der Caritas', kind: 'provider' },
      legalBasis: 'sgb10_69',
      purpose: 'caseManagement',
      categories: ['debts' as const],
    };
    const direct = await w.port.previewTransfer(KOWALSKI, request as never, { actor: DEMIR });
    expect(direct?.decision.outcome).to.be.oneOf(['allow', 'allow-redacted', 'deny']);
    expect(direct?.purposeBindingNotice.de).to.contain('§ 78 SGB X');
    const el = await mount<FkReferrals>(
      w.port,
      KOWALSKI,
      html`<fk-referrals
        today="2026-11-02"
        .value=${{
          provider: { name: 'Schuldnerberatung der Caritas', agencyId: 'caritas-schuldnerberatung' },
          referredOn: '2026-11-02',
          purpose: 'Schuldenregulierung',
          feedback: { agreed: true, description: 'monatlich' },
          share: { categories: ['debts'] },
        }}
      ></fk-referrals>`,
    );
    await pickRadio(el, 'share.legalBasis', 'sgb10_69');
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="preview"]')?.hasAttribute('data-outcome') === true,
      'preview computed by the core',
      { timeout: 4000 },
    );
    const shown = el.shadowRoot!.querySelector('[part~="preview"]')!.getAttribute('data-outcome');
    const expected = await w.port.previewTransfer(
      KOWALSKI,
      { ...request, recipient: { ...request.recipient, kind: 'provider' } } as never,
      { actor: DEMIR },
    );
    expect(shown).to.equal(expected?.decision.outcome);
    expect(deepText(el)).to.contain('§ 78 SGB X');
  });

  it('commands go through the service and the overview updates live; its history holds envelopes only', async () => {
    const w = await world(DEMIR);
    const el = await mount<FkCaseOverview>(w.port, KOWALSKI, html`<fk-case-overview></fk-case-overview>`);
    await waitUntil(() => el.caseState !== undefined, 'overview loaded', { timeout: 4000 });
    const before = (await w.store.readJournal(KOWALSKI)).length;
    const outcome = await w.port.execute(
      { type: 'recordNote', caseId: KOWALSKI, input: { text: 'Telefonat mit Herrn Kowalski: Termin verschoben.' } },
      { actor: DEMIR },
    );
    expect(outcome.ok, JSON.stringify(outcome)).to.equal(true);
    expect((await w.store.readJournal(KOWALSKI)).length).to.equal(before + 1);
    await waitUntil(() => (el.caseState?.notes.length ?? 0) > 0, 'note pushed live', { timeout: 4000 });
    const history = await w.port.loadHistory(KOWALSKI, { actor: DEMIR, purpose: 'caseManagement' });
    expect(history.ok).to.equal(true);
    if (history.ok) {
      // The assigned case manager sees every envelope of his own agency's case, numbered without gaps.
      expect(history.value.entries).to.have.length(before + 1);
      expect(history.value.entries.map((e) => e.seq)).to.deep.equal(history.value.entries.map((_, i) => i + 1));
      expect(history.value.entries.every((e) => !('payload' in e))).to.equal(true);
      expect(history.value.entries.at(-1)).to.include({ type: 'NoteRecorded' });
    }
  });

  it('refuses a command, a view or the history for an actor the service does not act as; DP-23: the history of a case without relation is refused', async () => {
    const w = await world(DEMIR);
    const other = EXAMPLE_ACTORS.jobcenterCaseManager2;
    const outcome = await w.port.execute(
      { type: 'recordNote', caseId: KOWALSKI, input: { text: 'Nachtrag.' } },
      { actor: other },
    );
    expect(outcome.ok).to.equal(false);
    if (!outcome.ok) expect(outcome.errors[0]!.code).to.equal('ACTOR_MISMATCH');
    const pushed = await new Promise<unknown>((resolve) => {
      const sub = w.port.observeCase(KOWALSKI, { actor: other, purpose: 'caseManagement' }).subscribe((value) => {
        queueMicrotask(() => sub.unsubscribe());
        resolve(value);
      });
    });
    expect(pushed).to.deep.include({ ok: false });
    expect((pushed as { errors: { code: string }[] }).errors[0]!.code).to.equal('ACTOR_MISMATCH');
    // Nor the history or a preview for someone else; an actor without a relation gets the core's refusal (DP-23).
    const mismatched = await w.port.loadHistory(KOWALSKI, { actor: other, purpose: 'caseManagement' });
    expect(mismatched.ok).to.equal(false);
    if (!mismatched.ok) expect(mismatched.errors[0]!.code).to.equal('ACTOR_MISMATCH');
    w.as(EXAMPLE_ACTORS.kimCaseManager);
    const history = await w.port.loadHistory(KOWALSKI, {
      actor: EXAMPLE_ACTORS.kimCaseManager,
      purpose: 'caseManagement',
    });
    expect(history.ok).to.equal(false);
    if (!history.ok) expect(history.errors[0]).to.include({ code: 'DENY_NOT_ASSIGNED', rule: 'DP-23' });
  });
});
