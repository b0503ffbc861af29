import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { Stage } from '../model/case-header.js';

/**
 * What the guide says about a stage (DOMAIN.md section 4): its basic problem (the mistake the software
 * must not make easier), the success criterion, and the sub-steps the forms and the process stepper
 * guide through as a checklist.
 */
export interface StageGuide {
  readonly basicProblem: LocalizedText;
  readonly success: LocalizedText;
  readonly subSteps: readonly LocalizedText[];
}

/** The guide's basic problem, success criterion and sub-steps for every stage. */
export const STAGE_GUIDE: { readonly [S in Stage]: StageGuide } = {
  referral: {
    basicProblem: text(
      'Verdeckte Kriterien: „schwierige“ Personen werden weitergereicht, eigene Fallzahlen gesenkt.',
      'Hidden criteria: "difficult" people are passed on, one’s own caseload is lowered.',
    ),
    success: text('Der Zugang ist nachvollziehbar dokumentiert.', 'Access is recorded traceably.'),
    subSteps: [
      text('Zuweisende Stelle, Datum und Anlass festhalten', 'Record the referring agency, date and reason'),
      text('Bei Krisen zuerst Krisenhilfe', 'In a crisis, crisis help first'),
    ],
  },
  screening: {
    basicProblem: text(
      'Fehlsteuerung: aufgenommen ohne komplexen Bedarf, abgewiesen trotz komplexem Bedarf.',
      'Misrouting: admitted without complex needs, sent away despite them.',
    ),
    success: text('Treffsichere Aufnahmeentscheidungen.', 'Accurate admission decisions.'),
    subSteps: [
      text('Kriterien der Fallauswahl des Standards prüfen', 'Check the screening criteria of the standard'),
      text('Zielgruppenkriterien prüfen', 'Check the target-group criteria'),
      text('Aufnahme entscheiden, Abweichungen begründen', 'Decide admission, give reasons for deviations'),
    ],
  },
  firstCounselling: {
    basicProblem: text(
      'Taktisches Verhalten der Person; „Schere im Kopf“, die nur Bedarfe sieht, die zu vorhandenen Maßnahmen passen.',
      'Tactical behaviour of the person; the "scissors in the head" that only see needs fitting existing measures.',
    ),
    success: text(
      'Die Person ist motiviert; erste Struktur der Probleme; treffsichere Aufnahme.',
      'The person is motivated; a first structure of the problems; accurate admission.',
    ),
    subSteps: [
      text('Erstes Bild von Problemen und Ressourcen', 'First picture of problems and resources'),
      text('Eindruck von der Motivation', 'Impression of motivation'),
      text(
        'Kooperationswilligkeit und -fähigkeit unterscheiden (Sprache, Angst, Kognition)',
        'Tell willingness from ability to cooperate (language, fear, cognition)',
      ),
      text('Über Case Management entscheiden', 'Decide on case management'),
      text(
        'Verfahren, Chancen, Anforderungen und Rollen erklären',
        'Explain the process, its chances, demands and roles',
      ),
      text('Erster mündlicher Kontrakt', 'First oral contract'),
    ],
  },
  noFurtherMeasures: {
    basicProblem: text('Niemand darf ohne Anschlusshilfe verloren gehen.', 'Nobody may get lost without onward help.'),
    success: text(
      'Begründeter Abschluss, Weiterverweisung benannt.',
      'Closure with a reason, referral elsewhere named.',
    ),
    subSteps: [
      text('Grund dokumentieren', 'Record the reason'),
      text('An die passende Stelle weiterverweisen', 'Refer to the right service'),
    ],
  },
  assessment: {
    basicProblem: text(
      'Unterschiedliche Sichtweisen (narratives Dilemma); Abfragen statt Gespräch.',
      'Differing views (narrative dilemma); questionnaires instead of conversation.',
    ),
    success: text('Ein zielorientiertes, differenziertes Bild.', 'A goal-oriented, differentiated picture.'),
    subSteps: [
      text('Auf konkrete Bedarfe konzentrieren', 'Focus on concrete needs'),
      text('Person, Angehörige und Beteiligte einbeziehen', 'Involve the person, relatives and other participants'),
      text('Verständlich dokumentieren, laufend aktualisieren', 'Document understandably, update continuously'),
      text(
        'Deutungen gemeinsam bestätigen, abweichende festhalten',
        'Confirm interpretations together, record deviating ones',
      ),
    ],
  },
  goalAgreement: {
    basicProblem: text('Unterschiedliche Ziele (strategisches Dilemma).', 'Differing goals (strategic dilemma).'),
    success: text(
      'Eine realistische Vereinbarung und eine erste Idee, wie sie zu erreichen ist.',
      'A realistic agreement and a first idea of how to reach it.',
    ),
    subSteps: [
      text('Ziele aus dem Assessment ableiten', 'Derive goals from the assessment'),
      text('Erwartete Ergebnisse messbar machen', 'Make expected results measurable'),
      text('Gemeinsam mit der Person entwickeln', 'Develop them together with the person'),
      text('Realistisch für die Möglichkeiten der Person', 'Realistic for the person’s possibilities'),
      text('Zeitrahmen festlegen', 'Set a time frame'),
    ],
  },
  helpPlanning: {
    basicProblem: text(
      'Unrealistische Vorstellungen von Angeboten und Bewältigungsressourcen, auf beiden Seiten.',
      'Unrealistic views of services and coping resources, on both sides.',
    ),
    success: text(
      'Ein realistischer Plan zwischen Bedarf, Ressourcen und Angebot.',
      'A realistic plan between need, coping resources and supply.',
    ),
    subSteps: [
      text('Individuell zugeschnittener Plan', 'Individually tailored plan'),
      text('Gemeinsam entwickelt und schriftlich', 'Developed together and written down'),
      text('Dissens festhalten', 'Record dissent'),
      text('Zweitbeste Wege und fehlende Angebote markieren', 'Mark second-best ways and missing services'),
      text('Optionale und alternative Wege benennen', 'Name optional and alternative ways'),
    ],
  },
  linking: {
    basicProblem: text(
      'Angebote fehlen oder sind nicht rechtzeitig verfügbar; hoher Koordinationsaufwand.',
      'Services missing or not available in time; high coordination effort.',
    ),
    success: text('Bedarfe werden rechtzeitig gedeckt.', 'Needs are met in time.'),
    subSteps: [
      text('Beteiligte Fachkräfte kontaktieren', 'Contact the professionals involved'),
      text(
        'Fallkonferenz und fallübergreifenden Austausch herstellen',
        'Establish case conferences and case-overarching exchange',
      ),
      text(
        'Praktische, finanzielle und rechtliche Modalitäten klären',
        'Clarify practical, financial and legal modalities',
      ),
      text('Rückmeldung vereinbaren', 'Agree feedback'),
    ],
  },
  monitoring: {
    basicProblem: text(
      'Schlechte Dokumentation; Eigeninteressen der Anbieter.',
      'Poor documentation; providers’ own interests.',
    ),
    success: text(
      'Rechtzeitige Information über die wesentlichen Etappen des Falls.',
      'Timely information on the main stages of the case.',
    ),
    subSteps: [
      text('Kontakthäufigkeit und Wiedervorlagen vereinbaren', 'Agree contact frequency and follow-ups'),
      text('Fortschritt systematisch beurteilen', 'Judge progress systematically'),
      text('Wirkung jeder Intervention beurteilen', 'Judge the effect of each intervention'),
      text(
        'Assessment, Ziele und Plan anpassen und jede Änderung festhalten',
        'Revise assessment, goals and plan, and write every change down',
      ),
      text('Angebotslücken melden', 'Report service gaps'),
    ],
  },
  reassessment: {
    basicProblem: text(
      'Die Lage hat sich geändert oder geplante Veränderungen bleiben aus.',
      'The situation changed or planned changes do not happen.',
    ),
    success: text(
      'Ein neues, bestätigtes Bild; alte Fassungen bleiben.',
      'A new, confirmed picture; old versions stay.',
    ),
    subSteps: [
      text('Anlass festhalten', 'Record the reason'),
      text('Neue Assessment-Fassung erfassen und bestätigen', 'Record and confirm a new assessment version'),
      text('Ziele und Plan überarbeiten', 'Revise goals and plan'),
    ],
  },
  closure: {
    basicProblem: text('Ein Fall ohne definiertes Ende.', 'A case without a defined end.'),
    success: text(
      'Die Person steuert ihr Hilfenetz selbst oder die Ziele sind erreicht; der Fall ist ausgewertet.',
      'The person steers their network alone or the goals are reached; the case is evaluated.',
    ),
    subSteps: [
      text('Zeichen der Abschlussbereitschaft prüfen (Ballew/Mink)', 'Check signs of readiness to close (Ballew/Mink)'),
      text('Zielerreichung je Ziel beurteilen', 'Judge attainment of each goal'),
      text('Hilfeplan, Methoden, Kooperation und Aufwand auswerten', 'Evaluate plan, methods, cooperation and effort'),
      text('Zufriedenheit erfragen (Abschlussgespräch)', 'Ask about satisfaction (closing conversation)'),
      text('Anbietern Rückmeldung geben', 'Give providers feedback'),
    ],
  },
  closed: {
    basicProblem: text('Die Akte wird nur noch gelesen.', 'The file is only read.'),
    success: text('Auswertung fließt in die Angebotsplanung ein.', 'The evaluation feeds service planning.'),
    subSteps: [],
  },
};
