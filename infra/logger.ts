import { pino, type Logger } from 'pino';

/**
 * Paths that could carry personal data (birth dates, identity numbers, tokens):
 * never written to a log.
 */
const redact = [
  'req.headers.authorization',
  // The codec's session cookie carries a bearer token.
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
  '*.birthDate',
  '*.identityNumber',
  '*.admRegistrationNumber',
  '*.apprentice',
];

export function createLogger(level: string, name: string): Logger {
  return pino({ name, level, redact: { paths: redact, censor: '[redacted]' } });
}
