import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../infra/api-server.js';
import { loadConfig } from '../../infra/config.js';
import { createLogger } from '../../infra/logger.js';
import { freePort } from '../support/free-port.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The pages sign in through a real OpenID Connect issuer (oauth2-mock-server): the authorization
 * code flow with PKCE, state and nonce, followed redirect by redirect as a browser would, its
 * cookies carried by hand.
 */
const audience = 'apprenticeship-api';
const clientId = 'apprenticeship-pages';
const issuer = new OAuth2Server();
let stack: TestStack;
/** Where the API listens, which is also PUBLIC_BASE_URL: the redirect URI the issuer sends the browser back to. */
let baseUrl: string;
/** Whom the issuer signs in, and the audience it puts in the access token (the ID token's is the client). */
let signingIn = { sub: 'marie.adem', aud: audience };
/** Set: the issuer puts another nonce in the ID token than the one it was sent. */
let replacedNonce: string | undefined;

beforeAll(async () => {
  await issuer.issuer.keys.generate('RS256');
  await issuer.start(await freePort(), '127.0.0.1');
  issuer.service.on('beforeTokenSigning', (token) => {
    token.payload.sub = signingIn.sub;
    if (token.payload.aud === undefined) token.payload.aud = signingIn.aud;
    if (token.payload.nonce !== undefined && replacedNonce !== undefined) token.payload.nonce = replacedNonce;
  });
  const discovery = (await (await fetch(`${issuer.issuer.url}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
  // The port chosen first, so that PUBLIC_BASE_URL (and so the redirect URI) is the API's real address.
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  stack = await startTestStack({
    env: {
      AUTH_JWKS_URL: discovery.jwks_uri,
      AUTH_ISSUER: discovery.issuer,
      AUTH_AUDIENCE: audience,
      AUTH_OIDC_CLIENT_ID: clientId,
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await issuer.stop();
});

interface Cookie {
  value: string;
  path: string;
  attributes: string;
}

interface Visit {
  url: URL;
  status: number;
  text: string;
  headers: Headers;
}

/** A browser enough for the flow: follows redirects (a 303 or 302 is a GET), keeps our site's cookies by name and path. */
class Browser {
  readonly cookies = new Map<string, Cookie>();
  readonly visited: URL[] = [];

  /** Goes to `path`, following redirects until a page, or until `stopAt` says to stop before a URL (returned unvisited). */
  async go(path: string, options: { method?: string; stopAt?: (url: URL) => boolean } = {}): Promise<Visit> {
    let url = new URL(path, baseUrl);
    let method = options.method ?? 'GET';
    for (let hop = 0; hop < 10; hop++) {
      if (options.stopAt?.(url)) return { url, status: 0, text: '', headers: new Headers() };
      this.visited.push(url);
      const ours = url.origin === new URL(baseUrl).origin;
      const cookie = ours ? this.cookieHeader(url) : '';
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}), ...(method === 'POST' ? { origin: url.origin } : {}) },
      });
      if (ours) this.keep(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url);
        method = 'GET';
        continue;
      }
      return { url, status: response.status, text: await response.text(), headers: response.headers };
    }
    throw new Error(`too many redirects: ${this.visited.map(String).join(' → ')}`);
  }

  private cookieHeader(url: URL): string {
    return [...this.cookies]
      .filter(([, cookie]) => url.pathname === cookie.path || url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private keep(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=')[1];
      const maxAge = attribute('max-age');
      const expires = attribute('expires');
      const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (maxAge === undefined && expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attribute('path') ?? '/', attributes: attributes.join('; ') });
    }
  }
}

const issuerOrigin = () => new URL(issuer.issuer.url!).origin;
const atIssuer = (url: URL) => url.origin === issuerOrigin();

/** Runs `test` with the issuer signing in someone else, or putting another audience in the access token. */
async function whileSigningIn(who: Partial<typeof signingIn>, test: () => Promise<void>): Promise<void> {
  const before = signingIn;
  signingIn = { ...signingIn, ...who };
  try {
    await test();
  } finally {
    signingIn = before;
  }
}

describe('the pages’ sign-in through an OpenID Connect issuer', () => {
  it('takes a user who arrives at /inbox without a session through the issuer and back to /inbox, signed in', async () => {
    const browser = new Browser();
    const inbox = await browser.go('/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.url.href).toBe(`${baseUrl}/inbox`);
    expect(inbox.text).toContain('Marie Hoffmann');
    expect(browser.visited.map((url) => `${atIssuer(url) ? 'issuer' : 'api'} ${url.pathname}`)).toEqual([
      'api /inbox',
      'api /sign-in',
      'issuer /authorize',
      'api /sign-in/callback',
      'api /inbox',
    ]);

    const authorize = browser.visited[2]!.searchParams;
    expect(authorize.get('response_type')).toBe('code');
    expect(authorize.get('client_id')).toBe(clientId);
    expect(authorize.get('redirect_uri')).toBe(`${baseUrl}/sign-in/callback`);
    expect(authorize.get('scope')).toBe('openid');
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.get('state')).toMatch(/^[\w-]{43,}$/);
    expect(authorize.get('nonce')).toMatch(/^[\w-]{43,}$/);
    // The flow's cookie is spent; the session's cannot be read by the page's scripts.
    expect(browser.cookies.has('sign_in_flow')).toBe(false);
    const session = browser.cookies.get('session')!;
    expect(session.attributes).toMatch(/HttpOnly/i);
    expect(session.attributes).toMatch(/SameSite=Lax/i);

    // The session holds the issuer's access token, which the API takes as it is.
    const tasks = await stack.request({ ...stack.parties.adem, token: decodeURIComponent(session.value) }, 'GET', '/v1/tasks');
    expect(tasks.status).toBe(200);
  });

  it('keeps the flow state in an HttpOnly, SameSite=Lax cookie for the sign-in paths only', async () => {
    const browser = new Browser();
    await browser.go('/sign-in?next=%2Fcases', { stopAt: atIssuer });
    const flow = browser.cookies.get('sign_in_flow')!;
    expect(flow.path).toBe('/sign-in');
    expect(flow.attributes).toMatch(/HttpOnly/i);
    expect(flow.attributes).toMatch(/SameSite=Lax/i);
    expect(flow.attributes).toMatch(/Max-Age=600/i);
  });

  it('comes back to the page the user asked for, and never to another site', async () => {
    const browser = new Browser();
    expect((await browser.go('/cases')).url.pathname).toBe('/cases');
    const elsewhere = new Browser();
    expect((await elsewhere.go('/sign-in?next=%2F%2Fevil.example%2F')).url.href).toBe(`${baseUrl}/inbox`);
  });

  it('refuses a callback whose state was tampered with, and one that this browser did not start', async () => {
    issuer.service.once('beforeAuthorizeRedirect', ({ url }) => {
      const state = url.searchParams.get('state')!;
      url.searchParams.set('state', `${state[0] === 'A' ? 'B' : 'A'}${state.slice(1)}`);
    });
    const tampered = new Browser();
    const refused = await tampered.go('/inbox');
    expect(refused.url.pathname).toBe('/sign-in/callback');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Signing in did not complete');
    expect(tampered.cookies.has('session')).toBe(false);
    expect(tampered.cookies.has('sign_in_flow')).toBe(false);

    // Someone else's callback (their code, their state) opened in this browser signs no one in.
    const attacker = new Browser();
    const callback = await attacker.go('/inbox', { stopAt: (url) => url.pathname === '/sign-in/callback' });
    const victim = new Browser();
    const page = await victim.go(callback.url.pathname + callback.url.search);
    expect(page.status).toBe(400);
    expect(victim.cookies.has('session')).toBe(false);
  });

  it('refuses an ID token that does not carry the nonce this sign-in sent', async () => {
    replacedNonce = 'a-nonce-from-another-sign-in-aaaaaaaaaaaaaaaaaaaa';
    try {
      const browser = new Browser();
      const page = await browser.go('/inbox');
      expect(page.url.pathname).toBe('/sign-in/callback');
      expect(page.status).toBe(502);
      expect(page.text).toContain('could not be checked');
      expect(browser.cookies.has('session')).toBe(false);
    } finally {
      replacedNonce = undefined;
    }
  });

  it('tells a user the issuer knows but we do not that their account is not registered here: a 403 page, not a 500', async () => {
    await whileSigningIn({ sub: 'nobody.known' }, async () => {
      const browser = new Browser();
      const page = await browser.go('/inbox');
      expect(page.url.pathname).toBe('/sign-in/callback');
      expect(page.status).toBe(403);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('Your account is not registered here');
      expect(page.text).toContain('nobody.known');
      expect(browser.cookies.has('session')).toBe(false);
    });
  });

  it('shows the issuer’s refusal (access_denied) as a page', async () => {
    issuer.service.once('beforeAuthorizeRedirect', ({ url }) => {
      url.searchParams.delete('code');
      url.searchParams.set('error', 'access_denied');
      url.searchParams.set('error_description', 'The user said no');
    });
    const browser = new Browser();
    const page = await browser.go('/inbox');
    expect(page.status).toBe(403);
    expect(page.text).toContain('The identity provider did not sign you in.');
    expect(page.text).toContain('href="/sign-in?next=%2Finbox"');
    expect(browser.cookies.has('session')).toBe(false);
  });

  it('says so clearly when the issuer’s access token is not for this API’s audience: a 502 page, not a 500', async () => {
    await whileSigningIn({ aud: 'another-api' }, async () => {
      const browser = new Browser();
      const page = await browser.go('/inbox');
      expect(page.status).toBe(502);
      expect(page.text).toContain('tokens are not accepted here');
      expect(page.text).toContain('AUTH_AUDIENCE');
      expect(browser.cookies.has('session')).toBe(false);
    });
  });

  it('signs out: our session ends, then the issuer’s, and the browser lands on the signed-out page', async () => {
    const browser = new Browser();
    await browser.go('/inbox');
    expect(browser.cookies.has('session')).toBe(true);
    browser.visited.length = 0;

    const signedOut = await browser.go('/sign-out', { method: 'POST' });
    expect(signedOut.status).toBe(200);
    expect(signedOut.url.href).toBe(`${baseUrl}/sign-out`);
    expect(signedOut.text).toContain('You are signed out');
    expect(browser.cookies.has('session')).toBe(false);
    const endSession = browser.visited.find(atIssuer)!;
    expect(endSession.pathname).toBe('/endsession');
    expect(endSession.searchParams.get('client_id')).toBe(clientId);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${baseUrl}/sign-out`);

    // Back at a page, the browser is sent to the issuer again.
    const again = await browser.go('/inbox', { stopAt: atIssuer });
    expect(again.url.pathname).toBe('/authorize');
  });

  it('answers 503 with a page while the issuer cannot be reached, or names another issuer than AUTH_ISSUER', async () => {
    for (const settings of [
      { AUTH_OIDC_DISCOVERY_URL: `http://127.0.0.1:${await freePort()}/.well-known/openid-configuration` },
      { AUTH_OIDC_DISCOVERY_URL: `${issuer.issuer.url}/.well-known/openid-configuration`, AUTH_ISSUER: 'http://127.0.0.1:1/another-issuer' },
    ]) {
      const api = await startApi({ ...stack.config, ...settings, PORT: 0 }, createLogger('silent', 'test-api'));
      try {
        const response = await fetch(`${api.url}/sign-in`, { redirect: 'manual', headers: { 'accept-language': 'en' } });
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).not.toBeNull();
        expect(await response.text()).toContain('The identity provider cannot be reached');
      } finally {
        await api.stop();
      }
    }
  });
});

