import * as z from 'zod/mini';
import { isoDateSchema, legalDomainSchema, shortTextSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/** Input of `addLegalDomain`. */
export const addLegalDomainInput = z.strictObject({
  domain: legalDomainSchema,
  from: z.optional(isoDateSchema),
  reason: z.optional(shortTextSchema),
  ...classificationInputShape,
});

/** Input of `endLegalDomain`. */
export const endLegalDomainInput = z.strictObject({
  domain: legalDomainSchema,
  to: z.optional(isoDateSchema),
  reason: z.optional(shortTextSchema),
});

/** The input schema of each command of this slice, by command name. */
export const legalDomainsInputs = {
  addLegalDomain: addLegalDomainInput,
  endLegalDomain: endLegalDomainInput,
} as const;
