import type { SigningInvitation } from '../application/sign-contract.js';
import type { Language } from '../domain/language.js';
import { escapeHtml } from './html.js';
import { signingText } from './signing-texts.js';


function page(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{word-break:break-all}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
}

/** What the signer signs: the role, the version, the PDF to read and its fingerprint; a form to sign it. */
export function invitationPage(language: Language, invitation: SigningInvitation, contractUrl: string): string {
  const t = (key: Parameters<typeof signingText>[1], values?: Record<string, string | number>) => escapeHtml(signingText(language, key, values));
  const { reference, contractVersion: version, sha256, expiresAt } = invitation;
  return page(
    language,
    signingText(language, 'title'),
    `<p>${t('intro', { role: signingText(language, invitation.signer), version, reference })}</p>
<p><a href="${escapeHtml(contractUrl)}">${t('read')}</a></p>
<p>${t('fingerprint')}<br><code>${escapeHtml(sha256)}</code></p>
<p>${t('expires', { expiresAt: expiresAt.slice(0, 10) })}</p>
<form method="post">
<input type="hidden" name="documentSha256" value="${escapeHtml(sha256)}">
<p><label><input type="checkbox" name="confirm" value="yes" required> ${t('confirm')}</label></p>
<p><button type="submit">${t('sign')}</button></p>
</form>`,
  );
}

export function signedPage(language: Language, invitation: SigningInvitation): string {
  return page(language, signingText(language, 'signedTitle'), `<p>${escapeHtml(signingText(language, 'signed', { version: invitation.contractVersion, reference: invitation.reference }))}</p>`);
}

/** Why the link signs nothing, in the signer's words. */
export function refusalPage(language: Language, title: 'notFoundTitle' | 'goneTitle' | 'conflictTitle' | 'title', text: 'notFound' | 'used' | 'voided' | 'expired' | 'conflict' | 'invalid'): string {
  return page(language, signingText(language, title), `<p>${escapeHtml(signingText(language, text))}</p>`);
}
