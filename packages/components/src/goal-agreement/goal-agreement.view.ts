import type { Assessment } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { AssessmentStandard } from '../shared/assessment-standard.js';
import type { goalMessages } from './goal-agreement.messages.js';
import type { GoalEntry } from './goal-agreement.schema.js';

/** Where one field of a goal anchors (`goals.<index>.<rest>`), with what to show there. */
export interface GoalField {
  readonly path: string;
  readonly error: string | undefined;
  readonly warning: string | undefined;
}

/**
 * What the section views of `<fk-goal-agreement>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface GoalAgreementView {
  readonly t: LocalizeController<typeof goalMessages.de>;
  /** Read-only or disabled: no edits, no add or remove buttons. */
  readonly locked: boolean;
  readonly disabled: boolean;
  readonly readonly: boolean;
  /** After a submit attempt: every error shows (a stored goal with errors opens). */
  readonly showAllErrors: boolean;
  readonly standard: AssessmentStandard;
  readonly assessment: Pick<Assessment, 'id' | 'version' | 'domains'> | undefined;
  readonly goals: readonly GoalEntry[];
  /** The goals as stored (by id): what revisions compare to. */
  readonly baseline: ReadonlyMap<string, GoalEntry>;
  /** Stored goals the user opened for editing. */
  readonly openGoals: ReadonlySet<string>;
  field(index: number, rest: string): GoalField;
  errorAt(path: string, nested?: boolean): string | undefined;
  /** The goal's title, else "Ziel <n>". */
  goalName(goal: GoalEntry, index: number): string;
  addGoal(seed?: Partial<GoalEntry>): void;
  removeGoal(index: number): void;
  updateGoal(index: number, patch: Partial<GoalEntry>, touched: string): void;
  setTimeFrame(index: number, part: 'from' | 'until', date: string): void;
  setAgreement(index: number, patch: Partial<NonNullable<GoalEntry['agreement']>>, touched: string): void;
  setIndicator(index: number, at: number, patch: { description?: string; target?: string }): void;
  addIndicator(index: number): void;
  removeIndicator(index: number, at: number): void;
  /** Opens or closes a stored goal's editor. */
  toggleGoal(id: string, index: number): void;
}
