/**
 * `@fallkit/components`: Lit web components for the case-management cycle. This file only re-exports;
 * element registration lives in `define/` (`@fallkit/components/define/<tag>`) so importing classes has
 * no side effects.
 * @packageDocumentation
 */

// Foundation: typed events (each registered in GlobalEventHandlersEventMap)
export * from './events/index.js';

// Foundation: base element and validation
export * from './base/form-control.js';
export * from './base/form-element.js';
export * from './base/feedback.js';
export * from './base/validator.js';
export * from './base/value-path.js';
export * from './base/three-way-merge.js';
export * from './base/batch-refusals.js';

// Foundation: controllers
export * from './controllers/localize-controller.js';
export * from './controllers/announcer-controller.js';
export * from './controllers/case-connection-controller.js';
export * from './controllers/draft-store.js';
export * from './controllers/draft-keeper.js';

// Foundation: context and provider
export * from './context/case-context.js';
export * from './context/case-service-port.js';
export * from './context/case-provider.component.js';
export * from './context/core-port.js';
export * from './context/connect-case.js';

// Foundation: i18n
export * from './i18n/message-catalog.js';
export * from './i18n/message-overrides.js';
export * from './i18n/language.js';
export * from './i18n/format.js';
export * from './i18n/plain-words.js';
export * from './i18n/admin-details.view.js';
export { stageName, stagesName, legalDomainName } from './i18n/glossary.js';
export { de as foundationDe } from './i18n/messages/de.js';
export type { FoundationMessageKey, FoundationMessages } from './i18n/messages/de.js';
export { en as foundationEn } from './i18n/messages/en.js';

// Foundation: theme
export * from './theme/tokens.js';
export * from './theme/shared-styles.js';

// Foundation: internal controls (classes; register with `@fallkit/components/define/<tag>`)
export * from './fields/text-field.component.js';
export * from './fields/textarea.component.js';
export * from './fields/select.component.js';
export * from './fields/checkbox.component.js';
export * from './fields/checkbox-group.component.js';
export * from './fields/radio-group.component.js';
export * from './fields/rating.component.js';
export * from './fields/date-field.component.js';
export * from './fields/reorder-list.component.js';
export * from './fields/redacted.component.js';
export * from './fields/field-element.js';
export * from './fields/choice-option.js';

// Foundation: define helper
export { defineElement, FALLKIT_VERSION } from './define/define-element.js';

// Forms: assessment (register with `@fallkit/components/define/fk-assessment-form`)
export * from './assessment-form/assessment-form.component.js';
export * from './assessment-form/assessment-form.messages.js';
export * from './shared/assessment-standard.js';
export * from './assessment-form/assessment-compare.js';
export * from './shared/view-redactions.js';

// Stages: referral and access screening (register with `@fallkit/components/define/fk-intake-screening`)
export * from './intake-screening/intake-screening.component.js';
export * from './intake-screening/intake-screening.messages.js';
export * from './base/parts-schema.js';

// Stages: Erstberatung (register with `@fallkit/components/define/fk-first-counselling`)
export * from './first-counselling/first-counselling.component.js';
export * from './first-counselling/first-counselling.messages.js';

// Forms: goal agreement (register with `@fallkit/components/define/fk-goal-agreement`)
export * from './goal-agreement/goal-agreement.component.js';
export * from './goal-agreement/goal-agreement.messages.js';
export * from './goal-agreement/agreement-print.js';
export * from './base/list-schema.js';

// Consents and confidentiality releases (register with `@fallkit/components/define/fk-consent-manager`)
export * from './consent-manager/consent-manager.component.js';
export * from './consent-manager/consent-manager.messages.js';
export * from './consent-manager/consent-information.js';
export * from './shared/consent-status.js';
export * from './shared/privacy-shapes.js';

// Forms: help plan (register with `@fallkit/components/define/fk-help-plan`)
export * from './help-plan/help-plan.component.js';
export * from './help-plan/help-plan.messages.js';
export * from './help-plan/timeline.js';

// Leistungssteuerung (register with `@fallkit/components/define/fk-referrals`)
export * from './referrals/referrals.component.js';
export * from './referrals/referrals.messages.js';
export * from './shared/transfer-preview/transfer-preview.messages.js';
export * from './shared/transfer-preview/transfer-preview.view.js';
export * from './shared/transfer-preview/transfer-preview.styles.js';

// Rechtskreiswechsel (register with `@fallkit/components/define/fk-handover`)
export * from './handover/handover.component.js';
export * from './handover/handover.messages.js';

