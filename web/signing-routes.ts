import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { openSigningLink, signContract, signingLinkContract } from '../application/sign-contract.js';
import type { Failure } from '../application/outcome.js';
import type { ApiDependencies } from '../api/dependencies.js';
import { problemFor } from '../api/outcomes.js';
import { parseOr400 } from '../api/problem.js';
import { sendFile } from '../api/routes/documents.js';
import { languages, type Language } from '../domain/language.js';
import { invitationPage, refusalPage, signedPage } from './signing-page.js';

const signatureForm = z.object({
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the contract shown, in lowercase hex'),
  /** The form's box; a JSON client says it by sending the request. */
  confirm: z.literal('yes').optional(),
}).strict();

/** The browser's language if it names one of the contract's, else the contract's own. */
function languageOf(request: Request, fallback: Language): Language {
  if (!request.get('accept-language')) return fallback;
  return (request.acceptsLanguages(...languages) || fallback) as Language;
}

/** A browser asks for HTML first and gets the page; any other client gets JSON (problem JSON on failure). */
function wantsJson(request: Request): boolean {
  return request.accepts(['json', 'html']) !== 'html';
}

/** The token is the credential: the page is kept by nobody, sent nowhere, framed by no one. */
function privatePage(response: Response): void {
  response.set({
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  });
}

/** A failure as the page or the problem JSON the caller reads. */
function refuse(request: Request, response: Response, failure: Failure): void {
  const problem = problemFor(failure);
  if (wantsJson(request)) {
    response.status(problem.status).type('application/problem+json').json({ type: 'about:blank', status: problem.status, title: problem.title, detail: problem.detail });
    return;
  }
  const language = languageOf(request, 'en');
  const html =
    failure.kind === 'gone'
      ? refusalPage(language, 'goneTitle', failure.reason)
      : failure.kind === 'conflict'
        ? refusalPage(language, 'conflictTitle', 'conflict')
        : refusalPage(language, 'notFoundTitle', 'notFound');
  response.status(problem.status).type('html').send(html);
}

/**
 * The public door of the apprentice and the legal representative, who have no account: their
 * personal link (`/sign/{token}`) shows what they sign, serves the PDF and takes the signature.
 */
export function signingRoutes(dependencies: ApiDependencies): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '4kb' }));
  router.use((_request, response, next) => {
    privatePage(response);
    next();
  });

  router.get('/:token', async (request: Request<{ token: string }>, response) => {
    const opened = await openSigningLink(dependencies, request.params.token);
    if (opened.kind !== 'ok') return refuse(request, response, opened);
    if (wantsJson(request)) return response.json(opened.value);
    response.type('html').send(invitationPage(languageOf(request, opened.value.language), opened.value, `${request.params.token}/contract.pdf`));
  });

  router.get('/:token/contract.pdf', async (request: Request<{ token: string }>, response) => {
    const contract = await signingLinkContract(dependencies, request.params.token);
    if (contract.kind !== 'ok') return refuse(request, response, contract);
    sendFile(response, { ...contract.value, mediaType: 'application/pdf' });
  });

  router.post('/:token', async (request: Request<{ token: string }>, response) => {
    const form = request.is('application/json') || request.is('application/x-www-form-urlencoded') ? signatureForm.safeParse(request.body ?? {}) : undefined;
    if (!form?.success || (!wantsJson(request) && form.data.confirm !== 'yes')) {
      if (wantsJson(request)) return parseOr400(signatureForm, request.body ?? {});
      return response.status(400).type('html').send(refusalPage(languageOf(request, 'en'), 'title', 'invalid'));
    }
    const signed = await signContract(dependencies, request.params.token, { documentSha256: form.data.documentSha256 });
    if (signed.kind !== 'ok') return refuse(request, response, signed);
    if (wantsJson(request)) return response.json({ signed: true, ...signed.value });
    response.type('html').send(signedPage(languageOf(request, signed.value.language), signed.value));
  });

  return router;
}
