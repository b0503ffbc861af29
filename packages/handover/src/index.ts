/**
 * `@fallkit/handover`: see the package README.
 * @packageDocumentation
 */
export {};
