import { z } from 'zod';
import { isText } from '../domain/text.js';

/** Where a page ends: the last row's instant (to the microsecond) and id. */
export interface KeysetCursor {
  at: string;
  id: string;
}

// Only positions this API can have given out: a time PostgreSQL holds (no year 0) and an id that is text.
const cursorSchema = z.strictObject({
  t: z.iso.datetime({ precision: 6 }).refine((instant) => !instant.startsWith('0000')),
  i: z.string().min(1).refine(isText),
});

/** The opaque cursor handed to clients: base64url JSON of the keyset position. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at, i: cursor.id })).toString('base64url');
}

/** The keyset position in a cursor, or undefined when it is not one this API gave out. */
export function decodeCursor(text: string): KeysetCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  return parsed.success ? { at: parsed.data.t, id: parsed.data.i } : undefined;
}

/** An instant as Postgres keeps it, to the microsecond, for a cursor that skips and repeats nothing. */
export const microsecondInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
