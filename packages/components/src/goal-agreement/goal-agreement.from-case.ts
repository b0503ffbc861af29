import { isRedactionMarker, type Assessment, type CaseState, type Goal } from '@fallkit/core';
import { splitRedacted } from '../list-editing/list-items.js';
import type { Redactions } from '../shared/view-redactions.js';
import type { AgreementConsent, AgreementMeasure } from './agreement-print.js';
import type { GoalAgreementValue, GoalEntry } from './goal-agreement.schema.js';

/** What `<fk-goal-agreement>` takes from the decided case view. */
export interface GoalCase {
  readonly value: GoalAgreementValue;
  readonly redactions: Redactions;
  /** The latest assessment the view shows (goals are derived from its domains). */
  readonly assessment: Assessment | undefined;
  /** The addressee's name, the lead agency and the case label, for the printed agreement. */
  readonly personName: string | undefined;
  readonly agencyName: string | undefined;
  readonly caseLabel: string | undefined;
  /** The measures the view shows in full, for the printed agreement. */
  readonly measures: AgreementMeasure[];
  /** The consents in their printable shape, when the view carries them. */
  readonly consents: AgreementConsent[] | undefined;
}

/** Goals, the latest assessment, names and measures of the case view (withheld entries as markers). */
export function goalsFromCase(view: CaseState): GoalCase {
  const { entries: goals, redactions } = splitRedacted(view.goals, 'goal', toEntry);
  const assessments = (view.assessments ?? []).filter((a) => !isRedactionMarker(a));
  const person = view.persons?.find((p) => p.id === view.addresseeId);
  const lead = view.leadAgencies?.[view.leadAgencies.length - 1];
  return {
    value: { goals },
    redactions,
    assessment: assessments[assessments.length - 1],
    personName: person && !isRedactionMarker(person) ? `${person.givenName} ${person.familyName}` : undefined,
    agencyName: lead?.name,
    caseLabel: view.label,
    measures: (view.measures ?? [])
      .filter((m) => !isRedactionMarker(m) && !isRedactionMarker(m.title))
      .map((m) => ({
        id: m.id,
        title: m.title,
        goalIds: m.goalIds,
        by: { name: isRedactionMarker(m.by) ? '' : m.by.name },
        ...(typeof m.costCarrier === 'string' ? { costCarrier: m.costCarrier } : {}),
        ...(typeof m.startOn === 'string' ? { startOn: m.startOn } : {}),
        ...(typeof m.endOn === 'string' ? { endOn: m.endOn } : {}),
      })),
    consents: (view as CaseState & { consents?: AgreementConsent[] }).consents,
  };
}

/** A stored goal as an entry of the form (its history kept for display). */
function toEntry(goal: Goal): GoalEntry {
  const entry: GoalEntry = {
    id: goal.id,
    level: goal.level,
    title: goal.title,
    indicators: goal.indicators,
    domainIds: goal.domainIds,
    status: goal.status,
    revisions: goal.revisions,
    statusHistory: goal.statusHistory,
  };
  if (goal.parentGoalId) entry.parentGoalId = goal.parentGoalId;
  if (goal.description) entry.description = goal.description;
  if (goal.timeFrame) entry.timeFrame = goal.timeFrame;
  if (goal.wayOfLife) entry.wayOfLife = goal.wayOfLife;
  if (goal.assessmentId) entry.assessmentId = goal.assessmentId;
  if (goal.agreement) entry.agreement = goal.agreement;
  return entry;
}
