import { deDate, enDate } from '../i18n/calendar-date.js';
import { text, type LocalizedText } from '../i18n/localized-text.js';
import { openAssignmentOf, openAssignmentsOf } from '../access/periods.js';
import type { CaseState } from '../model/case-state.js';
import type { CaseManagerPeriod } from '../model/case-header.js';
import { continuityOnTakeover, handoverInForce } from './handover-continuity.js';

/** The assignment a confirmation is asked for: the fields of `assignCaseManager` that decide what follows. */
export interface AssignmentPlan {
  readonly userId: string;
  readonly name?: string | undefined;
  readonly agencyId: string;
  readonly role: 'primary' | 'deputy';
  /** The day it starts (today when absent). */
  readonly from?: string | undefined;
  /** The user whose assignment ends on the same day (a change of case manager). */
  readonly replaces?: string | undefined;
  readonly replacesAgencyId?: string | undefined;
}

function nameOf(period: Pick<CaseManagerPeriod, 'name' | 'userId'>): string {
  return period.name ?? period.userId;
}

/**
 * What an `assignCaseManager` will do, as sentences for the confirmation an element asks before this
 * step, which cannot be taken back (issue 21): who gets the case from when, whose responsibility ends,
 * whether and when that person loses access (DP-23: access follows the assignment) or stays involved as
 * the handover's variant says (HO-1/HO-2, the same rule the command applies), and where the open
 * follow-ups go (HO-3). `today` is the organisation's day, used when the plan names no `from`. The
 * sentences are the core's, so every element says the same as the command will do.
 */
export function assignmentConsequences(state: CaseState, plan: AssignmentPlan, today: string): LocalizedText[] {
  const from = plan.from ?? today;
  const de = deDate(from);
  const en = enDate(from);
  const name = plan.name ?? plan.userId;
  const lines: LocalizedText[] = [
    plan.role === 'primary'
      ? text(
          `${name} übernimmt ab ${de} die Fallverantwortung und sieht ab dann den Fall.`,
          `${name} takes over as case manager from ${en} and can see the case from then on.`,
        )
      : text(
          `${name} wird ab ${de} Vertretung in der Fallverantwortung und sieht ab dann den Fall.`,
          `${name} becomes deputy case manager from ${en} and can see the case from then on.`,
        ),
  ];
  const replaced =
    plan.replaces === undefined ? undefined : openAssignmentOf(state, plan.replaces, plan.replacesAgencyId);
  if (replaced === undefined) {
    lines.push(text('Niemand verliert dadurch den Zugang zum Fall.', 'Nobody loses access to the case through this.'));
    return lines;
  }
  const old = nameOf(replaced);
  const continuity = continuityOnTakeover(state, replaced, { agencyId: plan.agencyId, from });
  if (continuity !== undefined) {
    lines.push(
      text(`Die Fallverantwortung von ${old} endet am ${de}.`, `${old}’s responsibility for the case ends on ${en}.`),
      continuity.involvement.explanation,
    );
    const handover = handoverInForce(state, from);
    lines.push(
      handover?.consentRef === undefined
        ? text(
            `Offene Wiedervorlagen bleiben bei ${old}, weil die Übergabe keine Einwilligung nennt.`,
            `Open follow-ups stay with ${old}, because the handover names no consent.`,
          )
        : text(`Offene Wiedervorlagen gehen an ${name}.`, `Open follow-ups go to ${name}.`),
    );
    return lines;
  }
  const keeps = openAssignmentsOf(state, replaced.userId, replaced.agencyId).some((p) => p !== replaced);
  lines.push(
    keeps
      ? text(
          `Die Fallverantwortung von ${old} endet am ${de}; den Zugang behält ${old} über eine weitere Zuständigkeit im Fall.`,
          `${old}’s responsibility for the case ends on ${en}; ${old} keeps access through another role in the case.`,
        )
      : text(
          `Die Fallverantwortung von ${old} endet am ${de}; ab dann hat ${old} keinen Zugang mehr zum Fall.`,
          `${old}’s responsibility for the case ends on ${en}; from then on ${old} has no access to the case.`,
        ),
  );
  return lines;
}
