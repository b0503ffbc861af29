import type { ProcessStandard } from './schema.js';
import { DEFAULT_CONSENT_MONTHS } from '../../privacy/consent/consent-record.js';

const l = (de: string, en: string): { de: string; en: string } => ({ de, en });

/**
 * The default German process standard of rechtskreisübergreifendes Case Management, derived from the
 * source texts (DOMAIN.md section 4; seeds 000 and 003). Its id and version are what the core records
 * for a case opened without a standard (`default` / `1`), so such cases resolve to it.
 *
 * Deadlines are not given by the texts; the values are conventional and meant to be overridden:
 * Erstberatung within 14 days of the referral, assessment within 6 weeks, a monitoring contact every
 * 6 weeks, goals reviewed at the latest after 12 months (standards for the Jobcenter, § 15 SGB II, or
 * for youth-welfare help plans, § 36 SGB VIII, set 6), provider news every 30 days, evaluation within
 * 4 weeks of closure.
 */
export const DEFAULT_PROCESS_STANDARD: ProcessStandard = {
  id: 'default',
  version: '1',
  name: l(
    'Fallkit-Standard Case Management (rechtskreisübergreifend)',
    'Fallkit standard case management (cross-domain)',
  ),
  description: l(
    'Regelkreis nach dem Leitfaden Kommunales Integrationsmanagement, Kap. 5, und den Definitionsbestandteilen nach DGCC.',
    'Cycle after the municipal integration management guide, ch. 5, and the definitional parts after DGCC.',
  ),
  source: 'DOMAIN.md section 4; seeds 000 (guide, ch. 5) and 003 (definition and necessary parts)',
  requiredStages: ['screening', 'firstCounselling', 'assessment', 'goalAgreement', 'helpPlanning', 'monitoring'],
  assessment: {
    lifeDomains: [
      { id: 'housing', label: l('Wohnen', 'Housing') },
      { id: 'health', label: l('Gesundheit', 'Health') },
      { id: 'workTraining', label: l('Arbeit und Ausbildung', 'Work and training') },
      { id: 'education', label: l('Bildung und Schule', 'Education and school') },
      { id: 'language', label: l('Sprache', 'Language') },
      { id: 'residence', label: l('Aufenthalt', 'Residence status') },
      { id: 'financesDebts', label: l('Finanzen und Schulden', 'Finances and debts') },
      { id: 'familyChildren', label: l('Familie und Kinder', 'Family and children') },
      { id: 'socialNetwork', label: l('Soziales Netz', 'Social network') },
      { id: 'mobility', label: l('Mobilität', 'Mobility') },
      { id: 'dailyLiving', label: l('Alltagsbewältigung', 'Daily living') },
    ],
    ratingScale: {
      id: 'need-1-5',
      label: l('Unterstützungsbedarf 1 (kein) bis 5 (sehr hoch)', 'Need of support 1 (none) to 5 (very high)'),
      values: [
        { value: 1, label: l('kein Bedarf', 'no need') },
        { value: 2, label: l('geringer Bedarf', 'low need') },
        { value: 3, label: l('mittlerer Bedarf', 'medium need') },
        { value: 4, label: l('hoher Bedarf', 'high need') },
        { value: 5, label: l('sehr hoher Bedarf', 'very high need') },
      ],
    },
  },
  casefinding: {
    // The written criteria of seed 003 ("Situationsmerkmale"), in its order.
    criteria: [
      {
        id: 'multipleProblems',
        label: l('Mehrfachproblemstellungen bzw. -diagnosen', 'Several problems or diagnoses'),
      },
      { id: 'manyActors', label: l('Viele beteiligte Akteure', 'Many actors involved') },
      {
        id: 'highCoordinationNeed',
        label: l(
          'Hohes Maß an Kooperations- und Koordinationsnotwendigkeit',
          'High need of cooperation and coordination',
        ),
      },
      {
        id: 'crossesResponsibilities',
        label: l(
          'Hilfe über Zuständigkeitsbereiche hinweg bzw. im Welfaremix',
          'Help across areas of responsibility or in the welfare mix',
        ),
      },
      {
        id: 'standardServicesInsufficient',
        label: l('Regelversorgungslogiken allein reichen nicht aus', 'Standard services alone are not enough'),
      },
      {
        id: 'environmentOverwhelmedOrAbsent',
        label: l('Soziales Umfeld überfordert oder nicht vorhanden', 'Social environment overwhelmed or absent'),
      },
      {
        id: 'courseHardToForesee',
        label: l('Schwer absehbarer Verlauf, schwierige Prognose', 'Course hard to foresee, difficult prognosis'),
      },
      { id: 'incalculableInteractions', label: l('Unkalkulierbare Wechselwirkungen', 'Incalculable interactions') },
    ],
    targetGroupCriteria: [],
  },
  deadlines: {
    firstContactDays: 14,
    assessmentWeeks: 6,
    monitoringIntervalDays: 42,
    goalReviewMonths: 12,
    referralFeedbackDays: 30,
    evaluationDays: 28,
    dueWithinDays: 7,
  },
  goals: {},
  reassessment: { deviationThreshold: 2 },
  readiness: { minSigns: 3, minGroups: 2 },
  closureReasons: [
    { id: 'goalsReached', label: l('Ziele erreicht', 'Goals reached') },
    { id: 'selfSteering', label: l('Person steuert ihr Hilfenetz selbst', 'Person steers their network alone') },
    { id: 'movedAway', label: l('Wegzug', 'Moved away') },
    { id: 'handedOver', label: l('Übergabe an andere Stelle', 'Handed over to another agency') },
    { id: 'endedByPerson', label: l('Beendigung durch die Person', 'Ended by the person') },
    { id: 'contactLost', label: l('Kontaktabbruch', 'Contact lost') },
    { id: 'death', label: l('Tod', 'Death') },
    {
      id: 'noFurtherMeasures',
      label: l('Keine weiteren Maßnahmen nach Erstberatung', 'No further measures after first counselling'),
    },
    { id: 'notAdmitted', label: l('Nicht aufgenommen', 'Not admitted') },
    { id: 'other', label: l('Sonstiges (mit Begründung)', 'Other (with reason)') },
  ],
  // DP-11's default, the one value (`DEFAULT_CONSENT_MONTHS`); an operator's standard sets its own.
  consent: { defaultDurationMonths: DEFAULT_CONSENT_MONTHS },
};
