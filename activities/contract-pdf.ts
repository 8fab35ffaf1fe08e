import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { caseReference } from '../domain/case-reference.js';
import type { ContractTerms } from '../domain/contract.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { contractTexts } from './contract-texts.js';

// DejaVu covers every letter of the three languages and of the parties' names; the PDF embeds it.
const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** How one language writes the contract's dates, amounts and countries. */
function writing(locale: string) {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  return {
    date: (date: string) => dates.format(new Date(`${date}T00:00:00Z`)),
    amount: (cents: number) => money.format(cents / 100),
    country: (code: string) => regions.of(code) ?? code,
  };
}

/**
 * The contract as a PDF, in the language of the terms. Nothing in it depends on the clock or
 * on chance: the same terms drawn up at the same instant give the same bytes, so a retried
 * activity stores the document the parties already read (pdfkit derives the file ID from the
 * creation date it is given, the font subset's name from the font).
 */
export function renderContract(terms: ContractTerms, drawnUpAt: string): Promise<Buffer> {
  const t = contractTexts[terms.language];
  const { date, amount, country } = writing(t.locale);
  const reference = caseReference(terms.caseId);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: terms.language,
    displayTitle: true,
    info: { Title: `${t.title} ${reference}`, Producer: 'Cross-border apprenticeship', Creator: 'Cross-border apprenticeship', CreationDate: new Date(drawnUpAt) },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  const heading = (text: string) => doc.moveDown().font('bold').fontSize(12).text(text).moveDown(0.3).font('regular').fontSize(10);
  const fields = (rows: [string, string][]) =>
    doc.table({
      columnStyles: [170, '*'],
      defaultStyle: { border: 0, padding: 2 },
      data: rows.map(([label, value]) => [{ text: label, font: { src: 'bold' } }, value]),
    });

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
