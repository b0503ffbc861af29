import { expect } from 'chai';
import { buildReport } from '@fallkit/core/reporting';
import { isRedactionMarker, type CaseState } from '@fallkit/core';
import { decide, initialCaseState, type DecisionUnit } from '@fallkit/core/internal';
import { exportSubjectData } from '@fallkit/core/rights';
import {
  CASE_ID,
  consentInput,
  openBasicCase,
  privacyWorld,
  R,
  recordAssessment,
  U,
  type PrivacyWorld,
} from './privacy-fixtures.js';

/** What a row's check returns: the outcome and the reason codes, as PRIVACY.md section 4 states them. */
interface Observed {
  readonly outcome: string;
  readonly codes: readonly string[];
}

interface Row {
  readonly n: number;
  readonly actor: string;
  readonly request: string;
  readonly situation: string;
  readonly outcome: 'allow' | 'deny' | 'allow-redacted';
  readonly code: string;
  readonly check: () => Promise<Observed>;
}

const observed = (d: { outcome: string; reasons: readonly { code: string }[] }): Observed => ({
  outcome: d.outcome,
  codes: d.reasons.map((r) => r.code),
});

/** A municipal case with an assessment (health, debts, employment, housing) and an addiction domain. */
async function municipalCase(): Promise<PrivacyWorld> {
  const world = privacyWorld('2026-04-01T09:00:00.000Z');
  await openBasicCase(world);
  await recordAssessment(world, [
    { domainId: 'addiction', resources: '', problems: 'Glücksspiel.', personView: '', caseManagerView: '' },
    { domainId: 'housing', resources: '', problems: 'Überbelegung.', personView: '', caseManagerView: '' },
  ]);
  return world;
}

async function youthOfficeCase(): Promise<{ world: PrivacyWorld; noteId: string }> {
  const world = privacyWorld('2026-04-01T09:00:00.000Z');
  world.as(U.youthOffice);
  await world.run('openCase', {
    caseId: CASE_ID,
    addressee: { roles: ['addressee'], givenName: 'Jana', familyName: 'Roth', birthDate: '1990-01-01' },
    leadAgency: { agencyId: U.youthOffice.agencyId, name: 'Jugendamt Musterstadt', legalDomain: 'SGB_VIII' },
  });
  const note = await world.run('recordNote', {
    text: 'Frau Roth vertraut mir an, dass ihr Partner sie schlägt.',
    categories: ['notes'],
    entrusted: true,
    entrustedBy: 'person-1',
  });
  return { world, noteId: note.state.notes.at(-1)!.id };
}

const procedure = {
  assessors: [{ name: 'Lea Koch' }, { name: 'Jan Wolf', childProtectionSpecialist: true }],
  justification: 'Gewichtige Anhaltspunkte; Gefährdung nicht anders abwendbar.',
  parentsInvolved: true,
};

function syntheticCase(n: number, agency: string): CaseState {
  return initialCaseState(
    {
      caseId: `stat-${n}`,
      label: `S-${n}`,
      openedOn: '2025-05-01',
      processStandard: { id: 'std', version: '1' },
      addressee: {
        id: `p-${n}`,
        roles: ['addressee'],
        givenName: 'A',
        familyName: 'B',
        subjectIds: [`p-${n}`],
        categories: ['identity'],
        origin: 'client',
        recordedBy: 'u',
        recordedAt: '2025-05-01T00:00:00.000Z',
      },
      leadAgency: { agencyId: agency, name: agency, from: '2025-05-01' },
      caseManager: { userId: 'u', agencyId: agency, role: 'primary', from: '2025-05-01' },
      legalDomains: [],
    },
    { seq: 1, at: '2025-05-01T00:00:00.000Z' },
  );
}

