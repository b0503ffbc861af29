/**
 * The case-management cycle (Regelkreis, DOMAIN.md section 4) as data, in one file:
 *
 * 1. {@link STAGE_DEFINITIONS}: the stages with their goal and the stages that may follow;
 * 2. {@link STAGE_TRANSITIONS}: which event moves a case from which stage to which (the fold uses it);
 * 3. {@link PROCESS_RULES}: every rule with its stable id, message, hint, reason and source;
 * 4. {@link COMMAND_RULES}: for every case command, the stages it is allowed in (and the rule that
 *    refuses it elsewhere), the preconditions on the case state and the checks of its input;
 * 5. who may issue each command, and which of them are decisions only a human may take (DP-27, PR-07):
 *    `COMMAND_ACCESS` in `access/command-access.ts`, keyed by the same command types (and by those of
 *    the data-protection and data-subject-rights catalogs, which have no process rules).
 *
 * Nothing here has side effects; `decideCommand` (`decide.ts`) applies the table.
 * @module
 */
import { text, type LocalizedText } from '../i18n/localized-text.js';
import type { Actor } from '../ports/actor.js';
import type { IssuePath } from '../result/refusal.js';
import type { JournalEvent } from '../journal/journal-event.js';
import { STAGES, type Stage } from '../model/case-header.js';
import type { CaseState } from '../model/case-state.js';
import type { CaseCommandInput, CaseCommandType } from '../commands/command-catalog.js';
import type { ProcessRule } from './rule.js';
import { addMonths } from './dates.js';
import {
  isAgreedOpenGoal,
  latestAssessmentConfirmed,
  latestCasefindingCheck,
  criteriaMet,
  openCaseGoals,
  requires,
} from './state-queries.js';
import type { ProcessStandard } from './standard/schema.js';
import { planContentViolations } from './standard/plan-content.js';

// ---------------------------------------------------------------------------------------------
// 1. Stages
// ---------------------------------------------------------------------------------------------

/** What a stage is for and where the cycle may go from it. */
export interface StageDefinition {
  readonly label: LocalizedText;
  /** The stage's goal as the guide states it. */
  readonly goal: LocalizedText;
  /** Stages a case can reach from here by the cycle (closure is reachable from every open stage). */
  readonly next: readonly Stage[];
}

/** The stages of the cycle, in the order the stepper shows them. */
export const STAGE_DEFINITIONS: { readonly [S in Stage]: StageDefinition } = {
  referral: {
    label: text('Zuweisung', 'Referral'),
    goal: text(
      'Der Zugang ist dokumentiert: wer hat wann warum zugewiesen.',
      'Access is recorded: who referred, when, why.',
    ),
    next: ['screening'],
  },
  screening: {
    label: text('Fallauswahl', 'Screening'),
    goal: text(
      'Nach denselben schriftlichen Kriterien entscheiden, ob Case Management angezeigt ist.',
      'Decide on the same written criteria whether case management is indicated.',
    ),
    next: ['firstCounselling', 'closed'],
  },
  firstCounselling: {
    label: text('Erstberatung', 'First counselling'),
    goal: text(
      'Arbeitsbündnis herstellen und entscheiden, ob Case Management stattfindet.',
      'Build a working alliance and decide whether case management takes place.',
    ),
    next: ['assessment', 'noFurtherMeasures'],
  },
  noFurtherMeasures: {
    label: text('Keine weiteren Maßnahmen', 'No further measures'),
    goal: text(
      'Begründet abschließen und, wo nötig, weiterverweisen.',
      'Close with a reason and refer on where needed.',
    ),
    next: ['closed'],
  },
  assessment: {
    label: text('Assessment', 'Assessment'),
    goal: text(
      'Ein differenziertes, mit der Person bestätigtes Bild von Problemen und Ressourcen.',
      'A differentiated picture of problems and resources, confirmed with the person.',
    ),
    next: ['goalAgreement'],
  },
  goalAgreement: {
    label: text('Zielvereinbarung', 'Goal agreement'),
    goal: text(
      'Eine für beide Seiten verbindliche Aussage darüber, was erreicht werden soll.',
      'A binding statement, for both sides, of what shall be achieved.',
    ),
    next: ['helpPlanning'],
  },
  helpPlanning: {
    label: text('Hilfeplanung', 'Help planning'),
    goal: text(
      'Gemeinsam planen, welche Dienste und Ressourcen genutzt werden.',
      'Plan jointly which services and resources are used.',
    ),
    next: ['linking', 'monitoring'],
  },
  linking: {
    label: text('Leistungssteuerung', 'Linking'),
    goal: text('Leistungen werden bedarfsgerecht erbracht.', 'Services are delivered as needed.'),
    next: ['monitoring'],
  },
  monitoring: {
    label: text('Monitoring', 'Monitoring'),
    goal: text(
      'Informationen über den Verlauf, um rechtzeitig einzugreifen.',
      'Information on the course, to intervene in time.',
    ),
    next: ['reassessment', 'closure'],
  },
  reassessment: {
    label: text('Re-Assessment', 'Re-assessment'),
    goal: text(
      'Die veränderte Lage neu erfassen; Ziele und Plan werden danach neu vereinbart, alte Fassungen bleiben.',
      'Re-assess the changed situation; goals and plan are agreed anew afterwards, old versions stay.',
    ),
    next: ['goalAgreement'],
  },
  closure: {
    label: text('Abschluss', 'Closure'),
    goal: text(
      'Begründet abschließen, Zielerreichung je Ziel beurteilen, auswerten.',
      'Close with a reason, judge attainment of every goal, evaluate.',
    ),
    next: ['closed'],
  },
  closed: {
    label: text('Abgeschlossen', 'Closed'),
    goal: text('Nur noch lesen (und auswerten).', 'Read only (and evaluate).'),
    next: [],
  },
};

/**
 * The stage order, the one definition: the main path of the cycle as the stepper shows it (from
 * referral to closed; re-assessment loops back into it, DOMAIN.md section 4).
 */
export const CYCLE_PATH: readonly Stage[] = [
  'referral',
  'screening',
  'firstCounselling',
  'assessment',
  'goalAgreement',
  'helpPlanning',
  'linking',
  'monitoring',
  'closure',
  'closed',
];

/** The short path of a case that ends after first counselling (PR-09). */
export const NO_FURTHER_MEASURES_PATH: readonly Stage[] = [
  'referral',
  'screening',
  'firstCounselling',
  'noFurtherMeasures',
  'closed',
];

/** Every stage in which the case is open: all of {@link STAGES} but closure and closed. */
export const OPEN_STAGES: readonly Stage[] = STAGES.filter((stage) => stage !== 'closure' && stage !== 'closed');

/** The stages after goals exist: where goals, plan and monitoring are worked on. */
const WORKING: readonly Stage[] = ['goalAgreement', 'helpPlanning', 'linking', 'monitoring'];

/** Closure reasons after which no evaluation is expected: the case goes straight to `closed`. */
export const NO_EVALUATION_REASONS: readonly string[] = ['noFurtherMeasures', 'notAdmitted', 'contactLost', 'death'];

