import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'wagner';
const id = (local: string): string => `${KEY}-${local}`;
const cm = A.sozialamtCaseManager;

/**
 * Gertrud Wagner, 79, receives basic income support in old age (SGB XII) and long-term care
 * benefits (SGB XI); a professional legal guardian acts for health, finances, housing and dealings
 * with authorities; her presumed will on staying at home was asked of her daughter. The care at home
 * is arranged, readiness signs are observed, the case closes with goals reached and an evaluation.
 */
export const olderPersonWithGuardian: ExampleCase = {
  key: KEY,
  caseId: 'soz-2026-0042',
  title: text(
    'Gertrud Wagner: Grundsicherung im Alter mit rechtlicher Betreuung',
    'Gertrud Wagner: old-age income support with a legal guardian',
  ),
  summary: text(
    'Ältere Frau mit Betreuer, Versorgung zu Hause (Pflegedienst, Hausnotruf, Nachbarschaftshilfe), Abschluss mit Auswertung.',
    'Older woman with a legal guardian, care at home (nursing service, emergency call, neighbourly help), closed with an evaluation.',
  ),
  actor: cm,
  steps: [
    step('2026-01-05T09:00:00.000Z', 'openCase', {
      caseId: 'soz-2026-0042',
      label: 'SOZ-2026-0042',
      addressee: {
        roles: ['addressee'],
        givenName: 'Gertrud',
        familyName: 'Wagner',
        birthDate: '1946-07-15',
        gender: 'female',
        languages: ['Deutsch'],
        contact: { phone: '05555 000042', address: 'Am Markt 9, 3. OG, 12345 Musterstadt' },
        presumedWill: {
          statement: 'Frau Wagner hat immer gesagt, sie wolle „in ihrer Wohnung bleiben, solange es irgendwie geht“.',
          askedOf: 'Karin Wagner-Schmidt (Tochter)',
          recordedOn: '2026-01-05',
        },
      },
      leadAgency: { ...G.sozialamt, legalDomain: 'SGB_XII' },
      legalDomains: [
        { domain: 'SGB_XII', reason: 'Grundsicherung im Alter (4. Kapitel SGB XII)' },
        { domain: 'SGB_XI', reason: 'Pflegegrad 2' },
      ],
    }),
    step('2026-01-05T09:05:00.000Z', 'addPerson', {
      roles: ['legalGuardian'],
      givenName: 'Thomas',
      familyName: 'Berger',
      relationToAddressee: 'Berufsbetreuer',
      contact: { phone: '05555 000043', email: 'betreuung.berger@example.org' },
      representations: [
        {
          kind: 'legalGuardian',
          forPersonId: id('person-1'),
          scope: ['health', 'finances', 'housing', 'authorities'],
          consentReservation: false,
          from: '2025-11-03',
          courtReference: 'AG Musterstadt 12 XVII 345/25',
        },
      ],
      thirdParty: false,
    }),
    step('2026-01-05T09:10:00.000Z', 'addPerson', {
      roles: ['relative', 'informalHelper'],
      givenName: 'Karin',
      familyName: 'Wagner-Schmidt',
      relationToAddressee: 'Tochter',
      note: 'Wohnt 200 km entfernt, telefoniert täglich.',
    }),
    step('2026-01-05T09:15:00.000Z', 'recordReferral', {
      referrer: { kind: 'agency', name: 'Sozialdienst St.-Marien-Krankenhaus Musterstadt' },
      referredOn: '2025-12-29',
      reason: 'Entlassung nach Sturz; Versorgung zu Hause ungeklärt, Wohnung im 3. OG ohne Aufzug.',
    }),
    step('2026-01-05T09:20:00.000Z', 'checkCasefindingCriteria', {
      criteria: [
        { criterionId: 'multipleProblems', met: true },
        {
          criterionId: 'manyActors',
          met: true,
          explanation: 'Betreuer, Pflegekasse, Pflegedienst, Hausarzt, Vermieter.',
        },
        { criterionId: 'highCoordinationNeed', met: true },
        { criterionId: 'crossesResponsibilities', met: true, explanation: 'SGB XII und SGB XI.' },
        { criterionId: 'environmentOverwhelmedOrAbsent', met: true },
      ],
      complexNeeds: true,
    }),
    step('2026-01-05T09:25:00.000Z', 'decideAdmission', {
      admitted: true,
      reasons: 'Komplexe Versorgungslage nach Krankenhausentlassung.',
    }),
    step('2026-01-08T10:00:00.000Z', 'recordFirstCounselling', {
      participantIds: [id('person-1'), id('person-2')],
      concernInOwnWords: 'Ich will nicht ins Heim.',
      firstPictureProblems: 'Sturzgefahr, Treppen, Vergesslichkeit, Einkauf nicht möglich.',
      firstPictureResources: 'Nachbarin hilft, Tochter ruft täglich an, Betreuer engagiert.',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'partial',
      barriers: ['cognition', 'health'],
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: true, note: 'Mit Frau Wagner und Herrn Berger (Betreuer) vereinbart.' },
      decision: { kind: 'assessment' },
    }),
    step('2026-01-15T10:00:00.000Z', 'recordAssessment', {
      participantIds: [id('person-1'), id('person-2'), id('person-3')],
      domains: [
        {
          domainId: 'housing',
          resources: 'Günstige Miete, seit 40 Jahren im Haus.',
          problems: '3. OG ohne Aufzug, Badewanne statt Dusche.',
          personView: 'Die Treppe schaffe ich schon.',
          caseManagerView: 'Wohnraumanpassung (Dusche, Haltegriffe) nötig.',
          agreedInterpretation: 'Verbleib in der Wohnung mit Anpassung und Hilfen.',
        },
        {
          domainId: 'health',
          resources: 'Hausarzt macht Hausbesuche.',
          problems: 'Sturz mit Hüftprellung; beginnende Demenz laut Entlassbericht.',
          personView: 'Ich bin nur manchmal durcheinander.',
          caseManagerView: 'Pflegedienst zur Medikamentengabe.',
          categories: ['health'],
          professionalSecret: true,
          origin: 'secretHolder',
        },
        {
          domainId: 'dailyLiving',
          resources: 'Kocht noch selbst.',
          problems: 'Einkaufen und Wäsche nicht möglich.',
          personView: 'Frau Öztürk von nebenan hilft mir.',
          caseManagerView: 'Nachbarschaftshilfe über Entlastungsbetrag absichern.',
        },
        {
          domainId: 'financesDebts',
          resources: 'Kleine Witwenrente, Grundsicherung bewilligt.',
          problems: 'Eigenanteil Wohnraumanpassung offen.',
          personView: '',
          caseManagerView: 'Zuschuss Pflegekasse § 40 SGB XI beantragen.',
        },
      ],
      wishesAndDreams: 'In der eigenen Wohnung bleiben und sonntags wieder in den Seniorentreff gehen.',
    }),
    step('2026-01-16T10:00:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-01-16', confirmedByIds: [id('person-1'), id('person-2')], form: 'written' },
    }),
    step('2026-01-16T10:10:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Sicher in der eigenen Wohnung leben',
      indicators: [
        { description: 'Keine weiteren Stürze', target: '0 in 3 Monaten' },
        { description: 'Dusche umgebaut' },
      ],
      timeFrame: { from: '2026-01-16', until: '2026-05-31' },
      domainIds: ['housing', 'health', 'dailyLiving'],
      wayOfLife: 'conform',
      agreement: { agreedByPerson: true, agreedOn: '2026-01-16', form: 'written', participantIds: [id('person-2')] },
    }),
    step('2026-01-19T09:00:00.000Z', 'addMeasure', {
      title: 'Pflegedienst: Medikamentengabe und Grundpflege',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Ambulanter Pflegedienst Sonnenschein' },
      legalDomain: 'SGB_XI',
      costCarrier: 'Pflegekasse (Pflegesachleistung)',
      startOn: '2026-01-20',
      agreement: { agreed: true },
    }),
    step('2026-01-19T09:10:00.000Z', 'addMeasure', {
      title: 'Hausnotruf',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Hausnotruf Malteser Musterstadt' },
      legalDomain: 'SGB_XI',
      costCarrier: 'Pflegekasse (Pflegehilfsmittel)',
      startOn: '2026-01-22',
      dependsOn: [{ measureId: id('measure-1'), kind: 'parallel' }],
      agreement: { agreed: true },
    }),
    step('2026-01-19T09:20:00.000Z', 'addMeasure', {
      title: 'Einkauf und Wäsche durch Nachbarin Frau Öztürk',
      goalIds: [id('goal-1')],
      by: { kind: 'informalHelper', name: 'Frau Öztürk (Nachbarin)' },
      costCarrier: 'Entlastungsbetrag § 45b SGB XI',
      startOn: '2026-01-20',
      agreement: { agreed: true },
    }),
    step('2026-01-19T09:30:00.000Z', 'addMeasure', {
      title: 'Wohnraumanpassung: bodengleiche Dusche und Haltegriffe',
      goalIds: [id('goal-1')],
      by: { kind: 'partnerAgency', name: G.pflegestuetzpunkt.name, agencyId: G.pflegestuetzpunkt.agencyId },
      legalDomain: 'SGB_XI',
      costCarrier: 'Pflegekasse (§ 40 Abs. 4 SGB XI), Eigenanteil über SGB XII',
      startOn: '2026-02-01',
      endOn: '2026-04-30',
      agreement: { agreed: true },
    }),
    step('2026-01-19T09:40:00.000Z', 'referToProvider', {
      measureId: id('measure-4'),
      provider: {
        name: G.pflegestuetzpunkt.name,
        agencyId: G.pflegestuetzpunkt.agencyId,
        contactPerson: 'Frau Dietrich',
      },
      purpose: 'Wohnberatung und Antrag Wohnraumanpassung',
      modalities: 'Antrag durch Betreuer Herrn Berger; Termin vor Ort.',
      feedback: {
        agreed: true,
        description: 'Rückmeldung nach Hausbesuch und nach Umbau',
        nextFeedbackOn: '2026-02-15',
      },
    }),
    step('2026-01-26T09:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'accepted',
    }),
    step('2026-02-10T09:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'started',
      note: 'Hausbesuch erfolgt, Antrag gestellt.',
    }),
    step('2026-03-02T11:00:00.000Z', 'recordContact', {
      mode: 'homeVisit',
      participantIds: [id('person-1')],
      note: 'Frau Wagner wirkt sicherer, Pflegedienst kommt zuverlässig.',
    }),
    step('2026-04-28T11:00:00.000Z', 'updateReferralStatus', {
      providerReferralId: id('provider-referral-1'),
      status: 'completed',
      note: 'Dusche umgebaut.',
    }),
    step('2026-04-28T11:10:00.000Z', 'updateMeasure', { measureId: id('measure-4'), changes: { status: 'completed' } }),
    step('2026-05-05T10:00:00.000Z', 'recordContact', {
      mode: 'phone',
      note: 'Frau Wagner möchte nur noch monatlich telefonieren; organisiert Seniorentreff selbst.',
    }),
    step('2026-05-05T10:10:00.000Z', 'recordReadinessSigns', {
      signs: ['prefersPhoneToMeetings', 'wantsLessFrequentContact', 'makesAppointmentsAlone', 'supportedByOwnNetwork'],
      note: 'Nachbarin, Tochter und Pflegedienst tragen die Versorgung.',
    }),
    step('2026-05-12T10:00:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-1') },
      judgement: 'achieved',
      note: 'Kein Sturz seit Januar, Dusche umgebaut.',
    }),
    step('2026-05-29T10:00:00.000Z', 'closeCase', {
      reason: 'goalsReached',
      readinessSigns: [
        'prefersPhoneToMeetings',
        'wantsLessFrequentContact',
        'makesAppointmentsAlone',
        'supportedByOwnNetwork',
      ],
      goalAttainment: [{ goalId: id('goal-1'), attainment: 'achieved' }],
      continuedBy: 'Betreuer Herr Berger und Pflegedienst Sonnenschein',
    }),
    step('2026-05-29T10:30:00.000Z', 'recordEvaluation', {
      planVersusGoals: 'Alle Maßnahmen umgesetzt; Ziel erreicht.',
      methods: 'Hausbesuche und Absprachen mit dem Betreuer haben sich bewährt.',
      cooperation: 'Pflegestützpunkt schnell und verlässlich; Pflegekasse brauchte acht Wochen für den Bescheid.',
      effort: { contacts: 14, hours: 22.5 },
      satisfaction: {
        rating: 5,
        statement: '„Jetzt kann ich wieder duschen, ohne Angst zu haben.“',
        laterSurveyPlanned: false,
      },
      providerFeedback: [
        {
          provider: G.pflegestuetzpunkt.name,
          providerReferralId: id('provider-referral-1'),
          positive: 'Schnelle Wohnberatung vor Ort.',
        },
        { provider: 'Pflegekasse', negative: 'Lange Bearbeitungszeit des Zuschusses.' },
      ],
    }),
  ],
  expected: {
    stage: 'closed',
    status: 'closed',
    leadAgencyId: G.sozialamt.agencyId,
    activeLegalDomains: ['SGB_XI', 'SGB_XII'],
    persons: 3,
    goals: 1,
    measures: 4,
    assessmentVersions: 1,
    openFollowUps: 0,
  },
};
