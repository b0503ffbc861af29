import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'gebremedhin';
const id = (local: string): string => `${KEY}-${local}`;
const cm = A.kimCaseManager;

/**
 * Tesfay Gebremedhin, recognised refugee from Eritrea: the plan toward a job in warehouse logistics
 * is disrupted when his wife and daughter arrive by family reunification; a re-assessment adds a new
 * assessment version, a revised goal and a new goal; the Jobcenter takes the lead while the
 * municipality keeps covering further needs (handover variant 3), and monitoring goes on.
 */
export const reassessmentLoop: ExampleCase = {
  key: KEY,
  caseId: 'kim-2026-0019',
  title: text(
    'Tesfay Gebremedhin: Re-Assessment nach Familiennachzug',
    'Tesfay Gebremedhin: re-assessment after family reunification',
  ),
  summary: text(
    'Weg in die Lagerlogistik; Familiennachzug ändert die Lage, Re-Assessment mit neuer Fassung, Zielrevision und neuem Ziel.',
    'Path into warehouse logistics; family reunification changes the situation, re-assessment with a new version, a revised and a new goal.',
  ),
  actor: cm,
  steps: [
    step('2026-01-07T09:00:00.000Z', 'openCase', {
      caseId: 'kim-2026-0019',
      label: 'KIM-2026-0019',
      addressee: {
        roles: ['addressee'],
        givenName: 'Tesfay',
        familyName: 'Gebremedhin',
        birthDate: '1996-12-01',
        gender: 'male',
        languages: ['Tigrinya', 'Englisch', 'Deutsch'],
        interpreter: { needed: true, language: 'Tigrinya', kind: 'volunteer', arranged: true },
      },
      leadAgency: { ...G.kim, legalDomain: 'SGB_II' },
      legalDomains: [{ domain: 'SGB_II' }, { domain: 'AufenthG', reason: '§ 25 Abs. 2 AufenthG' }],
    }),
    step('2026-01-07T09:05:00.000Z', 'recordReferral', {
      referrer: { kind: 'volunteer', name: 'Flüchtlingshilfe Musterstadt e. V., Patin Frau Roth' },
      referredOn: '2026-01-05',
      reason: 'Arbeitssuche, Familiennachzug läuft, Wohnung zu klein für Familie.',
    }),
    step('2026-01-07T09:10:00.000Z', 'checkCasefindingCriteria', {
      criteria: [
        { criterionId: 'multipleProblems', met: true },
        { criterionId: 'manyActors', met: true },
        { criterionId: 'crossesResponsibilities', met: true },
        { criterionId: 'courseHardToForesee', met: true, explanation: 'Zeitpunkt des Familiennachzugs offen.' },
      ],
      complexNeeds: true,
    }),
    step('2026-01-07T09:15:00.000Z', 'decideAdmission', { admitted: true, reasons: 'Kriterien erfüllt.' }),
    step('2026-01-14T10:00:00.000Z', 'recordFirstCounselling', {
      interpreterUsed: true,
      concernInOwnWords: 'Ich will arbeiten, bevor meine Familie kommt.',
      firstPictureProblems: 'Keine Arbeit, Einzimmerwohnung, Visumverfahren der Familie.',
      firstPictureResources: 'B1 Deutsch, Erfahrung als Lagerhelfer, Patin.',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'high',
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true },
      decision: { kind: 'assessment' },
    }),
    step('2026-01-28T10:00:00.000Z', 'recordAssessment', {
      domains: [
        {
          domainId: 'workTraining',
          resources: 'Lagerhelfer-Erfahrung, körperlich fit.',
          problems: 'Kein Staplerschein.',
          personView: 'Mit Staplerschein finde ich schnell Arbeit.',
          caseManagerView: 'Staplerschein über Bildungsgutschein, danach Vermittlung.',
        },
        {
          domainId: 'familyChildren',
          resources: 'Familie in Addis Abeba, Visaantrag gestellt.',
          problems: 'Wartezeit unklar.',
          personView: 'Das dauert noch ein Jahr.',
          caseManagerView: 'Erst bei Einreise relevant.',
        },
      ],
      wishesAndDreams: 'Mit Frau und Tochter in einer Wohnung leben und Lagerist sein.',
    }),
    step('2026-01-28T10:30:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-01-28', confirmedByIds: [id('person-1')], form: 'oral' },
    }),
    step('2026-01-28T10:40:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Vollzeitstelle in der Lagerlogistik',
      indicators: [{ description: 'Arbeitsvertrag', target: 'sozialversicherungspflichtig, Vollzeit' }],
      timeFrame: { from: '2026-02-01', until: '2026-06-30' },
      domainIds: ['workTraining'],
      wayOfLife: 'conform',
      agreement: { agreedByPerson: true, agreedOn: '2026-01-28', form: 'written' },
    }),
    step('2026-01-30T09:00:00.000Z', 'addMeasure', {
      title: 'Staplerschein (Bildungsgutschein)',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Logistik-Akademie Musterstadt' },
      legalDomain: 'SGB_II',
      costCarrier: 'Jobcenter Musterstadt',
      startOn: '2026-02-16',
      endOn: '2026-02-27',
      agreement: { agreed: true },
    }),
    step('2026-01-30T09:10:00.000Z', 'referToProvider', {
      measureId: id('measure-1'),
      provider: { name: 'Logistik-Akademie Musterstadt' },
      purpose: 'Staplerschein-Lehrgang Februar',
      feedback: { agreed: true, description: 'Bestätigung der Prüfung' },
    }),
    step('2026-02-27T15:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'completed',
      note: 'Prüfung bestanden.',
    }),
    step('2026-03-10T10:00:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-1') },
      judgement: 'onTrack',
      note: 'Zwei Vorstellungsgespräche.',
    }),
    step('2026-04-02T10:00:00.000Z', 'addPerson', {
      roles: ['partner', 'householdMember'],
      givenName: 'Selam',
      familyName: 'Tesfamariam',
      birthDate: '1998-05-20',
      gender: 'female',
      relationToAddressee: 'Ehefrau',
      languages: ['Tigrinya'],
      interpreter: { needed: true, language: 'Tigrinya', kind: 'volunteer' },
      inHousehold: true,
    }),
    step('2026-04-02T10:05:00.000Z', 'addPerson', {
      roles: ['child', 'householdMember'],
      givenName: 'Luwam',
      familyName: 'Gebremedhin',
      birthDate: '2022-09-09',
      gender: 'female',
      relationToAddressee: 'Tochter',
      inHousehold: true,
    }),
    step('2026-04-02T10:10:00.000Z', 'recordDeviation', {
      kind: 'situationChanged',
      description:
        'Ehefrau und Tochter unerwartet früh eingereist (28.03.); Jobangebot im Schichtdienst abgesagt, weil Kinderbetreuung fehlt.',
      relatesTo: { kind: 'goal', id: id('goal-1') },
      triggersReassessment: true,
      missingService: {
        description: 'Kita-Plätze für nachgezogene Kinder unter 4 Jahren ohne Wartezeit',
        serviceKind: 'Kindertagesbetreuung',
      },
    }),
    step('2026-04-02T10:20:00.000Z', 'startReassessment', {
      reason: 'Familiennachzug: neue Haushaltslage, Schichtarbeit nicht vereinbar.',
      deviationIds: [id('deviation-1')],
    }),
    step('2026-04-09T10:00:00.000Z', 'recordAssessment', {
      participantIds: [id('person-1'), id('person-2')],
      domains: [
        {
          domainId: 'workTraining',
          resources: 'Staplerschein vorhanden.',
          problems: 'Nur Tagschicht möglich, bis Kitaplatz gefunden.',
          personView: 'Ich nehme auch Teilzeit am Anfang.',
          caseManagerView: 'Tagschicht-Stellen gezielt suchen.',
        },
        {
          domainId: 'familyChildren',
          resources: 'Familie ist zusammen, Patin hilft.',
          problems: 'Kein Kitaplatz für Luwam (3), Frau Tesfamariam ohne Deutschkenntnisse.',
          personView: 'Meine Frau will schnell Deutsch lernen.',
          caseManagerView: 'Kita-Anmeldung, Integrationskurs mit Kinderbetreuung für Frau Tesfamariam.',
          subjectIds: [id('person-1'), id('person-2'), id('person-3')],
          thirdParty: true,
        },
        {
          domainId: 'housing',
          resources: 'Wohnberechtigungsschein beantragt.',
          problems: 'Einzimmerwohnung für drei Personen.',
          personView: 'Wir brauchen zwei Zimmer.',
          caseManagerView: 'Zustimmung Umzug durch Jobcenter vorab klären.',
        },
      ],
      wishesAndDreams:
        'Zusammen in einer Zweizimmerwohnung, ich arbeite, meine Frau lernt Deutsch, Luwam geht in die Kita.',
    }),
    step('2026-04-09T10:40:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-2'),
      confirmation: { confirmedOn: '2026-04-09', confirmedByIds: [id('person-1'), id('person-2')], form: 'oral' },
    }),
    step('2026-04-09T10:50:00.000Z', 'reviseGoal', {
      goalId: id('goal-1'),
      reason: 'Familiennachzug: nur Tagschicht möglich, Zeitraum verlängert.',
      changes: {
        title: 'Stelle in der Lagerlogistik in Tagschicht',
        timeFrame: { from: '2026-04-09', until: '2026-09-30' },
      },
      agreement: { agreedByPerson: true, agreedOn: '2026-04-09', form: 'written' },
    }),
    step('2026-04-09T11:00:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Kitaplatz für Luwam',
      indicators: [{ description: 'Betreuungsvertrag', target: 'mindestens 25 Std./Woche' }],
      timeFrame: { until: '2026-08-31' },
      domainIds: ['familyChildren'],
      wayOfLife: 'conform',
      assessmentId: id('assessment-2'),
      agreement: { agreedByPerson: true, agreedOn: '2026-04-09', form: 'written', participantIds: [id('person-2')] },
      subjectIds: [id('person-3')],
      thirdParty: true,
    }),
    step('2026-04-10T09:00:00.000Z', 'addMeasure', {
      title: 'Kita-Anmeldung über das Kita-Portal, Vormerkung Familienzentrum Nord',
      goalIds: [id('goal-2')],
      by: { kind: 'informalHelper', name: 'Frau Roth (Patin)' },
      legalDomain: 'SGB_VIII',
      startOn: '2026-04-10',
      agreement: { agreed: true },
      subjectIds: [id('person-3')],
    }),
    step('2026-05-12T10:00:00.000Z', 'judgeProgress', {
      target: { kind: 'measure', id: id('measure-2') },
      judgement: 'partly',
      note: 'Vormerkung bestätigt, Platz frühestens ab August.',
    }),
    step(
      '2026-05-12T10:05:00.000Z',
      'changeLeadAgency',
      {
        variant: 'municipalityCoversFurtherNeeds',
        to: G.jobcenter,
        legalDomain: 'SGB_II',
        effectiveFrom: '2026-05-12',
        reason: 'Kooperationsvereinbarung: Das Jobcenter übernimmt die Federführung für die Arbeitsmarktintegration.',
        continuingRole:
          'KIM begleitet die Familie weiter bei Kita, Wohnung und Sprachkurs (psychosoziale Betreuung nach § 16a SGB II im Auftrag).',
      },
      { reason: 'Federführung an das Jobcenter, KIM deckt weitere Bedarfe ab' },
    ),
    step('2026-05-12T10:10:00.000Z', 'scheduleFollowUp', {
      dueOn: '2026-06-15',
      subject: 'Kita-Zusage und Bewerbungen Tagschicht prüfen',
    }),
  ],
  expected: {
    stage: 'monitoring',
    status: 'open',
    leadAgencyId: G.jobcenter.agencyId,
    activeLegalDomains: ['AufenthG', 'SGB_II'],
    persons: 3,
    goals: 2,
    measures: 2,
    assessmentVersions: 2,
    openFollowUps: 1,
  },
};
