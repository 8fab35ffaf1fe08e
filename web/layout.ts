import type { Response } from 'express';
import type { TFunction } from 'i18next';
import type { Me } from '../api/responses.js';
import { languages, type Language } from '../domain/language.js';
import { mayActAsEmployer, mayApplyForRecognition, mayDecideRecognitions, mayReadReports } from '../application/access.js';
import type { Caller } from '../domain/caller.js';
import type { Config } from '../infra/config.js';
import { html, type Html } from './html.js';
import { pageTexts } from './texts.js';

/** What every page of a signed-in user is drawn with: their texts and who they are. */
export interface PageContext {
  t: TFunction;
  language: Language;
  caller: Caller;
  me: Me;
  /** What the access rules ask of the configuration (application/access.ts). */
  config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>;
}

const languageNames: Record<Language, string> = { fr: 'Français', de: 'Deutsch', en: 'English' };

/** Pages hold personal data: kept by no cache, framed by no one, running only this site's files. */
export function pagePolicy(response: Response): void {
  response.set({
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
}

function document(language: Language, title: string, header: Html, body: Html): Html {
  const t = pageTexts(language);
  return html`<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t('app.title')}</title>
<link rel="stylesheet" href="/assets/site.css"></head>
<body><a class="skip" href="#main">${t('app.skip')}</a>
<header class="site">${header}</header>
<main id="main" tabindex="-1"><h1>${title}</h1>
${body}
</main></body></html>
`;
}

/** The page of a signed-in user: their organisation's links, their language, signing out. */
export function page(context: PageContext, title: string, body: Html): Html {
  const { t, me, caller } = context;
  const header = html`<a class="brand" href="/inbox">${t('app.title')}</a>
<nav aria-label="${t('app.title')}"><ul>
<li><a href="/inbox">${t('nav.inbox')}</a></li>
<li><a href="/cases">${t('nav.cases')}</a></li>
${mayActAsEmployer(caller) && html`<li><a href="/cases/new">${t('nav.newRequest')}</a></li>`}
${mayReadReports(caller, context.config) && html`<li><a href="/dashboard">${t('dashboard.nav')}</a></li>`}
${(mayApplyForRecognition(caller) || mayDecideRecognitions(caller, context.config)) && html`<li><a href="/recognitions">${t('recognition.nav')}</a></li>`}
<li><a href="/docs/">${t('nav.docs')}</a></li>
</ul></nav>
<div class="account"><span>${t('app.signedInAs', { user: me.name, organisation: me.organisation.name })}</span>
<form method="post" action="/settings/language" class="inline"><label>${t('app.language')} <select name="language">${languages.map(
    (language) => html`<option value="${language}" ${language === context.language && html`selected`}>${languageNames[language]}</option>`,
  )}</select></label> <button type="submit">${t('app.change')}</button></form>
<form method="post" action="/sign-out" class="inline"><button type="submit">${t('app.signOut')}</button></form></div>`;
  return document(context.language, title, header, body);
}

/** A page for someone not signed in (the sign-in page itself). */
export function publicPage(language: Language, title: string, body: Html): Html {
  return document(language, title, html`<span class="brand">${pageTexts(language)('app.title')}</span>`, body);
}
