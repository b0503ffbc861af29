import * as z from 'zod/mini';
import { ADDRESS_MAX, CODES_MAX, EMAIL_MAX, ENTRIES_MAX, LINE_MAX, PHONE_MAX } from './limits.js';
import {
  boundedArray,
  freeTextSchema,
  idSchema,
  isoDateSchema,
  lineSchema,
  nameSchema,
  requiredTextSchema,
  textSchema,
} from './primitives.js';
import { recordMetaShape } from './record-meta.js';

/**
 * The roles a person can have in a case. A case is a "sozialer Fall": the addressee and the people
 * around them (household, children, relatives, informal helpers, representatives).
 */
export const PERSON_ROLES = [
  'addressee',
  'householdMember',
  'partner',
  'child',
  'relative',
  'informalHelper',
  'legalGuardian',
  'guardianOfMinor',
  'parentWithResponsibility',
  'authorisedRepresentative',
  'interpreter',
  'other',
] as const;

/** One of {@link PERSON_ROLES}. */
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * The matters a representative may act in (Aufgabenkreise of a Betreuung, § 1815 BGB; parental
 * responsibility covers `all`). The data-protection rules take consent from whoever holds the
 * scope the data belongs to.
 */
export const REPRESENTATION_SCOPES = [
  'all',
  'health',
  'residence',
  'housing',
  'finances',
  'authorities',
  'benefits',
  'correspondence',
] as const;

/** One of {@link REPRESENTATION_SCOPES}. */
export type RepresentationScope = (typeof REPRESENTATION_SCOPES)[number];

/**
 * Legal representation held by this person for another person in the case: a legal guardian
 * (Betreuer/in), a guardian of a minor (Vormund), persons with parental responsibility, or a power
 * of attorney.
 */
export const representationSchema = z.strictObject({
  kind: z.enum(['legalGuardian', 'guardianOfMinor', 'parentalResponsibility', 'powerOfAttorney']),
  /** The person represented. */
  forPersonId: idSchema,
  /** Matters covered (Aufgabenkreis). */
  scope: boundedArray(z.enum(REPRESENTATION_SCOPES), CODES_MAX, 1),
  /** Einwilligungsvorbehalt: the represented person's own declarations need the representative. */
  consentReservation: z.optional(z.boolean()),
  from: z.optional(isoDateSchema),
  until: z.optional(isoDateSchema),
  /** Court file number of the appointment, if known. */
  courtReference: z.optional(lineSchema),
});

/** Legal representation held by a person. */
export type Representation = z.infer<typeof representationSchema>;

/** Language and interpreter needs (DOMAIN.md 4.2: language must never be a reason to refuse). */
export const interpreterNeedSchema = z.strictObject({
  needed: z.boolean(),
  /** Language for interpreting (name or ISO code), e.g. `ar`, `Tigrinya`. */
  language: z.optional(lineSchema),
  /** Kind of language mediation arranged. */
  kind: z.optional(z.enum(['professional', 'video', 'telephone', 'volunteer', 'familyMember'])),
  arranged: z.optional(z.boolean()),
});

/** Language and interpreter needs. */
export type InterpreterNeed = z.infer<typeof interpreterNeedSchema>;

/** The presumed will (mutmaßlicher Wille) of a person who cannot speak for themselves, and whom it was asked of. */
export const presumedWillSchema = z.strictObject({
  statement: requiredTextSchema,
  /** Person id or name of the relative or carer asked. */
  askedOf: nameSchema,
  recordedOn: isoDateSchema,
});

/** The presumed will of a person. */
export type PresumedWill = z.infer<typeof presumedWillSchema>;

/** Contact details of a person. */
export const contactDetailsSchema = z.strictObject({
  phone: z.optional(textSchema({ max: PHONE_MAX })),
  email: z.optional(textSchema({ max: EMAIL_MAX })),
  address: z.optional(textSchema({ max: ADDRESS_MAX, multiline: true })),
});

/**
 * How this person relates to another person of the case who is not the addressee ("Mutter von", "Geschwister"):
 * the household's relationship graph beyond the one line to the addressee (issue 22). Kept on the person it
 * describes, like representations; set with `addPerson` / `updatePerson` (no command of its own).
 */
export const personRelationSchema = z.strictObject({
  /** The other person (a person of the case). */
  toPersonId: idSchema,
  /** The relation as the office words it, seen from this person ("Mutter von", "Bruder von"). */
  relation: textSchema({ max: LINE_MAX, min: 1 }),
});

/** A relation of one person to another person of the case. */
export type PersonRelation = z.infer<typeof personRelationSchema>;

/** The descriptive fields of a person, shared by {@link personSchema} and the person commands. */
export const personFieldsShape = {
  roles: boundedArray(z.enum(PERSON_ROLES), CODES_MAX, 1),
  givenName: nameSchema,
  familyName: nameSchema,
  birthDate: z.optional(isoDateSchema),
  gender: z.optional(z.enum(['female', 'male', 'diverse', 'unspecified'])),
  /** How this person relates to the addressee ("Tochter", "Bruder", "Nachbarin"). */
  relationToAddressee: z.optional(lineSchema),
  /** Relations to other persons of the case besides the addressee (the household graph); the whole list is replaced. */
  relations: z.optional(boundedArray(personRelationSchema, ENTRIES_MAX)),
  /** Languages spoken, best first. */
  languages: z.optional(boundedArray(textSchema({ max: LINE_MAX, min: 1 }), CODES_MAX)),
  interpreter: z.optional(interpreterNeedSchema),
  contact: z.optional(contactDetailsSchema),
  /** Representation this person holds for others in the case. */
  representations: z.optional(boundedArray(representationSchema, ENTRIES_MAX)),
  presumedWill: z.optional(presumedWillSchema),
  /** Lives in the addressee's household (Haushaltsangehörige/r). */
  inHousehold: z.optional(z.boolean()),
  note: z.optional(freeTextSchema),
};

/** A person of the case: the addressee or someone around them. */
export const personSchema = z.strictObject({
  id: idSchema,
  ...personFieldsShape,
  ...recordMetaShape,
});

/** A person of the case. */
export type Person = z.infer<typeof personSchema>;
