import { fileURLToPath } from 'node:url';
import express, { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { TokenVerification } from '../api/authentication.js';
import type { ApiDependencies } from '../api/dependencies.js';
import { problemOf, type HttpProblem } from '../api/problem.js';
import { viewMe } from '../application/who-is-who.js';
import { loggableUrl } from '../infra/logger.js';
import { html, type Html } from './html.js';
import { page, pagePolicy, publicPage, type PageContext } from './layout.js';
import { amendmentRoutes } from './routes/amendment-page.js';
import { caseListRoutes } from './routes/case-list.js';
import { caseRoutes } from './routes/case-page.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { greaterRegionReportRoutes } from './routes/greater-region-report.js';
import { inboxRoutes } from './routes/inbox.js';
import { listExportRoutes } from './routes/list-exports.js';
import { oidcClientSettings, oidcSignInRoutes } from './routes/oidc-sign-in.js';
import { recognitionPageRoutes } from './routes/recognition-pages.js';
import { requestRoutes } from './routes/request-page.js';
import { settingsRoutes } from './routes/settings.js';
import { signInRoutes } from './routes/sign-in.js';
import { taskRoutes } from './routes/task-page.js';
import { pageCaller, sameOriginForms, signedIn } from './session.js';
import { pageTexts } from './texts.js';

/** Where the signed-in pages live; every other path is the API's. */
export const pagePaths = ['/inbox', '/inbox.csv', '/cases', '/cases.csv', '/tasks', '/settings', '/dashboard', '/reports', '/recognitions'];

/** The context a signed-in page is drawn with, made once per request. */
export function pageContext(response: Response): PageContext {
  return response.locals.page as PageContext;
}

/** Sends a page (200 unless said otherwise) with the pages' security headers. */
export function sendPage(response: Response, markup: Html, status = 200): void {
  pagePolicy(response);
  response.status(status).type('html').send(markup.markup);
}

/**
 * The browser door: pages drawn on the server from the same application functions as the
 * JSON API, so a page shows and does exactly what the API allows its user.
 */
export function pageRoutes(dependencies: ApiDependencies): Router {
  const { config, db, keys, logger } = dependencies;
  const verification: TokenVerification = { db, keys, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  const router = Router();
  router.use('/assets', express.static(fileURLToPath(new URL('./assets', import.meta.url)), { maxAge: '1h', fallthrough: false }));
  router.get('/', (_request, response) => response.redirect(303, '/inbox'));
  router.use(['/sign-in', '/sign-out', ...pagePaths], express.urlencoded({ extended: false, limit: '64kb' }), sameOriginForms(config.publicBaseUrl));
  // Through the configured issuer (AUTH_OIDC_CLIENT_ID), else the demonstration's choice of users.
  const oidcClient = oidcClientSettings(config);
  router.use(oidcClient ? oidcSignInRoutes(dependencies, oidcClient) : signInRoutes(dependencies));

  const withContext: RequestHandler = async (_request, response, next) => {
    const caller = pageCaller(response);
    const me = await viewMe(dependencies, caller);
    if (me.kind !== 'ok') throw new Error('a signed-in user without a record');
    response.locals.page = { t: pageTexts(caller.language), language: caller.language, caller, me: me.value, config } satisfies PageContext;
    next();
  };
  router.use(pagePaths, signedIn(verification), withContext);
  // The ministry's figures, and the lists' CSV exports (/cases.csv before any /cases/:id).
  router.use(dashboardRoutes(dependencies), greaterRegionReportRoutes(dependencies), listExportRoutes(dependencies));
  router.use(inboxRoutes(dependencies), requestRoutes(dependencies), amendmentRoutes(dependencies), caseListRoutes(dependencies), caseRoutes(dependencies), taskRoutes(dependencies), settingsRoutes(dependencies));
  router.use(recognitionPageRoutes(dependencies));
  router.use(pagePaths, (_request, _response, next) => next(Object.assign(new Error('no page'), { status: 404, expose: false })));
  router.use(pagePaths, pageErrors(logger));
  return router;
}

/** A failure on a page is a page in the user's language, with the status the API would answer. */
function pageErrors(logger: ApiDependencies['logger']): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const problem: HttpProblem = problemOf(error, { method: request.method, path: loggableUrl(request.path) }, logger);
    const context = response.locals.page as PageContext | undefined;
    const t = context?.t ?? pageTexts('en');
    const title =
      problem.status === 404 ? t('error.notFound') : problem.status === 403 ? t('error.forbidden') : problem.status === 503 ? t('error.unavailable') : problem.status === 409 ? t('error.conflict') : problem.title;
    const text = problem.status === 404 ? t('error.notFoundText') : problem.status === 503 ? t('error.unavailableText') : (problem.detail ?? '');
    if (problem.status === 503) response.set('Retry-After', '5');
    const body = html`<p>${text}</p><p><a href="/inbox">${t('error.back')}</a></p>`;
    sendPage(response, context ? page(context, title, body) : publicPage('en', title, body), problem.status);
  };
}
