/**
 * `@fallkit/server`: see the package README.
 * @packageDocumentation
 */
export {};
