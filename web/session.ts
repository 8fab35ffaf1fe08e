import type { Request, RequestHandler, Response } from 'express';
import { identify, type TokenVerification } from '../api/authentication.js';
import { cookieValue } from '../api/cookies.js';
import { HttpProblem } from '../api/problem.js';
import type { Caller } from '../domain/caller.js';

const sessionCookie = 'session';
/** A browser session lasts a working day at most, and never beyond the token it holds. */
const sessionMaxSeconds = 10 * 3600;

/**
 * The browser's session is the bearer token itself, in a cookie the page's scripts cannot read;
 * SameSite=Lax lets a link in an e-mail open the page signed in, and keeps other sites' forms out.
 */
export function openSession(response: Response, token: string, expiresAt: number | undefined, secure: boolean): void {
  const maxAge = Math.min(sessionMaxSeconds, (expiresAt ?? Infinity) - Math.floor(Date.now() / 1000));
  response.cookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAge * 1000 });
}

export function closeSession(response: Response, secure: boolean): void {
  response.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** Where a page that needs a user sends a browser without one, to come back after signing in. */
export function signInPath(request: Request): string {
  return `/sign-in?next=${encodeURIComponent(request.originalUrl)}`;
}

/** The pages' caller: set by `signedIn`. */
export function pageCaller(response: Response): Caller {
  return response.locals.caller as Caller;
}

/** Every page but sign-in needs a user: one without a valid session signs in first and comes back. */
export function signedIn(verification: TokenVerification): RequestHandler {
  return async (request, response, next) => {
    const token = cookieValue(request, sessionCookie);
    if (!token) return response.redirect(303, signInPath(request));
    try {
      response.locals.caller = (await identify(verification, token)).caller;
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 401) return response.redirect(303, signInPath(request));
      throw error;
    }
    next();
  };
}

/**
 * A form posted from another site's page is refused, whatever its cookies (a second guard beside
 * SameSite). This site is PUBLIC_BASE_URL (behind a proxy that ends TLS, the request itself says
 * http) or the address the request came to.
 */
export function sameOriginForms(publicBaseUrl: string): RequestHandler {
  const publicOrigin = new URL(publicBaseUrl).origin;
  return (request, _response, next) => {
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    const origin = request.get('origin');
    if (origin !== undefined && origin !== publicOrigin && origin !== `${request.protocol}://${request.get('host')}`) {
      throw new HttpProblem(403, 'Forbidden', 'This form was sent from another site');
    }
    next();
  };
}

/** Only a path of this site, so a `next` in a link cannot send the user elsewhere after signing in. */
export function localPath(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/inbox';
}
