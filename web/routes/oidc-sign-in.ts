import { Router, type Request, type Response } from 'express';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { identify, UnknownUser, type TokenVerification } from '../../api/authentication.js';
import type { ApiDependencies } from '../../api/dependencies.js';
import { HttpProblem } from '../../api/problem.js';
import { languages, type Language } from '../../domain/language.js';
import type { Config } from '../../infra/config.js';
import { html, type Html } from '../html.js';
import { publicPage } from '../layout.js';
import { keepFlowState, takeFlowState } from '../oidc-flow.js';
import { sendPage } from '../pages.js';
import { closeSession, localPath, openSession } from '../session.js';
import { pageTexts } from '../texts.js';

/** The pages' client at the issuer, as configured (infra/config.ts checks the settings hang together). */
export interface OidcClientSettings {
  clientId: string;
  clientSecret: string | undefined;
  /** The issuer's discovery document, or the issuer itself (its `/.well-known/openid-configuration`). */
  discovery: URL;
  /** AUTH_ISSUER: the discovery document must name exactly this issuer, the one the API checks tokens against. */
  issuer: string;
  scope: string;
  redirectUri: string;
  /** Where the issuer sends the browser back after signing out there. */
  signedOutUri: string;
}

/** The client settings, when the pages sign in through an issuer (AUTH_OIDC_CLIENT_ID); otherwise undefined. */
export function oidcClientSettings(config: Config): OidcClientSettings | undefined {
  if (!config.AUTH_OIDC_CLIENT_ID) return undefined;
  const base = config.publicBaseUrl.replace(/\/+$/, '');
  return {
    clientId: config.AUTH_OIDC_CLIENT_ID,
    clientSecret: config.AUTH_OIDC_CLIENT_SECRET,
    discovery: new URL(config.AUTH_OIDC_DISCOVERY_URL ?? config.AUTH_ISSUER),
    issuer: config.AUTH_ISSUER,
    scope: config.AUTH_OIDC_SCOPE,
    redirectUri: `${base}/sign-in/callback`,
    signedOutUri: `${base}/sign-out`,
  };
}

/**
 * Signing in through the configured OpenID Connect issuer: the authorization code flow with
 * PKCE, `state` and `nonce` (openid-client). The session holds the issuer's access token,
 * which the pages then verify like any bearer token (`identify`): AUTH_ISSUER's signature,
 * AUTH_AUDIENCE, and a `sub` that is one of our users.
 */
export function oidcSignInRoutes(dependencies: ApiDependencies, settings: OidcClientSettings): Router {
  const { config, db, keys, logger } = dependencies;
  const verification: TokenVerification = { db, keys, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  const secure = config.publicBaseUrl.startsWith('https:');
  const issuerClient = discoveredOnce(settings, logger);
  const router = Router();

  router.get('/sign-in', async (request, response) => {
    const client = await issuerClient().catch(() => undefined);
    if (!client) return unavailable(request, response);
    const next = localPath(request.query.next);
    const flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      next: next.length <= 2_000 ? next : '/inbox',
    };
    const authorization = oidc.buildAuthorizationUrl(client, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    keepFlowState(response, flow, secure);
    response.set('Cache-Control', 'no-store').redirect(303, authorization.href);
  });

  router.get('/sign-in/callback', async (request, response) => {
    const t = pageTexts(browserLanguage(request));
    const flow = takeFlowState(request, response, secure);
    const answer = new URL(request.originalUrl, 'http://callback.invalid').searchParams;
    // No flow in this browser, or another one's: an old tab, a second sign-in started meanwhile,
    // or a link made to sign this browser in as someone else. Checked again by openid-client.
    if (!flow || answer.get('state') !== flow.state) {
      request.log.warn({ flowCookie: flow !== undefined }, 'sign-in callback without this browser’s flow state: refused');
      return failure(request, response, 400, t('oidc.failed'), t('oidc.expired'));
    }
    const error = answer.get('error');
    if (error !== null) {
      request.log.warn({ error, description: answer.get('error_description') }, 'the identity provider answered the sign-in with an error');
      if (error === 'access_denied') return failure(request, response, 403, t('oidc.failed'), t('oidc.refused'), flow.next);
      return failure(request, response, 502, t('oidc.failed'), t('oidc.issuerError', { error: /^[\w.-]{1,64}$/.test(error) ? error : '?' }), flow.next);
    }

    const client = await issuerClient().catch(() => undefined);
    if (!client) return unavailable(request, response);
    let tokens: oidc.TokenEndpointResponse;
    try {
      const current = new URL(settings.redirectUri);
      current.search = answer.toString();
      tokens = await oidc.authorizationCodeGrant(client, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (unreachable(error)) {
        request.log.error({ err: error }, 'the identity provider’s token endpoint cannot be reached');
        return unavailable(request, response);
      }
      request.log.error({ err: error }, 'the identity provider’s token response was refused');
      return failure(request, response, 502, t('oidc.failed'), t('oidc.unchecked'), flow.next);
    }

    let expiresAt: number | undefined;
    try {
      ({ expiresAt } = await identify(verification, tokens.access_token));
    } catch (error) {
      if (error instanceof UnknownUser) {
        request.log.warn({ subject: error.subject }, 'signed in at the identity provider, but no user of ours');
        return failure(request, response, 403, t('oidc.notRegistered'), t('oidc.notRegisteredText', { subject: error.subject ?? '?' }), undefined, 'signOut');
      }
      if (error instanceof HttpProblem && error.status === 503) return unavailable(request, response);
      if (error instanceof HttpProblem && error.status === 401) {
        request.log.error(
          { accessToken: claimsToDiagnose(tokens.access_token), expected: { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE } },
          'the identity provider’s access token is not a JWT of AUTH_ISSUER for AUTH_AUDIENCE: the pages cannot use it',
        );
        return failure(request, response, 502, t('oidc.tokenRejected'), t('oidc.tokenRejectedText'));
      }
      throw error;
    }
    openSession(response, tokens.access_token, expiresAt ?? expiryOf(tokens), secure);
    response.set('Cache-Control', 'no-store').redirect(303, localPath(flow.next));
  });

  // Ours ends here; the issuer's own session too, when it offers an end-session endpoint.
  router.post('/sign-out', async (_request, response) => {
    closeSession(response, secure);
    // An issuer that does not answer soon does not hold up signing out here.
    const client = await Promise.race([issuerClient(), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2_000).unref())]).catch(() => undefined);
    const endSession = client?.serverMetadata().end_session_endpoint
      ? oidc.buildEndSessionUrl(client, { post_logout_redirect_uri: settings.signedOutUri }).href
      : '/sign-out';
    response.redirect(303, endSession);
  });

  router.get('/sign-out', (request, response) => {
    const language = browserLanguage(request);
    const t = pageTexts(language);
    sendPage(response, publicPage(language, t('oidc.signedOut'), html`<p>${t('oidc.signedOutText')}</p><p><a href="/sign-in">${t('oidc.again')}</a></p>`));
  });

  return router;
}

