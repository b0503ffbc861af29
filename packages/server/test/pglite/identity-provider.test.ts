import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import {
  DEMO_ACCOUNTS,
  REQUESTED_SCOPE,
  TENANT_CLAIM,
  createIdentityProvider,
  startIdentityProvider,
  type RunningIdentityProvider,
} from '../../src/identity-provider/index.js';

// The built-in OpenID provider of `npm start`: code flow with PKCE for the demo page, JWT access tokens the
// sync server verifies with jose against the JWKS (the actor's identity comes from the token: DP-40).
// It needs no database; it lives in this folder because the folder is the one npm test runs.

const CLIENT_ID = 'fallkit-demo';
const REDIRECT = 'http://127.0.0.1:7390/';
const RESOURCE = 'http://127.0.0.1:7391/fallkit/v1';

/** A tiny cookie jar and redirect walker for one browser. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new URL(url, this.base), { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    return response;
  }

  /** Follows redirects on the provider until a page or a redirect to the client. */
  async follow(url: string, init: RequestInit = {}): Promise<Response> {
    let response = await this.request(url, init);
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      if (location.startsWith(REDIRECT)) return response;
      response = await this.request(location);
    }
    throw new Error('too many redirects');
  }
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(issuer: string, challenge: string | undefined, extra: Record<string, string> = {}): string {
  const url = new URL('/auth', issuer);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: REQUESTED_SCOPE,
    state: 'state-1',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
    ...extra,
  }).toString();
  return url.href;
}

async function signIn(
  idp: RunningIdentityProvider,
  sub: string,
  extra: Record<string, string> = {},
): Promise<{ page: string; redirect: URL; verifier: string }> {
  const browser = new Browser(idp.issuer);
  const { verifier, challenge } = pkce();
  const pageResponse = await browser.follow(authorizeUrl(idp.issuer, challenge, extra));
  expect(pageResponse.status).to.equal(200);
  const page = await pageResponse.text();
  const action = /action="([^"]+)"/.exec(page)?.[1];
  expect(action, 'the sign-in form posts to the interaction').to.match(/^\/interaction\//);
  const done = await browser.follow(action!.replace(/&amp;/g, '&'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ sub, decision: 'sign-in' }).toString(),
  });
  expect(done.status).to.be.within(300, 399);
  return { page, redirect: new URL(done.headers.get('location')!), verifier };
}

async function exchange(idp: RunningIdentityProvider, code: string, verifier: string): Promise<Response> {
  return fetch(new URL('/token', idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(REDIRECT).origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
    }).toString(),
  });
}