// ---------------------------------------------------------------------------------------------
// 2. Transitions
// ---------------------------------------------------------------------------------------------

/** One row of the transition table: on an event, from some stages (all if absent), to a stage. */
export interface StageTransition {
  readonly on: string;
  readonly from?: readonly Stage[];
  /** The next stage; a function of the state after the event where the event's content decides. */
  readonly to: Stage | ((state: CaseState) => Stage);
}

/**
 * How events move a case through the cycle. The first row that matches the event type and the
 * current stage wins; events without a matching row (contacts, notes, follow-ups, crises, persons …)
 * keep the stage.
 */
export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  { on: 'CasefindingCriteriaChecked', from: ['referral'], to: 'screening' },
  { on: 'AdmissionDecided', to: (s) => (s.admission?.admitted === true ? 'firstCounselling' : 'screening') },
  {
    on: 'FirstCounsellingRecorded',
    to: (s) => (s.firstCounselling?.decision.kind === 'noFurtherMeasures' ? 'noFurtherMeasures' : 'assessment'),
  },
  { on: 'AssessmentRecorded', from: ['reassessment'], to: 'reassessment' },
  { on: 'AssessmentRecorded', to: 'assessment' },
  { on: 'AssessmentConfirmed', to: 'goalAgreement' },
  { on: 'ReassessmentStarted', to: 'reassessment' },
  { on: 'GoalAgreed', from: ['assessment', 'reassessment', 'goalAgreement'], to: 'goalAgreement' },
  { on: 'GoalRevised', from: ['assessment', 'reassessment', 'goalAgreement'], to: 'goalAgreement' },
  { on: 'MeasureAdded', from: ['goalAgreement', 'helpPlanning'], to: 'helpPlanning' },
  { on: 'ProviderReferralMade', from: ['goalAgreement', 'helpPlanning', 'linking'], to: 'linking' },
  { on: 'ProgressJudged', from: ['goalAgreement', 'helpPlanning', 'linking'], to: 'monitoring' },
  { on: 'ProviderReferralStatusUpdated', from: ['linking'], to: 'monitoring' },
  { on: 'MeasureUpdated', from: ['linking'], to: 'monitoring' },
  {
    on: 'CaseClosed',
    to: (s) => (s.closure !== null && NO_EVALUATION_REASONS.includes(s.closure.reason) ? 'closed' : 'closure'),
  },
  { on: 'EvaluationRecorded', to: 'closed' },
];

const TRANSITIONS_BY_EVENT = new Map<string, StageTransition[]>();
for (const row of STAGE_TRANSITIONS) {
  const rows = TRANSITIONS_BY_EVENT.get(row.on) ?? [];
  rows.push(row);
  TRANSITIONS_BY_EVENT.set(row.on, rows);
}

/**
 * The stage after an event by {@link STAGE_TRANSITIONS}. `state` already includes the event's
 * effect; `state.stage` is still the stage before it.
 */
export function stageAfterEvent(state: CaseState, event: Pick<JournalEvent, 'type'>): Stage {
  for (const row of TRANSITIONS_BY_EVENT.get(event.type) ?? []) {
    if (row.from !== undefined && !row.from.includes(state.stage)) continue;
    return typeof row.to === 'function' ? row.to(state) : row.to;
  }
  return state.stage;
}

// ---------------------------------------------------------------------------------------------
// 3. Rules
// ---------------------------------------------------------------------------------------------

function rule(
  id: string,
  code: string,
  title: LocalizedText,
  message: LocalizedText,
  hint: LocalizedText,
  reason: LocalizedText,
  source: string,
  severity: 'refuse' | 'warn' = 'refuse',
): ProcessRule {
  return { id, code, severity, title, message, hint, reason, source };
}

