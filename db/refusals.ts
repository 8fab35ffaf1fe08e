/**
 * SQLSTATE classes for which PostgreSQL refused the data itself: 22 data exception (a NUL
 * character, a value out of range), 23 integrity constraint violation. Retrying the same
 * write cannot help. Everything else (connection refused, 57P01 admin shutdown, 40001
 * serialization failure, 53xxx resources …) may pass on a later attempt.
 */
const refusedClasses = ['22', '23'];

interface DatabaseError {
  code?: unknown;
  table?: string;
  constraint?: string;
}

/** Why PostgreSQL refused the data, if it did: codes and names only, never the values (the message may quote them). */
export function refusalOf(error: unknown): string | undefined {
  const { code, table, constraint } = (error ?? {}) as DatabaseError;
  if (typeof code !== 'string' || !refusedClasses.includes(code.slice(0, 2))) return undefined;
  const where = [table && `table ${table}`, constraint && `constraint ${constraint}`].filter(Boolean).join(', ');
  return `The database refused the record (SQLSTATE ${code}${where ? `, ${where}` : ''})`;
}
