import { DEFAULT_PROCESS_STANDARD } from '../default-standard.js';
import type { ProcessStandard } from '../schema.js';
import { l, para } from './sources.js';

const SGB2_PLAN = para(
  '§ 15 Abs. 2 SGB II',
  'secondary',
  'Fassung ab 1.7.2023 (Bürgergeld-Gesetz); Inhalt nach anwalt24.de und haufe.de (Sauer, § 15 Rz. 2-4)',
);
const SGB2_SHOULD = para(
  '§ 15 Abs. 2 Satz 2 SGB II',
  'unverified',
  'Soll-Inhalte (Nr. 1-6) nach dem Auftrag und anwalt24.de; Wortlaut und Nummerierung nicht gegen das Gesetz geprüft',
);
const SGB2_MAY = para(
  '§ 15 Abs. 2 Satz 3 SGB II',
  'unverified',
  'Kann-Inhalte nach dem Auftrag; Wortlaut nicht geprüft',
);

/**
 * SGB II, § 15: Potenzialanalyse and Kooperationsplan, as in force since 1 July 2023 (Bürgergeld-
 * Gesetz). Versioned by the date the rules took effect: the planned "Neue Grundsicherung" (2026) will
 * be a new version, and cases opened under this one keep its rules (PR-00).
 */
