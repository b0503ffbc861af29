import { html } from 'lit';
import type { RedactionMarker } from '@fallkit/core';
import type { FieldBinding, FieldPath, ValueAt } from '../base/field-binding.js';
import type { LocalizeController } from '../controllers/localize-controller.js';
import type { intakeScreeningMessages } from './intake-screening.messages.js';
import type { CasefindingStandard, IntakeScreeningValue, Part } from './intake-screening.schema.js';

/**
 * What the section views of `<fk-intake-screening>` read and may do: the element builds it once per
 * render and hands it to each view function (no access to the element's internals).
 */
export interface IntakeScreeningView {
  readonly t: LocalizeController<typeof intakeScreeningMessages.de>;
  readonly value: IntakeScreeningValue;
  /** The form is disabled (own attribute or a disabled fieldset). */
  readonly disabled: boolean;
  /** The form is read-only. */
  readonly readonly: boolean;
  /** The acting user is a system account: it may not decide on admission (DP-27). */
  readonly automated: boolean;
  readonly standard: CasefindingStandard;
  /** The value as loaded from the case (an open crisis from it is shown, not edited). */
  readonly loaded: IntakeScreeningValue | undefined;
  readonly redactions: Readonly<Partial<Record<Part, RedactionMarker>>>;
  /** The binding of one field (see `FkFormElement.fieldAt`). */
  field<const P extends FieldPath<IntakeScreeningValue>>(
    path: P,
    options?: { readonly optional?: boolean },
  ): FieldBinding<ValueAt<IntakeScreeningValue, P>>;
  errorAt(path: string): string | undefined;
  /** Records an edit of a field the views do not bind (choices shown read-only). */
  setField(path: string, value: unknown): void;
  /** Patches one criterion (an unmet one loses its explanation). */
  setCriterion(list: 'criteria' | 'targetGroupCriteria', index: number, patch: Record<string, unknown>): void;
  toggleCrisis(on: boolean): void;
}

/** A withheld part with its reason (DP-24), or `undefined` when it is not withheld. */
export function redactedPart(v: IntakeScreeningView, part: Part, label: string) {
  const marker = v.redactions[part];
  return marker ? html`<fk-redacted label=${label} .marker=${marker}></fk-redacted>` : undefined;
}
