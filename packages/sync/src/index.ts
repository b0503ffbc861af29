/**
 * `@fallkit/sync`: see the package README.
 * @packageDocumentation
 */
export {};
