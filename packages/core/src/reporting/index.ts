/**
 * Anonymised reporting (issue 6, DP-33, DP-34): statistical records, aggregation, small-cell
 * suppression with secondary suppression, pseudonymised case examples.
 * @module
 */
export * from './linear-disclosure.js';
export * from './cell-suppression.js';
export * from './statistical-record.js';
export * from './build-report.js';
export * from './pseudonymised-view.js';
export * from './csv.js';