// Monitoring (register with `@fallkit/components/define/fk-monitoring`)
export * from './monitoring/monitoring.component.js';
export * from './monitoring/monitoring.messages.js';

// Directory of agencies and providers, host-configured (register with `@fallkit/components/define/fk-directory`)
export * from './directory/directory.js';
export * from './directory/directory.component.js';

// Print: print root, print styles, letterhead and controller/DPO block (register `@fallkit/components/define/fk-print-settings`)
export * from './print/print-settings.js';
export * from './print/print-settings.component.js';
export * from './print/print-root.js';
export * from './print/print-parts.js';
export * from './print/help-plan-print.component.js';
export * from './print/help-plan-print.messages.js';

// Confirmation before irreversible steps (register with `@fallkit/components/define/fk-confirm-dialog`)
export * from './dialogs/confirm-dialog.component.js';

// Closure and evaluation (register with `@fallkit/components/define/fk-case-closure`)
export * from './case-closure/case-closure.component.js';
export * from './case-closure/case-closure.messages.js';

// Documents (attachments) (register with `@fallkit/components/define/fk-documents`)
export * from './documents/documents.component.js';
export * from './documents/documents.messages.js';
export * from './documents/documents.styles.js';
// Notes (Vermerke) (register with `@fallkit/components/define/fk-notes`)
export * from './notes/notes.component.js';
export * from './notes/notes.messages.js';
export * from './notes/notes.styles.js';

// Case overview and process stepper (register with `@fallkit/components/define/fk-case-overview`, `fk-process-stepper`)
export * from './case-overview/case-overview.component.js';
export * from './case-overview/case-overview.messages.js';
export * from './shared/case-of-view.js';
export * from './process-stepper/process-stepper.component.js';
export * from './process-stepper/process-stepper.messages.js';

// Worklist (register with `@fallkit/components/define/fk-worklist`)
export * from './worklist/worklist.component.js';
export * from './worklist/worklist.messages.js';

// Report (register with `@fallkit/components/define/fk-report`)
export * from './report/report.component.js';
export * from './report/report.messages.js';

// Plan documents of the legal profiles (register with `@fallkit/components/define/fk-plan-document`)
export * from './plan-document/plan-document.component.js';
export * from './plan-document/plan-document.messages.js';
export * from './plan-document/plan-form.component.js';
// The person's export, DP-29 (register with `@fallkit/components/define/fk-subject-export`)
export * from './subject-export/subject-export.component.js';
export * from './subject-export/subject-export.messages.js';
// Handover packages between agencies: the inbox (register with `@fallkit/components/define/fk-handover-inbox`)
export * from './handover-inbox/handover-inbox.component.js';
export * from './handover-inbox/handover-inbox.messages.js';
// … and the package before it leaves (register with `@fallkit/components/define/fk-handover-package`)
export * from './handover-package/handover-package.component.js';
export * from './handover-package/handover-package.messages.js';

// Appointments (Termine): list, week, iCalendar export (register with `@fallkit/components/define/fk-appointments`)
export * from './appointments/appointments.component.js';
export { addDays, appointmentsOf, byStart, mondayOf, type Appointment } from './appointments/appointments.model.js';
export * from './appointments/appointments.messages.js';
export * from './appointments/icalendar.js';

// Sync state and conflicts of a synced device (register with `@fallkit/components/define/fk-sync-status`,
// `fk-sync-conflicts`); they read small ports, `@fallkit/sync`'s client fits them
export * from './sync-status/sync-status-port.js';
export * from './sync-status/sync-status.component.js';
export * from './sync-status/sync-status.messages.js';
export * from './sync-conflicts/sync-conflicts-port.js';
export * from './sync-conflicts/sync-conflicts.component.js';
export * from './sync-conflicts/sync-conflicts.messages.js';

// People and household (register with `@fallkit/components/define/fk-person-record`)
export * from './person-record/person-record.component.js';
export {
  languagesOf,
  nameOf,
  representationsOf,
  type PersonEntry,
  type ResidenceEntry,
} from './person-record/person-record.view.js';
export * from './person-record/person-record.messages.js';

// Letters from templates (register with `@fallkit/components/define/fk-letter`)
export * from './letter/letter.component.js';
export * from './letter/letter.template.js';
export * from './letter/letter.messages.js';
export * from './letter/connected-plan-document.component.js';

// Search across the caseload and the team lead's overview (register with `@fallkit/components/define/fk-case-search`,
// `fk-team-overview`); connected, they read the core's decided and logged search and team channels
export * from './case-search/case-search.component.js';
export * from './case-search/case-search.messages.js';
export * from './team-overview/team-overview.component.js';
export * from './team-overview/team-overview.messages.js';