/** Every process rule by id. Ids are stable: refusals, tests and docs name them. */
export const PROCESS_RULES = {
  'PR-00': rule(
    'PR-00',
    'PROCESS_STANDARD_UNKNOWN',
    text('Prozessstandard bekannt', 'Process standard known'),
    text(
      'Der Prozessstandard dieser Akte ist nicht hinterlegt.',
      'The process standard of this case is not registered.',
    ),
    text(
      'Den Standard in der Fassung, unter der die Akte eröffnet wurde, beim Prozess-Guard registrieren.',
      'Register the standard, in the version the case was opened under, with the process guard.',
    ),
    text(
      'Jede Akte wird nach dem Standard beurteilt, unter dem sie eröffnet wurde; spätere Fassungen schreiben alte Fälle nicht um.',
      'Every case is judged by the standard it was opened under; later versions do not rewrite old cases.',
    ),
    'issue 5; DOMAIN.md 4.9 (shared process standards)',
    'warn',
  ),
  'PR-01': rule(
    'PR-01',
    'PROCESS_CASE_CLOSED',
    text('Nach dem Abschluss nur lesen', 'Read only after closure'),
    text(
      'Der Fall ist abgeschlossen: Es kann nur noch gelesen und ausgewertet werden.',
      'The case is closed: it can only be read and evaluated.',
    ),
    text(
      'Auswertung mit recordEvaluation dokumentieren; für neue Anliegen eine neue Akte eröffnen.',
      'Record the evaluation with recordEvaluation; open a new case for a new concern.',
    ),
    text(
      'Ein Fall hat ein definiertes Ende; danach zählt die Akte als Grundlage der Auswertung.',
      'A case has a defined end; afterwards the file is the basis of the evaluation.',
    ),
    'DOMAIN.md 4.8',
  ),
  'PR-02': rule(
    'PR-02',
    'PROCESS_REFERRAL_STAGE',
    text('Zuweisung vor der Aufnahme', 'Referral before admission'),
    text(
      'Eine Zuweisung wird vor der Aufnahmeentscheidung dokumentiert.',
      'A referral is recorded before the admission decision.',
    ),
    text('Weitere Hinweise als Vermerk (recordNote) festhalten.', 'Record later information as a note (recordNote).'),
    text(
      'Der Zugang (wer hat wann warum zugewiesen) ist Grundlage der Fallauswahl und der Fehlsteuerungsstatistik.',
      'Access (who referred, when, why) is the basis of screening and of the misrouting report.',
    ),
    'DOMAIN.md 4.1',
  ),
  'PR-03': rule(
    'PR-03',
    'PROCESS_CASEFINDING_STAGE',
    text('Casefinding nach Zuweisung, vor Aufnahme', 'Casefinding after referral, before admission'),
    text(
      'Die Kriterien der Fallauswahl werden nach einer dokumentierten Zuweisung und vor der Aufnahme geprüft.',
      'The casefinding criteria are checked after a recorded referral and before admission.',
    ),
    text(
      'Zuerst die Zuweisung dokumentieren (recordReferral), auch bei Selbstmeldung.',
      'Record the referral first (recordReferral), also for self-referral.',
    ),
    text(
      'Zuweisende und Case Manager entscheiden nach denselben Kriterien; dazu muss feststehen, wer zugewiesen hat.',
      'Referrers and case managers decide on the same criteria; for that it must be known who referred.',
    ),
    'DOMAIN.md 4.1; seed 003',
  ),
  'PR-04': rule(
    'PR-04',
    'PROCESS_ADMISSION_NEEDS_CHECK',
    text('Aufnahme nach Kriterienprüfung', 'Admission after the criteria check'),
    text(
      'Über die Aufnahme wird nach der Prüfung der schriftlichen Kriterien der Fallauswahl entschieden.',
      'Admission is decided after checking the written casefinding criteria.',
    ),
    text(
      'Zuerst die Kriterien prüfen (checkCasefindingCriteria).',
      'Check the criteria first (checkCasefindingCriteria).',
    ),
    text(
      'Ohne gemeinsame schriftliche Kriterien schleichen sich verdeckte ein (schwierige Personen abschieben, eigene Fallzahl senken).',
      'Without shared written criteria hidden ones creep in (passing on difficult people, lowering one’s own caseload).',
    ),
    'DOMAIN.md 4.1; seed 003',
  ),
  'PR-05': rule(
    'PR-05',
    'PROCESS_UNKNOWN_CRITERION',
    text('Nur die schriftlichen Kriterien', 'Only the written criteria'),
    text(
      'Geprüft wird nach den Kriterien des geltenden Prozessstandards.',
      'The check uses the criteria of the process standard in force.',
    ),
    text(
      'Nur Kriterien-Ids des Standards verwenden; weitere Kriterien erst in den Standard aufnehmen.',
      'Use only the standard’s criterion ids; add further criteria to the standard first.',
    ),
    text('Verdeckte Kriterien verzerren die Fallauswahl.', 'Hidden criteria distort screening.'),
    'DOMAIN.md 4.1; seed 003',
  ),
  'PR-06': rule(
    'PR-06',
    'PROCESS_ADMISSION_DEVIATION_REASON',
    text('Abweichung von der Kriterienprüfung begründen', 'Justify a decision against the criteria check'),
    text(
      'Die Aufnahmeentscheidung weicht vom Ergebnis der Kriterienprüfung ab.',
      'The admission decision goes against the result of the criteria check.',
    ),
    text('Die Abweichung begründen (deviationReason).', 'Give the reason for the deviation (deviationReason).'),
    text(
      'Fehlsteuerungen (aufgenommen ohne komplexen Bedarf, abgewiesen trotz komplexem Bedarf) sollen sichtbar werden.',
      'Misroutings (admitted without complex needs, sent away despite them) must become visible.',
    ),
    'DOMAIN.md 4.1',
  ),
  'PR-07': rule(
    'PR-07',
    'DENY_AUTOMATED_DECISION',
    text('Menschen entscheiden', 'Humans decide'),
    text(
      'Aufnahme, Ablehnung und Abschluss sind Entscheidungen von Menschen, nicht des Systems (DP-27).',
      'Admission, refusal and closure are decisions of humans, not of the system (DP-27).',
    ),
    text('Die Entscheidung durch eine Fachkraft treffen lassen.', 'Have a professional take the decision.'),
    text(
      'Kriterien und Scores schlagen nur vor; Art. 22 DSGVO verbietet ausschließlich automatisierte Entscheidungen.',
      'Criteria and scores only propose; Art. 22 GDPR forbids solely automated decisions.',
    ),
    'PRIVACY.md DP-27; Art. 22 GDPR',
  ),
  'PR-08': rule(
    'PR-08',
    'PROCESS_FIRST_COUNSELLING_STAGE',
    text('Erstberatung nach der Aufnahme', 'First counselling after admission'),
    text(
      'Die Erstberatung folgt auf eine positive Aufnahmeentscheidung.',
      'First counselling follows a positive admission decision.',
    ),
    text('Zuerst über die Aufnahme entscheiden (decideAdmission).', 'Decide admission first (decideAdmission).'),
    text(
      'In der Erstberatung entsteht das Arbeitsbündnis; sie setzt voraus, dass die Stelle zuständig ist.',
      'First counselling builds the working alliance; it presumes the agency is the right one.',
    ),
    'DOMAIN.md 4.2',
  ),
  'PR-09': rule(
    'PR-09',
    'PROCESS_NO_FURTHER_MEASURES_CLOSURE',
    text('„Keine weiteren Maßnahmen“ nach Erstberatung', '"No further measures" after first counselling'),
    text(
      'Abschluss mit „keine weiteren Maßnahmen“ setzt eine so entschiedene Erstberatung voraus und nennt die Weiterverweisung, wo es eine gab.',
      'Closing with "no further measures" needs a first counselling that decided so, and names the referral elsewhere where there was one.',
    ),
    text(
      'Die Entscheidung in der Erstberatung dokumentieren; bei Weiterverweisung die Stelle in continuedBy nennen.',
      'Record the decision in the first counselling; when the person was referred elsewhere, name the agency in continuedBy.',
    ),
    text(
      'Auch ein kurzer Fall braucht einen nachvollziehbaren Grund und eine Anschlusshilfe, damit niemand verloren geht.',
      'A short case too needs a traceable reason and onward help, so nobody gets lost.',
    ),
    'DOMAIN.md 4 (cycle), 4.2',
  ),
  'PR-10': rule(
    'PR-10',
    'PROCESS_ASSESSMENT_STAGE',
    text('Assessment nach der Erstberatung', 'Assessment after first counselling'),
    text(
      'Ein Assessment wird nach einer Erstberatung mit Entscheidung für Case Management oder in einem Re-Assessment erfasst.',
      'An assessment is recorded after a first counselling that decided for case management, or during a re-assessment.',
    ),
    text(
      'Erstberatung dokumentieren; später ein Re-Assessment beginnen (startReassessment), statt das Assessment still zu ändern.',
      'Record the first counselling; later start a re-assessment (startReassessment) instead of changing the assessment silently.',
    ),
    text(
      'Screening ist kein Assessment; neue Fassungen entstehen bewusst, damit die alte nachvollziehbar bleibt.',
      'Screening is not assessment; new versions are made on purpose so the old one stays traceable.',
    ),
    'DOMAIN.md 4.3',
  ),
  'PR-11': rule(
    'PR-11',
    'PROCESS_ASSESSMENT_NOT_IN_STANDARD',
    text('Lebensbereiche und Skala des Standards', 'Life domains and scale of the standard'),
    text(
      'Das Assessment verwendet die Lebensbereiche und die Einschätzungsskala des geltenden Prozessstandards.',
      'The assessment uses the life domains and the rating scale of the process standard in force.',
    ),
    text(
      'Lebensbereich-Ids und Skalenwerte aus dem Standard wählen.',
      'Choose life-domain ids and scale values from the standard.',
    ),
    text(
      'Nur ein einheitliches Dokumentationssystem lässt Fälle organisationsübergreifend zusammenführen und auswerten.',
      'Only a uniform documentation system lets cases be merged and analysed across organisations.',
    ),
    'DOMAIN.md 4.3, 4.9',
  ),
  'PR-12': rule(
    'PR-12',
    'PROCESS_GOAL_NEEDS_CONFIRMED_ASSESSMENT',
    text('Ziele erst nach bestätigtem Assessment', 'Goals only after a confirmed assessment'),
    text(
      'Ziele werden erst vereinbart, wenn ein Assessment vorliegt und mit der Person bestätigt ist.',
      'Goals are agreed only once an assessment exists and is confirmed with the person.',
    ),
    text(
      'Das Assessment mit der Person besprechen und bestätigen (confirmAssessment).',
      'Discuss the assessment with the person and confirm it (confirmAssessment).',
    ),
    text(
      'Ziele werden aus dem Assessment abgeleitet; Deutungen nur gemeinsam mit der Person.',
      'Goals are derived from the assessment; interpretations only together with the person.',
    ),
    'DOMAIN.md 4.3, 4.4',
  ),
  'PR-13': rule(
    'PR-13',
    'PROCESS_GOAL_NOT_MEASURABLE',
    text('Ziele messbar und terminiert', 'Goals measurable and time-bound'),
    text(
      'Ein Fallziel braucht mindestens einen messbaren Indikator und einen Zeitrahmen.',
      'A case goal needs at least one measurable indicator and a time frame.',
    ),
    text(
      'Indikator (indicators) und Zieldatum (timeFrame.until) angeben.',
      'Give an indicator (indicators) and a target date (timeFrame.until).',
    ),
    text(
      'Erfolg lässt sich nur an vereinbarten, messbaren Zielen beurteilen.',
      'Success can only be judged against agreed, measurable goals.',
    ),
    'DOMAIN.md 4.4',
  ),
  'PR-14': rule(
    'PR-14',
    'PROCESS_GOAL_NOT_AGREED_BY_PERSON',
    text('Ziele mit der Person vereinbart', 'Goals agreed with the person'),
    text('Ein Fallziel wird mit der Person vereinbart.', 'A case goal is agreed with the person.'),
    text(
      'Die Vereinbarung mit der Person festhalten (agreedByPerson); abweichende Positionen unter dissent dokumentieren.',
      'Record the agreement with the person (agreedByPerson); note deviating positions under dissent.',
    ),
    text(
      'Die Zielvereinbarung ist eine für beide Seiten verbindliche Aussage; Dissens wird sichtbar, nicht übergangen.',
      'The goal agreement binds both sides; dissent is made visible, not overridden.',
    ),
    'DOMAIN.md 4.4, 4.5',
  ),
  'PR-15': rule(
    'PR-15',
    'PROCESS_GOAL_TIME_FRAME_TOO_LONG',
    text('Zeitrahmen im Rahmen des Standards', 'Time frame within the standard'),
    text(
      'Der Zeitrahmen des Ziels ist länger, als der Prozessstandard erlaubt.',
      'The goal’s time frame is longer than the process standard allows.',
    ),
    text(
      'Das Ziel in Etappen bis zur nächsten Überprüfung fassen.',
      'Split the goal into steps up to the next review.',
    ),
    text(
      'Manche Standards (z. B. Hilfeplan nach § 36 SGB VIII) vereinbaren Ziele nur bis zur nächsten Überprüfung.',
      'Some standards (e.g. the § 36 SGB VIII help plan) agree goals only up to the next review.',
    ),
    'process standard (goals.maxTimeFrameMonths)',
  ),
  'PR-16': rule(
    'PR-16',
    'PROCESS_MEASURE_WITHOUT_AGREED_GOAL',
    text('Maßnahmen dienen vereinbarten Zielen', 'Measures serve agreed goals'),
    text(
      'Eine Maßnahme dient mindestens einem vereinbarten, offenen Ziel.',
      'A measure serves at least one agreed, open goal.',
    ),
    text('Die Maßnahme einem vereinbarten Ziel zuordnen (goalIds).', 'Link the measure to an agreed goal (goalIds).'),
    text(
      'Planung beschreibt, wie vereinbarte Ziele erreicht werden; Maßnahmen ohne Ziel sind nicht überprüfbar.',
      'Planning describes how agreed goals are reached; measures without a goal cannot be checked.',
    ),
    'DOMAIN.md 4.5',
  ),
  'PR-17': rule(
    'PR-17',
    'PROCESS_PLANNING_STAGE',
    text('Hilfeplanung nach der Zielvereinbarung', 'Help planning after goal agreement'),
    text('Maßnahmen werden geplant, nachdem Ziele vereinbart sind.', 'Measures are planned after goals are agreed.'),
    text('Zuerst ein Ziel mit der Person vereinbaren (agreeGoal).', 'Agree a goal with the person first (agreeGoal).'),
    text('Hilfeplanung setzt die Zielvereinbarung um.', 'Help planning implements the goal agreement.'),
    'DOMAIN.md 4.5',
  ),
  'PR-18': rule(
    'PR-18',
    'PROCESS_LINKING_NEEDS_PLAN',
    text('Vermittlung nach der Hilfeplanung', 'Linking after help planning'),
    text('Vermittelt wird, was im Hilfeplan steht.', 'What is linked is what the help plan says.'),
    text(
      'Zuerst die Maßnahme im Hilfeplan anlegen (addMeasure).',
      'Add the measure to the help plan first (addMeasure).',
    ),
    text(
      'Leistungssteuerung setzt den gemeinsam erstellten Plan um; so behält der Case Manager die Fallverantwortung.',
      'Linking carries out the jointly made plan; that keeps the case manager responsible for the case.',
    ),
    'DOMAIN.md 4.5, 4.6',
  ),
  'PR-19': rule(
    'PR-19',
    'PROCESS_FEEDBACK_NOT_AGREED',
    text('Rückmeldung vereinbaren', 'Agree feedback'),
    text(
      'Mit dem Anbieter ist keine Rückmeldung vereinbart: Der Informationsfluss wird vereinbart, nie vorausgesetzt.',
      'No feedback is agreed with the provider: information flow is agreed, never assumed.',
    ),
    text(
      'Art und Rhythmus der Rückmeldung vereinbaren (feedback).',
      'Agree how and how often the provider reports (feedback).',
    ),
    text(
      'Ohne Rückfluss keine rechtzeitige Information über den Verlauf.',
      'Without data flowing back, no timely information on the course.',
    ),
    'DOMAIN.md 4.6, 4.7',
    'warn',
  ),
  'PR-20': rule(
    'PR-20',
    'PROCESS_MONITORING_STAGE',
    text('Monitoring, wenn Ziele bestehen', 'Monitoring once goals exist'),
    text(
      'Fortschritt, Abweichungen und Abschlusszeichen werden beurteilt, sobald Ziele vereinbart sind.',
      'Progress, deviations and readiness signs are judged once goals are agreed.',
    ),
    text(
      'Zuerst Assessment und Zielvereinbarung abschließen; bis dahin Vermerke nutzen.',
      'Complete assessment and goal agreement first; use notes until then.',
    ),
    text('Fortschritt wird an den vereinbarten Zielen gemessen.', 'Progress is measured against the agreed goals.'),
    'DOMAIN.md 4.7',
  ),
  'PR-21': rule(
    'PR-21',
    'PROCESS_REASSESSMENT_STAGE',
    text('Re-Assessment aus laufender Hilfe', 'Re-assessment from running help'),
    text(
      'Ein Re-Assessment beginnt in der laufenden Hilfe (Zielvereinbarung bis Monitoring) und nicht, während schon eines läuft.',
      'A re-assessment starts in running help (goal agreement to monitoring), and not while one is running.',
    ),
    text('Das laufende Re-Assessment erfassen und bestätigen.', 'Record and confirm the running re-assessment.'),
    text(
      'Re-Assessment ist fällig, wenn sich die Lage ändert oder geplante Veränderungen ausbleiben.',
      'Re-assessment is due when the situation changes or planned changes do not happen.',
    ),
    'DOMAIN.md 4 (cycle), 4.7',
  ),
  'PR-22': rule(
    'PR-22',
    'PROCESS_REASSESSMENT_OPEN',
    text('Ziele und Plan nach bestätigtem Re-Assessment', 'Goals and plan after the confirmed re-assessment'),
    text(
      'Während des Re-Assessments werden Ziele und Plan erst geändert, wenn die neue Fassung mit der Person bestätigt ist.',
      'During a re-assessment, goals and plan change only once the new version is confirmed with the person.',
    ),
    text(
      'Neue Assessment-Fassung erfassen und bestätigen; danach Ziele überarbeiten (reviseGoal), alte Fassungen bleiben erhalten.',
      'Record and confirm the new assessment version; then revise goals (reviseGoal), old versions are kept.',
    ),
    text(
      'Re-Assessment öffnet Zielvereinbarung und Planung neu, ohne die Geschichte zu verlieren.',
      'Re-assessment re-opens goal agreement and planning without losing the history.',
    ),
    'DOMAIN.md 4 (cycle), 4.4, 4.7',
  ),
  'PR-23': rule(
    'PR-23',
    'PROCESS_WARM_HANDOVER_CONFERENCE',
    text('Warme Übergabe mit Übergabegespräch', 'Warm handover with a handover conference'),
    text(
      'Eine warme Übergabe braucht ein Übergabegespräch, spätestens am Tag des Wechsels.',
      'A warm handover needs a handover conference, at the latest on the day of the change.',
    ),
    text(
      'Das Übergabegespräch mit Datum und Beteiligten dokumentieren (conference).',
      'Record the handover conference with date and participants (conference).',
    ),
    text(
      'Bei der warmen Übergabe lernt die Person die neue Stelle kennen, bevor diese federführend wird.',
      'In a warm handover the person meets the new agency before it leads.',
    ),
    'DOMAIN.md 3 (variant 1)',
  ),
  'PR-24': rule(
    'PR-24',
    'PROCESS_HANDOVER_CONSENT',
    text('Einwilligung für die Übergabe geprüft', 'Consent for the handover checked'),
    text(
      'Für die warme Übergabe fehlt die Prüfung der Einwilligung.',
      'The consent check for the warm handover is missing.',
    ),
    text(
      'Die Datenschutzprüfung (handoverConsentCheck) im Prozess-Guard einrichten bzw. Einwilligung erfassen.',
      'Set up the data-protection check (handoverConsentCheck) in the process guard, or record the consent.',
    ),
    text(
      'Eine Übergabe überträgt Sozialdaten an eine andere Stelle; das braucht eine Grundlage.',
      'A handover transfers social data to another agency; that needs a legal basis.',
    ),
    'DOMAIN.md 6; PRIVACY.md',
  ),
  'PR-25': rule(
    'PR-25',
    'PROCESS_HANDOVER_CONTINUING_ROLE',
    text('Fortbestehende Rolle benennen', 'Name the continuing role'),
    text(
      'Bei Auftragnehmerschaft oder ergänzender Hilfe wird benannt, was die bisherige Stelle weiter übernimmt.',
      'When the municipality continues as contractor or covers further needs, say what it keeps doing.',
    ),
    text(
      'Die fortbestehende Aufgabe in continuingRole beschreiben.',
      'Describe the continuing task in continuingRole.',
    ),
    text(
      'Wer was tut, muss nach dem Rechtskreiswechsel für alle klar sein (Schnittstellenmanagement).',
      'Who does what must be clear to everyone after the change of legal domain (interface management).',
    ),
    'DOMAIN.md 3 (variants 2 and 3)',
  ),
  'PR-26': rule(
    'PR-26',
    'PROCESS_NOT_ADMITTED_CLOSURE',
    text('„Nicht aufgenommen“ nach Ablehnung', '"Not admitted" after a negative decision'),
    text(
      'Der Abschlussgrund „nicht aufgenommen“ setzt eine ablehnende Aufnahmeentscheidung voraus.',
      'The closure reason "not admitted" needs a negative admission decision.',
    ),
    text(
      'Zuerst die Aufnahme ablehnen (decideAdmission mit admitted: false).',
      'Decide against admission first (decideAdmission with admitted: false).',
    ),
    text(
      'Die Ablehnung ist eine eigene, begründete Entscheidung.',
      'The refusal is a decision of its own, with reasons.',
    ),
    'DOMAIN.md 4.1, 4.2',
  ),
  'PR-27': rule(
    'PR-27',
    'PROCESS_CLOSURE_GOAL_ATTAINMENT',
    text('Zielerreichung je offenem Ziel', 'Goal attainment for every open goal'),
    text(
      'Beim Abschluss wird die Zielerreichung für jedes offene Fallziel beurteilt.',
      'At closure, attainment is judged for every open case goal.',
    ),
    text('Für jedes offene Ziel goalAttainment angeben.', 'Give goalAttainment for every open goal.'),
    text(
      'Die Auswertung misst den Hilfeplan an den erreichten Zielen.',
      'The evaluation measures the help plan against the goals reached.',
    ),
    'DOMAIN.md 4.8',
  ),
  'PR-28': rule(
    'PR-28',
    'PROCESS_CLOSURE_REASON_NOT_IN_STANDARD',
    text('Abschlussgrund des Standards', 'Closure reason of the standard'),
    text(
      'Dieser Abschlussgrund ist im geltenden Prozessstandard nicht vorgesehen.',
      'This closure reason is not provided by the process standard in force.',
    ),
    text('Einen Abschlussgrund des Standards wählen.', 'Choose a closure reason of the standard.'),
    text('Einheitliche Abschlussgründe machen Fälle vergleichbar.', 'Uniform closure reasons make cases comparable.'),
    'DOMAIN.md 4.9; process standard (closureReasons)',
  ),
  'PR-29': rule(
    'PR-29',
    'PROCESS_CLOSURE_REASON_NOTE',
    text('Sonstiger Abschlussgrund begründet', 'Other closure reason explained'),
    text('Beim Abschlussgrund „Sonstiges“ fehlt die Begründung.', 'The closure reason "other" lacks an explanation.'),
    text('Den Grund in reasonNote beschreiben.', 'Describe the reason in reasonNote.'),
    text('Ein Abschluss braucht einen nachvollziehbaren Grund.', 'A closure needs a traceable reason.'),
    'DOMAIN.md 4.8',
  ),
  'PR-30': rule(
    'PR-30',
    'PROCESS_CLOSURE_NEEDS_MONITORING',
    text('„Ziele erreicht“ nach Monitoring', '"Goals reached" after monitoring'),
    text(
      'Abschluss wegen erreichter Ziele oder Selbststeuerung setzt vereinbarte Ziele und eine Fortschrittsbeurteilung voraus.',
      'Closing because goals were reached or the person steers alone needs agreed goals and a progress judgement.',
    ),
    text('Fortschritt beurteilen (judgeProgress), dann abschließen.', 'Judge progress (judgeProgress), then close.'),
    text(
      'Das Ende ergibt sich aus der Zielerreichung; die muss beurteilt sein (Ballew/Mink-Zeichen helfen).',
      'The end follows from goal attainment; that must have been judged (Ballew/Mink signs help).',
    ),
    'DOMAIN.md 4.7, 4.8',
  ),
  'PR-31': rule(
    'PR-31',
    'PROCESS_EVALUATION_STAGE',
    text('Auswertung nach dem Abschluss', 'Evaluation after closure'),
    text('Ausgewertet wird nach dem Abschluss des Falls.', 'A case is evaluated after its closure.'),
    text('Den Fall zuerst abschließen (closeCase).', 'Close the case first (closeCase).'),
    text('Die Auswertung betrachtet den ganzen Fall.', 'The evaluation looks at the whole case.'),
    'DOMAIN.md 4.8',
  ),
  'PR-32': rule(
    'PR-32',
    'PROCESS_ADMISSION_STAGE',
    text('Aufnahme einmal, vor der Erstberatung', 'Admission once, before first counselling'),
    text(
      'Über die Aufnahme wird nach Zuweisung und Kriterienprüfung entschieden, vor der Erstberatung.',
      'Admission is decided after referral and criteria check, before first counselling.',
    ),
    text(
      'Nach der Aufnahme geht es mit der Erstberatung weiter.',
      'After admission the case continues with first counselling.',
    ),
    text(
      'Die Aufnahmeentscheidung ist der Zugang zum Regelkreis.',
      'The admission decision is the entry to the cycle.',
    ),
    'DOMAIN.md 4.1, 4.2',
  ),
  'PR-33': rule(
    'PR-33',
    'PROCESS_PLAN_CONTENT_MISSING',
    text('Pflichtinhalt des Plans', 'Required plan content'),
    text(
      'Dem Plan fehlt ein Inhalt, den das Gesetz des Standards vorschreibt.',
      'The plan lacks content the standard’s statute prescribes.',
    ),
    text(
      'Den genannten Inhalt ergänzen (Abschnitt des Plans, vereinbartes Ziel oder Maßnahme) und den Plan erneut festschreiben.',
      'Add the content named (a section of the plan, an agreed goal or a measure) and record the plan again.',
    ),
    text(
      'Ein Plan, dem der gesetzliche Mindestinhalt fehlt, trägt die Hilfe nicht und hält keiner Prüfung stand.',
      'A plan without its statutory minimum content does not carry the help and does not stand up to review.',
    ),
    'process standard (plan items with obligation "must")',
  ),
  'PR-34': rule(
    'PR-34',
    'PROCESS_PLAN_CONTENT_SHOULD',
    text('Soll-Inhalt des Plans', 'Plan content the statute says should be there'),
    text(
      'Der Plan wird festgeschrieben; ein Inhalt, den das Gesetz vorsieht („soll“), fehlt.',
      'The plan is recorded; content the statute says it should have is missing.',
    ),
    text(
      'Prüfen, ob der Inhalt in diesem Fall dazugehört, und ihn bei der nächsten Fortschreibung ergänzen.',
      'Check whether the content belongs in this case and add it at the next review.',
    ),
    text(
      '„Soll“ heißt: in der Regel ja, begründete Ausnahmen sind möglich.',
      '"Should" means: as a rule yes, with justified exceptions.',
    ),
    'process standard (plan items with obligation "should")',
    'warn',
  ),
  'PR-35': rule(
    'PR-35',
    'PROCESS_PLAN_NOT_IN_STANDARD',
    text('Plan nach dem Standard', 'Plan of the standard'),
    text('Der Standard des Falls schreibt kein Plandokument vor.', 'The case’s standard prescribes no plan document.'),
    text(
      'Ziele und Maßnahmen bilden hier den Hilfeplan; ein Plandokument gibt es nur in den gesetzlichen Profilen.',
      'Goals and measures form the help plan here; a plan document exists only in the legal profiles.',
    ),
    text(
      'Ein Plan wird nach dem Standard geprüft, unter dem der Fall eröffnet wurde (PR-00).',
      'A plan is checked by the standard the case was opened under (PR-00).',
    ),
    'process standard',
  ),
} as const satisfies Record<string, ProcessRule>;

