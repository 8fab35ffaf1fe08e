import type { CertificateFacts } from '../domain/credential.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { qualificationTitles } from '../domain/qualification-titles.js';
import { startPdf, writing } from './pdf-document.js';
import { certificateTexts } from './recognition-certificate-texts.js';

/**
 * The certificate of a recognition as a PDF, in the applicant's language: the holder, the
 * foreign diploma, the decision and where its credential is checked. It shows what the
 * credential and the public verification show, never the applicant's e-mail or documents. The
 * same facts give the same bytes (activities/pdf-document.ts), so a retried activity stores the
 * certificate the applicant already has.
 */
export function renderRecognitionCertificate(facts: CertificateFacts): Promise<Buffer> {
  const t = certificateTexts[facts.language];
  const { date, country } = writing(t.locale);
  const { decision } = facts;
  const { doc, bytes, heading, fields } = startPdf({ language: facts.language, title: `${t.title} – ${t.reference(facts.recognitionId)}`, createdAt: facts.decidedAt });

  doc.font('bold').fontSize(18).text(t.title, { align: 'center' });
  doc.font('regular').fontSize(10).text(t.issuer, { align: 'center' });
  doc.text(t.reference(facts.recognitionId), { align: 'center' });

  heading(t.holder);
  fields([
    [t.name, `${facts.holder.givenName} ${facts.holder.familyName}`],
    [t.birthDate, date(facts.holder.birthDate)],
  ]);

  heading(t.foreignDiploma);
  fields([
    [t.diploma, facts.diploma.title],
    [t.programme, facts.diploma.programme],
    [t.school, facts.schoolName],
    [t.country, country(facts.diploma.country)],
    [t.awardedOn, date(facts.awardedOn)],
  ]);

  heading(t.decision);
  if (decision.outcome === 'equivalence') {
    doc.font('bold').text(t.equivalence(qualificationTitles[facts.language][decision.qualification], decision.level)).font('regular');
    if (decision.tradeCode) doc.text(t.trade(decision.tradeCode));
  } else {
    doc.font('bold').text(t.refusal).font('regular');
    if (facts.reasons) doc.moveDown(0.3).text(`${t.reasons}: ${facts.reasons}`);
  }
  doc.moveDown(0.5);
  fields([[t.decidedOn, date(luxembourgDate(facts.decidedAt))]]);

  if (facts.credentialId) {
    heading(t.credential);
    fields([[t.credentialId, `urn:uuid:${facts.credentialId}`]]);
    doc.moveDown(0.3).text(t.verification, doc.page.margins.left);
    doc.text(facts.verificationUrl, { link: facts.verificationUrl });
  }

  doc.end();
  return bytes;
}
