/**
 * Typed event classes of every Fallkit element, one file per event, each registered in
 * `GlobalEventHandlersEventMap`.
 */
export * from './fk-event.js';
export * from './fk-change.js';
export * from './fk-submit.js';
export * from './fk-saved.js';
export * from './fk-refused.js';
export * from './fk-confirm.js';
export * from './fk-withdraw.js';
export * from './fk-status.js';
export * from './fk-conference.js';
export * from './fk-print.js';
export * from './fk-reassessment-requested.js';
export * from './fk-export.js';
export * from './fk-open-case.js';
export * from './fk-action.js';
export * from './fk-step-select.js';
export * from './fk-reorder.js';
export * from './fk-handover-answer.js';
export * from './fk-handover-file.js';
export * from './fk-calendar-export.js';
export * from './fk-handover-send.js';
export * from './fk-search.js';
export * from './fk-consent-needed.js';
export * from './fk-document-opened.js';
export * from './fk-assign.js';
