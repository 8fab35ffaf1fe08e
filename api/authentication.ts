import type { RequestHandler, Response } from 'express';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
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
  return async (request, response, next) => {
    const token = /^Bearer (.+)$/i.exec(request.get('authorization') ?? '')?.[1];
    if (!token) throw unauthorised('A bearer token is required');
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, options.keys, { issuer: options.issuer, audience: options.audience });
      subject = payload.sub;
    } catch {
      throw unauthorised('The bearer token is invalid or has expired');
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

function unauthorised(detail: string): HttpProblem {
  return new HttpProblem(401, 'Unauthorised', detail);
}
