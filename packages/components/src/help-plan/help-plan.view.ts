import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { ChoiceOption } from '../fields/choice-option.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { helpPlanMessages } from './help-plan.messages.js';
import type { HelpPlanGoal, HelpPlanValue, MeasureEntry } from './help-plan.schema.js';

/**
 * What the views of `<fk-help-plan>` read and may do: the element hands this to each view function in
 * `render()`, so the views are plain functions of it.
 */
export interface HelpPlanView {
  readonly t: LocalizeController<typeof helpPlanMessages.de>;
  /** Read-only or disabled: no edits, no add, remove or reorder. */
  readonly locked: boolean;
  /** The goals a measure can serve. */
  readonly goals: readonly HelpPlanGoal[];
  /** The measures in the form's order. */
  readonly measures: readonly MeasureEntry[];
  /** The stored measures by id (what a change is compared to). */
  readonly baseline: ReadonlyMap<string, MeasureEntry>;
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<HelpPlanValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<HelpPlanValue, P>>;
  /** The visible error at a path (`nested`: or below it). */
  errorAt(path: string, nested?: boolean): string | undefined;
  /** Whether errors at a path may show (touched, or after a submit attempt). */
  mayShowErrors(path: string): boolean;
  /** Patches several keys of one measure at once. */
  patch(index: number, patch: Partial<MeasureEntry>, touched: string): void;
  /** Opens or closes a measure's editor. */
  toggle(key: string): void;
  /** Removes a new (unsaved) measure. */
  remove(index: number): void;
  /**
   * The stored measures `m` may depend on, as select options; the same array while their names stay
   * the same (so an open editor's select does not rebuild 199 options on every keystroke elsewhere).
   */
  dependencyOptions(m: MeasureEntry): readonly ChoiceOption[];
  /** The measure's title, or "untitled". */
  measureName(m: MeasureEntry): string;
  /** When the measure runs, as a sentence. */
  when(m: MeasureEntry): string;
}