export const SGB2_KOOPERATIONSPLAN: ProcessStandard = {
  ...DEFAULT_PROCESS_STANDARD,
  id: 'sgb2-kooperationsplan',
  version: '2023-07',
  name: l(
    'SGB II: Potenzialanalyse und Kooperationsplan (§ 15)',
    'SGB II: potential analysis and cooperation plan (§ 15)',
  ),
  description: l(
    'Jobcenter-Fallmanagement: Potenzialanalyse, Kooperationsplan in Textform, Überprüfung spätestens nach sechs Monaten.',
    'Jobcentre case management: potential analysis, cooperation plan in text form, review after six months at the latest.',
  ),
  source: '§§ 15, 15a SGB II (Fassung ab 1.7.2023); issue 20',
  statute: {
    label: l('Zweites Buch Sozialgesetzbuch (SGB II)', 'Social Code Book II (SGB II)'),
    source: para('§ 15 SGB II', 'statute'),
  },
  requiredStages: ['firstCounselling', 'assessment', 'goalAgreement', 'helpPlanning', 'monitoring'],
  assessment: {
    instrument: {
      label: l('Potenzialanalyse', 'Potential analysis'),
      source: para('§ 15 Abs. 1 SGB II', 'statute', 'Satz 1 und 2 im Wortlaut geprüft (buzer.de, Fassung ab 1.7.2023)'),
    },
    lifeDomains: [
      {
        id: 'personalCharacteristics',
        label: l('Persönliche Merkmale', 'Personal characteristics'),
        source: para('§ 15 Abs. 1 Satz 1 SGB II', 'statute'),
      },
      {
        id: 'vocationalAbilities',
        label: l('Berufliche Fähigkeiten', 'Vocational abilities'),
        source: para('§ 15 Abs. 1 Satz 1 SGB II', 'statute'),
      },
      { id: 'suitability', label: l('Eignung', 'Suitability'), source: para('§ 15 Abs. 1 Satz 1 SGB II', 'statute') },
      {
        id: 'strengths',
        label: l('Individuelle Stärken', 'Individual strengths'),
        source: para(
          '§ 15 Abs. 1 SGB II',
          'secondary',
          'nach anwalt24.de und haufe.de; im geprüften Wortlaut nicht gefunden',
        ),
      },
      {
        id: 'hindrances',
        label: l('Umstände, die die Eingliederung erschweren', 'Circumstances that hinder integration'),
        source: para('§ 15 Abs. 1 Satz 2 SGB II', 'statute'),
      },
      { id: 'health', label: l('Gesundheit', 'Health') },
      { id: 'housing', label: l('Wohnen', 'Housing') },
      { id: 'financesDebts', label: l('Finanzen und Schulden', 'Finances and debts') },
      { id: 'familyChildren', label: l('Familie und Kinderbetreuung', 'Family and childcare') },
      { id: 'language', label: l('Sprache', 'Language') },
    ],
    ratingScale: DEFAULT_PROCESS_STANDARD.assessment.ratingScale,
  },
  deadlines: { ...DEFAULT_PROCESS_STANDARD.deadlines, goalReviewMonths: 6 },
  goals: { maxTimeFrameMonths: 6 },
  plan: {
    id: 'kooperationsplan',
    title: l('Kooperationsplan', 'Cooperation plan'),
    form: 'text',
    signatureLine: false,
    legallyBinding: false,
    source: SGB2_PLAN,
    items: [
      {
        id: 'integrationGoal',
        label: l('Eingliederungsziel', 'Integration goal'),
        plainLabel: l('Wo Sie hinwollen', 'Where you want to get to'),
        obligation: 'must',
        from: 'goals',
        source: para('§ 15 Abs. 2 Satz 1 SGB II', 'secondary', 'anwalt24.de, haufe.de'),
      },
      {
        id: 'essentialSteps',
        label: l('Wesentliche Schritte zur Eingliederung', 'Essential steps towards integration'),
        plainLabel: l('Die nächsten Schritte', 'The next steps'),
        obligation: 'must',
        from: 'measures',
        source: para('§ 15 Abs. 2 Satz 1 SGB II', 'secondary', 'anwalt24.de, haufe.de'),
      },
      {
        id: 'servicesConsidered',
        label: l('In Betracht kommende Leistungen zur Eingliederung', 'Integration services considered'),
        plainLabel: l('Welche Hilfen es für Sie gibt', 'Which help there is for you'),
        obligation: 'should',
        from: 'text',
        source: SGB2_SHOULD,
      },
      {
        id: 'ownEfforts',
        label: l('Eigenbemühungen (Mindestumfang) und ihr Nachweis', 'Own efforts (minimum) and their proof'),
        plainLabel: l('Was Sie selbst tun und wie Sie es zeigen', 'What you do yourself and how you show it'),
        obligation: 'should',
        from: 'text',
        source: SGB2_SHOULD,
      },
      {
        id: 'languageCourseFirst',
        label: l(
          'Vorrang eines Integrationskurses oder der berufsbezogenen Deutschsprachförderung',
          'Whether an integration course or job-related German course comes first',
        ),
        plainLabel: l('Deutschkurs zuerst?', 'German course first?'),
        obligation: 'should',
        from: 'text',
        source: SGB2_SHOULD,
      },
      {
        id: 'otherAgencies',
        label: l('Leistungen anderer Träger', 'Other agencies’ services'),
        plainLabel: l('Wer sonst noch hilft', 'Who else helps'),
        obligation: 'should',
        from: 'text',
        source: SGB2_SHOULD,
      },
      {
        id: 'targetJobs',
        label: l('Zielberufe oder Tätigkeitsfelder', 'Target jobs or fields of work'),
        plainLabel: l('Welche Arbeit Sie suchen', 'What work you are looking for'),
        obligation: 'should',
        from: 'text',
        source: SGB2_SHOULD,
      },
      {
        id: 'rehabilitationNeed',
        label: l('Rehabilitationsbedarf', 'Rehabilitation need'),
        plainLabel: l('Braucht es eine Reha?', 'Is rehabilitation needed?'),
        obligation: 'should',
        from: 'text',
        source: SGB2_SHOULD,
      },
      {
        id: 'healthMeasures',
        label: l('Maßnahmen zur Gesundheit', 'Health measures'),
        obligation: 'may',
        from: 'text',
        source: SGB2_MAY,
      },
      {
        id: 'householdServices',
        label: l('Leistungen für Angehörige der Bedarfsgemeinschaft', 'Services for household members'),
        obligation: 'may',
        from: 'text',
        source: SGB2_MAY,
      },
    ],
    statements: [
      {
        label: l(
          'Dieser Kooperationsplan ist rechtlich nicht verbindlich und enthält keine Rechtsfolgenbelehrung. Er wird nicht unterschrieben.',
          'This cooperation plan is not legally binding and contains no notice of legal consequences. It is not signed.',
        ),
        source: para('§ 15 SGB II', 'secondary', 'haufe.de (Sauer, § 15 Rz. 4), BT-Drs. 20/3873'),
      },
      {
        label: l('Sie erhalten den Kooperationsplan in Textform.', 'You receive the cooperation plan in text form.'),
        source: para('§ 15 Abs. 3 SGB II', 'secondary', 'wolterskluwer.com (Lahne, 2023)'),
      },
      {
        label: l(
          'Der Plan wird regelmäßig, spätestens nach sechs Monaten, gemeinsam überprüft und fortgeschrieben.',
          'The plan is reviewed and updated together regularly, after six months at the latest.',
        ),
        source: para(
          '§ 15 Abs. 3 SGB II',
          'secondary',
          'Sechs-Monats-Frist nach Kommentierung; Wortlaut der Fassung ab 1.7.2023 nicht geprüft',
        ),
      },
      {
        label: l(
          'Bei Meinungsverschiedenheiten über den Plan kann ein Schlichtungsverfahren durchgeführt werden.',
          'If you disagree about the plan, a mediation procedure can be held.',
        ),
        source: para('§ 15a SGB II', 'secondary', 'anwalt24.de'),
      },
    ],
  },
  statutoryDeadlines: [
    {
      id: 'sgb2-plan-review',
      label: l('Kooperationsplan überprüfen und fortschreiben', 'Review and update the cooperation plan'),
      source: para('§ 15 Abs. 3 SGB II', 'secondary', 'Sechs-Monats-Frist nach Kommentierung'),
      from: 'plan',
      period: { amount: 6, unit: 'months' },
      until: 'nextPlan',
    },
  ],
  retention: [
    {
      id: 'sgb2-benefits-10y',
      legalDomain: 'SGB_II',
      yearsAfterClosure: 10,
      basis: 'recordsSchedule',
      action: 'delete',
      reference: 'Typischer Wert für Leistungsakten SGB II: 5-10 Jahre (ungeprüft)',
      verified: false,
    },
  ],
};
