import * as z from 'zod/mini';
import { DATA_CATEGORIES, HANDOVER_STATUSES } from '@fallkit/core';

const id = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9][\w.:@-]*$/));
const line = z.string().check(z.maxLength(300));
const hash = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const instant = z.iso.datetime();
const category = z.enum(DATA_CATEGORIES);
const categories = z.array(category).check(z.maxLength(64));
const localized = z.strictObject({ de: z.string().check(z.maxLength(2000)), en: z.string().check(z.maxLength(2000)) });
const agency = z.strictObject({ agencyId: id, name: line });

/** The `format` of a handover package's signed payload. */
export const HANDOVER_PACKAGE_FORMAT = 'fallkit-handover-package';

/** One item or part that came with the package, and the SHA-256 of its canonical JSON. */
export const manifestItemSchema = z.strictObject({
  section: z.enum(['persons', 'residenceStatuses', 'assessments', 'goals', 'measures']),
  id,
  part: z.optional(id),
  categories,
  sha256: hash,
});

/** One manifest item. */
export type ManifestItem = z.infer<typeof manifestItemSchema>;

/**
 * A withheld category with the reason the sender's decision gave: no ids, no count of items, so the
 * list says what the recipient does not get and why without describing the withheld data (DP-24).
 */
export const withheldEntrySchema = z.strictObject({
  category,
  code: id,
  rule: line,
  message: localized,
});

/** One withheld entry. */
export type WithheldEntry = z.infer<typeof withheldEntrySchema>;

/**
 * The manifest of a handover package (docs/handover-package.md): who sends what to whom, on which
 * basis and for which purpose, what was withheld and why, the hash of every item, the sender
 * journal's sealed head, and a package id that makes every package single-use (replay).
 */
export const manifestSchema = z.strictObject({
  format: z.literal(HANDOVER_PACKAGE_FORMAT),
  version: z.literal(1),
  /** Random (UUID) and single-use: a recipient refuses a package id it has received before. */
  packageId: id,
  /** The transfer the sender recorded for this package (`DataTransferred`, DP-16, DP-28). */
  transferId: id,
  issuedAt: instant,
  expiresAt: instant,
  sender: agency,
  recipient: z.strictObject({ agencyId: id, name: line, kind: line }),
  purpose: line,
  legalBasis: z.strictObject({ kind: line, label: line }),
  purposeBindingNotice: localized,
  source: z.strictObject({
    caseId: id,
    head: z.strictObject({ seq: z.int().check(z.nonnegative()), hash }),
    /** The store's seal of that head (DP-44), when the sender's store keeps seals. */
    seal: z.optional(z.strictObject({ alg: line, signature: z.string().check(z.maxLength(400)) })),
  }),
  included: z.strictObject({ categories, items: z.array(manifestItemSchema).check(z.maxLength(2000)) }),
  withheld: z.array(withheldEntrySchema).check(z.maxLength(500)),
});

/** The manifest of a handover package. */
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The signed payload: the manifest and the content. The content is checked in depth by the core's
 * `openCaseFromHandover` input schema on receipt; here it only has to be the right outline.
 */
export const handoverPackageSchema = z.strictObject({
  manifest: manifestSchema,
  content: z.strictObject({
    addressee: z.record(z.string(), z.unknown()),
    persons: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200)),
    residenceStatuses: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200)),
    assessments: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200)),
    goals: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200)),
    measures: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(200)),
  }),
});

/** A handover package before signing (or after verification). */
export type HandoverPackage = z.infer<typeof handoverPackageSchema>;

/** The `format` of a signed status message. */
export const HANDOVER_STATUS_FORMAT = 'fallkit-handover-status';

/** A status message: the recipient's step in the loop (received, accepted, declined), signed by it. */
export const statusMessageSchema = z.strictObject({
  format: z.literal(HANDOVER_STATUS_FORMAT),
  version: z.literal(1),
  packageId: id,
  transferId: id,
  status: z.enum(HANDOVER_STATUSES),
  at: instant,
  from: agency,
  to: agency,
  note: z.optional(z.string().check(z.maxLength(2000))),
});

/** A status message. */
export type StatusMessage = z.infer<typeof statusMessageSchema>;

/** The `format` of a signed withdrawal notice. */
export const WITHDRAWAL_NOTICE_FORMAT = 'fallkit-handover-withdrawal';

/** A withdrawal notice (DP-14): the sender tells the recipient a consent was withdrawn; stop using the data. */
export const withdrawalNoticeSchema = z.strictObject({
  format: z.literal(WITHDRAWAL_NOTICE_FORMAT),
  version: z.literal(1),
  noticeId: id,
  transferIds: z.array(id).check(z.minLength(1), z.maxLength(500)),
  consentId: z.optional(id),
  /** The categories the withdrawal covers; all of the transfer's if absent. */
  categories: z.optional(categories),
  notifiedAt: instant,
  from: agency,
  to: agency,
});

/** A withdrawal notice. */
export type WithdrawalNotice = z.infer<typeof withdrawalNoticeSchema>;
