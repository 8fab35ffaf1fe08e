import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
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
  '*.legalRepresentative',
];

/** A URL as it may be logged: a personal signing link's token is a credential, kept out. */
export function loggableUrl(url: string): string {
  return url.replace(/^\/sign\/[^/?#]+/, '/sign/[token]');
}

export function createLogger(level: string, name: string): Logger {
  return pino({ name, level, redact: { paths: redact, censor: '[redacted]' } });
}

const pinoLevels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** Workflow ids of cases are `case-<case id>`. */
const caseWorkflowId = /^case-(.+)$/;

/**
 * The Temporal SDK's logs (its own, the workflows' and the activities', core's forwarded)
 * as pino JSON lines, with `caseId` on every line about a case's workflow or its activities.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const log = (level: LogLevel, message: string, meta: LogMetadata = {}) => {
    // The task token is an opaque blob, long and of no use to a reader.
    const { error, taskToken: _taskToken, ...rest } = meta;
    const caseId = typeof meta.workflowId === 'string' ? caseWorkflowId.exec(meta.workflowId)?.[1] : undefined;
    // `err` is the key pino serialises errors under.
    logger[pinoLevels[level]]({ ...rest, ...(caseId ? { caseId } : {}), ...(error ? { err: error } : {}) }, message);
  };
  return {
    log,
    trace: (message, meta) => log('TRACE', message, meta),
    debug: (message, meta) => log('DEBUG', message, meta),
    info: (message, meta) => log('INFO', message, meta),
    warn: (message, meta) => log('WARN', message, meta),
    error: (message, meta) => log('ERROR', message, meta),
  };
}
