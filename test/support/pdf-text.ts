import { PDFParse } from 'pdf-parse';

/** The PDF's text, every run of white space (line breaks, no-break spaces) as one space. */
export async function textOf(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}
