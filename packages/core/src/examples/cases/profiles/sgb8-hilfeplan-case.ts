import { text } from '../../../i18n/localized-text.js';
import { SGB8_HILFEPLAN as S } from '../../../process/standard/profiles/sgb8-hilfeplan.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../../actors.js';
import { step, type ExampleCase } from '../../example-types.js';

const KEY = 'berisha';
const id = (local: string): string => `${KEY}-${local}`;

/**
 * Jana Berisha, 15, lives in a youth residential group (§ 34 SGB VIII) after conflicts at home; she
 * refuses the structured questionnaire, so the assessment is narrative. Hilfeplan with mother,
 * Jana and the group's key worker, the perspective (§ 37c) documented; return home, closed.
 */
export const sgb8HilfeplanCase: ExampleCase = {
  key: KEY,
  caseId: 'ja-2026-0815',
  title: text('Jana Berisha: Hilfeplan nach § 36 SGB VIII', 'Jana Berisha: help plan under § 36 SGB VIII'),
  summary: text(
    'Jugendliche in einer Wohngruppe (§ 34), narratives Assessment, Hilfeplan mit Perspektivklärung (§ 37c), Rückkehr nach Hause.',
    'Young person in a residential group (§ 34), narrative assessment, help plan with the perspective (§ 37c), return home.',
  ),
  actor: A.jugendamtCaseManager,
  steps: [
    step('2026-02-02T09:00:00.000Z', 'openCase', {
      caseId: 'ja-2026-0815',
      label: 'JA-2026-0815',
      processStandard: { id: S.id, version: S.version },
      addressee: {
        roles: ['addressee', 'child'],
        givenName: 'Jana',
        familyName: 'Berisha',
        birthDate: '2010-09-03',
        gender: 'female',
        languages: ['Deutsch', 'Albanisch'],
        inHousehold: false,
      },
      leadAgency: { ...G.jugendamt, legalDomain: 'SGB_VIII' },
      legalDomains: [{ domain: 'SGB_VIII', reason: 'Heimerziehung, sonstige betreute Wohnform (§ 34 SGB VIII)' }],
    }),
    step('2026-02-02T09:05:00.000Z', 'addPerson', {
      roles: ['parentWithResponsibility'],
      givenName: 'Drita',
      familyName: 'Berisha',
      relationToAddressee: 'Mutter',
      inHousehold: false,
    }),
    step('2026-02-02T09:10:00.000Z', 'recordReferral', {
      referrer: { kind: 'other', name: 'Schulsozialarbeit Gesamtschule Musterstadt' },
      referredOn: '2026-01-28',
      reason: 'Heftige Konflikte zu Hause, Jana möchte nicht zurück.',
    }),
    step('2026-02-02T09:15:00.000Z', 'decideAdmission', {
      admitted: true,
      reasons: 'Antrag der Mutter auf Hilfe zur Erziehung (§ 27 SGB VIII).',
    }),
    step('2026-02-05T14:00:00.000Z', 'recordFirstCounselling', {
      concernInOwnWords: 'Ich will nicht mehr streiten. Ich will in Ruhe zur Schule gehen.',
      firstPictureProblems: 'Eskalierende Konflikte mit der Mutter, Schulversäumnisse.',
      firstPictureResources: 'Gute Noten bis zum Sommer, Freundin in der Klasse, Mutter will Hilfe.',
      motivation: { level: 'partial' },
      willingnessToCooperate: 'partial',
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
    // Jana does not want to "fill in a questionnaire about her life": the assessment is narrative.
    step('2026-02-12T14:00:00.000Z', 'recordAssessment', {
      mode: 'narrative',
      domains: [],
      narrative:
        'Jana erzählt von Streit über Handy und Ausgehzeiten, der seit dem Umzug eskaliert. Sie fühlt sich in der Wohngruppe sicher und geht wieder regelmäßig zur Schule. Die Mutter ist erschöpft, wünscht sich Jana zurück und ist bereit, an Elterngesprächen teilzunehmen. Gemeinsame Sicht: zuerst Ruhe, dann schrittweise Wochenenden zu Hause.',
      wishesAndDreams: 'Abitur machen und Tierärztin werden.',
    }),
    step('2026-02-12T14:30:00.000Z', 'confirmAssessment', {
      assessmentId: id('assessment-1'),
      confirmation: { confirmedOn: '2026-02-12', confirmedByIds: [id('person-1'), id('person-2')], form: 'oral' },
    }),
    step('2026-02-12T14:40:00.000Z', 'agreeGoal', {
      level: 'case',
      title: 'Wochenenden zu Hause ohne Eskalation',
      indicators: [{ description: 'Besuchswochenenden ohne Abbruch', target: 'drei in Folge' }],
      timeFrame: { from: '2026-02-12', until: '2026-07-31' },
      domainIds: [],
      agreement: { agreedByPerson: true, agreedOn: '2026-02-12', form: 'written', participantIds: [id('person-2')] },
    }),
    step('2026-02-12T14:50:00.000Z', 'addMeasure', {
      title: 'Wohngruppe Lindenhof (§ 34 SGB VIII), Bezugsbetreuung',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Jugendhilfe Lindenhof gGmbH' },
      legalDomain: 'SGB_VIII',
      costCarrier: 'Jugendamt Musterstadt',
      startOn: '2026-02-01',
      agreement: { agreed: true },
    }),
    step('2026-02-12T14:55:00.000Z', 'addMeasure', {
      title: 'Elterngespräche alle zwei Wochen',
      goalIds: [id('goal-1')],
      by: { kind: 'formalProvider', name: 'Erziehungsberatungsstelle Musterstadt' },
      startOn: '2026-02-19',
      agreement: { agreed: true },
    }),
    step('2026-02-12T15:00:00.000Z', 'recordPlan', {
      participants: [
        { personId: id('person-1'), name: 'Jana Berisha', role: 'Jugendliche' },
        { personId: id('person-2'), name: 'Drita Berisha', role: 'Mutter, personensorgeberechtigt' },
        { name: 'Herr Brandt', role: 'Bezugsbetreuer Wohngruppe Lindenhof' },
        { name: 'Elif Yılmaz', role: 'Fachkraft ASD' },
      ],
      personsOwnWords: 'Ich bleibe erst mal in der Wohngruppe und fahre am Wochenende nach Hause, wenn es gut läuft.',
      helpOutsideFamily: true,
      sections: [
        {
          itemId: 'need',
          text: 'Erzieherischer Bedarf: Deeskalation des Konflikts, Sicherheit für Jana, Stärkung der Mutter.',
        },
        { itemId: 'kindOfHelp', text: 'Heimerziehung in einer Wohngruppe (§ 34 SGB VIII) mit Elternarbeit.' },
        {
          itemId: 'perspective',
          text: 'Rückkehr in die Herkunftsfamilie innerhalb von sechs Monaten wird angestrebt; Stand: Besuchswochenenden beginnen im März.',
        },
        {
          itemId: 'counselling',
          text: 'Jana und Frau Berisha wurden am 05.02. getrennt und gemeinsam beraten, mit Dolmetscherin für die Mutter.',
        },
        { itemId: 'teamDecision', text: 'Fachteam ASD am 10.02.: Hilfe voraussichtlich länger als sechs Monate.' },
        { itemId: 'siblings', text: 'Keine Geschwister.' },
        { itemId: 'providers', text: 'Jugendhilfe Lindenhof gGmbH, Erziehungsberatungsstelle Musterstadt.' },
      ],
      reviewOn: '2026-08-12',
    }),
    step('2026-06-30T10:00:00.000Z', 'judgeProgress', {
      target: { kind: 'goal', id: id('goal-1') },
      judgement: 'achieved',
      note: 'Vier Wochenenden ohne Abbruch; Jana möchte nach den Sommerferien nach Hause.',
    }),
    step('2026-07-31T10:00:00.000Z', 'closeCase', {
      reason: 'goalsReached',
      goalAttainment: [{ goalId: id('goal-1'), attainment: 'achieved' }],
      continuedBy: 'Erziehungsberatungsstelle Musterstadt (ambulant)',
    }),
    step('2026-08-10T10:00:00.000Z', 'recordEvaluation', {
      planVersusGoals: 'Perspektive Rückkehr erreicht.',
      methods: 'Narratives Assessment hat Jana die Mitarbeit ermöglicht.',
      cooperation: 'Wohngruppe und Beratungsstelle eng abgestimmt.',
      effort: { contacts: 12, hours: 20 },
      satisfaction: { rating: 5, statement: 'Ich wurde gefragt und nicht ausgefragt.' },
    }),
  ],
  expected: {
    stage: 'closed',
    status: 'closed',
    leadAgencyId: G.jugendamt.agencyId,
    activeLegalDomains: ['SGB_VIII'],
    persons: 2,
    goals: 1,
    measures: 2,
    assessmentVersions: 1,
    openFollowUps: 0,
  },
};
