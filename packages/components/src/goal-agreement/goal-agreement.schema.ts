import {
  agreeGoalInput,
  type CaseCommand,
  type CaseCommandInput,
  type CaseCommandInputIn,
  type Goal,
  type GoalContent,
  type GoalStatus,
} from '@fallkit/core';
import type { Feedback } from '../base/feedback.js';
import { listSchema } from '../base/list-schema.js';
import { canonical, changedFields } from '../list-editing/changed-fields.js';
import type { ItemCommands } from '../list-editing/save-items.js';

/**
 * One goal in the form: the input of the core's `agreeGoal`, plus, for goals already in the case,
 * their `id`, `status`, the `revisionReason` a change needs, and the read-only history (`revisions`,
 * `statusHistory`) shown under the goal.
 */
export type GoalEntry = CaseCommandInputIn<'agreeGoal'> & {
  id?: string;
  status?: GoalStatus;
  revisionReason?: string;
  revisions?: Goal['revisions'];
  statusHistory?: Goal['statusHistory'];
};

/** The value of `<fk-goal-agreement>`. */
export interface GoalAgreementValue {
  goals: GoalEntry[];
}

/** One goal as `fk-submit` carries it: the parsed `agreeGoal` input with id, status and reason. */
export type GoalEntryData = CaseCommandInput<'agreeGoal'> & Pick<GoalEntry, 'id' | 'status' | 'revisionReason'>;

/** The validated data of `fk-submit`. */
export interface GoalAgreementData {
  goals: GoalEntryData[];
}

/** The content fields of a goal: what a revision may change. */
const CONTENT_KEYS = [
  'level',
  'parentGoalId',
  'title',
  'description',
  'indicators',
  'timeFrame',
  'domainIds',
  'wayOfLife',
] as const;
export type ContentKey = (typeof CONTENT_KEYS)[number];

/** Content fields of `next` that differ from `before` (what a `reviseGoal` sends). */
export function changedContent(before: Partial<GoalContent> | undefined, next: Partial<GoalContent>): ContentKey[] {
  return changedFields(CONTENT_KEYS, before, next);
}

/** The entry without what only the form keeps (id, status, reason, history): the `agreeGoal` input. */
const uiOnly = (entry: GoalEntry) => {
  const { id: _id, status: _s, revisionReason: _r, revisions: _rv, statusHistory: _sh, ...input } = entry;
  return input;
};

/** The schema of the value: each goal checked with the core's `agreeGoal` input. */
export const goalListSchema = listSchema<GoalEntry, GoalEntryData>({
  key: 'goals',
  item: agreeGoalInput,
  input: uiOnly,
  output: (entry, parsed) => ({
    ...(parsed as CaseCommandInput<'agreeGoal'>),
    ...(entry.id ? { id: entry.id } : {}),
    ...(entry.status ? { status: entry.status } : {}),
    ...(entry.revisionReason?.trim() ? { revisionReason: entry.revisionReason.trim() } : {}),
  }),
});

/** Guiding above strategic above case goals: a goal's parent is of a higher level. */
export const LEVEL_RANK: Record<string, number> = { guiding: 0, strategic: 1, case: 2 };

/**
 * The goal rules beside the schema: a changed agreed goal needs its reason (revisions never overwrite),
 * an agreed or case goal its agreement date (the core's GOAL_AGREEMENT_MISSING), a time frame in order;
 * a case goal without indicator is warned about.
 */
export function goalRuleFeedback(value: GoalAgreementValue, baseline: ReadonlyMap<string, GoalEntry>): Feedback[] {
  return (value.goals ?? []).flatMap((goal, i): Feedback[] => {
    const out: Feedback[] = [];
    const before = goal.id ? baseline.get(goal.id) : undefined;
    if (
      before &&
      (changedContent(before, goal).length > 0 ||
        canonical(before.agreement ?? null) !== canonical(goal.agreement ?? null)) &&
      !goal.revisionReason?.trim()
    )
      out.push({
        type: 'error',
        code: 'GOAL_REVISION_REASON_MISSING',
        message: { key: 'goals.revision.reasonMissing' },
        path: ['goals', i, 'revisionReason'],
        flag: 'valueMissing',
      });
    // A case goal is agreed with the person (the core's GOAL_AGREEMENT_MISSING): ask for the date.
    if ((goal.agreement || goal.level === 'case') && !goal.agreement?.agreedOn)
      out.push({
        type: 'error',
        code: 'GOAL_AGREEMENT_DATE_MISSING',
        message: { key: 'goals.agreement.dateMissing' },
        path: ['goals', i, 'agreement', 'agreedOn'],
        flag: 'valueMissing',
      });
    const tf = goal.timeFrame;
    if (tf?.from && tf.until && tf.from > tf.until)
      out.push({
        type: 'error',
        code: 'GOAL_TIME_FRAME_ORDER',
        message: { key: 'goals.timeFrame.order' },
        path: ['goals', i, 'timeFrame', 'until'],
        flag: 'rangeUnderflow',
      });
    if (goal.level === 'case' && (goal.indicators ?? []).length === 0)
      out.push({
        type: 'warning',
        code: 'GOAL_NO_INDICATOR',
        message: { key: 'goals.indicator.missing' },
        path: ['goals', i, 'indicators'],
      });
    return out;
  });
}

/**
 * The commands that store each goal, one item per goal: `agreeGoal` for a new one, `reviseGoal` (with
 * the reason and only the changed fields) and `setGoalStatus` for a stored one; `index` finds the goal
 * in the form's current value, where its refusal shows.
 */
export function goalItems(
  caseId: string | undefined,
  data: GoalAgreementData,
  baseline: ReadonlyMap<string, GoalEntry>,
  current: () => GoalAgreementValue,
): ItemCommands<CaseCommand>[] {
  return data.goals.map((goal, position): ItemCommands<CaseCommand> => {
    // The how-manieth new goal this is: a refusal of a new goal (no id yet) shows at the goal in that
    // place among the new ones, never at one found by its text (two goals may have the same title).
    const newOrdinal = data.goals.slice(0, position).filter((g) => !g.id).length;
    const { id, status, revisionReason, ...input } = goal;
    const commands: CaseCommand[] = [];
    const before = id ? baseline.get(id) : undefined;
    if (!id) commands.push({ type: 'agreeGoal', caseId, input });
    else {
      const fields = changedContent(before, input);
      const agreementChanged = canonical(before?.agreement ?? null) !== canonical(input.agreement ?? null);
      if (fields.length || agreementChanged) {
        const changes = Object.fromEntries(fields.map((k) => [k, input[k]]));
        commands.push({
          type: 'reviseGoal',
          caseId,
          input: {
            goalId: id,
            reason: revisionReason ?? '',
            changes,
            ...(agreementChanged && input.agreement ? { agreement: input.agreement } : {}),
          },
        });
      }
      if (status && status !== before?.status)
        commands.push({ type: 'setGoalStatus', caseId, input: { goalId: id, status } });
    }
    const index = () => {
      const goals = current().goals;
      if (id) return goals.findIndex((g) => g.id === id);
      let seen = -1;
      return goals.findIndex((g) => !g.id && ++seen === newOrdinal);
    };
    return { commands, index };
  });
}
