import * as z from 'zod/mini';
import { ENTRIES_MAX, LINE_MAX } from '../../model/limits.js';
import { boundedArray, freeTextSchema, idSchema, lineSchema, nameSchema, textSchema } from '../../model/primitives.js';

/** Kinds of legal basis a transfer may rest on (DP-16, DP-20, DP-21). */
export const LEGAL_BASIS_KINDS = ['consent', 'sgb10_69', 'sgb10_71', 'sgb8_8a', 'kkg4', 'sgb8_65', 'statute'] as const;

/** One of {@link LEGAL_BASIS_KINDS}. */
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

/** The exceptions of § 65 SGB VIII under which entrusted data may leave the worker (DP-20). */
export const SGB8_65_EXCEPTIONS = ['familyCourt', 'newCaseHolder', 'riskAssessment', 'secretHolder'] as const;

/** A professional who took part in a child-protection risk assessment (DP-21). */
export const assessorSchema = z.strictObject({
  name: nameSchema,
  role: z.optional(lineSchema),
  /** An insoweit erfahrene Fachkraft consulted on a pseudonymised view (secret holders, § 4 KKG). */
  childProtectionSpecialist: z.optional(z.boolean()),
});

/**
 * The recorded child-protection procedure an `sgb8_8a` or `kkg4` disclosure needs (DP-21): a risk
 * assessment by at least two professionals, a justification, whether the parents were involved (or
 * why not). The named recipient is the transfer's recipient.
 */
export const childProtectionProcedureSchema = z.strictObject({
  assessors: z.optional(boundedArray(assessorSchema, ENTRIES_MAX)),
  justification: z.optional(freeTextSchema),
  parentsInvolved: z.optional(z.boolean()),
  parentsNotInvolvedReason: z.optional(freeTextSchema),
  /** A secret holder consulted the specialist on pseudonymised data (§ 4 Abs. 2 KKG, § 64 Abs. 2a SGB VIII). */
  pseudonymisedConsultation: z.optional(z.boolean()),
});

/** A recorded child-protection procedure. */
export type ChildProtectionProcedure = z.infer<typeof childProtectionProcedureSchema>;

/**
 * The legal basis of one transfer, as recorded with it (DP-16). Members the rules require are
 * optional in the schema so a missing one is refused with a precise reason
 * (`DENY_BASIS_INCOMPLETE`, `DENY_8A_PROCEDURE_INCOMPLETE`) rather than a schema error.
 */
export const legalBasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('consent'), consentId: idSchema }),
  z.strictObject({
    kind: z.literal('sgb10_69'),
    /** The social task the transfer serves (§ 69 Abs. 1 Nr. 1 SGB X). */
    taskReference: z.optional(lineSchema),
    /** For NGO recipients: the contract under which the sender commissions them for its own task (DP-18). */
    commissionRef: z.optional(lineSchema),
    /** The worker records that the transfer would jeopardise the help's success (§ 64 Abs. 2 SGB VIII, DP-19). */
    jeopardisesHelp: z.optional(z.boolean()),
    /** A benefit assessment between agencies where § 76 Abs. 2 SGB X relaxes professional secrecy (DP-15). */
    benefitAssessment: z.optional(z.boolean()),
  }),
  z.strictObject({
    kind: z.literal('sgb10_71'),
    /** The statute that imposes the duty (`§ 87 AufenthG`). */
    statute: z.optional(lineSchema),
    /** A narrow statutory exception that allows special categories (DP-22). */
    exceptionReference: z.optional(lineSchema),
  }),
  z.strictObject({ kind: z.literal('sgb8_8a'), procedure: z.optional(childProtectionProcedureSchema) }),
  z.strictObject({ kind: z.literal('kkg4'), procedure: z.optional(childProtectionProcedureSchema) }),
  z.strictObject({
    kind: z.literal('sgb8_65'),
    exception: z.enum(SGB8_65_EXCEPTIONS),
    justification: z.optional(freeTextSchema),
  }),
  z.strictObject({
    kind: z.literal('statute'),
    statute: z.optional(lineSchema),
    exceptionReference: z.optional(lineSchema),
  }),
]);

/** A legal basis of a transfer. */
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/**
 * Parses the short string form of a legal basis (`consent:consent-1`, `sgb8_8a`, `kkg4`,
 * `sgb8_65_familyCourt`, `sgb10_69`, `sgb10_71`); `undefined` for anything else.
 */
export function parseLegalBasis(value: string): LegalBasis | undefined {
  if (value.startsWith('consent:') && value.length > 'consent:'.length) {
    return { kind: 'consent', consentId: value.slice('consent:'.length) };
  }
  if (value.startsWith('sgb8_65_')) {
    const exception = value.slice('sgb8_65_'.length);
    return (SGB8_65_EXCEPTIONS as readonly string[]).includes(exception)
      ? { kind: 'sgb8_65', exception: exception as (typeof SGB8_65_EXCEPTIONS)[number] }
      : undefined;
  }
  switch (value) {
    case 'sgb10_69':
    case 'sgb10_71':
    case 'sgb8_8a':
    case 'kkg4':
      return { kind: value } as LegalBasis;
    default:
      return undefined;
  }
}

/** A legal basis as a caller may give it: the object or its short string form. */
export const legalBasisInputSchema = z.union([legalBasisSchema, textSchema({ max: LINE_MAX })]);

/** Normalises a basis input to a {@link LegalBasis} (`undefined` when absent or unknown). */
export function normaliseLegalBasis(value: LegalBasis | string | undefined): LegalBasis | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? parseLegalBasis(value) : value;
}

/** The short label of a basis for logs and lists (`consent:consent-1`, `sgb10_69`). */
export function legalBasisLabel(basis: LegalBasis): string {
  switch (basis.kind) {
    case 'consent':
      return `consent:${basis.consentId}`;
    case 'sgb8_65':
      return `sgb8_65_${basis.exception}`;
    default:
      return basis.kind;
  }
}

/** Kinds of recipient a transfer goes to; the rules differ for NGOs (DP-18) and the immigration authority (DP-22). */
export const RECIPIENT_KINDS = [
  'statutoryAgency',
  'ngo',
  'provider',
  'youthOffice',
  'familyCourt',
  'immigrationAuthority',
  'caseConference',
  'other',
] as const;

/** A recipient of a transfer, named (DP-21 needs a named recipient). */
export const transferRecipientSchema = z.strictObject({
  agencyId: idSchema,
  name: nameSchema,
  kind: z.enum(RECIPIENT_KINDS),
  contactPerson: z.optional(lineSchema),
});

/** A recipient of a transfer. */
export type TransferRecipient = z.infer<typeof transferRecipientSchema>;
