/**
 * Retention (DP-35, DP-36): the operator's retention table, deadlines on closure, cases due, and the
 * two-step retention sweep with its deletion log.
 * @module
 */
export * from './retention-schedule.js';
export * from './retention-deadlines.js';
export * from './retention-log.js';
export * from './retention-events.js';
export * from './retention-sweep.js';
