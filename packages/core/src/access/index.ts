/**
 * Who may act (DP-40..DP-42): validated actors, periods in force, the declaration of who may issue
 * every command, its evaluation and guards, reserved stream ids.
 * @module
 */
export * from './roles.js';
export * from './periods.js';
export * from './reserved-streams.js';
export * from './command-access.js';
export * from './authorise.js';
export * from './boundary.js';
export * from './access-guard.js';
export * from './rectification-limits.js';
export * from './access-table.js';
export * from './handover-inbox.js';
