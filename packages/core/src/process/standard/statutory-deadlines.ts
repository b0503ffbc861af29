import { text, type LocalizedText } from '../../i18n/localized-text.js';
import { deDate, enDate } from '../../i18n/calendar-date.js';
import type { CaseState } from '../../model/case-state.js';
import { addDays, addMonths } from '../dates.js';
import type { DeadlineCondition, StatutoryDeadline } from './legal-schema.js';
import { verificationNote } from './plan-content.js';
import type { ProcessStandard } from './schema.js';

/** A statutory deadline that is open on a case: when it is due and the sentence that explains it. */
export interface OpenStatutoryDeadline {
  readonly deadline: StatutoryDeadline;
  readonly dueOn: string;
  readonly explanation: LocalizedText;
}

function holds(condition: DeadlineCondition, state: CaseState): boolean {
  switch (condition) {
    case 'severalLegalDomains':
      return state.legalDomains.filter((d) => d.to === undefined).length > 1;
    case 'planConference':
      return state.caseConferences.length > 0;
  }
}

/** The date a deadline counts from, or `undefined` while that has not happened. */
function anchorDate(deadline: StatutoryDeadline, state: CaseState): string | undefined {
  switch (deadline.from) {
    case 'referral':
      return state.referrals[0]?.referredOn;
    case 'admission':
      return state.admission?.decidedOn;
    case 'firstCounselling':
      return state.firstCounselling?.heldOn;
    case 'assessmentConfirmed':
      return state.assessments.find((a) => a.confirmation !== undefined)?.confirmation?.confirmedOn;
    case 'plan':
      return state.plans.at(-1)?.recordedOn;
  }
}

function fulfilled(deadline: StatutoryDeadline, state: CaseState): boolean {
  switch (deadline.until) {
    case 'admission':
      return state.admission !== null;
    case 'plan':
      return state.plans.length > 0;
    // A review counts from the latest plan, so the next plan moves it on rather than ending it.
    case 'nextPlan':
      return false;
  }
}

function dueDate(from: string, period: StatutoryDeadline['period']): string {
  switch (period.unit) {
    case 'days':
      return addDays(from, period.amount);
    case 'weeks':
      return addDays(from, period.amount * 7);
    case 'months':
      return addMonths(from, period.amount);
    case 'years':
      return addMonths(from, period.amount * 12);
  }
}

const UNIT: Record<StatutoryDeadline['period']['unit'], [string, string, string, string]> = {
  days: ['Tag', 'Tage', 'day', 'days'],
  weeks: ['Woche', 'Wochen', 'week', 'weeks'],
  months: ['Monat', 'Monate', 'month', 'months'],
  years: ['Jahr', 'Jahre', 'year', 'years'],
};

const FROM: Record<StatutoryDeadline['from'], [string, string]> = {
  referral: ['dem Antrag bzw. der Zuweisung', 'the application or referral'],
  admission: ['der Aufnahme', 'admission'],
  firstCounselling: ['der Erstberatung', 'the first counselling'],
  assessmentConfirmed: ['dem bestätigten Assessment', 'the confirmed assessment'],
  plan: ['dem letzten Plan', 'the latest plan'],
};

/**
 * The statutory deadlines of a case's standard that are open on the case, each with its due date and
 * an explanation naming the paragraph (and, where the value is not checked against the statute, so).
 */
export function openStatutoryDeadlines(state: CaseState, standard: ProcessStandard): OpenStatutoryDeadline[] {
  const out: OpenStatutoryDeadline[] = [];
  if (state.status !== 'open') return out;
  for (const deadline of standard.statutoryDeadlines ?? []) {
    if (!(deadline.when ?? []).every((c) => holds(c, state))) continue;
    if ((deadline.unless ?? []).some((c) => holds(c, state))) continue;
    const from = anchorDate(deadline, state);
    if (from === undefined || fulfilled(deadline, state)) continue;
    const { amount, unit } = deadline.period;
    const words = UNIT[unit];
    const note = verificationNote(deadline.source);
    out.push({
      deadline,
      dueOn: dueDate(from, deadline.period),
      explanation: text(
        `${deadline.label.de}: spätestens ${amount} ${amount === 1 ? words[0] : words[1]} nach ${FROM[deadline.from][0]} (${deDate(from)}), ${deadline.source.paragraph}${note.de}.`,
        `${deadline.label.en}: at the latest ${amount} ${amount === 1 ? words[2] : words[3]} after ${FROM[deadline.from][1]} (${enDate(from)}), ${deadline.source.paragraph}${note.en}.`,
      ),
    });
  }
  return out;
}
