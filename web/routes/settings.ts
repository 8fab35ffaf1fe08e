import { Router } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { invalidRequest } from '../../api/problem.js';
import { setUserLanguage } from '../../db/organisations.js';
import { languages, type Language } from '../../domain/language.js';
import { pageContext } from '../pages.js';
import { localPath } from '../session.js';

/** The user's own settings: their language, for the pages and the mail they receive. */
export function settingsRoutes({ db }: ApiDependencies): Router {
  const router = Router();
  router.post('/settings/language', async (request, response) => {
    const language = request.body?.language;
    if (!(languages as readonly unknown[]).includes(language)) throw invalidRequest([{ pointer: '#/language', detail: `One of ${languages.join(', ')}` }]);
    await setUserLanguage(db, pageContext(response).caller.userId, language as Language);
    // Back to the page the switch was on.
    const referrer = URL.parse(request.get('referer') ?? '', 'http://localhost');
    response.redirect(303, localPath(referrer ? referrer.pathname + referrer.search : undefined));
  });
  return router;
}
