/**
 * `@fallkit/fhir`: a decided case view as a FHIR R4 Bundle, with Fallkit's local code systems. The
 * mapping is documented in docs/fhir.md; no conformance to US or other profiles is claimed.
 * @packageDocumentation
 */
export * from './fhir-types.js';
export * from './ids.js';
export * from './terminology/code-systems.js';
export * from './resources/people.js';
export * from './resources/organisation.js';
export * from './resources/assessments.js';
export * from './resources/goals.js';
export * from './resources/care-plans.js';
export * from './resources/referrals.js';
export * from './resources/consents.js';
export * from './resources/flags-and-contacts.js';
export * from './case-bundle.js';
export * from './subject-bundle.js';
