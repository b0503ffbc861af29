/**
 * Data protection (PRIVACY.md DP-01..DP-28): data categories and the one field map, purposes,
 * reason codes, `decide`, consent and confidentiality releases, transfers with `previewTransfer`,
 * need-to-know views with redaction markers, the access log, the command guard and the
 * data-protection commands.
 * @module
 */
export * from './categories.js';
export * from './purposes.js';
export * from './decision.js';
export * from './reason-codes.js';
export * from './consent/consent-record.js';
export * from './consent/consent-scope.js';
export * from './consent/consent-validation.js';
export * from './transfer/legal-basis.js';
export * from './transfer/transfer-record.js';
export * from './transfer/preview-transfer.js';
export * from './transfer/recipient-view.js';
export * from './events.js';
export * from './privacy-state.js';
export * from './decide.js';
export * from './free-text.js';
export * from './forms.js';
export * from './view/case-units.js';
export * from './view/view-case.js';
export * from './view/view-restrictions.js';
export * from './view/case-views.js';
export * from './view/case-search.js';
export * from './view/team-overview.js';
export * from './view/case-history.js';
export * from './view/visible-state.js';
export * from './view/handover-status.js';
export * from './view/record-units.js';
export * from './access-log/access-log.js';
export * from './guard.js';
export * from './commands/index.js';
export * from './handover-check.js';
export * from './consent/consent-reminders.js';
