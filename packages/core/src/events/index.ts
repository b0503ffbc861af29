/**
 * The event catalog of the case journal: event types, payload schemas, versions and upcasters.
 * @module
 */
export * from './event-definition.js';
export * from './payloads.js';
export * from './upcasters.js';
export * from './catalog.js';
export * from './upcast.js';
export * from './history.js';
