/**
 * The case file of rechtskreisübergreifendes Case Management as zod (`zod/mini`) schemas, with the
 * TypeScript types inferred from them.
 *
 * Overview (DOMAIN.md sections 1-5):
 * - {@link CaseState} (`case-state.ts`) is the whole case file, built by folding the journal
 *   (`fold/`). It holds the header (status, stage, process standard in force, lead-agency,
 *   case-manager, legal-domain and residence-status histories), the people of the case
 *   (`person.ts`: addressee, household, representatives with scope, interpreter needs, presumed
 *   will), access (`access.ts`: referral, casefinding check, admission, crises), Erstberatung
 *   (`first-counselling.ts`), assessment versions (`assessment.ts`), goals with revisions
 *   (`goal.ts`), the help plan (`help-plan.ts`), linking (`linking.ts`: provider referrals, case
 *   conferences), monitoring (`monitoring.ts`: contacts, follow-ups, progress, deviations), closure
 *   and evaluation with Ballew/Mink readiness signs (`closure.ts`), handovers (`handover.ts`) and
 *   notes (`note.ts`).
 * - Every stored item carries {@link RecordMeta} (`record-meta.ts`): `subjectIds`, data
 *   `categories` ({@link DATA_CATEGORIES}), the overlay flags `professionalSecret`, `entrusted` +
 *   `entrustedBy`, `childProtection`, `thirdParty`, `origin`, `recordedBy`, `recordedAt`: what the
 *   data-protection rules of PRIVACY.md section 2 act on.
 * - Identifiers are English; German terms belong in UI texts.
 * @module
 */
export * from './limits.js';
export * from './primitives.js';
export * from './record-meta.js';
export * from './person.js';
export * from './case-header.js';
export * from './access.js';
export * from './first-counselling.js';
export * from './assessment.js';
export * from './goal.js';
export * from './help-plan.js';
export * from './linking.js';
export * from './monitoring.js';
export * from './closure.js';
export * from './handover.js';
export * from './note.js';
export * from './document.js';
export * from './plan.js';
export * from './case-state.js';