/** A process rule id. */
export type ProcessRuleId = keyof typeof PROCESS_RULES;

// ---------------------------------------------------------------------------------------------
// 4. Commands
// ---------------------------------------------------------------------------------------------

/** What a precondition sees: the case and the standard in force (and the actor, where known). */
export interface ProcessStateContext {
  readonly state: CaseState;
  readonly standard: ProcessStandard;
}

/** What an input check sees. */
export interface ProcessInputContext<T extends CaseCommandType> extends ProcessStateContext {
  readonly input: CaseCommandInput<T>;
  readonly actor: Actor;
  /** Today (`YYYY-MM-DD`, from the clock). */
  readonly today: string;
}

/** A violated rule with an optional detail sentence and input path. */
export interface ProcessViolation {
  readonly rule: ProcessRuleId;
  readonly detail?: LocalizedText;
  readonly path?: IssuePath;
}

/** A condition on the case state alone (the stepper can ask it without an input). */
export interface ProcessPrecondition {
  readonly rule: ProcessRuleId;
  readonly holds: (context: ProcessStateContext) => boolean;
}

/** A check of a command's input against the case; returns the violations. */
export type ProcessInputCheck<T extends CaseCommandType> = (context: ProcessInputContext<T>) => ProcessViolation[];

/** The process rules of one command. */
export interface CommandRules<T extends CaseCommandType> {
  /** The stages it is allowed in (a function where the standard decides). */
  readonly stages: readonly Stage[] | ((standard: ProcessStandard) => readonly Stage[]);
  /** The rule that refuses it outside those stages. */
  readonly gate: ProcessRuleId;
  /** A more specific rule for some stages outside the allowed ones (e.g. PR-22 during re-assessment). */
  readonly gateIn?: Partial<Record<Stage, ProcessRuleId>>;
  readonly requires?: readonly ProcessPrecondition[];
  readonly checks?: readonly ProcessInputCheck<T>[];
}

