import path from 'node:path';
import { z } from 'zod';
import { signingKeyProblem } from './credential-keys.js';

/** A duration such as `500ms`, `30s`, `5m`, `2h`, `1d`, in milliseconds. */
const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 500ms, 30s, 5m, 2h or 1d')
  .transform((text) => {
    const [, amount, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(text)!;
    const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit as 'ms'];
    return Number(amount) * unitMs;
  });

const port = z.coerce.number().int().min(0).max(65_535);

/** `id:base64,id:base64`, each key 32 bytes, each id once; the first is the current key. */
const payloadKeys = z
  .string()
  .transform((text, context) => {
    const keys = text.split(',').map((entry) => {
      const [, id, key] = /^\s*([\w.-]+):([A-Za-z0-9+/]+={0,2})\s*$/.exec(entry) ?? [];
      return id && key && Buffer.from(key, 'base64').length === 32 ? { id, key: Buffer.from(key, 'base64') } : undefined;
    });
    const ids = keys.map((key) => key?.id);
    if (keys.some((key) => !key) || new Set(ids).size !== ids.length) {
      context.addIssue({ code: 'custom', message: 'a list such as `2026-11:<32 bytes base64>,primary:<32 bytes base64>`, each id once' });
      return z.NEVER;
    }
    return keys as { id: string; key: Buffer }[];
  });

/**
 * Every setting the processes read, validated once at start-up. Unset optional
 * services (DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL, AUTH_JWKS_URL) mean "start the
 * embedded development one".
 */
export const configSchema = z.object({
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.url().optional(),
  EMBEDDED_POSTGRES_PORT: port.default(54329),

  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('cases'),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),

  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Cross-border apprenticeship <no-reply@apprenticeship.example.lu>'),
  MAIL_SINK_SMTP_PORT: port.default(1025),
  MAIL_SINK_HTTP_PORT: port.default(8025),
  MAIL_RETRY_INITIAL_INTERVAL: duration.default(2_000),
  MAIL_RETRY_MAXIMUM_INTERVAL: duration.default(300_000),

  /** Working days each kind of task has before it is due. */
  TASK_DUE_OPINION: z.coerce.number().int().min(1).max(120).default(10),
  TASK_DUE_ENROLMENT: z.coerce.number().int().min(1).max(120).default(10),
  TASK_DUE_DECISION: z.coerce.number().int().min(1).max(120).default(15),
  TASK_DUE_AMENDMENT: z.coerce.number().int().min(1).max(120).default(20),
  TASK_DUE_SIGNATURE: z.coerce.number().int().min(1).max(120).default(15),
  TASK_DUE_REGISTRATION: z.coerce.number().int().min(1).max(120).default(10),
  TASK_DUE_SOCIAL_SECURITY: z.coerce.number().int().min(1).max(120).default(5),
  TASK_DUE_SCAN_REVIEW: z.coerce.number().int().min(1).max(120).default(5),
  /** Overrides the working days with a fixed delay (demonstrations, tests): `30s`, `2h`. */
  TASK_DUE_AFTER: duration.optional(),
  /** How long before a task is due its assignee, or its queue, is reminded. */
  TASK_REMINDER_BEFORE: duration.default(86_400_000),
  /**
   * How long one day of a contract lasts: unset, a day is a day. Shortened (`5ms`), a three-year
   * apprenticeship runs in seconds, for demonstrations and tests.
   */
  CONTRACT_DAY_LENGTH: duration.optional(),
  /** How often the employer is reminded to confirm the apprentice's social security affiliation, until it does. */
  SOCIAL_SECURITY_REMINDER_EVERY: duration.default(7 * 86_400_000),
  /** How long a personal signing link (apprentice, legal representative) works. */
  SIGNING_LINK_TTL: duration.default(14 * 86_400_000),
  /** How long the parties have to sign a version of the contract, and how long before that the late ones are reminded. */
  SIGNATURE_DEADLINE: duration.default(30 * 86_400_000),
  SIGNATURE_REMINDER_BEFORE: duration.default(7 * 86_400_000),
  /** A case continues as new once its history is this long, besides when Temporal suggests it (tests). */
  CASE_CONTINUE_AS_NEW_AFTER_EVENTS: z.coerce.number().int().min(20).optional(),

  /** Running contracts the allowance review recomputes per page (one activity, then continue-as-new). */
  ALLOWANCE_REVIEW_PAGE_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),

  /** The largest file a case's document may be, in bytes (10 MB); a larger upload is answered 413. */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),

  /** How long a submission waits for its case to be recorded before answering 503 (retry with the same key). */
  SUBMIT_TIMEOUT: duration.default(10_000),

  PORT: port.default(3000),
  /** How long stopping waits for the processes to finish their work before killing what is left. */
  STOP_GRACE_PERIOD: duration.default(10_000),
  /** The worker's own `/healthz` and `/readyz` (infra/worker-health.ts); unset: not served. */
  WORKER_HEALTH_PORT: port.optional(),
  /** The worker's Temporal SDK metrics, Prometheus format, at `/metrics` on this port (all interfaces); unset: not served. */
  WORKER_METRICS_PORT: port.optional(),
  /**
   * Workflows the worker keeps in memory between their tasks (about 0.6 MB of the worker's memory
   * each): sized for the cases active at once (16 users drive 16), not for those that wait; a case
   * waiting for months need not stay cached, its next timer or answer replays it. See the README.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(100),
  /** Concurrent polls for workflow tasks, and the share of them on the shared queue, where a new case's first task waits. */
  WORKER_WORKFLOW_TASK_POLLERS: z.coerce.number().int().min(2).default(10),
  WORKER_WORKFLOW_TASK_NON_STICKY_RATIO: z.coerce.number().min(0.1).max(1).default(0.5),
  /** Workflow tasks the worker runs at once; at least the pollers. */
  WORKER_WORKFLOW_TASK_SLOTS: z.coerce.number().int().min(2).default(40),
  PUBLIC_BASE_URL: z.url().optional(),

  AUTH_ISSUER: z.string().min(1).default('urn:cross-border-apprenticeship:dev-issuer'),
  AUTH_AUDIENCE: z.string().min(1).default('cross-border-apprenticeship'),
  AUTH_JWKS_URL: z.url().optional(),
  /**
   * The pages sign in through the issuer (authorization code flow with PKCE) as this client;
   * unset, with a real issuer, the pages have no sign-in (the API still takes bearer tokens).
   */
  AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** A confidential client's secret; unset, a public client (PKCE alone). */
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The issuer's discovery document; unset: AUTH_ISSUER + `/.well-known/openid-configuration`. */
  AUTH_OIDC_DISCOVERY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The scopes the pages ask for: `openid` and whatever the issuer needs to put AUTH_AUDIENCE in the access token. */
  AUTH_OIDC_SCOPE: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'scopes separated by single spaces')
    .refine((scope) => scope.split(' ').includes('openid'), 'must include openid')
    .default('openid'),

  /** 32 bytes, base64: encrypts what Temporal stores (key id `primary`). Unset: a development key kept in DATA_DIR. */
  PAYLOAD_ENCRYPTION_KEY: z.base64().optional(),
  /** Several keys, `id:base64,id:base64`: the first encrypts, the others only decrypt what they once encrypted. */
  PAYLOAD_ENCRYPTION_KEYS: payloadKeys.optional(),
  /** The Web UI's origins, comma-separated, that may call the codec at `/codec`. Unset: the dev server's UI on TEMPORAL_UI_PORT. */
  CODEC_CORS_ORIGINS: z
    .string()
    .transform((text) => text.split(',').map((origin) => origin.trim()))
    .pipe(z.array(z.url().refine((url) => new URL(url).origin === url, 'an origin such as https://temporal.example.lu, without a path')))
    .optional(),

  ADEM_ORGANISATION_ID: z.string().min(1).default('adem'),
  MINISTRY_ORGANISATION_ID: z.string().min(1).default('menje-fp'),
  /** The Chambre des salariés: told of every registered contract. */
  EMPLOYEES_CHAMBER_ORGANISATION_ID: z.string().min(1).default('chambre-des-salaries'),
  /** Who is told when a case gets stuck; unset: the ministry organisation's address. */
  OPERATOR_EMAIL: z.email().optional(),

  /** The ministry's private key (a JWK as JSON, ES256 or EdDSA) that signs recognition credentials. Unset: a development key kept in DATA_DIR. */
  RECOGNITION_SIGNING_KEY: z
    .string()
    .superRefine((text, context) => {
      const problem = signingKeyProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** The credentials' issuer (`iss`); unset: PUBLIC_BASE_URL. */
  RECOGNITION_ISSUER: z.string().min(1).optional(),
});

