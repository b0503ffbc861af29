import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'bondarenko';
const id = (local: string): string => `${KEY}-${local}`;
const cm = A.jobcenterCaseManager;

/**
 * Olena Bondarenko, teacher from Kharkiv with a residence permit under § 24 AufenthG: recognition of
 * her degree is planned, then she no longer answers; after repeated attempts the case is closed for
 * lost contact.
 */
export const contactLost: ExampleCase = {
  key: KEY,
  caseId: 'jc-2026-0311',
  title: text('Olena Bondarenko: Kontakt abgebrochen', 'Olena Bondarenko: contact lost'),
  summary: text(
    'Anerkennung als Lehrerin geplant; nach mehreren erfolglosen Kontaktversuchen Abschluss wegen Kontaktabbruchs.',
    'Recognition as a teacher planned; after several failed attempts to reach her, closed for lost contact.',
  ),
  actor: cm,
  steps: [
    step('2026-01-19T09:00:00.000Z', 'openCase', {
      caseId: 'jc-2026-0311',
      label: 'JC-2026-0311',
      addressee: {
        roles: ['addressee'],
        givenName: 'Olena',
        familyName: 'Bondarenko',
        birthDate: '1989-03-08',
        gender: 'female',
        languages: ['Ukrainisch', 'Russisch', 'Englisch'],
        interpreter: { needed: true, language: 'Ukrainisch', kind: 'video', arranged: true },
      },
      leadAgency: { ...G.jobcenter, legalDomain: 'SGB_II' },
      legalDomains: [{ domain: 'SGB_II' }, { domain: 'AufenthG', reason: 'Aufenthaltserlaubnis § 24 AufenthG' }],
    }),
    step('2026-01-19T09:05:00.000Z', 'recordResidenceStatus', {
      status: 'aufenthaltserlaubnis',
      legalGround: '§ 24 AufenthG',
      from: '2022-04-11',
      validUntil: '2027-03-04',
    }),
    step('2026-01-19T09:10:00.000Z', 'recordReferral', {
      referrer: { kind: 'agency', name: 'Arbeitsvermittlung Jobcenter Musterstadt', agencyId: G.jobcenter.agencyId },
      referredOn: '2026-01-14',
      reason: 'Berufsanerkennung, Kinderbetreuung und Sprachkurs müssen abgestimmt werden.',
    }),
    step('2026-01-19T09:15:00.000Z', 'checkCasefindingCriteria', {
      criteria: [
        { criterionId: 'multipleProblems', met: true },
        { criterionId: 'manyActors', met: true },
        { criterionId: 'highCoordinationNeed', met: true },
        { criterionId: 'crossesResponsibilities', met: true },
      ],
      complexNeeds: true,
    }),
    step('2026-01-19T09:20:00.000Z', 'decideAdmission', { admitted: true, reasons: 'Kriterien erfüllt.' }),
    step('2026-01-26T10:00:00.000Z', 'recordFirstCounselling', {
      interpreterUsed: true,
      concernInOwnWords: 'Ich möchte wieder als Lehrerin arbeiten.',
      firstPictureProblems: 'Abschluss nicht anerkannt, Deutsch B1, Tochter ohne Kitaplatz.',
      firstPictureResources: 'Hochschulabschluss Pädagogik, 10 Jahre Berufserfahrung.',
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
    step('2026-02-09T10:00:00.000Z', 'recordAssessment', {
      domains: [
        {
          domainId: 'workTraining',
          resources: 'Hochschulabschluss, Englisch fließend.',
          problems: 'Anerkennung ausstehend.',
          personView: 'Ich will nicht putzen gehen.',
          caseManagerView: 'Anerkennungsberatung IQ-Netzwerk, parallel Deutsch C1.',
        },
        {
          domainId: 'language',
          resources: 'B1 Zertifikat.',
          problems: 'Für Schuldienst C1 nötig.',
          personView: 'Ich lerne jeden Abend.',
          caseManagerView: 'Berufssprachkurs C1.',
        },
      ],
      wishesAndDreams: 'Wieder unterrichten, vielleicht Ukrainisch als Herkunftssprache an einer Schule.',
    }),
    step('2026-02-09T10:30:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-02-09', confirmedByIds: [id('person-1')], form: 'oral' },
    }),
    step('2026-02-09T10:40:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Anerkennung des Lehramtsabschlusses beantragen',
      indicators: [{ description: 'Antrag bei der Bezirksregierung gestellt' }],
      timeFrame: { until: '2026-06-30' },
      domainIds: ['workTraining', 'language'],
      wayOfLife: 'conform',
      agreement: { agreedByPerson: true, agreedOn: '2026-02-09', form: 'written' },
    }),
    step('2026-02-11T09:00:00.000Z', 'addMeasure', {
      title: 'Anerkennungsberatung IQ Netzwerk',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'IQ Anerkennungsberatung Musterstadt' },
      legalDomain: 'SGB_II',
      startOn: '2026-03-01',
      agreement: { agreed: true },
    }),
    step('2026-02-11T09:10:00.000Z', 'referToProvider', {
      measureId: id('measure-1'),
      provider: { name: 'IQ Anerkennungsberatung Musterstadt' },
      purpose: 'Beratung zur Anerkennung Lehramt',
      feedback: { agreed: true, description: 'Rückmeldung nach Erstberatung', nextFeedbackOn: '2026-03-15' },
    }),
    step('2026-03-16T09:00:00.000Z', 'recordContact', {
      mode: 'phone',
      reached: false,
      note: 'Nicht erreicht, Mailbox.',
    }),
    step('2026-03-16T09:05:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'interrupted',
      note: 'IQ meldet: Termin nicht wahrgenommen.',
    }),
    step('2026-03-23T09:00:00.000Z', 'recordContact', {
      mode: 'letter',
      reached: false,
      note: 'Einladung per Brief zum 30.03.',
    }),
    step('2026-03-23T09:05:00.000Z', 'scheduleFollowUp', {
      dueOn: '2026-03-30',
      subject: 'Termin Frau Bondarenko, sonst erneuter Kontaktversuch',
    }),
    step('2026-03-30T11:00:00.000Z', 'completeFollowUp', {
      followUpId: id('follow-up-1'),
      outcome: 'Nicht erschienen.',
    }),
    step('2026-03-30T11:10:00.000Z', 'recordDeviation', {
      kind: 'contactBroken',
      description: 'Drei Kontaktversuche ohne Antwort; Nachbarin berichtet von Rückkehr in die Ukraine.',
      triggersReassessment: false,
    }),
    step('2026-04-27T09:00:00.000Z', 'recordContact', {
      mode: 'email',
      reached: false,
      note: 'Letzte Nachricht per E-Mail, keine Antwort.',
    }),
    step('2026-05-04T09:00:00.000Z', 'closeCase', {
      reason: 'contactLost',
      reasonNote: 'Seit sieben Wochen kein Kontakt; vermutlich Rückkehr in die Ukraine.',
      goalAttainment: [{ goalId: id('goal-1'), attainment: 'notAchieved', note: 'Antrag nicht gestellt.' }],
    }),
  ],
  expected: {
    stage: 'closed',
    status: 'closed',
    leadAgencyId: G.jobcenter.agencyId,
    activeLegalDomains: ['AufenthG', 'SGB_II'],
    persons: 1,
    goals: 1,
    measures: 1,
    assessmentVersions: 1,
    openFollowUps: 0,
  },
};
