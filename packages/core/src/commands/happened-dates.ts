import { HAPPENED_TOLERANCE_DAYS } from '../model/limits.js';
import { text } from '../i18n/localized-text.js';
import type { Refusal } from '../result/refusal.js';

/*
 * Which dates of a command say when something happened (IN-06). Such a date lies no later than
 * today plus HAPPENED_TOLERANCE_DAYS, where today is the service's clock in the organisation's time
 * zone: a request "received on 2076-01-01" would move a legal deadline by fifty years. Every other
 * date of an input is a planned date and may lie in the future: due on, valid until, time frames,
 * measure start and end, next conference, effective from (a handover may be agreed ahead), the start
 * or end of a case-manager assignment or legal domain, a restriction's end.
 *
 * Paths are dotted, relative to the input; `*` stands for every item of a list. The case commands'
 * own invariants check most of these dates as well (`DATE_IN_FUTURE`, rule DOMAIN); this table is the
 * one list of all of them, privacy and rights commands included, and `docs/core.md` shows it.
 */

/** The happened-on dates of each command's input, by command type. */
export const HAPPENED_DATES: Readonly<Record<string, readonly string[]>> = {
  openCase: ['openedOn', 'addressee.birthDate', 'addressee.presumedWill.recordedOn'],
  addPerson: ['birthDate', 'presumedWill.recordedOn'],
  updatePerson: ['updatedOn', 'changes.birthDate', 'changes.presumedWill.recordedOn'],
  recordResidenceStatus: ['from'],
  recordReferral: ['referredOn'],
  checkCasefindingCriteria: ['checkedOn'],
  decideAdmission: ['decidedOn'],
  flagCrisis: ['flaggedOn'],
  resolveCrisis: ['resolvedOn'],
  recordFirstCounselling: ['heldOn'],
  recordAssessment: ['recordedOn'],
  confirmAssessment: ['confirmation.confirmedOn'],
  startReassessment: ['startedOn'],
  agreeGoal: ['agreement.agreedOn'],
  reviseGoal: ['revisedOn', 'agreement.agreedOn'],
  setGoalStatus: ['on'],
  updateMeasure: ['changedOn'],
  referToProvider: ['referredOn'],
  updateReferralStatus: ['on'],
  holdCaseConference: ['heldOn'],
  recordContact: ['on'],
  completeFollowUp: ['doneOn'],
  judgeProgress: ['on'],
  recordDeviation: ['on'],
  recordReadinessSigns: ['on'],
  changeLeadAgency: ['conference.heldOn'],
  recordNote: ['on'],
  attachDocument: ['receivedOn'],
  closeCase: ['closedOn'],
  recordEvaluation: ['evaluatedOn'],
  // The plan document of a process profile: when this version was made (its `reviewOn` is planned).
  recordPlan: ['recordedOn'],
  // Data-subject rights: the day a request arrived starts its legal deadline (Art. 12(3) GDPR).
  recordAccessRequest: ['receivedOn'],
  answerAccessRequest: ['answeredOn'],
  rectifyData: ['rectifiedOn'],
  requestErasure: ['requestedOn'],
  recordObjection: ['receivedOn'],
};

/**
 * The planned dates of each command's input: they may lie in the future. With {@link HAPPENED_DATES}
 * they name every date field of every input (a test walks the schemas and checks it), so a new date
 * field is classified on purpose, not by omission.
 */
export const PLANNED_DATES: Readonly<Record<string, readonly string[]>> = {
  openCase: ['addressee.representations.*.from', 'addressee.representations.*.until'],
  addPerson: ['representations.*.from', 'representations.*.until'],
  updatePerson: ['changes.representations.*.from', 'changes.representations.*.until'],
  recordResidenceStatus: ['validUntil'],
  agreeGoal: ['timeFrame.from', 'timeFrame.until'],
  reviseGoal: ['changes.timeFrame.from', 'changes.timeFrame.until'],
  addMeasure: ['startOn', 'endOn'],
  updateMeasure: ['changes.startOn', 'changes.endOn'],
  referToProvider: ['feedback.nextFeedbackOn'],
  updateReferralStatus: ['feedback.nextFeedbackOn'],
  holdCaseConference: ['nextConferenceOn'],
  scheduleFollowUp: ['dueOn'],
  changeLeadAgency: ['effectiveFrom', 'involvedUntil'],
  assignCaseManager: ['from'],
  endCaseManagerAssignment: ['to'],
  addLegalDomain: ['from'],
  endLegalDomain: ['to'],
  recordPlan: ['reviewOn'],
  recordConsent: ['validFrom', 'validUntil'],
  recordConfidentialityRelease: ['validFrom', 'validUntil'],
  restrictProcessing: ['until'],
};

/** The values at a dotted path with `*` for list items, each with its concrete path. */
function valuesAt(root: unknown, path: readonly string[]): { value: unknown; at: (string | number)[] }[] {
  let current: { value: unknown; at: (string | number)[] }[] = [{ value: root, at: [] }];
  for (const key of path) {
    const next: { value: unknown; at: (string | number)[] }[] = [];
    for (const { value, at } of current) {
      if (value === null || typeof value !== 'object') continue;
      if (key === '*') {
        if (Array.isArray(value)) value.forEach((item, index) => next.push({ value: item, at: [...at, index] }));
      } else if (Object.hasOwn(value, key)) {
        next.push({ value: (value as Record<string, unknown>)[key], at: [...at, key] });
      }
    }
    current = next;
  }
  return current;
}

/** `date` plus `days` calendar days, as `YYYY-MM-DD`. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The refusals for happened-on dates of a parsed input that lie after today plus the tolerance
 * (code `DATE_IN_FUTURE`, rule `IN-06`, path into the command).
 */
export function happenedDateRefusals(type: string, input: unknown, today: string): Refusal[] {
  const paths = Object.hasOwn(HAPPENED_DATES, type) ? HAPPENED_DATES[type]! : [];
  const latest = addDays(today, HAPPENED_TOLERANCE_DAYS);
  return paths.flatMap((path) =>
    valuesAt(input, path.split('.'))
      .filter(({ value }) => typeof value === 'string' && value > latest)
      .map(({ value, at }) => {
        const field = ['input', ...at].join('.');
        return {
          code: 'DATE_IN_FUTURE',
          rule: 'IN-06',
          path: ['input', ...at],
          message: text(
            `Das Datum in ${field} (${String(value)}) liegt in der Zukunft (heute ist ${today}); hier steht, wann etwas geschehen ist.`,
            `The date in ${field} (${String(value)}) is in the future (today is ${today}); it says when something happened.`,
          ),
          hint: text(
            'Dokumentieren Sie nur, was bereits geschehen ist; Künftiges als Wiedervorlage.',
            'Record only what has happened; plan future steps as follow-ups.',
          ),
        };
      }),
  );
}
