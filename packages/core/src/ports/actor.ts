import * as z from 'zod/mini';

/**
 * The roles the data-protection rules distinguish (PRIVACY.md, DP-23, DP-40). A host maps its own users
 * and permissions onto these; Fallkit decides what each role may see and do. The set is closed: an
 * actor with any other role is refused at the service boundary (`DENY_INVALID_ACTOR`).
 */
export const ACTOR_ROLES = [
  'caseManager',
  'deputy',
  'intake',
  'teamLead',
  'partnerAgency',
  'provider',
  'caseConference',
  'statistics',
  'admin',
  'dataProtectionOfficer',
  'hr',
  'dataSubject',
  'system',
] as const;

/** One of {@link ACTOR_ROLES}. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Longest user or agency id an actor may carry. */
export const ACTOR_ID_MAX_LENGTH = 128;

/** Longest display name of an actor. */
export const ACTOR_NAME_MAX_LENGTH = 200;

/**
 * A user or agency id as the identity system hands it over: a plain token (letters, digits, `.`, `_`,
 * `@`, `-`), starting with a letter or digit, so that no id can be `__proto__`, hold a `:` that would
 * forge a stream id (`access-log:<agency>`), or carry control characters into the journal.
 */
export const actorTokenSchema = z
  .string()
  .check(z.maxLength(ACTOR_ID_MAX_LENGTH), z.regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/));

/** Words a token may spell that are object-prototype members; refused as ids so no lookup table can be poisoned. */
const PROTOTYPE_WORDS = new Set(['constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/**
 * Who is acting: a person in a role at an agency, or the system itself (role `system`) of an agency.
 * Strict and bounded (DP-40): unknown members, a role outside {@link ACTOR_ROLES}, a missing agency or a
 * name that is not a short single-line text are refused.
 */
export const actorSchema = z.strictObject({
  /** Stable id of the user in the host's identity system; unique only together with `agencyId`. */
  id: actorTokenSchema.check(z.refine((id) => !PROTOTYPE_WORDS.has(id))),
  role: z.enum(ACTOR_ROLES),
  /** The agency (organisation) the actor works for, e.g. `kommune-musterstadt`, `jobcenter-musterstadt`. */
  agencyId: actorTokenSchema.check(z.refine((id) => !PROTOTYPE_WORDS.has(id))),
  /** Display name, for histories ("wer hat wann was geändert"). */
  name: z.optional(
    z.string().check(z.minLength(1), z.maxLength(ACTOR_NAME_MAX_LENGTH), z.regex(/^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u)),
  ),
});

/** Who is acting. */
export type Actor = z.infer<typeof actorSchema>;

/**
 * Whether two actors are the same person: the same user id at the same agency (DP-40). A user id alone
 * never identifies anyone; two agencies may hand out the same one.
 */
export function sameActor(
  a: { readonly id?: string; readonly userId?: string; readonly agencyId: string },
  b: { readonly id?: string; readonly userId?: string; readonly agencyId: string },
): boolean {
  const idOf = (x: typeof a): string | undefined => x.userId ?? x.id;
  return idOf(a) !== undefined && idOf(a) === idOf(b) && a.agencyId === b.agencyId;
}

/** Where the current actor comes from; the host's login decides. */
export interface ActorSource {
  current(): Actor;
}

/** An {@link ActorSource} that always answers the same actor; hosts can swap it on login. */
export function fixedActor(actor: Actor): ActorSource {
  return { current: () => actor };
}
