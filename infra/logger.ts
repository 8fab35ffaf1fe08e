import { pino, type Logger } from 'pino';

/**
 * Paths that could carry personal data (birth dates, identity numbers, tokens):
 * never written to a log.
 */
const redact = [
  'req.headers.authorization',
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
