/**
 * The built-in OpenID provider of the demo (`oidc-provider`): authorization code with PKCE for public browser
 * clients, access tokens as JWTs for one resource (the sync server's base URL) that the server verifies with
 * jose against this provider's JWKS, the demo's people as accounts with their tenant claim. Loopback only:
 * it has no passwords, so it must never be reachable from the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { memoryAdapterFactory } from './memory-adapter.js';
import { DEMO_ACCOUNTS, TENANT_CLAIM, claimsOf, type IdentityAccount } from './accounts.js';
import { generateProviderKeys, loadOrCreateProviderKeys, type ProviderKeys } from './signing-keys.js';
import { escapeHtml, pageLanguage, renderMessagePage, renderSignInPage, type PageLanguage } from './sign-in-page.js';

/** A public browser client (no secret: it proves itself with PKCE). */
export interface PublicClient {
  readonly clientId: string;
  /** Shown on the sign-in page. */
  readonly name: string;
  /** Where the provider may send the code (exact match). */
  readonly redirectUris: readonly string[];
  /** Where it may send the browser after signing out. */
  readonly postLogoutRedirectUris?: readonly string[];
}

/** Options of {@link createIdentityProvider}. */
export interface IdentityProviderOptions {
  /** The issuer URL, e.g. `http://127.0.0.1:7301`; must be loopback. */
  readonly issuer: string;
  readonly clients: readonly PublicClient[];
  /** The resource indicator (the access token's `aud`): the sync server's base URL. */
  readonly resource: string;
  /** The people who may sign in (default: the demo's). */
  readonly accounts?: readonly IdentityAccount[];
  /** Keep the keys in this file (the data folder); fresh keys in memory without. */
  readonly keysFile?: string;
  /** Lifetime of an access token in seconds (default 1 hour). */
  readonly accessTokenTtlSeconds?: number;
}

/** The scope of the sync resource the demo's client asks for. */
export const SYNC_SCOPE = 'sync';
/** The OIDC scope that releases the Fallkit claims (tenant, agency, role). */
export const FALLKIT_SCOPE = 'fallkit';
/** The scope string a client requests. */
export const REQUESTED_SCOPE = `openid profile ${FALLKIT_SCOPE} ${SYNC_SCOPE}`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether a URL or host name points at this machine only. */
export function isLoopback(urlOrHost: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(urlOrHost).hostname);
  } catch {
    return LOOPBACK_HOSTS.has(urlOrHost);
  }
}

/** A provider ready to mount: its Node request handler and what a resource server needs to trust it. */
export interface IdentityProvider {
  readonly issuer: string;
  /** The JWKS URL the sync server verifies access tokens against. */
  readonly jwksUri: string;
  readonly resource: string;
  readonly provider: Provider;
  /** Handles a request (the interaction routes, then the provider's own). */
  readonly handle: (request: IncomingMessage, response: ServerResponse) => void;
}

/** The largest sign-in form body read (one account id and a decision). */
const MAX_FORM_BYTES = 4096;

function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', () => resolve(undefined));
  });
}

/**
 * @param formTargets origins a form may end at: the provider itself and the clients' redirect origins
 *   (browsers apply `form-action` to the redirects after a submit too, and sign-in ends at the client).
 */
function sendHtml(response: ServerResponse, status: number, body: string, formTargets: readonly string[] = []): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // No script, no frame, nothing from elsewhere: the page is one form.
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self' ${formTargets.join(' ')}; frame-ancestors 'none'`,
  });
  response.end(body);
}

