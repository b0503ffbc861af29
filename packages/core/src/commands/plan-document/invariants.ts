import type { InvariantCheck } from '../invariant-checks.js';
import type { planDocumentInputs } from './inputs.js';

/**
 * The domain invariants of this slice's commands: none beyond the schema. `recordPlan` takes its goals
 * and measures from the case; when a plan may be written is a process rule (`process/cycle.ts`).
 */
export const planDocumentInvariants: { readonly [T in keyof typeof planDocumentInputs]?: InvariantCheck<T> } = {};
