/** gRPC's UNAVAILABLE: the Temporal server cannot be reached (stopped, restarting). */
const grpcUnavailable = 14;

/** A socket to PostgreSQL refused, cut or timed out. */
const socketErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** SQLSTATE class 08 (connection exception), and the server shutting down or starting (57P01–57P03). */
const sqlStatesUnavailable = /^(08[0-9A-Z]{3}|57P0[123])$/;

function isUnavailable(error: any): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error.code === grpcUnavailable) return true;
  if (typeof error.code === 'string' && (socketErrors.has(error.code) || sqlStatesUnavailable.test(error.code))) return true;
  // pg's own words when the server closed the connection under it.
  if (typeof error.message === 'string' && /^Connection terminated/.test(error.message)) return true;
  return false;
}

/**
 * Whether `error` (or what caused it) says a service the API depends on is out of reach,
 * rather than something broken: the request may simply be sent again later.
 */
export function serviceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length) {
    const next: any = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    if (isUnavailable(next)) return true;
    pending.push(next.cause, ...(Array.isArray(next.errors) ? next.errors : []));
  }
  return false;
}
