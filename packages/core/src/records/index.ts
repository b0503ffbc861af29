/**
 * Accountability (DP-38, DP-39): the record of processing activities and DPIA inputs from the
 * configuration, the rule status table, breach export and access alerts.
 * @module
 */
export * from './rule-status.js';
export * from './processing-record.js';
export * from './breach-support.js';
