import * as z from 'zod/mini';
import { ASSESSMENT_MODES, assessmentConfirmationSchema, assessmentDomainSchema } from '../../model/assessment.js';
import { ENTRIES_MAX, IDS_MAX } from '../../model/limits.js';
import { boundedArray, freeTextSchema, idSchema, isoDateSchema, requiredTextSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/**
 * Input of `recordAssessment`: a new version (initial, or during a re-assessment). A structured
 * assessment (the default) names at least one life domain; a narrative one has a non-blank
 * `narrative` and may name none.
 */
export const recordAssessmentInput = z
  .strictObject({
    recordedOn: z.optional(isoDateSchema),
    participantIds: z.optional(boundedArray(idSchema, IDS_MAX)),
    mode: z.optional(z.enum(ASSESSMENT_MODES)),
    domains: boundedArray(assessmentDomainSchema, ENTRIES_MAX),
    narrative: z.optional(freeTextSchema),
    wishesAndDreams: freeTextSchema,
    ...classificationInputShape,
  })
  .check(
    z.refine((input) => input.mode === 'narrative' || input.domains.length > 0, {
      path: ['domains'],
      message: 'Ein strukturiertes Assessment braucht mindestens einen Lebensbereich.',
    }),
    z.refine((input) => input.mode !== 'narrative' || (input.narrative ?? '').trim() !== '', {
      path: ['narrative'],
      message: 'Ein narratives Assessment braucht den Text des Assessments.',
    }),
  );

/** Input of `confirmAssessment`. */
export const confirmAssessmentInput = z.strictObject({
  assessmentId: idSchema,
  confirmation: assessmentConfirmationSchema,
});

/** Input of `startReassessment`. */
export const startReassessmentInput = z.strictObject({
  startedOn: z.optional(isoDateSchema),
  reason: requiredTextSchema,
  deviationIds: z.optional(boundedArray(idSchema, IDS_MAX)),
  ...classificationInputShape,
});

/** The input schema of each command of this slice, by command name. */
export const assessmentInputs = {
  recordAssessment: recordAssessmentInput,
  confirmAssessment: confirmAssessmentInput,
  startReassessment: startReassessmentInput,
} as const;
