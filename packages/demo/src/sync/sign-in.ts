/**
 * Sign-in of the demo page at the identity provider: OpenID Connect authorization code flow with PKCE (S256)
 * for a public browser client. The verifier and state wait in sessionStorage during the round trip; the
 * tokens are kept in sessionStorage of this tab only (gone when the tab closes, never in localStorage or a
 * cookie), and the access token goes to the sync server as a bearer token.
 */

const PENDING_KEY = 'fallkit-demo.sign-in.pending';
const SESSION_KEY = 'fallkit-demo.sign-in.session';

/** The scopes the page asks for: the person, the Fallkit claims, the sync resource. */
export const SIGN_IN_SCOPE = 'openid profile fallkit sync';

/** A signed-in person as the page knows them. */
export interface SignedIn {
  readonly accessToken: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
  readonly sub: string;
  readonly name: string;
  readonly agencyId: string;
  readonly tenant: string;
  readonly issuer: string;
}

/** Why a sign-in did not complete, in words. */
export interface SignInFailure {
  readonly code: 'SIGN_IN_CANCELLED' | 'SIGN_IN_STATE_MISMATCH' | 'SIGN_IN_TOKEN_REFUSED' | 'SIGN_IN_UNREACHABLE';
  readonly message: { readonly de: string; readonly en: string };
}

interface Pending {
  readonly state: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** The page's hash before signing in (case and tab), restored afterwards. */
  readonly hash: string;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 challenge of a verifier (RFC 7636). */
export async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const base = issuer.endsWith('/') ? issuer : `${issuer}/`;
  const response = await fetch(new URL('.well-known/openid-configuration', base));
  if (!response.ok) throw new Error(`discovery ${response.status}`);
  return (await response.json()) as Discovery;
}

/** The page's own address without query and hash: the redirect URI registered for the client. */
function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** Goes to the provider's sign-in page (leaves this page). */
export async function startSignIn(options: {
  issuer: string;
  clientId: string;
  lang: 'de' | 'en';
  loginHint?: string;
}): Promise<void> {
  const discovery = await discover(options.issuer);
  const pending: Pending = {
    state: randomString(),
    verifier: randomString(),
    nonce: randomString(),
    issuer: options.issuer,
    clientId: options.clientId,
    redirectUri: redirectUri(),
    hash: location.hash,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: options.clientId,
    response_type: 'code',
    redirect_uri: pending.redirectUri,
    scope: SIGN_IN_SCOPE,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
    ui_locales: options.lang === 'de' ? 'de en' : 'en de',
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
  }).toString();
  location.assign(url.href);
}

/** The claims of a JWT's payload (not verified here: the server verifies the access token; see below). */
function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/**
 * Completes a sign-in when the provider sent the browser back (`?code=…&state=…`, or `?error=…`): checks the
 * state, exchanges the code with the verifier, keeps the tokens for this tab and removes the code from the
 * address. Resolves to the signed-in person, a failure in words, or undefined when there was nothing to do.
 */
export async function completeSignIn(): Promise<SignedIn | SignInFailure | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return undefined;
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as Pending) : undefined;
  // The code and state leave the address at once (history, screenshots, a shared link).
  history.replaceState(null, '', `${location.pathname}${pending?.hash ?? location.hash}`);
  if (error) {
    return {
      code: 'SIGN_IN_CANCELLED',
      message: { de: 'Die Anmeldung wurde abgebrochen.', en: 'The sign-in was cancelled.' },
    };
  }
  if (!pending || params.get('state') !== pending.state) {
    return {
      code: 'SIGN_IN_STATE_MISMATCH',
      message: {
        de: 'Die Antwort des Anmeldedienstes gehört zu keiner Anmeldung dieses Tabs; bitte neu anmelden.',
        en: 'The sign-in answer belongs to no sign-in of this tab; please sign in again.',
      },
    };
  }
  try {
    const discovery = await discover(pending.issuer);
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code!,
        code_verifier: pending.verifier,
        client_id: pending.clientId,
        redirect_uri: pending.redirectUri,
      }).toString(),
    });
    if (!response.ok) {
      return {
        code: 'SIGN_IN_TOKEN_REFUSED',
        message: {
          de: 'Der Anmeldedienst hat die Anmeldung nicht bestätigt; bitte neu anmelden.',
          en: 'The sign-in service did not confirm the sign-in; please sign in again.',
        },
      };
    }
    const tokens = (await response.json()) as { access_token: string; id_token?: string; expires_in?: number };
    const id = tokens.id_token ? claimsOf(tokens.id_token) : {};
    if (id['nonce'] !== pending.nonce) {
      return {
        code: 'SIGN_IN_STATE_MISMATCH',
        message: {
          de: 'Die Anmeldung passt nicht zu dieser Anfrage; bitte neu anmelden.',
          en: 'The sign-in does not match this request; please sign in again.',
        },
      };
    }
    const access = claimsOf(tokens.access_token);
    const signedIn: SignedIn = {
      accessToken: tokens.access_token,
      expiresAt: Math.floor(Date.now() / 1000) + (tokens.expires_in ?? 300),
      sub: String(access['sub'] ?? id['sub'] ?? ''),
      name: String(id['name'] ?? access['name'] ?? ''),
      agencyId: String(id['fallkit_agency'] ?? access['fallkit_agency'] ?? ''),
      tenant: String(id['fallkit_tenant'] ?? access['fallkit_tenant'] ?? ''),
      issuer: pending.issuer,
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
    return signedIn;
  } catch {
    return {
      code: 'SIGN_IN_UNREACHABLE',
      message: {
        de: 'Der Anmeldedienst ist nicht erreichbar.',
        en: 'The sign-in service cannot be reached.',
      },
    };
  }
}

/** The person signed in in this tab, while the access token is valid. */
export function currentSignIn(): SignedIn | undefined {
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored) return undefined;
  try {
    const signedIn = JSON.parse(stored) as SignedIn;
    if (signedIn.expiresAt <= Date.now() / 1000 + 10) {
      sessionStorage.removeItem(SESSION_KEY);
      return undefined;
    }
    return signedIn;
  } catch {
    sessionStorage.removeItem(SESSION_KEY);
    return undefined;
  }
}

/** Forgets the tokens of this tab. */
export function signOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
}
