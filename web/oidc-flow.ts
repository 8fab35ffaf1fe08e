import type { Request, Response } from 'express';
import { z } from 'zod';
import { cookieValue } from '../api/cookies.js';

/**
 * What one sign-in through the issuer must find again when the browser comes back: the PKCE
 * verifier, the `state` and `nonce` sent, and the page to return to. Random values the browser
 * keeps in a cookie of its own (HttpOnly, SameSite=Lax so the issuer's redirect back carries it,
 * sent to /sign-in… only); a callback whose `state` is not this cookie's is refused, so a
 * sign-in started elsewhere (another browser, an attacker's link) cannot complete here. No
 * server memory: any API replica can take the callback.
 */
export interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

const flowCookie = 'sign_in_flow';
const flowPath = '/sign-in';
/** Long enough to type a password and answer a second factor, no longer. */
const flowMaxSeconds = 10 * 60;

const randomValue = z.string().regex(/^[A-Za-z0-9_-]{43,128}$/);
const flowSchema = z.object({ state: randomValue, nonce: randomValue, verifier: randomValue, next: z.string().max(2_000) }).strict();

export function keepFlowState(response: Response, flow: FlowState, secure: boolean): void {
  const value = Buffer.from(JSON.stringify(flow)).toString('base64url');
  response.cookie(flowCookie, value, { httpOnly: true, sameSite: 'lax', secure, path: flowPath, maxAge: flowMaxSeconds * 1000 });
}

/** The flow this browser started, if any and well-formed; the cookie is spent either way. */
export function takeFlowState(request: Request, response: Response, secure: boolean): FlowState | undefined {
  const value = cookieValue(request, flowCookie);
  if (value === undefined) return undefined;
  response.clearCookie(flowCookie, { httpOnly: true, sameSite: 'lax', secure, path: flowPath });
  try {
    const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