const MESSAGES = {
  expired: {
    de: [
      'Anmeldung abgelaufen',
      'Die Anmeldung hat zu lange gedauert. Bitte kehren Sie zur Demo zurück und melden Sie sich neu an.',
    ],
    en: ['Sign-in expired', 'The sign-in took too long. Please go back to the demo and sign in again.'],
  },
  unknown: {
    de: ['Unbekannte Person', 'Diese Person gibt es in der Demo nicht. Bitte wählen Sie eine aus der Liste.'],
    en: ['Unknown person', 'This person does not exist in the demo. Please choose one from the list.'],
  },
  error: {
    de: ['Anmeldung nicht möglich', 'Der Anmeldedienst hat die Anfrage abgelehnt'],
    en: ['Sign-in not possible', 'The sign-in service refused the request'],
  },
  signedOut: {
    de: ['Abgemeldet', 'Sie sind abgemeldet.'],
    en: ['Signed out', 'You are signed out.'],
  },
  signOut: {
    de: ['Abmelden?', 'Möchten Sie sich von der Fallkit Demo abmelden?'],
    en: ['Sign out?', 'Do you want to sign out of the Fallkit demo?'],
  },
} as const;

function langOf(ctx: KoaContextWithOIDC): PageLanguage {
  return pageLanguage(ctx.oidc?.params?.['ui_locales'] ?? ctx.query['lang']);
}

/**
 * Builds the provider. The accounts' claims go into the ID token (so a page can greet the person without a
 * userinfo call) and into the access token (the server reads `sub` and {@link TENANT_CLAIM} from it).
 */
