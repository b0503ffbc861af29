import { DEFAULT_PROCESS_STANDARD } from '../default-standard.js';
import type { ProcessStandard } from '../schema.js';
import { l, para } from './sources.js';

const HILFEPLAN = para(
  '§ 36 Abs. 2 Satz 2 SGB VIII',
  'secondary',
  'Inhalt (Bedarf, Art der Hilfe, notwendige Leistungen) nach haufe.de (Jung, § 36 Rz. 3) und florian-gerlach.net',
);

/**
 * SGB VIII, § 36 Hilfeplan with §§ 36a, 36b, 37c, 41, 41a, and the retention of § 9b (in force since
 * 1 July 2025, hence the version). The statute asks for a regular review without a number: the six
 * months here are a convention and marked unverified.
 */
export const SGB8_HILFEPLAN: ProcessStandard = {
  ...DEFAULT_PROCESS_STANDARD,
  id: 'sgb8-hilfeplan',
  version: '2025-07',
  name: l('SGB VIII: Hilfeplan (§ 36)', 'SGB VIII: help plan (§ 36)'),
  description: l(
    'Hilfeplanung der Kinder- und Jugendhilfe: Beratung, Zusammenwirken der Fachkräfte, Hilfeplan mit Eltern und Kind, Perspektivklärung bei Hilfen außerhalb der Familie.',
    'Youth-welfare help planning: counselling, several professionals, the plan made with parents and child, the perspective for help outside the family.',
  ),
  source: '§§ 36, 36a, 36b, 37c, 41, 41a, 9b SGB VIII; issue 20',
  statute: {
    label: l('Achtes Buch Sozialgesetzbuch (SGB VIII)', 'Social Code Book VIII (SGB VIII)'),
    source: para('§ 36 SGB VIII', 'secondary'),
  },
  requiredStages: ['firstCounselling', 'assessment', 'goalAgreement', 'helpPlanning', 'monitoring'],
  deadlines: { ...DEFAULT_PROCESS_STANDARD.deadlines, goalReviewMonths: 6 },
  // Goals up to the next review (the reason PR-15 exists).
  goals: { maxTimeFrameMonths: 6 },
  plan: {
    id: 'hilfeplan',
    title: l('Hilfeplan', 'Help plan'),
    form: 'written',
    signatureLine: true,
    legallyBinding: false,
    source: HILFEPLAN,
    items: [
      {
        id: 'participants',
        label: l(
          'Beteiligte (Personensorgeberechtigte, Kind oder Jugendliche/r, Fachkräfte)',
          'Participants (parents, child or young person, professionals)',
        ),
        plainLabel: l('Wer mitgeplant hat', 'Who planned together'),
        obligation: 'must',
        from: 'participants',
        source: para('§ 36 Abs. 2 Satz 2 SGB VIII', 'secondary', 'haufe.de, florian-gerlach.net'),
      },
      {
        id: 'need',
        label: l('Feststellung über den Bedarf', 'Findings on the need'),
        plainLabel: l('Was gebraucht wird', 'What is needed'),
        obligation: 'must',
        from: 'text',
        source: HILFEPLAN,
      },
      {
        id: 'kindOfHelp',
        label: l('Zu gewährende Art der Hilfe', 'Kind of help to be granted'),
        plainLabel: l('Welche Hilfe es gibt', 'Which help there will be'),
        obligation: 'must',
        from: 'text',
        source: HILFEPLAN,
      },
      {
        id: 'services',
        label: l('Notwendige Leistungen', 'Necessary services'),
        plainLabel: l('Wer was macht', 'Who does what'),
        obligation: 'must',
        from: 'measures',
        source: HILFEPLAN,
      },
      {
        id: 'goals',
        label: l('Ziele bis zur nächsten Überprüfung', 'Goals until the next review'),
        plainLabel: l('Was bis zum nächsten Gespräch erreicht sein soll', 'What should be reached by the next meeting'),
        obligation: 'should',
        from: 'goals',
        source: para(
          '§ 36 Abs. 2 Satz 2 SGB VIII',
          'secondary',
          'Zeit- und Zielplanung nach haufe.de (Jung, § 36 Rz. 3)',
        ),
      },
      {
        id: 'perspective',
        label: l('Stand der Perspektivklärung', 'State of the perspective'),
        plainLabel: l('Wie es auf Dauer weitergehen soll', 'How things should go in the long run'),
        obligation: 'must',
        from: 'text',
        appliesWhen: 'helpOutsideFamily',
        source: para(
          '§ 37c Abs. 1 Satz 2 SGB VIII',
          'statute',
          'Wortlaut geprüft: „Der Stand der Perspektivklärung … ist im Hilfeplan zu dokumentieren.“',
        ),
      },
      {
        id: 'counselling',
        label: l(
          'Beratung vor der Entscheidung, in verständlicher und wahrnehmbarer Form',
          'Counselling before the decision, in an understandable and perceivable form',
        ),
        plainLabel: l('Wie wir Sie beraten haben', 'How we advised you'),
        obligation: 'should',
        from: 'text',
        source: para('§ 36 Abs. 1 SGB VIII', 'secondary', 'florian-gerlach.net'),
      },
      {
        id: 'teamDecision',
        label: l('Zusammenwirken mehrerer Fachkräfte', 'Decision by several professionals'),
        obligation: 'should',
        from: 'text',
        source: para(
          '§ 36 Abs. 2 Satz 1 SGB VIII',
          'secondary',
          'florian-gerlach.net; gilt, wenn die Hilfe voraussichtlich für längere Zeit zu leisten ist',
        ),
      },
      {
        id: 'siblings',
        label: l('Geschwisterbeziehungen', 'Siblings'),
        obligation: 'should',
        from: 'text',
        source: para('§ 36 Abs. 2 SGB VIII', 'unverified', 'nach dem Auftrag; Satz nicht geprüft'),
      },
      {
        id: 'providers',
        label: l('Beteiligte Dienste und Einrichtungen', 'Services and providers involved'),
        obligation: 'should',
        from: 'text',
        source: para('§ 36 Abs. 3 Satz 1 SGB VIII', 'secondary', 'florian-gerlach.net'),
      },
      {
        id: 'doctorTherapist',
        label: l('Ärztin/Arzt oder Therapeut/in (bei Hilfe nach § 35a)', 'Doctor or therapist (for help under § 35a)'),
        obligation: 'may',
        from: 'text',
        source: para('§ 36 Abs. 3 SGB VIII', 'secondary', 'florian-gerlach.net'),
      },
      {
        id: 'transition',
        label: l('Übergang zu einem anderen Träger', 'Transition to another agency'),
        obligation: 'may',
        from: 'text',
        source: para('§ 36b SGB VIII', 'unverified', 'nach dem Auftrag; Wortlaut nicht geprüft'),
      },
    ],
    statements: [
      {
        label: l(
          'Der Hilfeplan wird mit Ihnen regelmäßig überprüft: ob die Hilfe weiter geeignet und notwendig ist.',
          'The help plan is reviewed with you regularly: whether the help is still suitable and necessary.',
        ),
        source: para('§ 36 Abs. 2 Satz 2 SGB VIII', 'secondary', 'Frist nennt das Gesetz nicht'),
      },
    ],
  },
  statutoryDeadlines: [
    {
      id: 'sgb8-plan-review',
      label: l('Hilfeplan regelmäßig überprüfen', 'Review the help plan regularly'),
      source: para(
        '§ 36 Abs. 2 Satz 2 SGB VIII',
        'unverified',
        'das Gesetz sagt „regelmäßig“; sechs Monate sind übliche Praxis, kein Gesetzeswert',
      ),
      from: 'plan',
      period: { amount: 6, unit: 'months' },
      until: 'nextPlan',
    },
  ],
  retention: [
    {
      id: 'sgb8-9b',
      legalDomain: 'SGB_VIII',
      untilAge: 100,
      yearsAfterClosure: 0,
      basis: 'statutoryDuty',
      action: 'delete',
      reference:
        '§ 9b Abs. 2 Nr. 1 SGB VIII (ab 1.7.2025): Erziehungshilfe-, Eingliederungshilfe-, Heim- und Vormundschaftsakten 70 Jahre nach Vollendung des 30. Lebensjahres; Wortlaut geprüft, Reichweite (welche Akten, freie Träger) von der Datenschutzbeauftragten zu prüfen',
      verified: false,
    },
  ],
};
