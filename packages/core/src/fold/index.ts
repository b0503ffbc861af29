/**
 * The case state as a pure fold over its journal.
 * @module
 */
export * from './stage.js';
export * from './reducers.js';
export * from './fold-case.js';