describe('the sign-in settings', () => {
  const issuerSettings = {
    AUTH_JWKS_URL: 'https://login.example.lu/jwks',
    AUTH_ISSUER: 'https://login.example.lu/realms/apprenticeship',
    AUTH_AUDIENCE: audience,
  };

  it('takes a client of a real issuer, its discovery from AUTH_ISSUER or given, its scopes', () => {
    expect(loadConfig({ ...issuerSettings, AUTH_OIDC_CLIENT_ID: clientId })).toMatchObject({ AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_SCOPE: 'openid' });
    expect(
      loadConfig({
        ...issuerSettings,
        AUTH_ISSUER: 'apprenticeship-issuer',
        AUTH_OIDC_CLIENT_ID: clientId,
        AUTH_OIDC_CLIENT_SECRET: 'secret',
        AUTH_OIDC_DISCOVERY_URL: 'https://login.example.lu/.well-known/openid-configuration',
        AUTH_OIDC_SCOPE: 'openid api://apprenticeship/access',
      }),
    ).toMatchObject({ AUTH_OIDC_CLIENT_SECRET: 'secret', AUTH_OIDC_SCOPE: 'openid api://apprenticeship/access' });
    expect(loadConfig({ ...issuerSettings, AUTH_ISSUER: 'http://localhost:8080/realms/x', AUTH_OIDC_CLIENT_ID: clientId }).AUTH_OIDC_CLIENT_ID).toBe(clientId);
  });

  it('fails at start-up naming the setting that is wrong', () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{ AUTH_OIDC_CLIENT_ID: clientId }, /AUTH_OIDC_CLIENT_ID: .*AUTH_JWKS_URL/],
      [{ ...issuerSettings, AUTH_OIDC_CLIENT_SECRET: 'secret' }, /AUTH_OIDC_CLIENT_SECRET: set only with AUTH_OIDC_CLIENT_ID/],
      [{ ...issuerSettings, AUTH_OIDC_DISCOVERY_URL: 'https://login.example.lu/.well-known/openid-configuration' }, /AUTH_OIDC_DISCOVERY_URL: set only with/],
      [{ ...issuerSettings, AUTH_ISSUER: 'urn:apprenticeship', AUTH_OIDC_CLIENT_ID: clientId }, /AUTH_ISSUER: must be the issuer’s URL/],
      [{ ...issuerSettings, AUTH_ISSUER: 'http://login.example.lu', AUTH_OIDC_CLIENT_ID: clientId }, /AUTH_ISSUER: .*https/],
      [{ ...issuerSettings, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_DISCOVERY_URL: 'ftp://login.example.lu/openid' }, /AUTH_OIDC_DISCOVERY_URL/],
      [{ ...issuerSettings, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_DISCOVERY_URL: 'http://login.example.lu/.well-known/openid-configuration' }, /AUTH_OIDC_DISCOVERY_URL: .*https/],
      [{ ...issuerSettings, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_SCOPE: 'profile email' }, /AUTH_OIDC_SCOPE: must include openid/],
      [{ ...issuerSettings, AUTH_OIDC_CLIENT_ID: clientId, AUTH_OIDC_SCOPE: 'openid  profile' }, /AUTH_OIDC_SCOPE/],
      [{ ...issuerSettings, AUTH_OIDC_CLIENT_ID: '' }, /AUTH_OIDC_CLIENT_ID/],
    ];
    for (const [env, message] of refused) expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message);
  });
});
