/**
 * Case commands: names and input schemas (`command-catalog.ts`, `inputs.ts`).
 * @module
 */
export * from './inputs.js';
export * from './command-catalog.js';
