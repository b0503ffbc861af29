import type { PlanItem } from '@fallkit/core';
import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { planMessages } from './plan-document.messages.js';
import type { PlanFormParticipant, PlanFormValue } from './plan-form.schema.js';

/** What the views of `<fk-plan-form>` read and may do: the element builds it once per render. */
export interface PlanFormView {
  readonly t: LocalizeController<typeof planMessages.de>;
  readonly value: PlanFormValue;
  /** Read-only or disabled: no rows added or removed. */
  readonly locked: boolean;
  /** Together mode: plain labels, larger fields. */
  readonly together: boolean;
  /** What the plan takes from the rest of the case. */
  readonly counts: { readonly goals: number; readonly measures: number };
  /** The profile's items that apply to this case. */
  readonly items: readonly PlanItem[];
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<PlanFormValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<PlanFormValue, P>>;
  errorAt(path: string): string | undefined;
  /** The item's label (its plain label in together mode). */
  label(item: PlanItem): string;
  /** Where the item's feedback anchors (`sections.<id>`, `participants`, `goals`, `measures`). */
  itemPath(item: PlanItem): string[];
  setParticipants(participants: PlanFormParticipant[]): void;
}
