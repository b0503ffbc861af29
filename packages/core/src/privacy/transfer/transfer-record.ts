import * as z from 'zod/mini';
import { dataCategorySchema } from '../../model/record-meta.js';
import { idSchema, isoDateTimeSchema, requiredTextSchema } from '../../model/primitives.js';
import { assessorSchema, legalBasisSchema, transferRecipientSchema } from './legal-basis.js';

/** A reference to one item of the case by section and id (`{ section: 'assessments', id, part: 'health' }`). */
export const itemSelectionSchema = z.strictObject({
  section: idSchema,
  id: idSchema,
  /** A part of the item: an assessment's life-domain id. */
  part: z.optional(idSchema),
});

/** A reference to one item or part of an item. */
export type ItemSelection = z.infer<typeof itemSelectionSchema>;

/** One item that went out with a transfer: what, with which categories, and whether only linked (DP-17). */
export const transferredItemSchema = z.object({
  ...itemSelectionSchema.shape,
  categories: z.array(dataCategorySchema),
  /** Inseparable extra the recipient must not use (§ 67d Abs. 2 SGB X). */
  linkedOnly: z.optional(z.boolean()),
});

/** One transferred item. */
export type TransferredItem = z.infer<typeof transferredItemSchema>;

/**
 * A transfer (Übermittlung) as recorded in the journal: who sent what to whom on which basis for
 * which purpose (DP-16, DP-28). It records references and categories, not copies of the data.
 */
export const transferRecordSchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  by: z.object({ userId: idSchema, agencyId: idSchema }),
  recipient: transferRecipientSchema,
  legalBasis: legalBasisSchema,
  purpose: requiredTextSchema,
  items: z.array(transferredItemSchema).check(z.minLength(1)),
  categories: z.array(dataCategorySchema),
  /** Items the rules held back from this transfer, with the reason code. */
  withheld: z.array(z.object({ ...itemSelectionSchema.shape, code: z.string() })),
  /** Purpose-binding notice sent with the data (§ 78 SGB X): the recipient may use them only for the purpose. */
  purposeBindingNotice: z.object({ de: z.string(), en: z.string() }),
});

/** A recorded transfer. */
export type TransferRecord = z.infer<typeof transferRecordSchema>;

/** A child-protection disclosure (DP-21): the transfer it belongs to and the recorded procedure. */
export const childProtectionDisclosureSchema = z.object({
  transferId: idSchema,
  basis: z.enum(['sgb8_8a', 'kkg4']),
  assessors: z.array(assessorSchema).check(z.minLength(2)),
  justification: requiredTextSchema,
  parentsInvolved: z.boolean(),
  parentsNotInvolvedReason: z.optional(z.string()),
  recipient: transferRecipientSchema,
  /** The follow-up raised to review the disclosure. */
  reviewFollowUpId: idSchema,
});

/** A child-protection disclosure. */
export type ChildProtectionDisclosure = z.infer<typeof childProtectionDisclosureSchema>;
