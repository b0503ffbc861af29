import * as z from 'zod/mini';
import { HANDOVER_VARIANTS } from '../../model/case-header.js';
import { handoverConferenceSchema } from '../../model/handover.js';
import {
  agencyRefSchema,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  lineSchema,
  requiredTextSchema,
} from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/** Input of `changeLeadAgency` (Rechtskreiswechsel). */
export const changeLeadAgencyInput = z.strictObject({
  variant: z.enum(HANDOVER_VARIANTS),
  to: agencyRefSchema,
  legalDomain: legalDomainSchema,
  endsLegalDomain: z.optional(legalDomainSchema),
  effectiveFrom: isoDateSchema,
  reason: requiredTextSchema,
  conference: z.optional(handoverConferenceSchema),
  continuingRole: z.optional(freeTextSchema),
  /** The last day (inclusive) the sending case manager stays involved as deputy (HO-1/HO-2). */
  involvedUntil: z.optional(isoDateSchema),
  consentRef: z.optional(idSchema),
  ...classificationInputShape,
});

/** Input of `assignCaseManager`. */
export const assignCaseManagerInput = z.strictObject({
  userId: idSchema,
  name: z.optional(lineSchema),
  agencyId: idSchema,
  role: z.enum(['primary', 'deputy']),
  from: z.optional(isoDateSchema),
  /** Ends this user's current assignment on the same day (a change of case manager). */
  replaces: z.optional(idSchema),
  /** The agency of the replaced user (DP-40: a person is agency and user id); needed only when the id is ambiguous. */
  replacesAgencyId: z.optional(idSchema),
});

/** Input of `endCaseManagerAssignment`. */
export const endCaseManagerAssignmentInput = z.strictObject({
  userId: idSchema,
  /** The user's agency (DP-40: a person is agency and user id); needed only when the id is ambiguous. */
  agencyId: z.optional(idSchema),
  to: z.optional(isoDateSchema),
});

/** The input schema of each command of this slice, by command name. */
export const handoverInputs = {
  changeLeadAgency: changeLeadAgencyInput,
  assignCaseManager: assignCaseManagerInput,
  endCaseManagerAssignment: endCaseManagerAssignmentInput,
} as const;
