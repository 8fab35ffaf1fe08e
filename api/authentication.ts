import type { RequestHandler, Response } from 'express';
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Caller } from '../domain/caller.js';
import { HttpProblem } from './problem.js';

export interface TokenVerification {
  db: Kysely<Database>;
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/** Verifies the bearer JWT and finds its user; every `/v1` request but the OpenAPI document needs one. */
export function authenticate(options: TokenVerification): RequestHandler {
  return async (request, response, next) => {
    const token = bearerToken(request.get('authorization'));
    if (!token) throw unauthorised('A bearer token is required');
    try {
      response.locals.caller = (await identify(options, token)).caller;
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) {
        request.log.error({ err: error.cause }, 'the identity provider’s keys cannot be fetched');
        response.set('Retry-After', '30');
      }
      throw error;
    }
    next();
  };
}

export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
}

/**
 * The caller a token names, and when the token expires; 401 for a bad token or an unknown
 * user, 503 when the issuer's keys cannot be fetched.
 */
export async function identify(options: TokenVerification, token: string): Promise<{ caller: Caller; expiresAt: number | undefined }> {
  // A key set that cannot be fetched says nothing about the token: not a 401, which would
  // tell the client to throw a good token away.
  const keysOrUnavailable: JWTVerifyGetKey = async (header, jws) => {
    try {
      return await options.keys(header, jws);
    } catch (error) {
      throw issuerAtFault(error) ? new IdentityProviderUnavailable(error) : error;
    }
  };
  let subject: string | undefined;
  let expiresAt: number | undefined;
  try {
    ({ subject, expiresAt } = await verifyOnce(options, token, async () => {
      const { payload } = await jwtVerify(token, keysOrUnavailable, { issuer: options.issuer, audience: options.audience });
      return { subject: payload.sub, expiresAt: payload.exp };
    }));
  } catch (error) {
    if (error instanceof IdentityProviderUnavailable) throw error;
    throw unauthorised('The bearer token is invalid or has expired');
  }
  const user = subject
    ? await options.db
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.organisation_id', 'users.language', 'users.roles', 'organisations.kind'])
        .where('users.id', '=', subject)
        .executeTakeFirst()
    : undefined;
  if (!user) throw new UnknownUser(subject);
  return {
    caller: {
      userId: user.id,
      organisationId: user.organisation_id,
      organisationKind: user.kind,
      language: user.language,
      roles: user.roles,
    },
    expiresAt,
  };
}

interface VerifiedToken {
  subject: string | undefined;
  expiresAt: number | undefined;
}

/** How long a checked token is taken without checking its signature again, at most. */
const keepVerifiedMs = 5 * 60_000;
const verifiedLimit = 10_000;
const verified = new Map<string, VerifiedToken & { keys: JWTVerifyGetKey; until: number }>();

/**
 * A token whose signature was checked is kept for a few minutes: a client sends the same token
 * with every request, and checking it was a tenth of the API's CPU. It is taken from here only
 * until it expires, and only for the issuer, audience and key set that checked it.
 */
async function verifyOnce(options: TokenVerification, token: string, check: () => Promise<VerifiedToken>): Promise<VerifiedToken> {
  const key = `${options.issuer}\n${options.audience}\n${token}`;
  const kept = verified.get(key);
  if (kept && kept.keys === options.keys && Date.now() < kept.until) return kept;
  const checked = await check();
  const until = Math.min(Date.now() + keepVerifiedMs, (checked.expiresAt ?? Infinity) * 1000);
  // The oldest goes first: a Map iterates in insertion order.
  if (verified.size >= verifiedLimit) verified.delete(verified.keys().next().value!);
  verified.set(key, { ...checked, keys: options.keys, until });
  return checked;
}

export function callerOf(response: Response): Caller {
  return response.locals.caller as Caller;
}

function unauthorised(detail: string): HttpProblem {
  return new HttpProblem(401, 'Unauthorised', detail);
}

/** A valid token whose `sub` is no user of ours: 401 to the API, "not registered here" to the pages' sign-in. */
export class UnknownUser extends HttpProblem {
  constructor(readonly subject: string | undefined) {
    super(401, 'Unauthorised', 'The token does not name a known user');
  }
}

class IdentityProviderUnavailable extends HttpProblem {
  constructor(cause: unknown) {
    super(503, 'Identity provider unavailable', 'The keys that verify bearer tokens cannot be fetched; try again later');
    this.cause = cause;
  }
}

/** Fetch failures, timeouts, a non-200 or malformed key set: the issuer's fault. No matching key is the token's. */
function issuerAtFault(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === errors.JOSEError.code;
}
