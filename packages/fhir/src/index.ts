/**
 * `@fallkit/fhir`: see the package README.
 * @packageDocumentation
 */
export {};
