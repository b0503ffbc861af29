import * as z from 'zod/mini';

/**
 * The roles the data-protection rules distinguish (PRIVACY.md, DP-23). A host maps its own users and
 * permissions onto these; Fallkit decides what each role may see and do.
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

/** Who is acting: a person in a role at an agency, or the system itself (role `system`). */
export const actorSchema = z.object({
  /** Stable id of the user in the host's identity system. */
  id: z.string().check(z.minLength(1)),
  role: z.enum(ACTOR_ROLES),
  /** The agency (organisation) the actor works for, e.g. `kommune-musterstadt`, `jobcenter-musterstadt`. */
  agencyId: z.string().check(z.minLength(1)),
  /** Display name, for histories ("wer hat wann was geändert"). */
  name: z.optional(z.string()),
});

/** Who is acting. */
export type Actor = z.infer<typeof actorSchema>;

/** Where the current actor comes from; the host's login decides. */
export interface ActorSource {
  current(): Actor;
}

/** An {@link ActorSource} that always answers the same actor; hosts can swap it on login. */
export function fixedActor(actor: Actor): ActorSource {
  return { current: () => actor };
}
