// The negative type test for Angular hosts, which type Fallkit elements in component code: each line must stay
// a type error, or `@ts-expect-error` is unused and the type-check fails.
import '@fallkit/components/define/fk-assessment-form.js';

export function typedInCode(): void {
  const form = document.querySelector('fk-assessment-form')!;
  // @ts-expect-error value is an AssessmentFormValue, not a number
  form.value = 123;
  // @ts-expect-error fk-submit hands an FkSubmitEvent<AssessmentFormData>, whose detail is not a string
  form.addEventListener('fk-submit', (event: CustomEvent<string>) => event.detail.toUpperCase());
  // @ts-expect-error required is a boolean
  form.required = 'ja';
  form.addEventListener('fk-change', (event) => event.detail.valid satisfies boolean);
}
