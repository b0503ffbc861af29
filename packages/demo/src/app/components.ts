/**
 * Registers the Fallkit elements the demo uses. Each import is one element (`define/<tag>`); an element
 * that is not listed here is shown as "not available" by its tab (see `sections.ts`).
 */
import '@fallkit/components/define/fk-case-provider';
import '@fallkit/components/define/fk-redacted';
import '@fallkit/components/define/fk-intake-screening';
import '@fallkit/components/define/fk-first-counselling';
import '@fallkit/components/define/fk-consent-manager';
import '@fallkit/components/define/fk-assessment-form';
import '@fallkit/components/define/fk-goal-agreement';
import '@fallkit/components/define/fk-help-plan';
import '@fallkit/components/define/fk-help-plan-print';
import '@fallkit/components/define/fk-plan-form';
import '@fallkit/components/define/fk-connected-plan-document';
import '@fallkit/components/define/fk-referrals';
import '@fallkit/components/define/fk-monitoring';
import '@fallkit/components/define/fk-handover';
import '@fallkit/components/define/fk-case-closure';
import '@fallkit/components/define/fk-case-overview';
import '@fallkit/components/define/fk-process-stepper';
import '@fallkit/components/define/fk-worklist';
import '@fallkit/components/define/fk-report';
import '@fallkit/components/define/fk-case-search';
import '@fallkit/components/define/fk-team-overview';
import '@fallkit/components/define/fk-person-record';
import '@fallkit/components/define/fk-appointments';
import '@fallkit/components/define/fk-letter';
import '@fallkit/components/define/fk-notes';
import '@fallkit/components/define/fk-documents';
import '@fallkit/components/define/fk-directory';
import '@fallkit/components/define/fk-print-settings';
