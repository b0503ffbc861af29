// The negative type test: each line must stay a type error. If the typings stopped typing properties or
// events (e.g. became `any`), `@ts-expect-error` would be unused and the type-check would fail.
import type { FkSavedEvent } from '@fallkit/components';

export const wrongValue = (
  // @ts-expect-error value is an AssessmentFormValue, not a number
  <fk-assessment-form value={123} />
);

export const wrongEvent = (
  // @ts-expect-error fk-submit hands an FkSubmitEvent<AssessmentFormData>, whose detail is not a string
  <fk-assessment-form onfk-submit={(event: CustomEvent<string>) => event.detail.toUpperCase()} />
);

export const wrongAttribute = (
  // @ts-expect-error required is a boolean
  <fk-assessment-form required="ja" />
);

export const unknownProperty = (
  // @ts-expect-error fk-assessment-form has no property `wishes`
  <fk-assessment-form wishes="x" />
);

export function typedDetail(event: FkSavedEvent) {
  return event.detail;
}
