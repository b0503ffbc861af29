import type { ExampleCase } from '../../example-types.js';
import { sgb2KooperationsplanCase } from './sgb2-kooperationsplan-case.js';
import { sgb8HilfeplanCase } from './sgb8-hilfeplan-case.js';
import { sgb9GesamtplanCase } from './sgb9-gesamtplan-case.js';

/** One example per legal profile, from opening to closure and evaluation. */
export const PROFILE_EXAMPLE_CASES: readonly ExampleCase[] = [
  sgb2KooperationsplanCase,
  sgb8HilfeplanCase,
  sgb9GesamtplanCase,
];

export { sgb2KooperationsplanCase, sgb8HilfeplanCase, sgb9GesamtplanCase };
