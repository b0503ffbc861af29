import { expect } from 'chai';
import {
  buildWorklist,
  CASEFINDING_CRITERION_IDS,
  createCaseService,
  DEFAULT_LIFE_DOMAIN_IDS,
  DEFAULT_PROCESS_STANDARD,
  FixedClock,
  MemoryCaseStore,
  SequentialIds,
  type CaseService,
  type CaseState,
  type ProcessStandard,
  type Result,
  type CommandOutcome,
  createProcessGuard,
  domainInvariantGuard,
  parseProcessStandard,
  type ProcessStandardInput,
} from '@fallkit/core';
import { decideCommand } from '@fallkit/core/internal';
import { bareCase, meta } from './process-fixtures.js';

const l = (de: string, en: string): { de: string; en: string } => ({ de, en });

/**
 * A youth-welfare help-plan standard (Hilfeplanverfahren, § 36 SGB VIII), written as configuration
 * only: no intake screening (the youth office decides on the application), its own life domains,
 * scale and criteria, goals only up to the next help-plan review after 6 months, shorter deadlines.
 */
const YOUTH_WELFARE: ProcessStandardInput = {
  id: 'jugendamt-hilfeplan',
  version: '1',
  name: l('Hilfeplanverfahren nach § 36 SGB VIII', 'Help-plan procedure under § 36 SGB VIII'),
  source: '§ 36 SGB VIII; Hilfeplan-Richtlinie Jugendamt Musterstadt',
  requiredStages: ['firstCounselling', 'assessment', 'goalAgreement', 'helpPlanning', 'monitoring'],
  assessment: {
    lifeDomains: [
      { id: 'childDevelopment', label: l('Entwicklung des Kindes', 'Child development') },
      { id: 'parenting', label: l('Erziehung', 'Parenting') },
      { id: 'schoolDaycare', label: l('Schule und Kita', 'School and day care') },
      { id: 'familyChildren', label: l('Familie', 'Family') },
      { id: 'health', label: l('Gesundheit', 'Health') },
      { id: 'housing', label: l('Wohnen', 'Housing') },
    ],
    ratingScale: {
      id: 'hpg-ressource',
      label: l('Ressourcen', 'Resources'),
      values: [
        { value: 'stark', label: l('stark', 'strong') },
        { value: 'mittel', label: l('mittel', 'medium') },
        { value: 'schwach', label: l('schwach', 'weak') },
      ],
    },
  },
  casefinding: {
    criteria: [
      { id: 'educationalNeed', label: l('Erzieherischer Bedarf', 'Educational need') },
      { id: 'multipleProblems', label: l('Mehrfachproblemlagen', 'Several problems') },
      { id: 'manyActors', label: l('Viele Beteiligte', 'Many actors') },
    ],
    targetGroupCriteria: [
      { id: 'minorInHousehold', label: l('Minderjähriges Kind im Haushalt', 'Minor in the household') },
    ],
    minimumMet: 2,
  },
  deadlines: {
    firstContactDays: 7,
    assessmentWeeks: 4,
    monitoringIntervalDays: 28,
    goalReviewMonths: 6,
    referralFeedbackDays: 14,
    evaluationDays: 28,
    dueWithinDays: 7,
  },
  goals: { maxTimeFrameMonths: 6 },
  reassessment: { deviationThreshold: 1 },
  readiness: { minSigns: 2, minGroups: 1 },
  closureReasons: [
    { id: 'goalsReached', label: l('Hilfeziele erreicht', 'Goals reached') },
    { id: 'endedByPerson', label: l('Beendigung durch die Personensorgeberechtigten', 'Ended by the parents') },
    { id: 'movedAway', label: l('Zuständigkeitswechsel durch Umzug', 'Moved away') },
    { id: 'contactLost', label: l('Kontaktabbruch', 'Contact lost') },
    { id: 'noFurtherMeasures', label: l('Keine Hilfe erforderlich', 'No help needed') },
    { id: 'notAdmitted', label: l('Antrag abgelehnt', 'Application refused') },
  ],
  consent: { defaultDurationMonths: 12 },
};

