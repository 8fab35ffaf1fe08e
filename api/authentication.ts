import type { RequestHandler, Response } from 'express';
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Caller } from '../domain/caller.js';
import { HttpProblem } from './problem.js';

/** Verifies the bearer JWT and finds its user; every `/v1` request but the OpenAPI document needs one. */
export function authenticate(options: {
  db: Kysely<Database>;
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}): RequestHandler {
  // A key set that cannot be fetched says nothing about the token: not a 401, which would
  // tell the client to throw a good token away.
  const keysOrUnavailable: JWTVerifyGetKey = async (header, token) => {
    try {
      return await options.keys(header, token);
    } catch (error) {
      throw issuerAtFault(error) ? new KeysUnavailable('the key set cannot be fetched', { cause: error }) : error;
    }
  };
  return async (request, response, next) => {
    const token = /^Bearer (.+)$/i.exec(request.get('authorization') ?? '')?.[1];
    if (!token) throw unauthorised('A bearer token is required');
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, keysOrUnavailable, { issuer: options.issuer, audience: options.audience });
      subject = payload.sub;
    } catch (error) {
      if (!(error instanceof KeysUnavailable)) throw unauthorised('The bearer token is invalid or has expired');
      request.log.error({ err: error.cause }, 'the identity provider’s keys cannot be fetched');
      response.set('Retry-After', '30');
      throw new HttpProblem(503, 'Identity provider unavailable', 'The keys that verify bearer tokens cannot be fetched; try again later');
    }
    const user = subject
      ? await options.db
          .selectFrom('users')
          .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
          .select(['users.id', 'users.organisation_id', 'users.language', 'organisations.kind'])
          .where('users.id', '=', subject)
          .executeTakeFirst()
      : undefined;
    if (!user) throw unauthorised('The token does not name a known user');
    response.locals.caller = {
      userId: user.id,
      organisationId: user.organisation_id,
      organisationKind: user.kind,
      language: user.language,
    } satisfies Caller;
    next();
  };
}

export function callerOf(response: Response): Caller {
  return response.locals.caller as Caller;
}

class KeysUnavailable extends Error {}

/** Fetch failures, timeouts, a non-200 or malformed key set: the issuer's fault. No matching key is the token's. */
function issuerAtFault(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === errors.JOSEError.code;
}

function unauthorised(detail: string): HttpProblem {
  return new HttpProblem(401, 'Unauthorised', detail);
}
