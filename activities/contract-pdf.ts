import { caseReference } from '../domain/case-reference.js';
import type { ContractTerms } from '../domain/contract.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { contractTexts } from './contract-texts.js';
import { startPdf, writing } from './pdf-document.js';

/**
 * The contract as a PDF, in the language of the terms: the same terms drawn up at the same
 * instant give the same bytes (activities/pdf-document.ts), so a retried activity stores the
 * document the parties already read.
 */
export function renderContract(terms: ContractTerms, drawnUpAt: string): Promise<Buffer> {
  const t = contractTexts[terms.language];
  const { date, amount, country } = writing(t.locale);
  const reference = caseReference(terms.caseId);
  const { doc, bytes, heading, fields } = startPdf({ language: terms.language, title: `${t.title} ${reference}`, createdAt: drawnUpAt });

  doc.font('bold').fontSize(18).text(t.title, { align: 'center' });
  doc.font('regular').fontSize(10).text(t.subtitle(reference, terms.version), { align: 'center' });
  doc.text(t.drawnUpOn(date(luxembourgDate(drawnUpAt))), { align: 'center' });

  const { apprentice, legalRepresentative } = terms;
  heading(t.parties);
  fields([
    [t.employer, terms.employer.name],
    [t.apprentice, `${apprentice.givenName} ${apprentice.familyName}, ${t.bornOn(date(apprentice.birthDate))}, ${t.residence(country(apprentice.residenceCountry))}`],
    ...(legalRepresentative ? [[t.legalRepresentative, `${legalRepresentative.givenName} ${legalRepresentative.familyName}`] as [string, string]] : []),
  ]);

  heading(t.training);
  fields([
    [t.trade, `${terms.trade.name} – ${t.qualifications[terms.trade.qualification]}`],
    [t.school, terms.school.name],
    [t.programme, terms.school.programme],
    [t.tutor, terms.tutor.name],
  ]);

  heading(t.term);
  fields([
    [t.startDate, date(terms.startDate)],
    [t.endDate, date(terms.endDate)],
    [t.duration, t.months(terms.durationMonths)],
  ]);
  doc.moveDown(0.3).text(t.trialPeriod(date(terms.trialPeriodEndsOn)), doc.page.margins.left);

  heading(t.rhythm);
  doc.text(t.weeklyRhythm(terms.weeklyRhythm.schoolDays, terms.weeklyRhythm.companyDays));

  heading(t.allowance);
  doc.text(t.allowanceIntro).moveDown(0.5);
  const columns = t.allowanceColumns;
  doc.table({
    columnStyles: [45, 200, 100, '*'],
    defaultStyle: { padding: 4, borderColor: '#999999' },
    data: [
      [columns.year, columns.period, columns.allowance, columns.minimum].map((text) => ({ text, font: { src: 'bold' }, type: 'TH' as const })),
      ...terms.allowance.map((year) => [
        String(year.year),
        `${date(year.from)} – ${date(year.to)}`,
        amount(year.proposedCents),
        [
          year.minimumCents === null ? t.noMinimum : amount(year.minimumCents),
          ...(year.minimumIfMidCoursePassedCents === undefined ? [] : [t.minimumIfMidCoursePassed(amount(year.minimumIfMidCoursePassedCents))]),
        ].join('\n'),
      ]),
    ],
  });

  heading(t.signatures);
  const signers = [t.employer, t.apprentice, ...(terms.minor || legalRepresentative ? [t.legalRepresentative] : [])];
  doc.table({
    columnStyles: signers.map(() => '*'),
    defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0 }, padding: 4 },
    data: [
      signers.map((signer) => ({ text: signer, font: { src: 'bold' } })),
      signers.map(() => ({ text: t.dateAndSignature, border: { bottom: 1 }, textColor: '#666666', padding: { top: 40, bottom: 4, left: 4, right: 4 } })),
    ],
  });

  doc.end();
  return bytes;
}