const v = (rule: ProcessRuleId, detail?: LocalizedText, path?: IssuePath): ProcessViolation => ({
  rule,
  ...(detail === undefined ? {} : { detail }),
  ...(path === undefined ? {} : { path: ['input', ...path] }),
});

/** Case-goal content checks shared by `agreeGoal` and `reviseGoal` (PR-13, PR-15). */
function goalContentViolations(
  level: string,
  indicators: readonly unknown[] | undefined,
  timeFrame: { from?: string | undefined; until: string } | undefined,
  start: string,
  standard: ProcessStandard,
  path: IssuePath,
): ProcessViolation[] {
  if (level !== 'case') return [];
  const out: ProcessViolation[] = [];
  if (indicators !== undefined && indicators.length === 0) out.push(v('PR-13', undefined, [...path, 'indicators']));
  if (timeFrame === undefined) out.push(v('PR-13', undefined, [...path, 'timeFrame']));
  const max = standard.goals.maxTimeFrameMonths;
  if (max !== undefined && timeFrame !== undefined) {
    const latest = addMonths(timeFrame.from ?? start, max);
    if (timeFrame.until > latest)
      out.push(
        v(
          'PR-15',
          text(`Höchstens ${max} Monate, also bis ${latest}.`, `At most ${max} months, i.e. until ${latest}.`),
          [...path, 'timeFrame', 'until'],
        ),
      );
  }
  return out;
}

