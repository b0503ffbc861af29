import { text } from '../../i18n/localized-text.js';
import { EXAMPLE_ACTORS as A, EXAMPLE_AGENCIES as G } from '../actors.js';
import { step, type ExampleCase } from '../example-types.js';

const KEY = 'yildiz';
const cm = A.kimCaseManager;

/**
 * Emre Yıldız comes on his own about a housing-benefit application; the casefinding criteria are not
 * met but he is admitted to Erstberatung to clarify (a visible misrouting with its reason), which ends
 * with "no further measures" and a referral to the migration counselling service.
 */
export const noFurtherMeasures: ExampleCase = {
  key: KEY,
  caseId: 'kim-2026-0007',
  title: text('Emre Yıldız: keine weiteren Maßnahmen', 'Emre Yıldız: no further measures'),
  summary: text(
    'Einzelanliegen (Wohngeld); Erstberatung endet mit „keine weiteren Maßnahmen“ und Verweis an die Migrationsberatung.',
    'Single concern (housing benefit); first counselling ends with "no further measures" and a referral to migration counselling.',
  ),
  actor: cm,
  steps: [
    step(
      '2026-02-16T08:15:00.000Z',
      'openCase',
      {
        caseId: 'kim-2026-0007',
        label: 'KIM-2026-0007',
        addressee: {
          roles: ['addressee'],
          givenName: 'Emre',
          familyName: 'Yıldız',
          birthDate: '1981-01-22',
          gender: 'male',
          languages: ['Türkisch', 'Deutsch'],
          interpreter: { needed: false },
        },
        leadAgency: G.kim,
        legalDomains: [{ domain: 'nonStatutory', reason: 'Beratung ohne Leistungsbezug' }],
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-02-16T08:20:00.000Z',
      'recordReferral',
      {
        referrer: { kind: 'self', name: 'Emre Yıldız' },
        referredOn: '2026-02-16',
        reason: 'Fragt nach Hilfe beim Wohngeldantrag nach Lohnkürzung.',
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-02-16T08:30:00.000Z',
      'checkCasefindingCriteria',
      {
        criteria: [
          { criterionId: 'multipleProblems', met: false },
          { criterionId: 'manyActors', met: false },
          { criterionId: 'highCoordinationNeed', met: false },
          { criterionId: 'crossesResponsibilities', met: null, explanation: 'Unklar, ob weitere Bedarfe bestehen.' },
          { criterionId: 'standardServicesInsufficient', met: false },
          { criterionId: 'environmentOverwhelmedOrAbsent', met: false },
          { criterionId: 'courseHardToForesee', met: false },
          { criterionId: 'incalculableInteractions', met: false },
        ],
        complexNeeds: false,
        summary: 'Voraussichtlich Einzelanliegen.',
      },
      { actor: A.kimIntake },
    ),
    step(
      '2026-02-16T08:35:00.000Z',
      'decideAdmission',
      {
        admitted: true,
        reasons: 'Zur Klärung in die Erstberatung.',
        deviationReason:
          'Herr Yıldız deutete weitere Belastungen an; Klärung in einem Gespräch statt Abweisung am Empfang.',
      },
      { actor: A.kimIntake },
    ),
    step('2026-02-19T09:00:00.000Z', 'recordFirstCounselling', {
      concernInOwnWords: 'Ich brauche nur Hilfe mit dem Wohngeldformular, sonst läuft alles.',
      firstPictureProblems: 'Einkommensminderung durch Kurzarbeit; sonst keine Problemlagen erkennbar.',
      firstPictureResources: 'Feste Arbeit, Familie, gute Deutschkenntnisse.',
      motivation: { level: 'high' },
      willingnessToCooperate: 'high',
      abilityToCooperate: 'high',
      informationGiven: {
        processExplained: true,
        rolesExplained: true,
        chancesAndDemandsExplained: true,
        dataProtectionExplained: true,
      },
      oralContract: { made: false, note: 'Kein Case Management nötig.' },
      decision: {
        kind: 'noFurtherMeasures',
        reason: 'Einzelanliegen ohne komplexen Bedarf; Regelangebot reicht.',
        referredElsewhereTo: 'Migrationsberatung für erwachsene Zugewanderte (AWO Musterstadt), Termin 24.02.',
      },
    }),
    step('2026-02-19T09:30:00.000Z', 'closeCase', {
      reason: 'noFurtherMeasures',
      reasonNote: 'Verwiesen an die Migrationsberatung der AWO.',
      continuedBy: G.mbe.name,
    }),
  ],
  expected: {
    stage: 'closed',
    status: 'closed',
    leadAgencyId: G.kim.agencyId,
    activeLegalDomains: ['nonStatutory'],
    persons: 1,
    goals: 0,
    measures: 0,
    assessmentVersions: 0,
    openFollowUps: 0,
  },
};
