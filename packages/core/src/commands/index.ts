/**
 * Case commands: names, input schemas, domain invariants and handlers.
 * @module
 */
export * from './inputs.js';
export * from './command-catalog.js';
export * from './item-defaults.js';
export * from './handler-context.js';
export * from './pending-event.js';
export * from './invariant-refusals.js';
export * from './invariants.js';
export * from './happened-dates.js';
export * from './handlers.js';
