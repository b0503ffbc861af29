import { readFile } from 'node:fs/promises';
import { type Actor, type ActorRole } from '@fallkit/core';
import { actorSchema } from '@fallkit/core/internal';
import { isTenantId } from '@fallkit/store-pg';

/**
 * One user as the server's directory knows them: the tenant, agency, roles and display name behind a
 * token's `sub`. The actor of every command and read is built from this and the verified token, never
 * from anything the client sends (DP-40).
 */
export interface DirectoryUser {
  /** The token subject (`sub`) and the actor's user id. */
  readonly userId: string;
  readonly tenantId: string;
  readonly agencyId: string;
  /** The roles the user holds; the first one acts. */
  readonly roles: readonly ActorRole[];
  readonly name?: string;
}

/** The server's user directory port: who a subject is. A host connects its own (LDAP, HR system …). */
export interface UserDirectory {
  /** The user behind a subject, or `undefined` when unknown. */
  lookup(subject: string): Promise<DirectoryUser | undefined>;
}

/** The actor a directory user acts as (the first role), validated like every actor (DP-40). */
export function actorOf(user: DirectoryUser): Actor | undefined {
  const parsed = actorSchema.safeParse({
    id: user.userId,
    role: user.roles[0],
    agencyId: user.agencyId,
    ...(user.name === undefined ? {} : { name: user.name }),
  });
  return parsed.success ? parsed.data : undefined;
}

/** A directory held in memory, for tests and the demo. */
export function memoryDirectory(users: readonly DirectoryUser[]): UserDirectory {
  const bySubject = new Map(users.map((user) => [user.userId, user]));
  return { lookup: async (subject) => bySubject.get(subject) };
}

/** One entry of a directory file, checked: the fields present and the actor they make valid. */
function directoryUser(raw: unknown, index: number): DirectoryUser {
  const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const roles = entry['roles'];
  const user: DirectoryUser = {
    userId: String(entry['userId'] ?? ''),
    tenantId: String(entry['tenantId'] ?? ''),
    agencyId: String(entry['agencyId'] ?? ''),
    roles: Array.isArray(roles) ? (roles as ActorRole[]) : [],
    ...(typeof entry['name'] === 'string' ? { name: entry['name'] } : {}),
  };
  const known = new Set(['userId', 'tenantId', 'agencyId', 'roles', 'name']);
  const extra = Object.keys(entry).filter((key) => !known.has(key));
  const rolesValid =
    user.roles.length > 0 && user.roles.every((role) => actorSchema.shape.role.safeParse(role).success);
  if (extra.length > 0 || !rolesValid || !isTenantId(user.tenantId) || actorOf(user) === undefined)
    throw new TypeError(`user directory entry ${index} is not valid`);
  return user;
}

/**
 * A directory read from a JSON file `{ "users": [{ userId, tenantId, agencyId, roles, name? }] }` (the
 * demo's). Read once; a file that does not match is refused when opening, not on the first request.
 */
export async function jsonFileDirectory(path: string): Promise<UserDirectory> {
  const data = JSON.parse(await readFile(path, 'utf8')) as { users?: unknown };
  if (!Array.isArray(data.users)) throw new TypeError(`user directory ${path}: no "users" list`);
  return memoryDirectory(data.users.map((raw, index) => directoryUser(raw, index)));
}
