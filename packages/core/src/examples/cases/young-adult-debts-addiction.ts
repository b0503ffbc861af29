import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'schulte';
const id = (local: string): string => `${KEY}-${local}`;
const cm = A.jobcenterCaseManager2;

/**
 * Kevin Schulte, 23: debts, cannabis and alcohol use, no vocational training; Jobcenter case
 * management under § 16a SGB II with debt and addiction counselling, a crisis (power cut announced)
 * and a case conference. In monitoring.
 */
export const youngAdultDebtsAddiction: ExampleCase = {
  key: KEY,
  caseId: 'jc-2026-0417',
  title: text('Kevin Schulte: Schulden und Sucht', 'Kevin Schulte: debts and addiction'),
  summary: text(
    'Junger Erwachsener mit Schulden und Suchtproblematik; Schuldnerberatung mit Wartezeit, Suchtberatung, Fallkonferenz.',
    'Young adult with debts and substance use; debt counselling with a waiting list, addiction counselling, case conference.',
  ),
  actor: cm,
  steps: [
    step('2026-02-02T08:30:00.000Z', 'openCase', {
      caseId: 'jc-2026-0417',
      label: 'JC-2026-0417',
      addressee: {
        roles: ['addressee'],
        givenName: 'Kevin',
        familyName: 'Schulte',
        birthDate: '2002-08-19',
        gender: 'male',
        languages: ['Deutsch'],
        contact: { phone: '0160 00000417', address: 'Bahnhofstraße 12, 12345 Musterstadt' },
      },
      leadAgency: { ...G.jobcenter, legalDomain: 'SGB_II' },
      legalDomains: [{ domain: 'SGB_II', reason: 'Bürgergeld, U25-Team' }],
    }),
    step('2026-02-02T08:40:00.000Z', 'addPerson', {
      roles: ['relative', 'informalHelper'],
      givenName: 'Birgit',
      familyName: 'Schulte',
      relationToAddressee: 'Mutter',
      note: 'Unterstützt bei Post und Terminen, wohnt in Musterstadt-Nord.',
    }),
    step('2026-02-02T08:45:00.000Z', 'recordReferral', {
      referrer: {
        kind: 'agency',
        name: 'Arbeitsvermittlung Jobcenter Musterstadt, Team U25',
        agencyId: G.jobcenter.agencyId,
      },
      referredOn: '2026-01-28',
      reason:
        'Mehrfach Termine versäumt, Mietrückstände, Hinweise auf Suchtmittelkonsum; Vermittlung in Ausbildung gescheitert.',
    }),
    step('2026-02-02T09:00:00.000Z', 'checkCasefindingCriteria', {
      criteria: [
        { criterionId: 'multipleProblems', met: true },
        { criterionId: 'manyActors', met: true },
        { criterionId: 'highCoordinationNeed', met: true },
        { criterionId: 'crossesResponsibilities', met: true, explanation: 'SGB II, SGB V (Suchthilfe), Vermieter.' },
        { criterionId: 'standardServicesInsufficient', met: true },
        { criterionId: 'environmentOverwhelmedOrAbsent', met: true, explanation: 'Mutter überfordert.' },
        { criterionId: 'courseHardToForesee', met: true },
        { criterionId: 'incalculableInteractions', met: true },
      ],
      complexNeeds: true,
    }),
    step('2026-02-02T09:05:00.000Z', 'decideAdmission', {
      admitted: true,
      reasons: 'Alle Fallauswahlkriterien erfüllt.',
    }),
    step('2026-02-04T13:00:00.000Z', 'flagCrisis', {
      description: 'Stromsperre zum 10.02. angekündigt (Rückstand 480 €).',
      immediateHelp: 'Darlehen nach § 24 SGB II geprüft, Ratenvereinbarung mit Stadtwerken vermittelt.',
      categories: ['debts'],
    }),
    step('2026-02-06T10:00:00.000Z', 'resolveCrisis', {
      crisisId: id('crisis-1'),
      resolution: 'Ratenvereinbarung mit den Stadtwerken, Sperre abgewendet.',
    }),
    step('2026-02-09T10:00:00.000Z', 'recordFirstCounselling', {
      participantIds: [id('person-1'), id('person-2')],
      concernInOwnWords: 'Ich will, dass die Briefe aufhören und ich endlich eine Ausbildung mache.',
      firstPictureProblems:
        'Schulden ca. 14.300 € (Handyverträge, Inkasso, Mietrückstand), täglicher Cannabiskonsum, kein Berufsabschluss.',
      firstPictureResources:
        'Hauptschulabschluss, Praktikum im Garten- und Landschaftsbau positiv, Mutter unterstützt.',
      motivation: { level: 'partial', note: 'Will Schulden loswerden, Konsum sieht er als kein Problem.' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'partial',
      barriers: ['health', 'fear'],
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true },
      decision: { kind: 'assessment' },
    }),
    step('2026-02-23T10:00:00.000Z', 'recordAssessment', {
      domains: [
        {
          domainId: 'financesDebts',
          resources: 'Regelmäßiges Einkommen (Bürgergeld), Mutter hilft beim Sortieren der Post.',
          problems: '23 Gläubiger, Gesamtschulden ca. 14.300 €, Mietrückstand 1.150 €.',
          personView: 'Ich habe den Überblick verloren.',
          caseManagerView: 'Überschuldung; Insolvenzverfahren perspektivisch möglich.',
          agreedInterpretation: 'Schuldnerberatung vorrangig, Mietrückstand zuerst sichern.',
          rating: { scaleId: 'need-1-5', value: 5 },
        },
        {
          domainId: 'health',
          resources: 'Hausarzt bekannt.',
          problems: 'Täglicher Cannabis- und regelmäßiger Alkoholkonsum; Schlafprobleme.',
          personView: 'Kiffen beruhigt mich, das ist nicht das Problem.',
          caseManagerView: 'Konsum verhindert Termintreue und Ausbildung.',
          dissent: 'Herr Schulte sieht keinen Zusammenhang zwischen Konsum und verpassten Terminen.',
          categories: ['health', 'addiction'],
          rating: { scaleId: 'need-1-5', value: 4 },
        },
        {
          domainId: 'workTraining',
          resources: 'Praktikum GaLaBau gelobt.',
          problems: 'Zwei abgebrochene Ausbildungen.',
          personView: 'Draußen arbeiten wäre gut.',
          caseManagerView: 'Einstiegsqualifizierung GaLaBau als Brücke.',
          rating: { scaleId: 'need-1-5', value: 3 },
        },
        {
          domainId: 'housing',
          resources: 'Eigene Wohnung.',
          problems: 'Kündigung angedroht wegen Mietrückstand.',
          personView: 'Die Wohnung will ich nicht verlieren.',
          caseManagerView: 'Mietschuldenübernahme nach § 22 Abs. 8 SGB II prüfen.',
        },
      ],
      wishesAndDreams: 'Schuldenfrei sein, Landschaftsgärtner werden, irgendwann ein eigenes Auto.',
    }),
    step('2026-02-23T11:00:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-02-23', confirmedByIds: [id('person-1')], form: 'oral' },
    }),
    step('2026-02-23T11:10:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Schuldenregulierung beginnen, Wohnung sichern',
      indicators: [
        { description: 'Mietrückstand ausgeglichen', target: '0 €' },
        { description: 'Erstgespräch Schuldnerberatung' },
      ],
      timeFrame: { from: '2026-02-23', until: '2026-08-31' },
      domainIds: ['financesDebts', 'housing'],
      wayOfLife: 'discrepant',
      agreement: { agreedByPerson: true, agreedOn: '2026-02-23', form: 'signedIntegrationAgreement' },
    }),
    step('2026-02-23T11:20:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Regelmäßige Gespräche in der Suchtberatung',
      indicators: [{ description: 'Teilnahme an Beratungsgesprächen', target: '2 pro Monat' }],
      timeFrame: { until: '2026-09-30' },
      domainIds: ['health'],
      wayOfLife: 'contrary',
      agreement: {
        agreedByPerson: true,
        agreedOn: '2026-02-23',
        form: 'signedIntegrationAgreement',
        dissent: 'Herr Schulte stimmt zu, „um es auszuprobieren“, Abstinenz lehnt er ab.',
      },
      categories: ['goals', 'addiction'],
    }),
    step('2026-02-23T11:30:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Einstiegsqualifizierung im Garten- und Landschaftsbau',
      indicators: [{ description: 'EQ-Vertrag unterschrieben' }],
      timeFrame: { from: '2026-08-01', until: '2027-07-31' },
      domainIds: ['workTraining'],
      wayOfLife: 'conform',
      agreement: { agreedByPerson: true, agreedOn: '2026-02-23', form: 'signedIntegrationAgreement' },
    }),
    step('2026-02-25T09:00:00.000Z', 'addMeasure', {
      title: 'Schuldner- und Insolvenzberatung',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: G.schuldnerberatung.name, agencyId: G.schuldnerberatung.agencyId },
      legalDomain: 'SGB_II',
      costCarrier: 'Jobcenter Musterstadt (§ 16a Nr. 2 SGB II)',
      startOn: '2026-03-01',
      agreement: { agreed: true },
    }),
    step('2026-02-25T09:10:00.000Z', 'addMeasure', {
      title: 'Ambulante Suchtberatung',
      goalIds: [id('goal-2')],
      by: { kind: 'formalProvider', name: G.suchtberatung.name, agencyId: G.suchtberatung.agencyId },
      legalDomain: 'SGB_II',
      costCarrier: 'Jobcenter Musterstadt (§ 16a Nr. 4 SGB II)',
      startOn: '2026-03-01',
      dependsOn: [{ measureId: id('measure-1'), kind: 'parallel' }],
      agreement: { agreed: true, personPosition: 'Nur Beratung, keine Therapie.' },
      categories: ['measures', 'addiction'],
    }),
    step('2026-02-25T09:20:00.000Z', 'addMeasure', {
      title: 'Einstiegsqualifizierung GaLaBau Grünwerk GmbH',
      goalIds: [id('goal-3')],
      by: { kind: 'formalProvider', name: 'Grünwerk Garten- und Landschaftsbau GmbH' },
      legalDomain: 'SGB_III',
      costCarrier: 'Agentur für Arbeit Musterstadt',
      startOn: '2026-08-01',
      endOn: '2027-07-31',
      dependsOn: [{ measureId: id('measure-2'), kind: 'after' }],
      agreement: { agreed: true },
    }),
    step('2026-02-26T09:00:00.000Z', 'referToProvider', {
      measureId: id('measure-1'),
      provider: { name: G.schuldnerberatung.name, agencyId: G.schuldnerberatung.agencyId },
      purpose: 'Schuldnerberatung mit Priorität Mietrückstand',
      feedback: {
        agreed: true,
        description: 'Rückmeldung bei Beginn und nach Erstellung des Schuldenplans',
        nextFeedbackOn: '2026-04-30',
      },
      categories: ['debts'],
    }),
    step('2026-03-02T09:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'waiting',
      note: 'Wartezeit ca. 8 Wochen; Mietrückstand wird vorab durch Jobcenter-Darlehen gesichert.',
    }),
    step('2026-03-02T09:10:00.000Z', 'referToProvider', {
      measureId: id('measure-2'),
      provider: { name: G.suchtberatung.name, agencyId: G.suchtberatung.agencyId, contactPerson: 'Herr Vogt' },
      purpose: 'Motivierende Gespräche zum Konsum',
      feedback: {
        agreed: true,
        description: 'Nur Teilnahme ja/nein, keine Inhalte',
        intervalDays: 30,
        nextFeedbackOn: '2026-04-01',
      },
      categories: ['measures', 'addiction'],
    }),
    step('2026-03-05T09:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-2'),
      status: 'started',
    }),
    step('2026-04-20T14:00:00.000Z', 'holdCaseConference', {
      participants: [
        { name: cm.name, agencyId: cm.agencyId, role: 'Fallmanagerin' },
        { name: 'Herr Vogt', agencyId: G.suchtberatung.agencyId, role: 'Suchtberater' },
        { name: 'Frau Ebert', agencyId: G.schuldnerberatung.agencyId, role: 'Schuldnerberaterin' },
        { name: 'Kevin Schulte', personId: id('person-1') },
      ],
      topic: 'Abstimmung Reihenfolge Schuldnerberatung / Suchtberatung / EQ',
      decisions: ['Schuldnerberatung beginnt am 04.05.', 'EQ-Bewerbung erst nach drei Monaten stabiler Termintreue'],
      nextConferenceOn: '2026-07-15',
    }),
    step('2026-04-20T15:00:00.000Z', 'recordDeviation', {
      kind: 'plannedChangeNotHappening',
      description: 'Zwei Termine der Suchtberatung im April versäumt.',
      relatesTo: { kind: 'measure', id: id('measure-2') },
      triggersReassessment: false,
      categories: ['notes', 'addiction'],
    }),
    step('2026-04-20T15:10:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-1') },
      judgement: 'partly',
      note: 'Mietrückstand ausgeglichen, Schuldnerberatung noch nicht begonnen.',
    }),
    step('2026-04-20T15:20:00.000Z', 'scheduleFollowUp', {
      dueOn: '2026-05-18',
      subject: 'Beginn Schuldnerberatung und Termintreue Suchtberatung prüfen',
      relatesTo: { kind: 'goal', id: id('goal-2') },
    }),
  ],
  expected: {
    stage: 'monitoring',
    status: 'open',
    leadAgencyId: G.jobcenter.agencyId,
    activeLegalDomains: ['SGB_II'],
    persons: 2,
    goals: 3,
    measures: 3,
    assessmentVersions: 1,
    openFollowUps: 1,
  },
};
