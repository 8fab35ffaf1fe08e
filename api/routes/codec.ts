import type { Payload, PayloadCodec } from '@temporalio/common';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { mayReadPayloads } from '../../application/access.js';
import type { Caller } from '../../domain/caller.js';
import { bearerToken, identify, type TokenVerification } from '../authentication.js';
import { cookieValue } from '../cookies.js';
import type { ApiDependencies } from '../dependencies.js';
import { HttpProblem, parseOr400 } from '../problem.js';

const sessionCookie = 'codec_session';
/** A browser session of the codec lasts a working day at most, and never beyond the token it was opened with. */
const sessionMaxSeconds = 8 * 3600;

const base64 = z.base64();
/** Temporal's `Payloads` message in protobuf JSON, as the Web UI and the CLI send it (`{}` when empty). */
const payloadsBody = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })).max(1_000).default([]),
});

/**
 * The Temporal Web UI's "codec server" (POST `/codec/decode`, `/codec/encode`): decrypts
 * payloads for the ministry's administrators only. The UI authenticates with a cookie
 * that `POST /codec/session` sets from a bearer token ("include cross-origin
 * credentials"); the CLI sends the bearer token itself (`--codec-auth`).
 */
export function codecRoutes({ config, db, keys, temporal }: ApiDependencies): Router {
  const router = Router();
  const verification: TokenVerification = { db, keys, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  const allowedOrigins = new Set(config.CODEC_CORS_ORIGINS ?? [`http://localhost:${config.TEMPORAL_UI_PORT}`, `http://127.0.0.1:${config.TEMPORAL_UI_PORT}`]);
  const codecs = temporal.options.loadedDataConverter.payloadCodecs;
  const secure = config.publicBaseUrl.startsWith('https:');

  // The UI calls from its own origin, with credentials: only the UI's origins may read the answers.
  router.use((request, response, next) => {
    const origin = request.get('origin');
    if (origin && allowedOrigins.has(origin)) {
      response.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' });
    }
    response.vary('Origin');
    if (request.method !== 'OPTIONS') return next();
    if (!origin || !allowedOrigins.has(origin)) throw new HttpProblem(403, 'Forbidden', 'This origin may not call the codec');
    response
      .set({
        'Access-Control-Allow-Methods': 'POST, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Namespace',
        'Access-Control-Max-Age': '600',
      })
      .status(204)
      .end();
  });

  router.get('/session', (_request, response) => {
    response.type('html').send(signInPage);
  });

  router.post('/session', async (request, response) => {
    const token = bearerToken(request.get('authorization'));
    if (!token) throw new HttpProblem(401, 'Unauthorised', 'Sign in with your bearer token in the Authorization header');
    const { caller, expiresAt } = await identify(verification, token);
    requireAdministrator(caller);
    const maxAge = Math.min(sessionMaxSeconds, (expiresAt ?? Infinity) - Math.floor(Date.now() / 1000));
    response.cookie(sessionCookie, token, { httpOnly: true, sameSite: 'strict', secure, path: '/codec', maxAge: maxAge * 1000 });
    response.status(204).end();
  });

  router.delete('/session', (_request, response) => {
    response.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'strict', secure, path: '/codec' });
    response.status(204).end();
  });

  const administrator: RequestHandler = async (request, response, next) => {
    const token = bearerToken(request.get('authorization')) ?? cookieValue(request, sessionCookie);
    if (!token) throw new HttpProblem(401, 'Unauthorised', 'A bearer token or a codec session is required');
    const { caller } = await identify(verification, token);
    requireAdministrator(caller);
    // The CLI sends the header empty when no namespace is given.
    const namespace = request.get('x-namespace');
    if (namespace && namespace !== config.TEMPORAL_NAMESPACE) {
      throw new HttpProblem(404, 'Not found', `This codec serves the namespace ${config.TEMPORAL_NAMESPACE} only`);
    }
    response.locals.caller = caller;
    next();
  };

  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/${direction}`, administrator, async (request: Request, response: Response) => {
      const { payloads } = parseOr400(payloadsBody, request.body);
      let converted: Payload[];
      try {
        converted = await convert(codecs, direction, payloads.map(fromJson));
      } catch (error) {
        throw new HttpProblem(422, 'Cannot convert', (error as Error).message);
      }
      // Who read what, never the content: decrypted payloads hold personal data.
      request.log.info({ userId: (response.locals.caller as Caller).userId, direction, payloads: payloads.length }, 'codec used');
      response.json({ payloads: converted.map(toJson) });
    });
  }
  return router;
}

function requireAdministrator(caller: Caller): void {
  if (!mayReadPayloads(caller)) throw new HttpProblem(403, 'Forbidden', 'Only the ministry’s administrators may use the codec');
}

/** Decoding undoes the codecs in reverse order of encoding. */
async function convert(codecs: PayloadCodec[], direction: 'decode' | 'encode', payloads: Payload[]): Promise<Payload[]> {
  const ordered = direction === 'decode' ? [...codecs].reverse() : codecs;
  for (const codec of ordered) payloads = await codec[direction](payloads);
  return payloads;
}

type PayloadJson = z.infer<typeof payloadsBody>['payloads'][number];

function fromJson(payload: PayloadJson): Payload {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]));
  return { metadata, data: Buffer.from(payload.data ?? '', 'base64') };
}

function toJson(payload: Payload): PayloadJson {
  const metadata = Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]));
  return { metadata, data: Buffer.from(payload.data ?? []).toString('base64') };
}

/** Where an administrator's browser opens a codec session: the token goes in a header, never in a URL. */
const signInPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Codec session</title></head>
<body>
<h1>Read payloads in the Temporal Web UI</h1>
<p>Paste your bearer token (ministry administrators only). The session lasts 8 hours at most.</p>
<form id="sign-in"><input type="password" id="token" autocomplete="off" size="60" required> <button>Open a codec session</button></form>
<p id="result" role="status"></p>
<script>
document.getElementById('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reply = await fetch('session', { method: 'POST', headers: { authorization: 'Bearer ' + document.getElementById('token').value } });
  document.getElementById('result').textContent = reply.ok ? 'Signed in: reload the Web UI.' : 'Refused (' + reply.status + ').';
});
</script>
</body></html>
`;
