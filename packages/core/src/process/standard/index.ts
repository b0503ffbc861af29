/**
 * Process standards per organisation: schema, validation, the default German standard, registry, and
 * the legal profiles (SGB II Kooperationsplan, SGB VIII Hilfeplan, SGB IX Gesamtplan) with their plan
 * documents, required plan content and statutory deadlines.
 * @module
 */
export * from './schema.js';
export * from './default-standard.js';
export * from './parse-standard.js';
export * from './registry.js';
export * from './legal-schema.js';
export * from './plan-content.js';
export * from './plan-document.js';
export * from './statutory-deadlines.js';
export * from './profiles/index.js';
