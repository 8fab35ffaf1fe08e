import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

// DejaVu covers every letter of the three languages and of the parties' names; the PDF embeds it.
const require = createRequire(import.meta.url);
const fontFile = (name: string) => fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))) as fontkit.Font;
/**
 * Parsed once per process: given a path, pdfkit parsed both fonts anew for every document, which
 * was most of a worker's CPU (a third of a second per contract). Each document still embeds its
 * own subset of them.
 */
const fonts = {
  regular: fontFile('DejaVuSans.ttf'),
  bold: fontFile('DejaVuSans-Bold.ttf'),
};

/**
 * An A4 document with the fonts `regular` and `bold`, and its bytes once `doc.end()` is
 * called. Nothing in it depends on the clock or on chance: pdfkit derives the file ID from the
 * creation date it is given and the font subset's name from the font, so the same content
 * drawn up at the same instant gives the same bytes.
 */
export function startPdf(options: { language: string; title: string; createdAt: string }): {
  doc: PDFKit.PDFDocument;
  bytes: Promise<Buffer>;
  /** A section's heading, the text after it in the body's size. */
  heading: (text: string) => void;
  /** Label and value rows, the labels in bold. */
  fields: (rows: [string, string][]) => void;
} {
  const doc = new PDFDocument({
    // No Helvetica: pdfkit parses its metrics anew for every document, and we write in DejaVu only.
    font: null as unknown as string,
    size: 'A4',
    margin: 56,
    lang: options.language,
    displayTitle: true,
    info: { Title: options.title, Producer: 'Cross-border apprenticeship', Creator: 'Cross-border apprenticeship', CreationDate: new Date(options.createdAt) },
  });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as it is; its types know only paths and bytes. With a family
  // name, a table cell's return to the font before it finds it by that name, instead of opening
  // the font again and comparing its name tables as JSON, twice per cell.
  doc.registerFont('regular', fonts.regular as unknown as string, 'regular');
  doc.registerFont('bold', fonts.bold as unknown as string, 'bold');
  const heading = (text: string) => {
    doc.moveDown().font('bold').fontSize(12).text(text).moveDown(0.3).font('regular').fontSize(10);
  };
  const fields = (rows: [string, string][]) => {
    doc.table({
      columnStyles: [170, '*'],
      defaultStyle: { border: 0, padding: 2 },
      data: rows.map(([label, value]) => [{ text: label, font: { src: 'bold' } }, value]),
    });
  };
  return { doc, bytes, heading, fields };
}

/** How one language writes dates, amounts and countries. */
export function writing(locale: string) {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  return {
    date: (date: string) => dates.format(new Date(`${date}T00:00:00Z`)),
    amount: (cents: number) => money.format(cents / 100),
    country: (code: string) => regions.of(code) ?? code,
  };
}