describe('identity provider (built-in, for npm start)', function () {
  this.timeout(20_000);
  let idp: RunningIdentityProvider;

  before(async () => {
    idp = await startIdentityProvider({
      port: 0,
      resource: RESOURCE,
      clients: [{ clientId: CLIENT_ID, name: 'Fallkit Demo', redirectUris: [REDIRECT] }],
    });
  });
  after(() => idp.close());

  it('announces a loopback issuer, the code flow and S256 PKCE only', async () => {
    const discovery = (await (await fetch(new URL('/.well-known/openid-configuration', idp.issuer))).json()) as {
      issuer: string;
      jwks_uri: string;
      response_types_supported: string[];
      code_challenge_methods_supported: string[];
    };
    expect(new URL(discovery.issuer).hostname).to.equal('127.0.0.1');
    expect(discovery.jwks_uri).to.equal(idp.jwksUri);
    expect(discovery.response_types_supported).to.include('code');
    expect(discovery.code_challenge_methods_supported).to.deep.equal(['S256']);
  });

  it('DP-40: the access token is a JWT for the sync resource, verifiable against the JWKS, naming sub and tenant', async () => {
    const { redirect, verifier } = await signIn(idp, 'u-jc-demir');
    expect(redirect.searchParams.get('state')).to.equal('state-1');
    const code = redirect.searchParams.get('code');
    expect(code).to.be.a('string');
    const response = await exchange(idp, code!, verifier);
    expect(response.status).to.equal(200);
    // The page calls the token endpoint from its own origin: CORS must allow exactly that origin.
    expect(response.headers.get('access-control-allow-origin')).to.equal(new URL(REDIRECT).origin);
    const tokens = (await response.json()) as { access_token: string; id_token: string; token_type: string };
    expect(tokens.token_type).to.equal('Bearer');

    const jwks = createRemoteJWKSet(new URL(idp.jwksUri));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
      issuer: idp.issuer,
      audience: RESOURCE,
    });
    expect(protectedHeader.alg).to.equal('ES256');
    expect(protectedHeader.typ).to.equal('at+jwt');
    expect(payload.sub).to.equal('u-jc-demir');
    expect(payload[TENANT_CLAIM]).to.equal('musterstadt');
    expect(payload['fallkit_agency']).to.equal('jobcenter-musterstadt');
    expect(payload['fallkit_role']).to.equal('caseManager');
    expect(payload['client_id']).to.equal(CLIENT_ID);
    expect(String(payload['scope']).split(' ')).to.include('sync');

    const idToken = decodeJwt(tokens.id_token);
    expect(idToken['name']).to.equal('Murat Demir');
    expect(idToken[TENANT_CLAIM]).to.equal('musterstadt');
  });

  it('DP-40: a token from a provider with other keys does not verify against this JWKS', async () => {
    const other = await startIdentityProvider({
      port: 0,
      resource: RESOURCE,
      clients: [{ clientId: CLIENT_ID, name: 'Fallkit Demo', redirectUris: [REDIRECT] }],
    });
    try {
      const { redirect, verifier } = await signIn(other, 'u-kim-krueger');
      const tokens = (await (await exchange(other, redirect.searchParams.get('code')!, verifier)).json()) as {
        access_token: string;
      };
      let refused: unknown;
      try {
        await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(idp.jwksUri)), { audience: RESOURCE });
      } catch (error) {
        refused = error;
      }
      expect(refused).to.be.instanceOf(Error);
      expect((refused as { code?: string }).code).to.equal('ERR_JWKS_NO_MATCHING_KEY');
    } finally {
      await other.close();
    }
  });

  it('refuses an authorization request without PKCE (public client)', async () => {
    const browser = new Browser(idp.issuer);
    const response = await browser.follow(authorizeUrl(idp.issuer, undefined));
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).to.equal(REDIRECT);
    expect(location.searchParams.get('error')).to.equal('invalid_request');
    expect(location.searchParams.get('code')).to.equal(null);
  });

  it('refuses the code with a wrong verifier, and a code used twice', async () => {
    const { redirect, verifier } = await signIn(idp, 'u-kim-krueger');
    const code = redirect.searchParams.get('code')!;
    const wrong = await exchange(idp, code, pkce().verifier);
    expect(wrong.status).to.equal(400);
    expect(((await wrong.json()) as { error: string }).error).to.equal('invalid_grant');
    const right = await exchange(idp, code, verifier);
    expect(right.status).to.equal(200);
    const again = await exchange(idp, code, verifier);
    expect(again.status).to.equal(400);
    expect(((await again.json()) as { error: string }).error).to.equal('invalid_grant');
  });

  it('refuses a redirect URI the client did not register', async () => {
    const browser = new Browser(idp.issuer);
    const url = new URL(authorizeUrl(idp.issuer, pkce().challenge));
    url.searchParams.set('redirect_uri', 'http://127.0.0.1:7399/elsewhere');
    const response = await browser.follow(url.href);
    expect(response.status).to.equal(400);
    expect(response.headers.get('location')).to.equal(null);
    expect(await response.text()).to.include('redirect_uri');
  });

  it('the sign-in page lists the demo people, German by default and English on ui_locales, with nothing from elsewhere', async () => {
    const browser = new Browser(idp.issuer);
    const german = await (await browser.follow(authorizeUrl(idp.issuer, pkce().challenge))).text();
    expect(german).to.include('<html lang="de">');
    expect(german).to.include('Anmelden');
    for (const account of DEMO_ACCOUNTS) expect(german).to.include(`value="${account.sub}"`);
    expect(german).to.include('Sabine Krüger');
    expect(german).to.include('Murat Demir');
    // No external asset: no absolute URL anywhere in the page (fonts, scripts, stylesheets).
    expect(german).not.to.match(/https?:\/\//);
    expect(german).not.to.include('<script');

    const english = await (
      await new Browser(idp.issuer).follow(authorizeUrl(idp.issuer, pkce().challenge, { ui_locales: 'en-GB de' }))
    ).text();
    expect(english).to.include('<html lang="en">');
    expect(english).to.include('Sign in');
    expect(english).to.include('Jobcenter case manager');
  });

  it('the sign-in page forbids scripts and frames, and lets its form end only here and at the client', async () => {
    const response = await new Browser(idp.issuer).follow(authorizeUrl(idp.issuer, pkce().challenge));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).to.include("default-src 'none'");
    expect(policy).to.include("frame-ancestors 'none'");
    // Browsers apply form-action to the redirect after the submit: it must name the client's origin, no other.
    expect(policy).to.match(new RegExp(`form-action 'self' ${new URL(REDIRECT).origin};`));
  });

  it('answers the token request with CORS for the registered origin only', async () => {
    const { redirect, verifier } = await signIn(idp, 'u-kim-krueger');
    const response = await fetch(new URL('/token', idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:7398' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: redirect.searchParams.get('code')!,
        code_verifier: verifier,
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT,
      }).toString(),
    });
    // A page of another origin cannot read the answer (and the provider refuses the request).
    expect(response.headers.get('access-control-allow-origin')).not.to.equal('http://127.0.0.1:7398');
    expect(response.status).to.be.within(400, 499);
  });

  it('DP-40: a person the provider does not know cannot sign in (no code is issued)', async () => {
    const browser = new Browser(idp.issuer);
    const page = await (await browser.follow(authorizeUrl(idp.issuer, pkce().challenge))).text();
    const action = /action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const response = await browser.follow(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ sub: 'u-forged', decision: 'sign-in' }).toString(),
    });
    expect(response.status).to.equal(400);
    expect(response.headers.get('location')).to.equal(null);
    expect(await response.text()).to.include('Unbekannte Person');
  });

  it('cancelling the sign-in returns access_denied to the client, without a code', async () => {
    const browser = new Browser(idp.issuer);
    const page = await (await browser.follow(authorizeUrl(idp.issuer, pkce().challenge))).text();
    const action = /action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const response = await browser.follow(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision: 'cancel' }).toString(),
    });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).to.equal('access_denied');
    expect(location.searchParams.get('code')).to.equal(null);
  });

  it('runs on loopback only: another issuer or host is refused before anything listens', async () => {
    let refused: unknown;
    try {
      await createIdentityProvider({ issuer: 'http://10.0.0.5:7301', resource: RESOURCE, clients: [] });
    } catch (error) {
      refused = error;
    }
    expect(String(refused)).to.include('loopback');
    refused = undefined;
    try {
      await startIdentityProvider({ port: 0, host: '0.0.0.0', resource: RESOURCE, clients: [] });
    } catch (error) {
      refused = error;
    }
    expect(String(refused)).to.include('loopback');
  });
});
