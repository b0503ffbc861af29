import { DEFAULT_PROCESS_STANDARD } from '../default-standard.js';
import type { ProcessStandard } from '../schema.js';
import { l, para } from './sources.js';

const P121_4 = (nr: number): ReturnType<typeof para> =>
  para(`§ 121 Abs. 4 Nr. ${nr} SGB IX`, 'statute', 'Wortlaut geprüft (nwb.de, deubner-recht.de; Stand 2023)');
const ICF = para(
  '§ 118 Abs. 1 Satz 3 SGB IX',
  'secondary',
  'neun Lebensbereiche nach ICF (Kapitel d1-d9 der Aktivitäten und Teilhabe)',
);

/**
 * SGB IX part 2, Gesamtplanung of the Eingliederungshilfe (§§ 117-122, BTHG, in force since 1 January
 * 2020), with the deadlines of §§ 14, 15 for the application. The assessment follows the nine ICF life
 * areas; the Land's instrument (BEI_NRW, ITP, BIBay …) is named in `assessment.instrument` and may
 * replace the rating scale.
 */
export const SGB9_GESAMTPLAN: ProcessStandard = {
  ...DEFAULT_PROCESS_STANDARD,
  id: 'sgb9-gesamtplan',
  version: '2020-01',
  name: l(
    'SGB IX: Gesamtplan der Eingliederungshilfe (§§ 117-122)',
    'SGB IX: overall plan of integration assistance (§§ 117-122)',
  ),
  description: l(
    'Gesamtplanverfahren: Bedarfsermittlung nach ICF, Gesamtplankonferenz, Gesamtplan in Schriftform mit dem Mindestinhalt des § 121 Abs. 4, Überprüfung spätestens nach zwei Jahren.',
    'Overall planning: ICF-based needs assessment, planning conference, written plan with the minimum content of § 121 (4), review after two years at the latest.',
  ),
  source: '§§ 14, 15, 117-122 SGB IX; issue 20',
  statute: {
    label: l('Neuntes Buch Sozialgesetzbuch (SGB IX), Teil 2', 'Social Code Book IX (SGB IX), part 2'),
    source: para('§ 121 SGB IX', 'statute'),
  },
  requiredStages: ['firstCounselling', 'assessment', 'goalAgreement', 'helpPlanning', 'monitoring'],
  assessment: {
    instrument: {
      label: l(
        'Instrument der Bedarfsermittlung nach Landesrecht (z. B. BEI_NRW, ITP, BIBay)',
        'The Land’s needs-assessment instrument (e.g. BEI_NRW, ITP, BIBay)',
      ),
      source: para('§ 118 SGB IX', 'secondary', 'Instrument nach Landesrecht; welches, legt der Träger fest'),
    },
    lifeDomains: [
      {
        id: 'icfLearning',
        code: 'd1',
        label: l('Lernen und Wissensanwendung', 'Learning and applying knowledge'),
        source: ICF,
      },
      {
        id: 'icfGeneralTasks',
        code: 'd2',
        label: l('Allgemeine Aufgaben und Anforderungen', 'General tasks and demands'),
        source: ICF,
      },
      { id: 'icfCommunication', code: 'd3', label: l('Kommunikation', 'Communication'), source: ICF },
      { id: 'icfMobility', code: 'd4', label: l('Mobilität', 'Mobility'), source: ICF },
      { id: 'icfSelfCare', code: 'd5', label: l('Selbstversorgung', 'Self-care'), source: ICF },
      { id: 'icfDomesticLife', code: 'd6', label: l('Häusliches Leben', 'Domestic life'), source: ICF },
      {
        id: 'icfInterpersonal',
        code: 'd7',
        label: l('Interpersonelle Interaktionen und Beziehungen', 'Interpersonal interactions and relationships'),
        source: ICF,
      },
      { id: 'icfMajorLifeAreas', code: 'd8', label: l('Bedeutende Lebensbereiche', 'Major life areas'), source: ICF },
      {
        id: 'icfCommunityLife',
        code: 'd9',
        label: l('Gemeinschafts-, soziales und staatsbürgerliches Leben', 'Community, social and civic life'),
        source: ICF,
      },
    ],
    ratingScale: {
      id: 'icf-qualifier-0-4',
      label: l(
        'ICF-Beurteilungsmerkmal 0 (kein Problem) bis 4 (voll ausgeprägtes Problem)',
        'ICF qualifier 0 (no problem) to 4 (complete problem)',
      ),
      values: [
        { value: 0, label: l('nicht vorhanden', 'no problem') },
        { value: 1, label: l('leicht ausgeprägt', 'mild problem') },
        { value: 2, label: l('mäßig ausgeprägt', 'moderate problem') },
        { value: 3, label: l('erheblich ausgeprägt', 'severe problem') },
        { value: 4, label: l('voll ausgeprägt', 'complete problem') },
      ],
    },
  },
  deadlines: { ...DEFAULT_PROCESS_STANDARD.deadlines, goalReviewMonths: 24 },
  goals: {},
  plan: {
    id: 'gesamtplan',
    title: l('Gesamtplan', 'Overall plan'),
    form: 'written',
    signatureLine: true,
    legallyBinding: false,
    source: para('§ 121 SGB IX', 'statute', 'Abs. 2-5 im Wortlaut geprüft'),
    items: [
      {
        id: 'participants',
        label: l(
          'Mitwirkende (leistungsberechtigte Person, Vertrauensperson, Beteiligte)',
          'Participants (the person, a person of trust, others involved)',
        ),
        plainLabel: l('Wer mitgeplant hat', 'Who planned together'),
        obligation: 'must',
        from: 'participants',
        source: para('§ 121 Abs. 3 SGB IX', 'statute'),
      },
      {
        id: 'instruments',
        label: l('Eingesetzte Verfahren und Instrumente', 'Procedures and instruments used'),
        obligation: 'must',
        from: 'text',
        source: P121_4(1),
      },
      {
        id: 'reviewCriteria',
        label: l(
          'Maßstäbe und Kriterien der Wirkungskontrolle einschließlich des Überprüfungszeitpunkts',
          'Criteria of the effect review, including the date of review',
        ),
        plainLabel: l(
          'Woran wir merken, ob es hilft, und wann wir nachsehen',
          'How we tell it helps, and when we check',
        ),
        obligation: 'must',
        from: 'text',
        source: P121_4(1),
      },
      {
        id: 'activities',
        label: l('Aktivitäten der leistungsberechtigten Person', 'The person’s activities'),
        plainLabel: l('Was Sie selbst tun', 'What you do yourself'),
        obligation: 'must',
        from: 'text',
        source: P121_4(2),
      },
      {
        id: 'selfHelpResources',
        label: l('Verfügbare und aktivierbare Selbsthilferessourcen', 'Available and activatable self-help resources'),
        plainLabel: l('Was Sie schon können und wer Ihnen hilft', 'What you can already do and who helps you'),
        obligation: 'must',
        from: 'text',
        source: P121_4(3),
      },
      {
        id: 'services',
        label: l('Art, Inhalt, Umfang und Dauer der Leistungen', 'Kind, content, scope and duration of the services'),
        plainLabel: l('Welche Hilfe, wie viel und wie lange', 'Which help, how much and how long'),
        obligation: 'must',
        from: 'measures',
        source: P121_4(3),
      },
      {
        id: 'lumpSum',
        label: l(
          'Wunsch- und Wahlrecht (§ 8) im Hinblick auf eine pauschale Geldleistung',
          'Choice (§ 8) regarding a lump-sum cash benefit',
        ),
        obligation: 'must',
        from: 'text',
        source: P121_4(4),
      },
      {
        id: 'socialMedicalFindings',
        label: l('Erkenntnisse aus sozialmedizinischen Gutachten', 'Findings of social-medical reports'),
        obligation: 'must',
        from: 'text',
        source: P121_4(5),
      },
      {
        id: 'cashShare',
        label: l(
          'Ergebnis der Beratung über den Anteil des Regelsatzes, der als Barmittel verbleibt (§ 27a Abs. 3 SGB XII)',
          'Outcome of the advice on the share of the standard rate kept as cash (§ 27a (3) SGB XII)',
        ),
        obligation: 'must',
        from: 'text',
        source: P121_4(6),
      },
      {
        id: 'participationGoals',
        label: l('Teilhabeziele (Teilhabezielvereinbarung)', 'Participation goals (participation-goal agreement)'),
        plainLabel: l('Ihre Ziele', 'Your goals'),
        obligation: 'may',
        from: 'goals',
        source: para('§ 122 SGB IX', 'secondary', 'nach dem Auftrag; „kann“-Vorschrift'),
      },
      {
        id: 'planningConference',
        label: l('Ergebnis der Gesamtplankonferenz', 'Outcome of the planning conference'),
        obligation: 'may',
        from: 'text',
        source: para('§ 119 SGB IX', 'secondary', 'nach dem Auftrag'),
      },
    ],
    statements: [
      {
        label: l('Der Gesamtplan bedarf der Schriftform.', 'The overall plan must be in writing.'),
        source: para('§ 121 Abs. 2 Satz 2 SGB IX', 'statute'),
      },
      {
        label: l(
          'Er soll regelmäßig, spätestens nach zwei Jahren, überprüft und fortgeschrieben werden.',
          'It is to be reviewed and updated regularly, after two years at the latest.',
        ),
        source: para('§ 121 Abs. 2 Satz 2 SGB IX', 'statute'),
      },
      {
        label: l('Sie erhalten den Gesamtplan.', 'You receive the overall plan.'),
        source: para('§ 121 Abs. 5 SGB IX', 'statute'),
      },
    ],
  },
  statutoryDeadlines: [
    {
      id: 'sgb9-competence',
      label: l('Zuständigkeit klären', 'Determine competence'),
      source: para(
        '§ 14 Abs. 1 Satz 1 SGB IX',
        'secondary',
        'reha-recht.de, fachkanzlei-sozialrecht.de: binnen zwei Wochen nach Antragseingang',
      ),
      from: 'referral',
      period: { amount: 2, unit: 'weeks' },
      until: 'admission',
    },
    {
      id: 'sgb9-decision',
      label: l('Über den Antrag entscheiden', 'Decide on the application'),
      source: para(
        '§ 14 Abs. 2 SGB IX',
        'secondary',
        'drei Wochen nach Antragseingang ohne Gutachten (haufe.de); zwei Wochen nach Vorlage eines Gutachtens sind nicht abgebildet',
      ),
      from: 'referral',
      period: { amount: 3, unit: 'weeks' },
      until: 'plan',
      unless: ['severalLegalDomains', 'planConference'],
    },
    {
      id: 'sgb9-decision-several',
      label: l('Entscheiden, wenn mehrere Träger beteiligt sind', 'Decide when several agencies are involved'),
      source: para('§ 15 Abs. 4 SGB IX', 'secondary', 'sechs Wochen nach Antragseingang (haufe.de)'),
      from: 'referral',
      period: { amount: 6, unit: 'weeks' },
      until: 'plan',
      when: ['severalLegalDomains'],
      unless: ['planConference'],
    },
    {
      id: 'sgb9-decision-conference',
      label: l('Entscheiden nach einer Teilhabeplankonferenz', 'Decide after a participation-plan conference'),
      source: para('§ 15 Abs. 4 SGB IX', 'secondary', 'zwei Monate nach Antragseingang (haufe.de)'),
      from: 'referral',
      period: { amount: 2, unit: 'months' },
      until: 'plan',
      when: ['planConference'],
    },
    {
      id: 'sgb9-plan-review',
      label: l('Gesamtplan überprüfen und fortschreiben', 'Review and update the overall plan'),
      source: para('§ 121 Abs. 2 Satz 2 SGB IX', 'statute'),
      from: 'plan',
      period: { amount: 2, unit: 'years' },
      until: 'nextPlan',
    },
  ],
  retention: [
    {
      id: 'sgb9-eingliederungshilfe-10y',
      legalDomain: 'SGB_IX',
      yearsAfterClosure: 10,
      basis: 'recordsSchedule',
      action: 'delete',
      reference: 'Typischer Wert für Akten der Eingliederungshilfe: 10 Jahre (ungeprüft)',
      verified: false,
    },
  ],
};
