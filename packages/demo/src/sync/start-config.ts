/**
 * What `npm start` tells the page (`/fallkit-start.json`): the identity provider, the page's client id, and
 * where the sync server is. A page served without it (a static copy, the smoke test) runs on the browser's
 * store alone, as before.
 */

/** The page's configuration from `npm start`. */
export interface StartConfig {
  readonly signIn: { readonly issuer: string; readonly clientId: string; readonly builtIn: boolean };
  readonly sync: { readonly baseUrl: string } | null;
}

function isStartConfig(value: unknown): value is StartConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { signIn, sync } = value as Partial<StartConfig>;
  const urlOk = (url: unknown) => {
    if (typeof url !== 'string' || url.length > 500) return false;
    try {
      return ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      return false;
    }
  };
  return (
    typeof signIn === 'object' &&
    signIn !== null &&
    urlOk(signIn.issuer) &&
    typeof signIn.clientId === 'string' &&
    /^[\w.-]{1,100}$/.test(signIn.clientId) &&
    (sync === null || (typeof sync === 'object' && typeof sync?.baseUrl === 'string' && sync.baseUrl.startsWith('/')))
  );
}

/** The configuration, or undefined when the page is not served by `npm start` (or it is malformed). */
export async function loadStartConfig(url = './fallkit-start.json'): Promise<StartConfig | undefined> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return undefined;
    const config: unknown = await response.json();
    return isStartConfig(config) ? config : undefined;
  } catch {
    return undefined;
  }
}
