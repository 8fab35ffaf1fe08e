import { SignJWT, generateKeyPair } from 'jose';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../infra/api-server.js';
import { createLogger } from '../../infra/logger.js';
import { freePort } from '../support/free-port.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** The AUTH_JWKS_URL path: a real OpenID Connect issuer, started here, signs the tokens. */
const audience = 'apprenticeship-api';
const issuer = new OAuth2Server();
let stack: TestStack;

beforeAll(async () => {
  await issuer.issuer.keys.generate('RS256');
  await issuer.start(await freePort(), '127.0.0.1');
  const discovery = (await (await fetch(`${issuer.issuer.url}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
  stack = await startTestStack({ env: { AUTH_JWKS_URL: discovery.jwks_uri, AUTH_ISSUER: discovery.issuer, AUTH_AUDIENCE: audience } });
});
afterAll(async () => {
  await stack?.stop();
  await issuer.stop();
});

/** A token from the issuer's token endpoint, as a client would get it; `claims` adjusts it before signing. */
async function tokenFromIssuer(claims: Record<string, unknown>): Promise<string> {
  issuer.service.once('beforeTokenSigning', (token) => Object.assign(token.payload, claims));
  const response = await fetch(`${issuer.issuer.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'openid' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

function inbox(token: string) {
  return stack.request({ ...stack.parties.adem, token }, 'GET', '/v1/tasks');
}

async function expectUnauthorised(token: string) {
  const reply = await inbox(token);
  expect(reply.status).toBe(401);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect(reply.body).toMatchObject({ status: 401, title: 'Unauthorised' });
}

describe('bearer tokens of an external OpenID Connect issuer (AUTH_JWKS_URL)', () => {
  it('accepts a token the issuer signed for a known user and this audience', async () => {
    const token = await tokenFromIssuer({ sub: 'marie.adem', aud: audience });
    const reply = await inbox(token);
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body.items)).toBe(true);
  });

  it('accepts a token with several audiences, this one among them', async () => {
    const reply = await inbox(await tokenFromIssuer({ sub: 'marie.adem', aud: ['account', audience] }));
    expect(reply.status).toBe(200);
  });

  it('rejects a token for another audience, from another issuer, expired, or for an unknown user', async () => {
    await expectUnauthorised(await tokenFromIssuer({ sub: 'marie.adem', aud: 'another-api' }));
    await expectUnauthorised(await tokenFromIssuer({ sub: 'marie.adem', aud: audience, iss: 'https://login.example.org' }));
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expectUnauthorised(await tokenFromIssuer({ sub: 'marie.adem', aud: audience, iat: past - 600, nbf: past - 600, exp: past }));
    await expectUnauthorised(await tokenFromIssuer({ sub: 'nobody.known', aud: audience }));
  });

  it('rejects a token signed by another key, under the issuer’s key id or another one, and a development token', async () => {
    const [issuerKey] = issuer.issuer.keys.toJSON();
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    for (const kid of [issuerKey!.kid, 'someone-elses-key']) {
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('marie.adem')
        .setIssuer(issuer.issuer.url!)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      await expectUnauthorised(forged);
    }
    await expectUnauthorised(stack.parties.adem.token);
    // Not a token, unsigned, and an algorithm the key set has no key for: the token's fault, never the issuer's.
    const claims = Buffer.from(JSON.stringify({ sub: 'marie.adem', iss: issuer.issuer.url, aud: audience, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    const header = (fields: object) => Buffer.from(JSON.stringify(fields)).toString('base64url');
    await expectUnauthorised('not-a-token');
    await expectUnauthorised(`${header({ alg: 'none' })}.${claims}.`);
    await expectUnauthorised(`${header({ alg: 'HS256', kid: issuerKey!.kid })}.${claims}.c2lnbmF0dXJl`);
    await expectUnauthorised(`${header({ alg: 'XX999', kid: issuerKey!.kid })}.${claims}.c2lnbmF0dXJl`);
  });

  it('answers 503, not 401, while the issuer’s keys cannot be fetched: the token may well be valid', async () => {
    const token = await tokenFromIssuer({ sub: 'marie.adem', aud: audience });
    // An API whose issuer does not answer (nothing listens on that port).
    const api = await startApi({ ...stack.config, AUTH_JWKS_URL: `http://127.0.0.1:${await freePort()}/jwks` }, createLogger('silent', 'test-api'));
    try {
      const response = await fetch(`${api.url}/v1/tasks`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('retry-after')).not.toBeNull();
      expect(await response.json()).toMatchObject({ status: 503, title: 'Identity provider unavailable' });
    } finally {
      await api.stop();
    }
  });
});
