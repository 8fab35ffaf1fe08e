import { HttpProblem } from './problem.js';

const missing = new HttpProblem(400, 'Missing file name', 'Name the file in a Content-Disposition header: attachment; filename="report.pdf"');

/** Node reads header bytes as Latin-1; a name sent in raw UTF-8 (as curl sends it) is read back as UTF-8 where it is that. */
function asUtf8(latin1: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

/** An RFC 8187 extended value: `UTF-8''Zeugnis%20M%C3%BCller.pdf`. */
function extendedValue(value: string): string {
  const [, charset, encoded] = /^(UTF-8|ISO-8859-1)'[^']*'(.*)$/i.exec(value) ?? [];
  if (charset === undefined || encoded === undefined) throw missing;
  try {
    if (charset.toUpperCase() === 'UTF-8') return decodeURIComponent(encoded);
    return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    throw new HttpProblem(400, 'Invalid file name', 'The filename* of Content-Disposition is not valid UTF-8');
  }
}

/**
 * The file name a Content-Disposition header gives (RFC 6266): `filename*` if there is one,
 * else `filename`. Whether the name is acceptable is the domain's to say.
 */
export function fileNameFrom(header: string | undefined): string {
  const parameters = new Map<string, string>();
  for (const [, name, value] of (header ?? '').matchAll(/;\s*([\w!#$&+.^`|~*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    parameters.set(name!.toLowerCase(), value!.startsWith('"') ? value!.slice(1, -1).replace(/\\(.)/g, '$1') : value!);
  }
  const extended = parameters.get('filename*');
  if (extended !== undefined) return extendedValue(extended);
  const plain = parameters.get('filename');
  if (plain === undefined) throw missing;
  return asUtf8(plain);
}
