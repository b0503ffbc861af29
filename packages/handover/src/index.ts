/**
 * `@fallkit/handover`: a handover between agencies that keep their own files, as a signed,
 * consent-scoped package. The sender builds it from the core's decisions (the sender's view, the
 * transfer preview for the named recipient and basis, the recorded transfer), signs it as a JWS with
 * the agency key and, for file delivery, encrypts it to the recipient (JWE). The recipient verifies
 * signature and manifest, refuses with typed codes, and opens its own case through the core's
 * `openCaseFromHandover`; the status loop and consent withdrawals travel back as signed messages.
 * See docs/handover-package.md.
 * @packageDocumentation
 */
export * from './refusals.js';
export * from './package/package-schema.js';
export * from './package/package-content.js';
export * from './package/build-package.js';
export * from './signing/keys.js';
export * from './signing/sign.js';
export * from './receiving/verify-signed.js';
export * from './receiving/received-register.js';
export * from './receiving/verify-package.js';
export * from './receiving/receive-package.js';
export * from './status/status-loop.js';
export * from './status/withdrawal.js';
export * from './delivery/delivery-port.js';
export * from './delivery/inbox-message.js';
export * from './delivery/inbox-wire.js';
export * from './delivery/server-inbox.js';
export * from './delivery/agency-keys-wire.js';
export * from './delivery/agency-keys-client.js';
export * from './package/json-schema.js';
