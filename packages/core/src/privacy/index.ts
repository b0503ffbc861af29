/**
 * Data protection (PRIVACY.md DP-01..DP-28): data categories and the field map, purposes, reason
 * codes, decisions, consent, transfers, views and the access log.
 * @module
 */
export * from './categories.js';
export * from './purposes.js';
export * from './decision.js';
export * from './reason-codes.js';
