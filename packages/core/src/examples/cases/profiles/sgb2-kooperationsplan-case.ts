import { text } from '../../../i18n/localized-text.js';
import { SGB2_KOOPERATIONSPLAN as S } from '../../../process/standard/profiles/sgb2-kooperationsplan.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../../actors.js';
import { step, type ExampleCase } from '../../example-types.js';

const KEY = 'nowak';
const id = (local: string): string => `${KEY}-${local}`;

/**
 * Piotr Nowak, 41, warehouse worker out of work for two years: Potenzialanalyse, Kooperationsplan
 * (§ 15 SGB II) in text form, review after four months, job found, closed and evaluated.
 */
export const sgb2KooperationsplanCase: ExampleCase = {
  key: KEY,
  caseId: 'jc-2026-0701',
  title: text('Piotr Nowak: Kooperationsplan nach § 15 SGB II', 'Piotr Nowak: cooperation plan under § 15 SGB II'),
  summary: text(
    'Lagerarbeiter, zwei Jahre ohne Arbeit; Potenzialanalyse, Kooperationsplan, Staplerschein, Arbeitsaufnahme.',
    'Warehouse worker, two years out of work; potential analysis, cooperation plan, forklift licence, new job.',
  ),
  actor: A.jobcenterCaseManager,
  steps: [
    step('2026-01-12T09:00:00.000Z', 'openCase', {
      caseId: 'jc-2026-0701',
      label: 'JC-2026-0701',
      processStandard: { id: S.id, version: S.version },
      addressee: {
        roles: ['addressee'],
        givenName: 'Piotr',
        familyName: 'Nowak',
        birthDate: '1985-02-14',
        gender: 'male',
        languages: ['Polnisch', 'Deutsch'],
        inHousehold: true,
      },
      leadAgency: { ...G.jobcenter, legalDomain: 'SGB_II' },
      legalDomains: [{ domain: 'SGB_II', reason: 'Bürgergeld' }],
    }),
    step('2026-01-12T09:05:00.000Z', 'recordReferral', {
      referrer: { kind: 'self', name: 'Piotr Nowak' },
      referredOn: '2026-01-08',
      reason: 'Antrag auf Bürgergeld, Wunsch nach Unterstützung bei der Arbeitssuche.',
    }),
    step('2026-01-12T09:10:00.000Z', 'decideAdmission', {
      admitted: true,
      reasons: 'Fallmanagement nach § 14 SGB II: längere Arbeitslosigkeit, Rückenbeschwerden.',
    }),
    step('2026-01-19T10:00:00.000Z', 'recordFirstCounselling', {
      concernInOwnWords: 'Ich will wieder ins Lager, aber nicht mehr schwer heben.',
      firstPictureProblems: 'Rückenbeschwerden, keine Fahrerlaubnis für Stapler.',
      firstPictureResources: 'Zehn Jahre Lagererfahrung, zuverlässig, gute Deutschkenntnisse.',
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
    step('2026-01-26T10:00:00.000Z', 'recordAssessment', {
      domains: [
        {
          domainId: 'vocationalAbilities',
          resources: 'Lagerlogistik, Kommissionierung, Scanner-Systeme.',
          problems: 'Kein Staplerschein.',
          personView: 'Mit Staplerschein finde ich schnell etwas.',
          caseManagerView: 'Staplerschein öffnet körperlich leichtere Stellen.',
        },
        {
          domainId: 'hindrances',
          resources: '',
          problems: 'Rückenbeschwerden beim schweren Heben.',
          personView: 'Stapler fahren geht, Kisten schleppen nicht.',
          caseManagerView: 'Kein Rehabilitationsbedarf erkennbar; leichte Tätigkeit anstreben.',
        },
        {
          domainId: 'strengths',
          resources: 'Zuverlässig, pünktlich, Erfahrung im Schichtdienst.',
          problems: '',
          personView: 'Ich war nie krank.',
          caseManagerView: 'Gute Vermittlungschancen.',
        },
      ],
      wishesAndDreams: 'Eine feste Stelle im Lager mit Stapler, Frühschicht.',
    }),
    step('2026-01-26T10:30:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-01-26', confirmedByIds: [id('person-1')], form: 'oral' },
    }),
    step('2026-01-26T10:40:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Feste Stelle als Staplerfahrer',
      indicators: [{ description: 'Arbeitsvertrag unterschrieben', target: 'bis 31.07.2026' }],
      timeFrame: { from: '2026-01-26', until: '2026-07-20' },
      domainIds: ['vocationalAbilities', 'hindrances'],
      agreement: { agreedByPerson: true, agreedOn: '2026-01-26', form: 'written' },
    }),
    step('2026-01-26T10:50:00.000Z', 'addMeasure', {
      title: 'Staplerschein (Bildungsgutschein)',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Bildungswerk Musterstadt gGmbH' },
      legalDomain: 'SGB_II',
      costCarrier: 'Jobcenter Musterstadt',
      startOn: '2026-02-09',
      endOn: '2026-02-20',
      agreement: { agreed: true },
    }),
    step('2026-01-26T10:55:00.000Z', 'addMeasure', {
      title: 'Zwei Bewerbungen pro Woche auf Lagerstellen mit Stapler',
      goalIds: [id('goal-1')],
      by: { kind: 'person', name: 'Piotr Nowak', personId: id('person-1') },
      startOn: '2026-02-23',
      agreement: { agreed: true },
    }),
    step('2026-01-26T11:00:00.000Z', 'recordPlan', {
      participants: [
        { personId: id('person-1'), name: 'Piotr Nowak', role: 'Leistungsberechtigter' },
        { name: 'Murat Demir', role: 'Fallmanager Jobcenter' },
      ],
      personsOwnWords: 'Ich mache den Staplerschein und bewerbe mich jede Woche zweimal.',
      sections: [
        { itemId: 'servicesConsidered', text: 'Bildungsgutschein für den Staplerschein; Vermittlungsvorschläge.' },
        { itemId: 'ownEfforts', text: 'Zwei Bewerbungen pro Woche; Nachweis per Liste beim nächsten Termin.' },
        { itemId: 'languageCourseFirst', text: 'Nein: Deutschkenntnisse ausreichend (B2).' },
        { itemId: 'otherAgencies', text: 'Keine.' },
        { itemId: 'targetJobs', text: 'Staplerfahrer, Lagerlogistik, Kommissionierung.' },
        { itemId: 'rehabilitationNeed', text: 'Keiner erkennbar; körperlich leichte Tätigkeit.' },
      ],
      reviewOn: '2026-05-26',
    }),
    step('2026-02-23T09:00:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-1') },
      judgement: 'onTrack',
      note: 'Staplerschein bestanden.',
    }),
    step('2026-05-18T09:00:00.000Z', 'recordContact', {
      mode: 'inPerson',
      participantIds: [id('person-1')],
      reached: true,
      note: 'Zusage Logistikzentrum Nord ab 01.06.',
    }),
    step('2026-05-18T09:30:00.000Z', 'closeCase', {
      reason: 'goalsReached',
      goalAttainment: [{ goalId: id('goal-1'), attainment: 'achieved' }],
      continuedBy: 'Arbeitgeber Logistikzentrum Nord',
    }),
    step('2026-05-20T10:00:00.000Z', 'recordEvaluation', {
      planVersusGoals: 'Ziel erreicht; Kooperationsplan ohne Fortschreibung umgesetzt.',
      methods: 'Bildungsgutschein und Bewerbungsliste haben gereicht.',
      cooperation: 'Bildungswerk verlässlich.',
      effort: { contacts: 5, hours: 6 },
      satisfaction: { rating: 4, statement: 'Der Plan war klar, ich wusste immer, was als Nächstes kommt.' },
    }),
  ],
  expected: {
    stage: 'closed',
    status: 'closed',
    leadAgencyId: G.jobcenter.agencyId,
    activeLegalDomains: ['SGB_II'],
    persons: 1,
    goals: 1,
    measures: 2,
    assessmentVersions: 1,
    openFollowUps: 0,
  },
};