const ROWS: readonly Row[] = [
  {
    n: 1,
    actor: 'Assigned municipal case manager',
    request: 'read debts, caseManagement',
    situation: 'own case',
    outcome: 'allow',
    code: 'ALLOW_ASSIGNED_PURPOSE',
    check: async () => {
      const world = await municipalCase();
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: U.kim,
          action: 'read',
          caseState: state,
          privacy,
          categories: ['debts'],
          purpose: 'caseManagement',
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 2,
    actor: 'Case manager, other team',
    request: 'read content',
    situation: 'not assigned, no emergency',
    outcome: 'deny',
    code: 'DENY_NOT_ASSIGNED',
    check: async () => {
      const world = await municipalCase();
      world.as(U.kimOther);
      const view = await world.views.viewCase(CASE_ID, 'caseManagement');
      return view.ok
        ? { outcome: view.value.decision.outcome, codes: [] }
        : { outcome: 'deny', codes: view.errors.map((e) => e.code) };
    },
  },
  {
    n: 3,
    actor: 'Team lead',
    request: 'case list and health',
    situation: 'no supervision reason',
    outcome: 'allow-redacted',
    code: 'REDACT_NEED_TO_KNOW',
    check: async () => {
      const world = await municipalCase();
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: U.kimLead,
          action: 'read',
          caseState: state,
          privacy,
          metadata: true,
          categories: ['health'],
          purpose: 'supervision',
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 4,
    actor: 'Jobcenter case manager',
    request: 'receive health, job-integration plan',
    situation: 'consent names health, Jobcenter, purpose',
    outcome: 'allow',
    code: 'ALLOW_CONSENT',
    check: async () => {
      const world = await municipalCase();
      await world.run('recordConsent', consentInput({ categories: ['health', 'employment'] }));
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: U.kim,
          action: 'transfer',
          caseState: state,
          privacy,
          categories: ['health', 'employment'],
          purpose: 'caseManagement',
          recipient: R.jobcenter,
          legalBasis: `consent:${privacy.consents[0]!.record.id}`,
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 5,
    actor: 'Jobcenter case manager',
    request: 'receive health',
    situation: 'consent withdrawn last week',
    outcome: 'deny',
    code: 'DENY_CONSENT_WITHDRAWN',
    check: async () => {
      const world = await municipalCase();
      await world.run('recordConsent', consentInput({ categories: ['health'] }));
      const consentId = (await world.load()).privacy.consents[0]!.record.id;
      await world.run('transferData', {
        recipient: R.jobcenter,
        legalBasis: `consent:${consentId}`,
        purpose: 'caseManagement',
        categories: ['health'],
      });
      world.clock.set('2026-04-08T09:00:00.000Z');
      await world.run('withdrawConsent', { consentId });
      world.clock.set('2026-04-15T09:00:00.000Z');
      const { state, privacy } = await world.load();
      // The old transfer is kept and marked.
      expect(privacy.transfers).to.have.length(1);
      expect(privacy.transfers[0]!.consentWithdrawnAt).to.equal('2026-04-08T09:00:00.000Z');
      return observed(
        decide({
          actor: U.kim,
          action: 'transfer',
          caseState: state,
          privacy,
          categories: ['health'],
          purpose: 'caseManagement',
          recipient: R.jobcenter,
          legalBasis: `consent:${consentId}`,
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 6,
    actor: 'Debt-counselling NGO',
    request: 'debts and addiction for its measure',
    situation: 'consent covers debts only',
    outcome: 'allow-redacted',
    code: 'REDACT_NO_CONSENT',
    check: async () => {
      const world = await municipalCase();
      const measure = await world.run('addMeasure', {
        title: 'Schuldnerberatung',
        goalIds: [],
        by: { kind: 'partnerAgency', name: R.ngo.name, agencyId: R.ngo.agencyId },
        agreement: { agreed: true },
      });
      const purpose = `measureDelivery:${measure.state.measures.at(-1)!.id}`;
      await world.run(
        'recordConsent',
        consentInput({ categories: ['debts'], recipients: [{ agencyId: R.ngo.agencyId }], purposes: [purpose] }),
      );
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: U.kim,
          action: 'transfer',
          caseState: state,
          privacy,
          categories: ['debts', 'addiction'],
          purpose,
          recipient: R.ngo,
          legalBasis: `consent:${privacy.consents[0]!.record.id}`,
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 7,
    actor: 'Case conference',
    request: 'agenda incl. health',
    situation: 'conference consent: employment, housing',
    outcome: 'allow-redacted',
    code: 'REDACT_NO_CONSENT',
    check: async () => {
      const world = await municipalCase();
      await world.run(
        'recordConsent',
        consentInput({
          categories: ['employment', 'housing'],
          recipients: [{ agencyId: R.conference.agencyId }],
          purposes: ['caseConference:conf-1'],
        }),
      );
      world.as(U.conference);
      const view = await world.views.viewCase(CASE_ID, 'caseConference:conf-1', {
        sections: ['assessments'],
        agenda: ['employment', 'housing', 'health'],
      });
      expect(view.ok).to.equal(true);
      if (!view.ok) return { outcome: 'deny', codes: [] };
      const domains = (view.value.case.assessments[0] as unknown as { domains: { domainId: string }[] }).domains;
      // Debts are not on the agenda: not part of the conference's set at all.
      expect(domains.map((d) => d.domainId)).to.have.members(['health', 'addiction', 'workTraining', 'housing']);
      return observed(view.value.decision);
    },
  },
  {
    n: 8,
    actor: 'Youth-office worker',
    request: "mother's entrusted disclosure to Jobcenter",
    situation: 'mother has not consented',
    outcome: 'deny',
    code: 'DENY_SGB8_65_ENTRUSTED',
    check: async () => {
      const { world, noteId } = await youthOfficeCase();
      const { state, privacy } = await world.load();
      const unit: DecisionUnit = {
        key: `notes/${noteId}`,
        categories: ['notes'],
        entrusted: true,
        entrustedBy: 'person-1',
        recordedBy: U.youthOffice.id,
      };
      return observed(
        decide({
          actor: U.youthOffice,
          action: 'transfer',
          caseState: state,
          privacy,
          items: [unit],
          purpose: 'caseManagement',
          recipient: R.jobcenter,
          legalBasis: { kind: 'sgb10_69', taskReference: 'Eingliederung (SGB II)' },
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 9,
    actor: 'Youth-office worker',
    request: 'childProtection to family court',
    situation: '§ 8a procedure complete',
    outcome: 'allow',
    code: 'ALLOW_CHILD_PROTECTION_8A',
    check: async () => {
      const { world } = await youthOfficeCase();
      await world.run('recordNote', { text: 'Gefährdungseinschätzung.', categories: ['notes'], childProtection: true });
      const sent = await world.run('transferData', {
        recipient: R.familyCourt,
        legalBasis: { kind: 'sgb8_8a', procedure },
        purpose: 'childProtection',
        categories: ['notes'],
      });
      // ... with a review item.
      expect(sent.state.followUps.filter((f) => !f.done)).to.have.length(1);
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: U.youthOffice,
          action: 'transfer',
          caseState: state,
          privacy,
          items: [{ key: 'notes/x', categories: ['notes'], childProtection: true }],
          purpose: 'childProtection',
          recipient: R.familyCourt,
          legalBasis: { kind: 'sgb8_8a', procedure },
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 10,
    actor: 'NGO social worker',
    request: 'inform youth office of endangerment',
    situation: '§ 4 KKG steps recorded',
    outcome: 'allow',
    code: 'ALLOW_CHILD_PROTECTION_KKG4',
    check: async () => {
      const world = privacyWorld();
      const ngoWorker = { id: 'u-awo-sozial', role: 'caseManager', agencyId: 'awo-migrationsberatung' } as const;
      world.as(ngoWorker);
      await world.run('openCase', {
        caseId: CASE_ID,
        addressee: { roles: ['addressee'], givenName: 'Aylin', familyName: 'Kaya' },
        leadAgency: { agencyId: ngoWorker.agencyId, name: 'AWO Migrationsberatung' },
      });
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: ngoWorker,
          action: 'transfer',
          caseState: state,
          privacy,
          categories: ['notes', 'household'],
          purpose: 'childProtection',
          recipient: R.youthOffice,
          legalBasis: { kind: 'kkg4', procedure: { ...procedure, pseudonymisedConsultation: true } },
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 11,
    actor: 'Sozialamt',
    request: 'psychiatric report to housing NGO',
    situation: 'consent covers health, not secrets',
    outcome: 'deny',
    code: 'DENY_SGB10_76',
    check: async () => {
      const world = privacyWorld();
      const sozialamt = { id: 'u-soz-lange', role: 'caseManager', agencyId: 'sozialamt-musterstadt' } as const;
      world.as(sozialamt);
      await world.run('openCase', {
        caseId: CASE_ID,
        addressee: { roles: ['addressee'], givenName: 'Erika', familyName: 'Brandt', birthDate: '1950-01-01' },
        leadAgency: { agencyId: sozialamt.agencyId, name: 'Sozialamt Musterstadt' },
      });
      const report = await world.run('recordNote', {
        text: 'Psychiatrisches Gutachten.',
        categories: ['health'],
        professionalSecret: true,
        origin: 'secretHolder',
      });
      await world.run(
        'recordConsent',
        consentInput({ categories: ['health', 'notes'], recipients: [{ agencyId: R.housingNgo.agencyId }] }),
      );
      const { state, privacy } = await world.load();
      const note = state.notes.at(-1)!;
      expect(note.id).to.equal(report.state.notes.at(-1)!.id);
      return observed(
        decide({
          actor: sozialamt,
          action: 'transfer',
          caseState: state,
          privacy,
          items: [
            {
              key: `notes/${note.id}`,
              categories: note.categories,
              professionalSecret: true,
              recordedBy: sozialamt.id,
            },
          ],
          purpose: 'caseManagement',
          recipient: R.housingNgo,
          legalBasis: `consent:${privacy.consents[0]!.record.id}`,
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 12,
    actor: 'Statistics user',
    request: 'count by district',
    situation: 'one cell is 3',
    outcome: 'allow-redacted',
    code: 'SUPPRESS_SMALL_CELL',
    check: async () => {
      const cases = [
        ...Array.from({ length: 3 }, (_, i) => syntheticCase(i, 'district-north')),
        ...Array.from({ length: 8 }, (_, i) => syntheticCase(100 + i, 'district-south')),
      ];
      const report = buildReport(cases, { dimensions: ['organisation'] });
      expect(report.ok).to.equal(true);
      if (!report.ok) return { outcome: 'deny', codes: [] };
      const shown = report.value.tables[0]!.cells.flat();
      expect(shown.some((c) => c.count === 3)).to.equal(false);
      return {
        outcome: report.value.redaction === null ? 'allow' : 'allow-redacted',
        codes: report.value.redaction === null ? [] : [report.value.redaction],
      };
    },
  },
  {
    n: 13,
    actor: 'Immigration authority',
    request: 'health of AsylbLG client',
    situation: 'no statutory exception recorded',
    outcome: 'deny',
    code: 'DENY_NO_LEGAL_BASIS',
    check: async () => {
      const world = await municipalCase();
      const { state, privacy } = await world.load();
      expect(state.legalDomains.map((d) => d.domain)).to.include('AsylbLG');
      return observed(
        decide({
          actor: U.kim,
          action: 'transfer',
          caseState: state,
          privacy,
          categories: ['health'],
          purpose: 'statutoryReporting',
          recipient: R.immigration,
          legalBasis: { kind: 'sgb10_71', statute: '§ 87 AufenthG' },
          now: world.clock.now(),
        }),
      );
    },
  },
  {
    n: 14,
    actor: 'Client',
    request: 'export own file',
    situation: 'notes about ex-partner inside',
    outcome: 'allow-redacted',
    code: 'REDACT_THIRD_PARTY',
    check: async () => {
      const world = await municipalCase();
      const partner = await world.run('addPerson', { roles: ['partner'], givenName: 'Thomas', familyName: 'Berger' });
      const partnerId = partner.state.persons.at(-1)!.id;
      await world.run('recordNote', {
        text: 'Der Ex-Partner zahlt keinen Unterhalt.',
        subjectIds: ['person-1', partnerId],
        thirdParty: true,
      });
      const { state } = await world.load();
      const exported = exportSubjectData({ state, events: await world.store.readJournal(CASE_ID) }, 'person-1', {
        generatedAt: world.clock.now(),
      });
      const markers: string[] = [];
      const walk = (value: unknown): void => {
        if (isRedactionMarker(value)) markers.push(value.code);
        else if (Array.isArray(value)) value.forEach(walk);
        else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
      };
      walk(exported.cases);
      expect(JSON.stringify(exported.cases)).not.to.contain('keinen Unterhalt');
      return { outcome: markers.length > 0 ? 'allow-redacted' : 'allow', codes: [...new Set(markers)] };
    },
  },
  {
    n: 15,
    actor: 'Personnel officer',
    request: 'case of an employee-client',
    situation: 'staffCase',
    outcome: 'deny',
    code: 'DENY_STAFF_CASE',
    check: async () => {
      const world = await municipalCase();
      await world.run('flagStaffCase', {});
      const { state, privacy } = await world.load();
      return observed(
        decide({
          actor: U.kimHr,
          action: 'read',
          caseState: state,
          privacy,
          categories: ['health'],
          purpose: 'caseManagement',
          now: world.clock.now(),
        }),
      );
    },
  },
];

describe('privacy: decision table of PRIVACY.md section 4 (every row)', () => {
  it('has all 15 rows', () => {
    expect(ROWS.map((r) => r.n)).to.deep.equal(Array.from({ length: 15 }, (_, i) => i + 1));
  });
  for (const row of ROWS) {
    it(`row ${row.n}: ${row.actor} | ${row.request} | ${row.situation} → ${row.outcome} ${row.code}`, async () => {
      const result = await row.check();
      expect(result.outcome).to.equal(row.outcome);
      expect(result.codes[0], `reasons ${result.codes.join(', ')}`).to.equal(row.code);
    });
  }
});
