import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ApiDependencies } from '../../api/dependencies.js';
import { listUsers } from '../../db/organisations.js';
import { findUser } from '../../db/task-queue.js';
import { languages, type Language } from '../../domain/language.js';
import { html } from '../html.js';
import { publicPage } from '../layout.js';
import { sendPage } from '../pages.js';
import { closeSession, localPath, openSession } from '../session.js';
import { pageTexts } from '../texts.js';

/** How long a demonstration session's token lasts; the cookie lasts no longer. */
const demoSessionLifetime = '10h';

const signInForm = z.object({ userId: z.string().min(1).max(200), next: z.string().max(2_000).optional() });

function browserLanguage(request: Request): Language {
  return (request.acceptsLanguages(...languages) || 'en') as Language;
}

/**
 * Signing in to the demonstration (the development issuer): one chooses a demo user. With a
 * real issuer the pages sign in through it (routes/oidc-sign-in.ts) when AUTH_OIDC_CLIENT_ID
 * is set; without it they have no sign-in (501).
 */
export function signInRoutes(dependencies: ApiDependencies): Router {
  const { db, devIssuer, config } = dependencies;
  const secure = config.publicBaseUrl.startsWith('https:');
  const router = Router();

  router.get('/sign-in', async (request, response) => {
    const language = browserLanguage(request);
    const t = pageTexts(language);
    const next = localPath(request.query.next);
    if (!devIssuer) return sendPage(response, publicPage(language, t('signIn.title'), html`<p>${t('signIn.production')}</p>`), 501);
    const users = await listUsers(db);
    const byOrganisation = new Map<string, typeof users>();
    for (const user of users) byOrganisation.set(user.organisation_name, [...(byOrganisation.get(user.organisation_name) ?? []), user]);
    sendPage(
      response,
      publicPage(
        language,
        t('signIn.title'),
        html`<p>${t('signIn.demo')}</p>
${[...byOrganisation].map(
  ([organisation, members]) => html`<section><h2>${organisation}</h2><ul>${members.map(
    (user) => html`<li><form method="post" action="/sign-in" class="inline"><input type="hidden" name="userId" value="${user.id}"><input type="hidden" name="next" value="${next}"><button type="submit">${t('signIn.as', { user: user.name })}</button></form> <span class="muted">${user.id}</span></li>`,
  )}</ul></section>`,
)}`,
      ),
    );
  });

  router.post('/sign-in', async (request, response) => {
    const form = signInForm.safeParse(request.body);
    if (!devIssuer || !form.success) return response.redirect(303, '/sign-in');
    const user = await findUser(db, form.data.userId);
    if (!user) return response.redirect(303, '/sign-in');
    const token = await devIssuer.issueToken(user.id, demoSessionLifetime);
    openSession(response, token, undefined, secure);
    response.redirect(303, localPath(form.data.next));
  });

  router.post('/sign-out', (_request, response) => {
    closeSession(response, secure);
    response.redirect(303, '/sign-in');
  });

  return router;
}
