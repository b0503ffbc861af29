/**
 * `@fallkit/core`: the domain of rechtskreisübergreifendes Case Management. The case file as a
 * hash-chained event journal, the process rules of the cycle, consent and data protection, planning
 * logic and anonymised aggregation. No DOM, no storage of its own: runs the same in Node and browsers.
 *
 * This entry holds the service, the views, the model and the commands. Each further area is a subpath of its
 * own, so a host that does not import it does not pay for it: `@fallkit/core/reporting`, `/rights`,
 * `/retention`, `/records`, `/examples`, `/testing`.
 * @packageDocumentation
 */
export * from './i18n/localized-text.js';
export * from './i18n/calendar-date.js';
export * from './result/refusal.js';
export * from './ports/clock.js';
export * from './ports/id-generator.js';
export * from './ports/actor.js';
export * from './access/index.js';
export * from './journal/canonical-json.js';
export { sha256Hex, sha256HexOfBytes, sha256HexSync } from './journal/sha256.js';
export * from './journal/journal-event.js';
export * from './journal/chain.js';
export * from './journal/verify-journal.js';
export * from './journal/journal-seal.js';
export * from './journal/erasure-markers.js';
export * from './journal/journal-verifier.js';
export * from './journal/unreadable-event.js';
export * from './journal/legacy-envelope.js';
export * from './store/case-store.js';
export * from './store/case-query.js';
export * from './store/store-errors.js';
export * from './store/append-checks.js';
export * from './store/erased-payload.js';
export * from './store/memory-store.js';
export * from './model/index.js';
export * from './events/index.js';
export * from './fold/index.js';
export * from './commands/index.js';
export * from './service/index.js';
export * from './privacy/index.js';
export * from './documents/index.js';
export * from './process/index.js';
export * from './handover-package/index.js';