export type Config = z.infer<typeof configSchema> & { publicBaseUrl: string; dataDir: string };

export class ConfigError extends Error {}

/** Reads the configuration from the environment; fails fast naming each bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.PAYLOAD_ENCRYPTION_KEY && config.PAYLOAD_ENCRYPTION_KEYS) {
    throw new ConfigError('Invalid configuration:\n  PAYLOAD_ENCRYPTION_KEYS: set it or PAYLOAD_ENCRYPTION_KEY, not both (list the old key as `primary:<key>`)');
  }
  const oidcProblem = oidcSettingsProblem(config);
  if (oidcProblem) throw new ConfigError(`Invalid configuration:\n  ${oidcProblem}`);
  return {
    ...config,
    dataDir: path.resolve(config.DATA_DIR),
    publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`,
  };
}

/** The pages' sign-in settings hang together: a client of a real issuer whose discovery can be found. */
function oidcSettingsProblem(config: z.infer<typeof configSchema>): string | undefined {
  if (!config.AUTH_OIDC_CLIENT_ID) {
    const stray = (['AUTH_OIDC_CLIENT_SECRET', 'AUTH_OIDC_DISCOVERY_URL'] as const).find((name) => config[name] !== undefined);
    return stray && `${stray}: set only with AUTH_OIDC_CLIENT_ID`;
  }
  if (!config.AUTH_JWKS_URL) return 'AUTH_OIDC_CLIENT_ID: signing in through an issuer needs that issuer: set AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE too';
  if (!config.AUTH_OIDC_DISCOVERY_URL && !/^https?:\/\/[^/]/.test(config.AUTH_ISSUER)) {
    return 'AUTH_ISSUER: must be the issuer’s URL, where its discovery document is (/.well-known/openid-configuration), or set AUTH_OIDC_DISCOVERY_URL';
  }
  // The browser's code and the client's secret cross to the issuer: HTTPS, but for an issuer on this machine.
  const discovery = new URL(config.AUTH_OIDC_DISCOVERY_URL ?? config.AUTH_ISSUER);
  if (discovery.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(discovery.hostname)) {
    return `${config.AUTH_OIDC_DISCOVERY_URL ? 'AUTH_OIDC_DISCOVERY_URL' : 'AUTH_ISSUER'}: the issuer must be reached over https (http only on localhost)`;
  }
  return undefined;
}