const hasAgreedOpenGoal: ProcessPrecondition = {
  rule: 'PR-17',
  holds: ({ state }) => state.goals.some(isAgreedOpenGoal),
};

function measureGoalViolations(state: CaseState, goalIds: readonly string[], path: IssuePath): ProcessViolation[] {
  const served = goalIds.some((id) => {
    const goal = state.goals.find((g) => g.id === id);
    return goal !== undefined && isAgreedOpenGoal(goal);
  });
  return served ? [] : [v('PR-16', undefined, path)];
}

const ANY_OPEN = { stages: OPEN_STAGES, gate: 'PR-01' } as const;

/**
 * The process rules of every case command. `openCase` has no state yet: only PR-00 (its standard
 * must be known) applies to it.
 */
export const COMMAND_RULES: { readonly [T in CaseCommandType]: CommandRules<T> } = {
  openCase: ANY_OPEN,
  // What may happen in any open stage: persons, contacts, notes, follow-ups, crisis help, legal
  // domains, case managers, conferences, status updates of existing items.
  addPerson: ANY_OPEN,
  updatePerson: ANY_OPEN,
  recordResidenceStatus: ANY_OPEN,
  flagCrisis: ANY_OPEN,
  resolveCrisis: ANY_OPEN,
  recordContact: ANY_OPEN,
  scheduleFollowUp: ANY_OPEN,
  completeFollowUp: ANY_OPEN,
  recordNote: ANY_OPEN,
  attachDocument: ANY_OPEN,
  removeDocument: ANY_OPEN,
  assignCaseManager: ANY_OPEN,
  endCaseManagerAssignment: ANY_OPEN,
  addLegalDomain: ANY_OPEN,
  endLegalDomain: ANY_OPEN,
  holdCaseConference: ANY_OPEN,
  setGoalStatus: ANY_OPEN,
  updateReferralStatus: ANY_OPEN,

  recordReferral: { stages: ['referral', 'screening'], gate: 'PR-02' },
  checkCasefindingCriteria: {
    stages: ['referral', 'screening'],
    gate: 'PR-03',
    requires: [{ rule: 'PR-03', holds: ({ state }) => state.referrals.length > 0 }],
    checks: [
      ({ input, standard }) => {
        const known = new Set(standard.casefinding.criteria.map((c) => c.id));
        const targetGroup = new Set(standard.casefinding.targetGroupCriteria.map((c) => c.id));
        const out: ProcessViolation[] = [];
        input.criteria.forEach((c, index) => {
          if (!known.has(c.criterionId))
            out.push(
              v('PR-05', text(`Unbekannt: „${c.criterionId}“.`, `Unknown: "${c.criterionId}".`), [
                'criteria',
                index,
                'criterionId',
              ]),
            );
        });
        if (targetGroup.size > 0)
          (input.targetGroupCriteria ?? []).forEach((c, index) => {
            if (!targetGroup.has(c.criterionId))
              out.push(
                v('PR-05', text(`Unbekannt: „${c.criterionId}“.`, `Unknown: "${c.criterionId}".`), [
                  'targetGroupCriteria',
                  index,
                  'criterionId',
                ]),
              );
          });
        return out;
      },
    ],
  },
  decideAdmission: {
    stages: (standard) => (requires(standard, 'screening') ? ['screening'] : ['referral', 'screening']),
    gate: 'PR-32',
    gateIn: { referral: 'PR-04' },
    requires: [
      {
        rule: 'PR-04',
        holds: ({ state, standard }) => !requires(standard, 'screening') || state.casefindingChecks.length > 0,
      },
    ],
    checks: [
      ({ state, standard, input }) => {
        const check = latestCasefindingCheck(state);
        if (check === undefined || input.deviationReason !== undefined) return [];
        const met = criteriaMet(check, standard);
        return met === input.admitted
          ? []
          : [
              v(
                'PR-06',
                met
                  ? text(
                      'Die Kriterien sind erfüllt, die Person wird aber nicht aufgenommen.',
                      'The criteria are met but the person is not admitted.',
                    )
                  : text(
                      'Die Kriterien sind nicht erfüllt, die Person wird aber aufgenommen.',
                      'The criteria are not met but the person is admitted.',
                    ),
                ['deviationReason'],
              ),
            ];
      },
    ],
  },
  recordFirstCounselling: {
    stages: ['firstCounselling'],
    gate: 'PR-08',
  },
  recordAssessment: {
    stages: ['assessment', 'reassessment'],
    gate: 'PR-10',
    checks: [
      ({ input, standard }) => {
        const domains = new Set(standard.assessment.lifeDomains.map((d) => d.id));
        const scale = standard.assessment.ratingScale;
        const out: ProcessViolation[] = [];
        input.domains.forEach((domain, index) => {
          if (!domains.has(domain.domainId))
            out.push(
              v('PR-11', text(`Lebensbereich „${domain.domainId}“.`, `Life domain "${domain.domainId}".`), [
                'domains',
                index,
                'domainId',
              ]),
            );
          const rating = domain.rating;
          if (
            rating !== undefined &&
            (rating.scaleId !== scale.id || !scale.values.some((s) => s.value === rating.value))
          )
            out.push(
              v(
                'PR-11',
                text(
                  `Skala „${scale.id}“ mit den Werten ${scale.values.map((s) => s.value).join(', ')}.`,
                  `Scale "${scale.id}" with values ${scale.values.map((s) => s.value).join(', ')}.`,
                ),
                ['domains', index, 'rating'],
              ),
            );
        });
        return out;
      },
    ],
  },
  confirmAssessment: { stages: ['assessment', 'reassessment'], gate: 'PR-10' },
  startReassessment: { stages: WORKING, gate: 'PR-21' },
  agreeGoal: {
    stages: WORKING,
    gate: 'PR-12',
    gateIn: { reassessment: 'PR-22' },
    requires: [{ rule: 'PR-12', holds: ({ state }) => latestAssessmentConfirmed(state) }],
    checks: [
      ({ input, standard, today }) => [
        ...goalContentViolations(
          input.level,
          input.indicators,
          input.timeFrame,
          input.agreement?.agreedOn ?? today,
          standard,
          [],
        ),
        ...(input.level === 'case' && input.agreement !== undefined && !input.agreement.agreedByPerson
          ? [v('PR-14', undefined, ['agreement', 'agreedByPerson'])]
          : []),
      ],
    ],
  },
  reviseGoal: {
    stages: WORKING,
    gate: 'PR-12',
    gateIn: { reassessment: 'PR-22' },
    requires: [{ rule: 'PR-12', holds: ({ state }) => latestAssessmentConfirmed(state) }],
    checks: [
      ({ state, input, standard, today }) => {
        const goal = state.goals.find((g) => g.id === input.goalId);
        if (goal === undefined) return [];
        const { changes } = input;
        const touchesContent =
          changes.indicators !== undefined || changes.timeFrame !== undefined || changes.level !== undefined;
        return [
          ...(touchesContent
            ? goalContentViolations(
                changes.level ?? goal.level,
                changes.indicators ?? goal.indicators,
                changes.timeFrame ?? goal.timeFrame,
                input.revisedOn ?? today,
                standard,
                ['changes'],
              )
            : []),
          ...((changes.level ?? goal.level) === 'case' &&
          input.agreement !== undefined &&
          !input.agreement.agreedByPerson
            ? [v('PR-14', undefined, ['agreement', 'agreedByPerson'])]
            : []),
        ];
      },
    ],
  },
  addMeasure: {
    stages: WORKING,
    gate: 'PR-17',
    gateIn: { reassessment: 'PR-22' },
    requires: [hasAgreedOpenGoal],
    checks: [({ state, input }) => measureGoalViolations(state, input.goalIds, ['goalIds'])],
  },
  updateMeasure: {
    ...ANY_OPEN,
    checks: [
      ({ state, input }) =>
        input.changes.goalIds === undefined
          ? []
          : measureGoalViolations(state, input.changes.goalIds, ['changes', 'goalIds']),
    ],
  },
  reorderMeasures: ANY_OPEN,
  referToProvider: {
    stages: (standard) => (requires(standard, 'helpPlanning') ? ['helpPlanning', 'linking', 'monitoring'] : WORKING),
    gate: 'PR-18',
    requires: [
      {
        rule: 'PR-18',
        holds: ({ state, standard }) => !requires(standard, 'helpPlanning') || state.measures.length > 0,
      },
    ],
    checks: [({ input }) => (input.feedback.agreed ? [] : [v('PR-19', undefined, ['feedback', 'agreed'])])],
  },
  judgeProgress: { stages: [...WORKING, 'reassessment'], gate: 'PR-20' },
  recordDeviation: { stages: [...WORKING, 'reassessment'], gate: 'PR-20' },
  recordReadinessSigns: { stages: [...WORKING, 'reassessment'], gate: 'PR-20' },
  changeLeadAgency: {
    ...ANY_OPEN,
    checks: [
      ({ input }) => {
        const out: ProcessViolation[] = [];
        if (input.variant === 'warmHandover') {
          if (input.conference === undefined) out.push(v('PR-23', undefined, ['conference']));
          else if (input.conference.heldOn > input.effectiveFrom)
            out.push(
              v(
                'PR-23',
                text(
                  `Gespräch am ${input.conference.heldOn}, Wechsel am ${input.effectiveFrom}.`,
                  `Conference on ${input.conference.heldOn}, change on ${input.effectiveFrom}.`,
                ),
                ['conference', 'heldOn'],
              ),
            );
        } else if ((input.continuingRole ?? '').trim() === '') out.push(v('PR-25', undefined, ['continuingRole']));
        return out;
      },
    ],
  },
  closeCase: {
    stages: OPEN_STAGES,
    gate: 'PR-01',
    checks: [
      ({ state, input, standard }) => {
        const out: ProcessViolation[] = [];
        if (!standard.closureReasons.some((r) => r.id === input.reason)) out.push(v('PR-28', undefined, ['reason']));
        if (input.reason === 'other' && (input.reasonNote ?? '').trim() === '')
          out.push(v('PR-29', undefined, ['reasonNote']));
        if (input.reason === 'noFurtherMeasures') {
          const decision = state.firstCounselling?.decision;
          if (decision?.kind !== 'noFurtherMeasures') out.push(v('PR-09', undefined, ['reason']));
          else if (decision.referredElsewhereTo !== undefined && (input.continuedBy ?? '').trim() === '')
            out.push(
              v(
                'PR-09',
                text(
                  `Weiterverwiesen an: ${decision.referredElsewhereTo}.`,
                  `Referred to: ${decision.referredElsewhereTo}.`,
                ),
                ['continuedBy'],
              ),
            );
        }
        if (input.reason === 'notAdmitted' && state.admission?.admitted !== false)
          out.push(v('PR-26', undefined, ['reason']));
        if (
          (input.reason === 'goalsReached' || input.reason === 'selfSteering') &&
          (!state.goals.some((g) => g.level === 'case' && g.agreement !== undefined) ||
            (requires(standard, 'monitoring') && state.progressJudgements.length === 0))
        )
          out.push(v('PR-30', undefined, ['reason']));
        const judged = new Set((input.goalAttainment ?? []).map((g) => g.goalId));
        const missing = openCaseGoals(state).filter((goal) => !judged.has(goal.id));
        if (missing.length > 0)
          out.push(
            v(
              'PR-27',
              text(
                `Ohne Beurteilung: ${missing.map((g) => `„${g.title}“`).join(', ')}.`,
                `Not judged: ${missing.map((g) => `"${g.title}"`).join(', ')}.`,
              ),
              ['goalAttainment'],
            ),
          );
        return out;
      },
    ],
  },
  recordEvaluation: { stages: ['closure', 'closed'], gate: 'PR-31' },
  recordPlan: {
    stages: WORKING,
    gate: 'PR-12',
    gateIn: { reassessment: 'PR-22' },
    requires: [{ rule: 'PR-35', holds: ({ standard }) => standard.plan !== undefined }],
    // The statute's required content per profile lives with the profiles (process/standard/).
    checks: [planContentViolations],
  },
};

/** The stages a command is allowed in under a standard. */
export function allowedStages(type: CaseCommandType, standard: ProcessStandard): readonly Stage[] {
  const { stages } = COMMAND_RULES[type];
  return typeof stages === 'function' ? stages(standard) : stages;
}
