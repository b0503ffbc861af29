/**
 * Process standards per organisation: schema, validation, the default German standard, registry.
 * @module
 */
export * from './schema.js';
export * from './default-standard.js';
export * from './parse-standard.js';
export * from './registry.js';
