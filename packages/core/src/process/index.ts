/**
 * The case-management cycle as process rules: the cycle as data, the process guard of the command
 * pipeline, process standards per organisation, the worklist, misrouting and service-gap reports,
 * and the allowed next steps for the process stepper.
 * @module
 */
export * from './rule.js';
export * from './cycle.js';
export * from './stage-guide.js';
export * from './decide.js';
export * from './process-guard.js';
export * from './next-steps.js';
export * from './worklist.js';
export * from './handover-continuity.js';
export * from './misrouting.js';
export * from './service-gaps.js';
export * from './standard/index.js';
