import * as z from 'zod/mini';
import { ENTRIES_MAX } from './limits.js';
import {
  agencyRefSchema,
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  legalDomainSchema,
  requiredTextSchema,
} from './primitives.js';
import { HANDOVER_VARIANTS } from './case-header.js';
import { conferenceParticipantSchema } from './linking.js';
import { recordMetaShape } from './record-meta.js';

/** The handover conference of a warm handover. */
export const handoverConferenceSchema = z.strictObject({
  heldOn: isoDateSchema,
  participants: boundedArray(conferenceParticipantSchema, ENTRIES_MAX, 1),
  notes: z.optional(freeTextSchema),
});

/**
 * A change of lead agency (Rechtskreiswechsel) with its variant, the receiving agency, the date from
 * which it leads and, for a warm handover, the handover conference. The consent check is the
 * data-protection module's: it may put the id of the consent it relied on in `consentRef`.
 */
export const handoverSchema = z.strictObject({
  id: idSchema,
  variant: z.enum(HANDOVER_VARIANTS),
  fromAgencyId: z.nullable(idSchema),
  to: agencyRefSchema,
  /** Legal domain under which the new lead acts (e.g. `SGB_II`). */
  legalDomain: legalDomainSchema,
  /** Legal domain that ends with the change, if one does (e.g. `AsylbLG`). */
  endsLegalDomain: z.optional(legalDomainSchema),
  effectiveFrom: isoDateSchema,
  reason: requiredTextSchema,
  conference: z.optional(handoverConferenceSchema),
  /** What the previous lead keeps doing (variants 2 and 3). */
  continuingRole: z.optional(freeTextSchema),
  /**
   * The last day (inclusive) the sending case manager stays involved as deputy once the receiver's
   * case manager starts (HO-1/HO-2 in process/handover-continuity.ts); absent: the variant's default.
   */
  involvedUntil: z.optional(isoDateSchema),
  consentRef: z.optional(idSchema),
  ...recordMetaShape,
});

/** A handover. */
export type Handover = z.infer<typeof handoverSchema>;