export async function createIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  if (!isLoopback(options.issuer)) {
    throw new Error(`The built-in identity provider runs on loopback only; issuer ${options.issuer} is not.`);
  }
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const bySub = new Map(accounts.map((account) => [account.sub, account]));
  const keys: ProviderKeys = options.keysFile
    ? await loadOrCreateProviderKeys(options.keysFile)
    : await generateProviderKeys();
  const resource = options.resource;
  const publicClientIds = new Set(options.clients.map((client) => client.clientId));

  const redirectOrigins = new Set(
    options.clients.flatMap((client) => client.redirectUris.map((uri) => new URL(uri).origin)),
  );

  const configuration: Configuration = {
    adapter: memoryAdapterFactory(),
    // The page calls the token endpoint from its own origin; only the origins of registered redirect URIs may.
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris?.some((uri) => new URL(uri).origin === origin) === true && redirectOrigins.has(origin),
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_name: client.name,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
      redirect_uris: [...client.redirectUris],
      post_logout_redirect_uris: [...(client.postLogoutRedirectUris ?? [])],
    })),
    jwks: { keys: keys.jwks.keys as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: [...keys.cookieKeys] },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      [FALLKIT_SCOPE]: [TENANT_CLAIM, 'fallkit_agency', 'fallkit_role'],
    },
    // The claims in the ID token itself: the page has no userinfo token (its access token is for the server).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      const claims = claimsOf(account);
      return { accountId: sub, claims: () => ({ ...claims, sub }) };
    },
    // The demo's own clients need no consent screen: the grant is made when the person signs in.
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!publicClientIds.has(client.clientId)) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(`openid profile ${FALLKIT_SCOPE}`);
      grant.addResourceScope(resource, SYNC_SCOPE);
      await grant.save();
      return grant;
    },
    async extraTokenClaims(_ctx, token) {
      const account =
        'accountId' in token && typeof token.accountId === 'string' ? bySub.get(token.accountId) : undefined;
      if (!account) return undefined;
      const { sub: _sub, ...claims } = claimsOf(account);
      return claims;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        async getResourceServerInfo(_ctx, indicator) {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: SYNC_SCOPE,
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          const lang = langOf(ctx);
          const [title, message] = MESSAGES.signOut[lang];
          const yes = lang === 'de' ? 'Ja, abmelden' : 'Yes, sign out';
          const no = lang === 'de' ? 'Nein, angemeldet bleiben' : 'No, stay signed in';
          ctx.type = 'html';
          ctx.body = renderMessagePage(
            lang,
            title,
            message,
            `${form}<div class="actions"><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${yes}</button><button class="secondary" type="submit" form="op.logoutForm">${no}</button></div>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          const [title, message] = MESSAGES.signedOut[langOf(ctx)];
          ctx.type = 'html';
          ctx.body = renderMessagePage(langOf(ctx), title, message);
        },
      },
    },
    async renderError(ctx, out) {
      const lang = langOf(ctx);
      const [title, message] = MESSAGES.error[lang];
      ctx.type = 'html';
      const detail = [out['error'], out['error_description']].filter((part) => typeof part === 'string').join(': ');
      ctx.body = renderMessagePage(lang, title, `${message} (${detail || 'error'}).`);
    },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
  };

  const provider = new Provider(options.issuer, configuration);
  const callback = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string, login: boolean) {
    let details;
    try {
      details = await provider.interactionDetails(request, response);
    } catch {
      const [title, message] =
        MESSAGES.expired[pageLanguage(new URL(request.url ?? '/', options.issuer).searchParams.get('lang'))];
      sendHtml(response, 400, renderMessagePage('de', title, message));
      return;
    }
    if (details.uid !== uid) {
      const [title, message] = MESSAGES.expired.de;
      sendHtml(response, 400, renderMessagePage('de', title, message));
      return;
    }
    const lang = pageLanguage(
      new URL(request.url ?? '/', options.issuer).searchParams.get('lang') ?? details.params['ui_locales'],
    );
    if (!login) {
      const client = await provider.Client.find(String(details.params['client_id']));
      const hint = details.params['login_hint'];
      sendHtml(
        response,
        200,
        renderSignInPage({
          lang,
          action: `/interaction/${uid}/login?lang=${lang}`,
          otherLanguageHref: `/interaction/${uid}?lang=${lang === 'de' ? 'en' : 'de'}`,
          accounts,
          clientName: client?.clientName ?? String(details.params['client_id']),
          selected: typeof hint === 'string' ? hint : undefined,
        }),
        [...redirectOrigins],
      );
      return;
    }
    const form = await readForm(request);
    if (form?.get('decision') === 'cancel') {
      await provider.interactionFinished(
        request,
        response,
        { error: 'access_denied', error_description: 'sign-in cancelled' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const account = bySub.get(form?.get('sub') ?? '');
    if (!account) {
      const [title, message] = MESSAGES.unknown[lang];
      const back = `<p><a href="/interaction/${escapeHtml(uid)}?lang=${lang}">${lang === 'de' ? 'Zurück' : 'Back'}</a></p>`;
      sendHtml(response, 400, renderMessagePage(lang, title, message, back));
      return;
    }
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  }

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', options.issuer).pathname;
    const match = /^\/interaction\/([\w-]{1,64})(\/login)?$/.exec(path);
    if (match) {
      const login = match[2] !== undefined;
      if ((login && request.method !== 'POST') || (!login && request.method !== 'GET')) {
        response.writeHead(405).end();
        return;
      }
      interaction(request, response, match[1]!, login).catch(() => {
        if (!response.headersSent) response.writeHead(500).end();
      });
      return;
    }
    void callback(request, response);
  };

  return {
    issuer: options.issuer,
    jwksUri: new URL('/jwks', options.issuer).href,
    resource,
    provider,
    handle,
  };
}

/** A running provider. */
export interface RunningIdentityProvider extends IdentityProvider {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the provider on `host:port` (loopback only). `port` 0 takes a free one; the issuer is then
 * `http://host:<port>`. A busy port rejects with the `EADDRINUSE` error of `listen`.
 */
export async function startIdentityProvider(
  options: Omit<IdentityProviderOptions, 'issuer'> & { readonly port: number; readonly host?: string },
): Promise<RunningIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The built-in identity provider runs on loopback only; ${host} is not.`);
  let handle: IdentityProvider['handle'] | undefined;
  const server = createServer((request, response) => {
    if (handle) handle(request, response);
    else response.writeHead(503).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  try {
    const idp = await createIdentityProvider({ ...options, issuer: `http://${shownHost}:${port}` });
    handle = idp.handle;
    return {
      ...idp,
      server,
      port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  } catch (error) {
    server.close();
    throw error;
  }
}
