/**
 * Example cases of fictional Musterstadt as command scripts, and a runner that seeds them into a
 * store (tests, stories, demo).
 * @module
 */
export * from './example-types.js';
export * from './actors.js';
export * from './catalog.js';
export * from './run-examples.js';
export * from './cases/profiles/index.js';
