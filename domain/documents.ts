/** The documents a request needs, attached by the employer; and a contract signed outside the system. */
export const documentKinds = ['school_report', 'enrolment_proof', 'representative_identity', 'signed_contract'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The files accepted, each with the name endings that fit it. */
export const documentMediaTypes = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
} as const;
export type DocumentMediaType = keyof typeof documentMediaTypes;

/** Why a file is refused: its type, its content, or its name. */
export type FileProblem = { problem: 'type' | 'content' | 'name'; detail: string };

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpegSignature = Buffer.from([0xff, 0xd8, 0xff]);
const pdfSignature = Buffer.from('%PDF-', 'latin1');

/** The type a file is by its first bytes, whatever its name or the type it was sent as. */
export function mediaTypeOf(bytes: Buffer): DocumentMediaType | undefined {
  if (startsWith(bytes, pdfSignature)) return 'application/pdf';
  if (startsWith(bytes, pngSignature)) return 'image/png';
  if (startsWith(bytes, jpegSignature)) return 'image/jpeg';
  return undefined;
}

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

/**
 * A PDF ends with `startxref`, the offset of its cross-reference, and `%%EOF`, within its
 * last kilobyte (where readers look for it); a file cut short has neither, and an offset past
 * its end points into what was cut off.
 */
function pdfProblem(bytes: Buffer): string | undefined {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const trailer = /startxref\s+(\d+)\s+%%EOF[\s\0]*$/.exec(tail);
  if (!trailer) return 'The PDF is truncated or damaged: it does not end with startxref and %%EOF';
  if (Number(trailer[1]) >= bytes.length) return 'The PDF is truncated or damaged: its cross-reference lies past its end';
  return undefined;
}

/**
 * Checks a file by its content: a PDF, PNG or JPEG by its signature, sent as that type and
 * named as one; a PDF whole. Answers its type, or why it is refused.
 */
export function checkDocument(bytes: Buffer, sentAs: string, fileName: string): DocumentMediaType | FileProblem {
  const type = mediaTypeOf(bytes);
  if (!type) return { problem: 'type', detail: 'The file is not a PDF, PNG or JPEG by its content' };
  if (type !== sentAs) return { problem: 'type', detail: `The file is ${type} by its content but was sent as ${sentAs}` };
  const endings: readonly string[] = documentMediaTypes[type];
  if (!endings.some((ending) => fileName.toLowerCase().endsWith(ending))) {
    return { problem: 'type', detail: `The file is ${type} by its content, so its name must end with ${endings.join(' or ')}` };
  }
  if (type === 'application/pdf') {
    const problem = pdfProblem(bytes);
    if (problem) return { problem: 'content', detail: problem };
  }
  return type;
}

/** Bidirectional overrides and isolates: they make `report\u202Efdp.exe` read as `reportexe.pdf`. */
const bidiControl = /[\u202a-\u202e\u2066-\u2069]/;
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
const loneSurrogate = /\p{Cs}/u;

/**
 * A file name is a plain base name: refused, not cleaned, when it names a path (`/`, `\`,
 * `..`) or holds a control character, so what the parties download is what was sent.
 */
export function fileNameProblem(name: string): FileProblem | undefined {
  const refuse = (detail: string): FileProblem => ({ problem: 'name', detail });
  if (name.trim() === '' || name.length > 255) return refuse('A file name has 1 to 255 characters');
  if (/[/\\]/.test(name) || name === '.' || name === '..') return refuse('A file name is a plain name, not a path: no "/", "\\" or ".."');
  if (controlCharacter.test(name) || loneSurrogate.test(name) || bidiControl.test(name)) {
    return refuse('A file name may not hold control characters or characters that reverse the text');
  }
  if (name !== name.trim()) return refuse('A file name may not begin or end with spaces');
  return undefined;
}
