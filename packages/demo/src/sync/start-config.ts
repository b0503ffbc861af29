/**
 * What `npm start` tells the page: the identity provider, the page's client id, and where the sync server is,
 * in a `<script type="application/json" id="fallkit-start">` it writes into the page as it serves it (no extra
 * request, so a page served without it, a static copy or the smoke test, asks nothing and runs on the
 * browser's store alone, as before).
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
export function readStartConfig(doc: Document = document): StartConfig | undefined {
  const element = doc.getElementById('fallkit-start');
  if (!element || element.getAttribute('type') !== 'application/json') return undefined;
  try {
    const config: unknown = JSON.parse(element.textContent ?? '');
    return isStartConfig(config) ? config : undefined;
  } catch {
    return undefined;
  }
}
