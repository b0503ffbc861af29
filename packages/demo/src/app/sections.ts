/**
 * The tabs of a case page and the Fallkit element each one shows. Elements are registered by
 * `components.ts`; a tab whose element is not registered says so on the page instead of staying blank.
 */
import { CYCLE_PATH, STAGES, text, type LocalizedText, type Stage } from '@fallkit/core';
import { stageName, stagesName } from '@fallkit/components';
import type { CaseSectionKey } from './routes.js';

/** One tab of a case. */
export interface SectionInfo {
  readonly key: CaseSectionKey;
  readonly label: LocalizedText;
  /** The element the tab shows inside `<fk-case-provider>`; none for the demo's own tabs. */
  readonly tag?: string;
  /** Stages of the cycle this tab belongs to (the tab is marked while the case is there). */
  readonly stages: readonly string[];
}

/** The case tabs in the order of the cycle. */
export const SECTIONS: readonly SectionInfo[] = [
  { key: 'overview', label: text('Überblick', 'Overview'), tag: 'fk-case-overview', stages: [] },
  { key: 'people', label: text('Personen', 'People'), tag: 'fk-person-record', stages: [] },
  {
    key: 'intake',
    // The glossary's names of the two stages (issue 21 item 9): "Zuweisung und Fallauswahl".
    label: text(stagesName(['referral', 'screening'], 'de'), stagesName(['referral', 'screening'], 'en')),
    tag: 'fk-intake-screening',
    stages: ['referral', 'screening'],
  },
  {
    key: 'counselling',
    label: text('Erstberatung', 'First counselling'),
    tag: 'fk-first-counselling',
    stages: ['firstCounselling'],
  },
  { key: 'consent', label: text('Einwilligungen', 'Consents'), tag: 'fk-consent-manager', stages: [] },
  {
    key: 'assessment',
    label: text('Assessment', 'Assessment'),
    tag: 'fk-assessment-form',
    stages: ['assessment', 'reassessment'],
  },
  { key: 'goals', label: text('Ziele', 'Goals'), tag: 'fk-goal-agreement', stages: ['goalAgreement'] },
  { key: 'helpPlan', label: text('Hilfeplan', 'Help plan'), tag: 'fk-help-plan', stages: ['helpPlanning'] },
  // The plan document of a legal profile (Kooperationsplan, Hilfeplan, Gesamtplan); for default cases it says there is none.
  { key: 'plan', label: text('Plan nach Profil', 'Plan of the profile'), tag: 'fk-plan-form', stages: [] },
  { key: 'referrals', label: text('Vermittlung', 'Linking'), tag: 'fk-referrals', stages: ['linking'] },
  { key: 'monitoring', label: text('Monitoring', 'Monitoring'), tag: 'fk-monitoring', stages: ['monitoring'] },
  { key: 'handover', label: text('Übergabe', 'Handover'), tag: 'fk-handover', stages: [] },
  {
    key: 'closure',
    label: text('Abschluss und Evaluation', 'Closure and evaluation'),
    tag: 'fk-case-closure',
    stages: ['closure', 'closed', 'noFurtherMeasures'],
  },
  { key: 'notes', label: text('Vermerke', 'Notes'), tag: 'fk-notes', stages: [] },
  { key: 'documents', label: text('Dokumente', 'Documents'), tag: 'fk-documents', stages: [] },
  { key: 'appointments', label: text('Termine', 'Appointments'), tag: 'fk-appointments', stages: [] },
  { key: 'letter', label: text('Briefe', 'Letters'), tag: 'fk-letter', stages: [] },
  { key: 'history', label: text('Verlauf', 'History'), stages: [] },
];

/** The tab of a key. */
export function sectionInfo(key: CaseSectionKey): SectionInfo {
  return SECTIONS.find((section) => section.key === key) ?? SECTIONS[0]!;
}

/** The tab where a case in `stage` is worked on. */
export function sectionOfStage(stage: string): SectionInfo | undefined {
  return SECTIONS.find((section) => section.stages.includes(stage));
}

/** Names of the stages of the cycle: the glossary's (the core's `STAGE_DEFINITIONS`), one name a stage. */
export const STAGE_LABELS: Readonly<Record<string, LocalizedText>> = Object.fromEntries(
  STAGES.map((stage) => [stage, text(stageName(stage, 'de'), stageName(stage, 'en'))]),
);

/** The stages in cycle order, for the demo's stepper fallback: the core's one stage order. */
export const CYCLE_STAGES: readonly Stage[] = CYCLE_PATH;

/** The tab where each command of the cycle is entered (for the overview's next-step buttons). */
const COMMAND_SECTIONS: Readonly<Record<string, CaseSectionKey>> = {
  attachDocument: 'documents',
  removeDocument: 'documents',
  recordReferral: 'intake',
  checkCasefindingCriteria: 'intake',
  decideAdmission: 'intake',
  flagCrisis: 'intake',
  resolveCrisis: 'intake',
  recordFirstCounselling: 'counselling',
  recordConsent: 'consent',
  withdrawConsent: 'consent',
  recordConfidentialityRelease: 'consent',
  recordAssessment: 'assessment',
  confirmAssessment: 'assessment',
  agreeGoal: 'goals',
  reviseGoal: 'goals',
  setGoalStatus: 'goals',
  addMeasure: 'helpPlan',
  updateMeasure: 'helpPlan',
  reorderMeasures: 'helpPlan',
  referToProvider: 'referrals',
  updateReferralStatus: 'referrals',
  holdCaseConference: 'referrals',
  recordContact: 'monitoring',
  scheduleFollowUp: 'monitoring',
  completeFollowUp: 'monitoring',
  judgeProgress: 'monitoring',
  recordDeviation: 'monitoring',
  recordReadinessSigns: 'monitoring',
  startReassessment: 'monitoring',
  changeLeadAgency: 'handover',
  assignCaseManager: 'handover',
  endCaseManagerAssignment: 'handover',
  addLegalDomain: 'handover',
  endLegalDomain: 'handover',
  recordPlan: 'plan',
  closeCase: 'closure',
  recordEvaluation: 'closure',
};

/** The tab of a command; the overview for commands without one. */
export function sectionOfCommand(command: string): CaseSectionKey {
  return COMMAND_SECTIONS[command] ?? 'overview';
}
