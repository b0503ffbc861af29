/**
 * The elements the page shows before any case tab is opened (caseload, worklist, a case's overview and
 * stepper): registered at once, in the first chunk. Every other element is loaded when its tab is first
 * shown (`element-loader.ts`), so the first screen does not wait for eleven forms.
 */
import '@fallkit/components/define/fk-case-provider';
import '@fallkit/components/define/fk-redacted';
import '@fallkit/components/define/fk-case-overview';
import '@fallkit/components/define/fk-process-stepper';
import '@fallkit/components/define/fk-worklist';
// The caseload's search and the team lead's overview are on the first screen too (s21-desk).
import '@fallkit/components/define/fk-case-search';
import '@fallkit/components/define/fk-team-overview';
// The office's directory and print settings wrap every case tab (demo-directory.ts): tiny context providers.
import '@fallkit/components/define/fk-directory';
import '@fallkit/components/define/fk-print-settings';
