// The negative type test: each line must stay a type error (svelte-check runs tsc over this file too). The
// element types are the ones Svelte checks `<fk-assessment-form …>` attributes against.
import type { SvelteHTMLElements } from 'svelte/elements';

type AssessmentAttributes = SvelteHTMLElements['fk-assessment-form'];

export const wrongValue: AssessmentAttributes = {
  // @ts-expect-error value is an AssessmentFormValue, not a number
  value: 123,
};

export const wrongEvent: AssessmentAttributes = {
  // @ts-expect-error fk-submit hands an FkSubmitEvent<AssessmentFormData>, whose detail is not a string
  'onfk-submit': (event: CustomEvent<string>) => event.detail.toUpperCase(),
};

export const wrongRequired: AssessmentAttributes = {
  // @ts-expect-error required is a boolean
  required: 'ja',
};
