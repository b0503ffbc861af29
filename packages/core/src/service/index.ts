/**
 * The case service: the command pipeline (validate → guards → handler → seal → append), loading,
 * observing and listing cases.
 * @module
 */
export * from './zod-refusals.js';
export * from './input-budget.js';
export * from './input-guards.js';
export * from './command-definition.js';
export * from './command-guard.js';
export * from './default-guards.js';
export * from './case-index.js';
export * from './local-date.js';
export * from './command-batch.js';
export * from './case-reader.js';
export * from './service-failures.js';
export * from './case-service.js';
export * from './index-from-journal.js';