/**
 * The issuer's metadata, fetched at the first sign-in and kept; a failed fetch is logged and
 * tried again at the next one (the API starts and serves bearer tokens while the issuer is away).
 */
function discoveredOnce(settings: OidcClientSettings, logger: Logger): () => Promise<oidc.Configuration> {
  let found: Promise<oidc.Configuration> | undefined;
  return () => {
    found ??= discover(settings).catch((error: unknown) => {
      found = undefined;
      logger.error({ err: error, discovery: settings.discovery.href }, 'the identity provider’s discovery failed: the pages cannot sign in');
      throw error;
    });
    return found;
  };
}

async function discover(settings: OidcClientSettings): Promise<oidc.Configuration> {
  // Plain HTTP only on loopback (a local issuer; the configuration refuses it elsewhere).
  const insecure = settings.discovery.protocol === 'http:';
  const found = await oidc.discovery(settings.discovery, settings.clientId, undefined, oidc.None(), {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
  const metadata = found.serverMetadata();
  if (metadata.issuer !== settings.issuer) {
    throw new Error(`the discovery document names the issuer ${JSON.stringify(metadata.issuer)}, but AUTH_ISSUER is ${JSON.stringify(settings.issuer)}: set AUTH_ISSUER to the issuer exactly`);
  }
  // A confidential client authenticates as the issuer says it may: Basic when offered (the
  // default of the specification), else in the form.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const authentication = !settings.clientSecret
    ? oidc.None()
    : methods.includes('client_secret_basic') || !methods.includes('client_secret_post')
      ? oidc.ClientSecretBasic(settings.clientSecret)
      : oidc.ClientSecretPost(settings.clientSecret);
  const client = new oidc.Configuration(metadata, settings.clientId, settings.clientSecret, authentication);
  if (insecure) oidc.allowInsecureRequests(client);
  // A browser waits on the token endpoint: an issuer that does not answer is a 503 page soon, not a hung one.
  client.timeout = 10;
  return client;
}

/** The issuer could not be reached, or took too long: not the user's fault, nor a refusal. */
function unreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  return error instanceof oidc.ClientError && error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' && responseStatus(error.cause) >= 500;
}

function responseStatus(cause: unknown): number {
  return cause instanceof globalThis.Response ? cause.status : 0;
}

/** When the token response says the access token expires, if its claims do not. */
function expiryOf(tokens: oidc.TokenEndpointResponse): number | undefined {
  return tokens.expires_in === undefined ? undefined : Math.floor(Date.now() / 1000) + tokens.expires_in;
}

/** What an operator needs to see why an access token was refused: where it is from and for whom, not who. */
function claimsToDiagnose(token: string): Record<string, unknown> {
  try {
    const { iss, aud, exp } = decodeJwt(token);
    return { jwt: true, iss, aud, exp };
  } catch {
    return { jwt: false };
  }
}

function browserLanguage(request: Request): Language {
  return (request.acceptsLanguages(...languages) || 'en') as Language;
}

/** A page that says why signing in stopped, with the way on: signing in again, or out at the issuer to change account. */
function failure(request: Request, response: Response, status: number, title: string, text: string, next?: string, way: 'again' | 'signOut' = 'again'): void {
  const language = browserLanguage(request);
  const t = pageTexts(language);
  const again = next === undefined ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
  const action: Html =
    way === 'again'
      ? html`<p><a href="${again}">${t('oidc.again')}</a></p>`
      : html`<form method="post" action="/sign-out" class="inline"><button type="submit">${t('app.signOut')}</button></form>`;
  sendPage(response, publicPage(language, title, html`<p>${text}</p>${action}`), status);
}

function unavailable(request: Request, response: Response): void {
  const t = pageTexts(browserLanguage(request));
  response.set('Retry-After', '30');
  failure(request, response, 503, t('oidc.unavailable'), t('oidc.unavailableText'));
}