function parsed(input: unknown): ProcessStandard {
  const result = parseProcessStandard(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const youth = parsed(YOUTH_WELFARE);
const youthV2 = parsed({ ...YOUTH_WELFARE, version: '2', goals: { maxTimeFrameMonths: 3 } });

function serviceFor(
  standard: ProcessStandard | undefined,
  store = new MemoryCaseStore(),
  clock = new FixedClock('2026-03-02T09:00:00.000Z'),
): CaseService {
  return createCaseService({
    store,
    clock,
    ids: new SequentialIds(),
    actor: { id: 'u-ja-meyer', role: 'caseManager', agencyId: 'jugendamt-musterstadt', name: 'Lea Meyer' },
    guards: [domainInvariantGuard, createProcessGuard({ standards: [youth, youthV2] })],
    ...(standard ? { standard } : {}),
  });
}

function must(result: Result<CommandOutcome>): CommandOutcome {
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.rule} ${e.code} ${e.message.en}`).join('; '));
  return result.value;
}

/** Opens a case and brings it to goal agreement under the service's standard, with the given domain and rating. */
async function toGoalAgreement(
  service: CaseService,
  caseId: string,
  domain: { domainId: string; rating?: { scaleId: string; value: string | number } },
): Promise<Result<CommandOutcome>> {
  const run = async (type: string, input: unknown): Promise<Result<CommandOutcome>> =>
    service.execute({ type, caseId, input });
  must(
    await service.execute({
      type: 'openCase',
      input: {
        caseId,
        addressee: { roles: ['addressee'], givenName: 'Mia', familyName: 'Kraus' },
        leadAgency: { agencyId: 'jugendamt-musterstadt', name: 'Jugendamt Musterstadt', legalDomain: 'SGB_VIII' },
      },
    }),
  );
  must(
    await run('recordReferral', {
      referrer: { kind: 'self', name: 'Antrag der Mutter' },
      referredOn: '2026-03-02',
      reason: 'Antrag auf Hilfe zur Erziehung',
    }),
  );
  const admission = await run('decideAdmission', { admitted: true, reasons: 'Antrag auf HzE' });
  if (!admission.ok) return admission;
  must(
    await run('recordFirstCounselling', {
      concernInOwnWords: 'Ich schaffe es allein nicht mehr.',
      firstPictureProblems: '',
      firstPictureResources: '',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'partial',
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true },
      decision: { kind: 'assessment' },
    }),
  );
  const assessment = await run('recordAssessment', {
    domains: [{ ...domain, resources: '', problems: '', personView: '', caseManagerView: '' }],
    wishesAndDreams: '',
  });
  if (!assessment.ok) return assessment;
  const id = assessment.value.state.assessments[0]!.id;
  return run('confirmAssessment', {
    assessmentId: id,
    confirmation: { confirmedOn: '2026-03-02', confirmedByIds: [assessment.value.state.addresseeId], form: 'oral' },
  });
}

const goalFor = (until: string): unknown => ({
  level: 'case',
  title: 'Tagesstruktur für Mia',
  indicators: [{ description: 'Regelmäßiger Kita-Besuch', target: '4 Tage/Woche' }],
  timeFrame: { from: '2026-03-02', until },
  domainIds: [],
  agreement: { agreedByPerson: true, agreedOn: '2026-03-02', form: 'written' },
});

describe('process standards', () => {
  it('the default standard validates and carries the written criteria of seed 003 and the default life domains', () => {
    expect(parseProcessStandard(DEFAULT_PROCESS_STANDARD).ok).to.equal(true);
    expect(DEFAULT_PROCESS_STANDARD.casefinding.criteria.map((c) => c.id)).to.deep.equal([
      ...CASEFINDING_CRITERION_IDS,
    ]);
    expect(DEFAULT_PROCESS_STANDARD.assessment.lifeDomains.map((d) => d.id)).to.deep.equal([
      ...DEFAULT_LIFE_DOMAIN_IDS,
    ]);
    expect(DEFAULT_PROCESS_STANDARD).to.include({ id: 'default', version: '1' });
  });

  describe('a custom youth-welfare help-plan standard changes rules and deadlines without code changes', () => {
    it('records the standard in force in the case', async () => {
      const service = serviceFor(youth);
      await toGoalAgreement(service, 'ja-1', {
        domainId: 'parenting',
        rating: { scaleId: 'hpg-ressource', value: 'mittel' },
      });
      const loaded = await service.loadCase('ja-1');
      expect(loaded.ok && loaded.value.state.processStandard).to.deep.equal({
        id: 'jugendamt-hilfeplan',
        version: '1',
      });
    });

    it('admission without a casefinding check: allowed under it (no screening stage), refused by the default (PR-04)', async () => {
      const underYouth = await toGoalAgreement(serviceFor(youth), 'ja-2', { domainId: 'parenting' });
      expect(underYouth.ok).to.equal(true);
      const underDefault = await toGoalAgreement(serviceFor(undefined), 'km-2', { domainId: 'housing' });
      expect(underDefault.ok).to.equal(false);
      if (!underDefault.ok) expect(underDefault.errors[0]?.rule).to.equal('PR-04');
    });

    it('its own life domains and scale: "parenting" rated "mittel" is right for it and wrong for the default (PR-11)', async () => {
      const youthCase = await toGoalAgreement(serviceFor(youth), 'ja-3', {
        domainId: 'parenting',
        rating: { scaleId: 'hpg-ressource', value: 'mittel' },
      });
      expect(youthCase.ok).to.equal(true);
      const wrongUnderYouth = await toGoalAgreement(serviceFor(youth), 'ja-4', {
        domainId: 'residence',
        rating: { scaleId: 'need-1-5', value: 3 },
      });
      expect(wrongUnderYouth.ok).to.equal(false);
      if (!wrongUnderYouth.ok) expect(wrongUnderYouth.errors.map((e) => e.rule)).to.deep.equal(['PR-11', 'PR-11']);
    });

    it('goals only up to the next review: 9 months refused (PR-15), 6 months agreed; the default allows 9', async () => {
      const service = serviceFor(youth);
      must(await toGoalAgreement(service, 'ja-5', { domainId: 'parenting' }));
      const long = await service.execute({ type: 'agreeGoal', caseId: 'ja-5', input: goalFor('2026-12-01') });
      expect(long.ok).to.equal(false);
      if (!long.ok) {
        expect(long.errors[0]).to.include({ rule: 'PR-15', code: 'PROCESS_GOAL_TIME_FRAME_TOO_LONG' });
        expect(long.errors[0]?.message.de).to.contain('bis 2026-09-02');
      }
      expect((await service.execute({ type: 'agreeGoal', caseId: 'ja-5', input: goalFor('2026-09-02') })).ok).to.equal(
        true,
      );

      // The same goal in the same case, judged by the default standard: its length is no problem there.
      const loaded = await service.loadCase('ja-5');
      if (!loaded.ok) throw new Error('not loaded');
      const judge = (standard: ProcessStandard): string[] =>
        decideCommand({
          type: 'agreeGoal',
          input: goalFor('2026-12-01'),
          state: loaded.value.state,
          standard,
          actor: { id: 'u-1', role: 'caseManager', agencyId: 'jugendamt-musterstadt' },
          today: '2026-03-02',
        }).refusals.map((r) => r.rule ?? '');
      expect(judge(DEFAULT_PROCESS_STANDARD)).to.deep.equal([]);
      expect(judge(youth)).to.deep.equal(['PR-15']);
    });

    it('its closure reasons: "selfSteering" is not one of them (PR-28)', async () => {
      const service = serviceFor(youth);
      must(await toGoalAgreement(service, 'ja-6', { domainId: 'parenting' }));
      const result = await service.execute({ type: 'closeCase', caseId: 'ja-6', input: { reason: 'selfSteering' } });
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors.map((e) => e.rule)).to.include('PR-28');
    });

    it('its deadlines: first contact after 7 instead of 14 days, goal review after 6 instead of 12 months', () => {
      const build = (ref: { id: string; version: string }): CaseState => ({
        ...bareCase('c-x', ref),
        referrals: [
          {
            id: 'r-1',
            referrer: { kind: 'self', name: 'Selbstmeldung' },
            referredOn: '2026-03-02',
            reason: 'Antrag',
            ...meta(),
          },
        ],
      });
      const firstContact = (ref: { id: string; version: string }): string | undefined =>
        buildWorklist([build(ref)], '2026-03-02', [youth]).find((i) => i.kind === 'firstContact')?.dueOn;
      expect(firstContact({ id: 'jugendamt-hilfeplan', version: '1' })).to.equal('2026-03-09');
      expect(firstContact({ id: 'default', version: '1' })).to.equal('2026-03-16');

      const withGoal = (ref: { id: string; version: string }): CaseState => ({
        ...bareCase('c-y', ref),
        stage: 'goalAgreement',
        goals: [
          {
            id: 'g-1',
            level: 'case',
            title: 'Ziel',
            indicators: [{ description: 'x' }],
            timeFrame: { until: '2027-12-31' },
            domainIds: [],
            agreement: { agreedByPerson: true, agreedOn: '2026-01-31', form: 'oral' },
            status: 'open',
            statusHistory: [],
            revisions: [],
            ...meta(),
          },
        ],
      });
      const review = (ref: { id: string; version: string }, date: string): string | undefined =>
        buildWorklist([withGoal(ref)], date, [youth], { horizonDays: 400 }).find((i) => i.kind === 'goalReview')?.dueOn;
      expect(review({ id: 'jugendamt-hilfeplan', version: '1' }, '2026-07-01')).to.equal('2026-07-31');
      expect(review({ id: 'default', version: '1' }, '2026-07-01')).to.equal('2027-01-31');
    });

    it('a later version of the standard does not rewrite old cases', async () => {
      const store = new MemoryCaseStore();
      const clock = new FixedClock('2026-03-02T09:00:00.000Z');
      const v1 = serviceFor(youth, store, clock);
      must(await toGoalAgreement(v1, 'ja-old', { domainId: 'parenting' }));
      const v2 = serviceFor(youthV2, store, clock);
      must(await toGoalAgreement(v2, 'ja-new', { domainId: 'parenting' }));
      const fiveMonths = goalFor('2026-08-01');
      // The service now opens cases under version 2 (3 months), but the old case keeps version 1 (6 months).
      expect((await v2.execute({ type: 'agreeGoal', caseId: 'ja-old', input: fiveMonths })).ok).to.equal(true);
      const newer = await v2.execute({ type: 'agreeGoal', caseId: 'ja-new', input: fiveMonths });
      expect(newer.ok).to.equal(false);
      if (!newer.ok) expect(newer.errors[0]?.rule).to.equal('PR-15');
    });

    it('a case under a version nobody registered is refused by a strict guard (PR-00)', async () => {
      const store = new MemoryCaseStore();
      must(await toGoalAgreement(serviceFor(youth, store), 'ja-7', { domainId: 'parenting' }));
      const forgetful = createCaseService({
        store,
        clock: new FixedClock('2026-03-03T09:00:00.000Z'),
        ids: new SequentialIds(),
        actor: { id: 'u-1', role: 'caseManager', agencyId: 'jugendamt-musterstadt' },
        guards: [domainInvariantGuard, createProcessGuard({ unknownStandard: 'refuse' })],
      });
      const result = await forgetful.execute({ type: 'recordNote', caseId: 'ja-7', input: { text: 'Telefonat' } });
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors[0]?.rule).to.equal('PR-00');
    });
  });

  describe('a bad standard is refused with clear errors', () => {
    const errors = (input: unknown): { code: string; path: string; de: string; en: string }[] => {
      const result = parseProcessStandard(input);
      expect(result.ok).to.equal(false);
      return result.ok
        ? []
        : result.errors.map((e) => ({
            code: e.code,
            path: (e.path ?? []).join('.'),
            de: e.message.de,
            en: e.message.en,
          }));
    };

    it('not an object at all: one schema refusal', () => {
      const found = errors('hilfeplan');
      expect(found).to.have.length(1);
      expect(found[0]?.code).to.equal('STANDARD_INVALID');
    });

    it('missing and wrong fields are each named by path (schema)', () => {
      const found = errors({
        ...YOUTH_WELFARE,
        deadlines: { ...YOUTH_WELFARE.deadlines, firstContactDays: 0, goalReviewMonths: 1.5 },
        closureReasons: [{ id: 'vanished', label: l('weg', 'gone') }],
        name: undefined,
      });
      expect(found.map((f) => f.code)).to.satisfy((codes: string[]) => codes.every((c) => c === 'STANDARD_INVALID'));
      expect(found.map((f) => f.path).sort()).to.deep.equal(
        ['closureReasons.0.id', 'deadlines.firstContactDays', 'deadlines.goalReviewMonths', 'name'].sort(),
      );
      for (const f of found) {
        expect(f.de).to.have.length.greaterThan(5);
        expect(f.en).to.have.length.greaterThan(5);
      }
    });

    it('a standard without assessment is not case management', () => {
      const found = errors({ ...YOUTH_WELFARE, requiredStages: ['firstCounselling', 'goalAgreement'] });
      expect(found).to.deep.equal([
        {
          code: 'STANDARD_MANDATORY_STAGE_MISSING',
          path: 'requiredStages',
          de: 'Die Phase „assessment“ ist Pflicht: ohne Erstberatung, Assessment und Zielvereinbarung ist es kein Case Management.',
          en: 'Stage "assessment" is mandatory: without first counselling, assessment and goal agreement it is not case management.',
        },
      ]);
    });

    it('duplicate ids, an impossible minimum and inconsistent readiness thresholds are all reported', () => {
      const found = errors({
        ...YOUTH_WELFARE,
        assessment: {
          ...YOUTH_WELFARE.assessment,
          lifeDomains: [
            ...YOUTH_WELFARE.assessment.lifeDomains,
            { id: 'parenting', label: l('Erziehung', 'Parenting') },
          ],
        },
        casefinding: { ...YOUTH_WELFARE.casefinding, minimumMet: 4 },
        readiness: { minSigns: 1, minGroups: 3 },
      });
      expect(found.map((f) => [f.code, f.path])).to.deep.equal([
        ['STANDARD_DUPLICATE_ID', 'assessment.lifeDomains.6'],
        ['STANDARD_MINIMUM_TOO_HIGH', 'casefinding.minimumMet'],
        ['STANDARD_READINESS_INCONSISTENT', 'readiness.minSigns'],
      ]);
    });

    it('a strict guard does not open cases under a bad service standard (PR-00)', async () => {
      const service = createCaseService({
        store: new MemoryCaseStore(),
        clock: new FixedClock('2026-03-02T09:00:00.000Z'),
        ids: new SequentialIds(),
        actor: { id: 'u-1', role: 'caseManager', agencyId: 'kim-musterstadt' },
        guards: [domainInvariantGuard, createProcessGuard({ unknownStandard: 'refuse' })],
        standard: { id: 'broken', version: '1', requiredStages: 'all' },
      });
      const result = await service.execute({
        type: 'openCase',
        input: {
          addressee: { roles: ['addressee'], givenName: 'A', familyName: 'B' },
          leadAgency: { agencyId: 'k', name: 'K' },
        },
      });
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors[0]?.rule).to.equal('PR-00');
    });
  });
});
