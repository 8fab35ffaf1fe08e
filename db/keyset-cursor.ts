import { z } from 'zod';

/** Where a page ends: the last row's instant (to the microsecond) and id. */
export interface KeysetCursor {
  at: string;
  id: string;
}

const cursorSchema = z.strictObject({ t: z.iso.datetime({ precision: 6 }), i: z.string().min(1) });

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
