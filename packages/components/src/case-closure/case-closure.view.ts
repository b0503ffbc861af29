import type { ReadinessSign, ReadinessSignGroup, RedactionMarker } from '@fallkit/core';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { closureMessages } from './case-closure.messages.js';
import type { CaseClosureValue, ClosureGoal, ClosureInput, EvaluationInput } from './case-closure.schema.js';

/**
 * What the section views of `<fk-case-closure>` read and may do: the element hands this to each view
 * function in `render()`, so the views are plain functions of it (no access to the element's internals).
 */
export interface CaseClosureView {
  readonly t: LocalizeController<typeof closureMessages.de>;
  readonly value: CaseClosureValue;
  /** Read-only, disabled, or not this actor's to record (DP-40). */
  readonly locked: boolean;
  /** The closure part cannot change (locked, or the case is closed). */
  readonly closureLocked: boolean;
  readonly disabled: boolean;
  readonly readonly: boolean;
  readonly closed: boolean;
  readonly goals: readonly ClosureGoal[];
  /** Withheld goals. */
  readonly redactions: readonly RedactionMarker[];
  readonly observedSigns: readonly ReadinessSign[];
  errorAt(path: string, nested?: boolean): string | undefined;
  warningAt(path: string): string | undefined;
  /** Records the case manager's confirmation that closing is their decision. */
  confirmDecision(confirmed: boolean): void;
  setClosure(patch: Partial<ClosureInput>, touched: string): void;
  setEvaluation(patch: Partial<EvaluationInput>, touched: string): void;
  setSigns(group: ReadinessSignGroup, picked: readonly string[]): void;
  setAttainment(goalId: string, patch: { attainment?: string; note?: string }): void;
  setFeedback(index: number, patch: Record<string, string | undefined>): void;
  addFeedback(): void;
  removeFeedback(index: number): void;
  /** Includes the evaluation or leaves it for later. */
  toggleEvaluation(on: boolean): void;
}
