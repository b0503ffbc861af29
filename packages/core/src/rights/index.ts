/**
 * Data-subject rights (DP-29..DP-32): access and export, rectification with history, erasure,
 * restriction and objection as commands, erasure in the hash-chained journal.
 * @module
 */
export * from './rights-events.js';
export * from './rights-state.js';
export * from './targets.js';
export * from './recipients.js';
export * from './erasable.js';
export * from './rights-commands.js';
export * from './rights-index.js';
export * from './restriction-guard.js';
export * from './erasure.js';
export * from './subject-export.js';
export * from './report-source.js';
export * from './subject-export-document.js';
