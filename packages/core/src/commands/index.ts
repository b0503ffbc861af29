/**
 * Case commands: names, input schemas, domain invariants and handlers.
 * @module
 */
export * from './case-file/inputs.js';
export * from './access-and-screening/inputs.js';
export * from './counselling/inputs.js';
export * from './assessment/inputs.js';
export * from './goals/inputs.js';
export * from './help-plan/inputs.js';
export * from './linking/inputs.js';
export * from './monitoring/inputs.js';
export * from './handover/inputs.js';
export * from './legal-domains/inputs.js';
export * from './records/inputs.js';
export * from './plan-document/inputs.js';
export * from './closure/inputs.js';
export * from './command-catalog.js';
export * from './item-defaults.js';
export * from './handler-context.js';
export * from './pending-event.js';
export * from './invariant-refusals.js';
export * from './invariants.js';
export * from './happened-dates.js';
export * from './handlers.js';
export * from './slices.js';
export * from './command-slice.js';
