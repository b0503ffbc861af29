/**
 * The page's connection to the sync server: the actor as the server sees it (`GET /fallkit/v1/me`), read with
 * the signed-in person's access token. The server, not the page, decides who that is (DP-40).
 */
import type { SignedIn } from './sign-in.js';

/** The server's answer to `/me`. */
export interface ServerActor {
  readonly actor: { readonly id: string; readonly role: string; readonly agencyId: string; readonly name?: string };
  readonly tenantId: string;
}

/** What asking the server gave: the actor, or the refusal's code and words. */
export type ServerAnswer =
  | { readonly ok: true; readonly me: ServerActor }
  | { readonly ok: false; readonly code: string; readonly message: { readonly de: string; readonly en: string } };

/** Asks the server who the token's person is. */
export async function whoAmI(baseUrl: string, signedIn: SignedIn): Promise<ServerAnswer> {
  try {
    const response = await fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${signedIn.accessToken}` } });
    const body = (await response.json()) as Partial<ServerActor> & {
      errors?: { code: string; message: { de: string; en: string } }[];
    };
    if (response.ok && body.actor && typeof body.tenantId === 'string') {
      return { ok: true, me: { actor: body.actor, tenantId: body.tenantId } };
    }
    const first = body.errors?.[0];
    return {
      ok: false,
      code: first?.code ?? `HTTP_${response.status}`,
      message: first?.message ?? { de: 'Der Server hat abgelehnt.', en: 'The server refused.' },
    };
  } catch {
    return {
      ok: false,
      code: 'SYNC_UNREACHABLE',
      message: { de: 'Der Sync-Server ist nicht erreichbar.', en: 'The sync server cannot be reached.' },
    };
  }
}
