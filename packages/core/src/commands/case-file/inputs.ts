import * as z from 'zod/mini';
import { processStandardRefSchema, leadAgencyInputSchema, RESIDENCE_STATUSES } from '../../model/case-header.js';
import { personFieldsShape } from '../../model/person.js';
import { CODES_MAX, LABEL_MAX } from '../../model/limits.js';
import {
  boundedArray,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  lineSchema,
  shortTextSchema,
  textSchema,
} from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/*
 * Input schemas of the case commands. Inputs never carry ids of the new item (the id port makes
 * them), `recordedBy`/`recordedAt` (actor and clock ports) or the stage. Every item input accepts the
 * optional classification of PRIVACY.md section 2; the handler fills defaults.
 * Dates that say when something happened default to today (from the clock) where optional.
 */

/** A person as given in a command. */
export const personInputSchema = z.strictObject({ ...personFieldsShape, ...classificationInputShape });

/** Input of `openCase`. */
export const openCaseInput = z.strictObject({
  /** Optional: a case id chosen by the host (otherwise the id port makes one). */
  caseId: z.optional(idSchema),
  label: z.optional(textSchema({ max: LABEL_MAX })),
  openedOn: z.optional(isoDateSchema),
  addressee: personInputSchema,
  leadAgency: leadAgencyInputSchema,
  /** The first case manager; the acting user if absent. */
  caseManager: z.optional(z.strictObject({ userId: idSchema, name: z.optional(lineSchema), agencyId: idSchema })),
  legalDomains: z.optional(
    boundedArray(z.strictObject({ domain: legalDomainSchema, reason: z.optional(shortTextSchema) }), CODES_MAX),
  ),
  /** The process standard in force; the service's standard if absent. */
  processStandard: z.optional(processStandardRefSchema),
});

/** Input of `addPerson`. */
export const addPersonInput = personInputSchema;

/** Input of `updatePerson`: changed fields only. */
export const updatePersonInput = z.strictObject({
  personId: idSchema,
  updatedOn: z.optional(isoDateSchema),
  changes: z.partial(personInputSchema),
});

/** Input of `recordResidenceStatus`. */
export const recordResidenceStatusInput = z.strictObject({
  personId: z.optional(idSchema),
  status: z.enum(RESIDENCE_STATUSES),
  legalGround: z.optional(lineSchema),
  from: isoDateSchema,
  validUntil: z.optional(isoDateSchema),
  ...classificationInputShape,
});

/** The input schema of each command of this slice, by command name. */
export const caseFileInputs = {
  openCase: openCaseInput,
  addPerson: addPersonInput,
  updatePerson: updatePersonInput,
  recordResidenceStatus: recordResidenceStatusInput,
} as const;
