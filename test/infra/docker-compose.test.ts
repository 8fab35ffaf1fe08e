import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../infra/config.js';

/**
 * Checks docker-compose.yml, the production topology, without a Docker engine:
 * the file is parsed with the `yaml` package (with YAML merge keys, as Compose
 * reads them) and its `${VAR:-default}` interpolation is applied here.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const composePath = path.join(repoRoot, 'docker-compose.yml');

type AppService = 'api' | 'worker';
type SettingName = keyof typeof configSchema.shape;

/**
 * THE list of settings the processes need from the topology, and who needs each.
 * Every name must be a setting read by infra/config.ts (checked below).
 */
const REQUIRED_ENV: ReadonlyArray<{ name: SettingName; services: readonly AppService[] }> = [
  { name: 'DATABASE_URL', services: ['api', 'worker'] },
  { name: 'TEMPORAL_ADDRESS', services: ['api', 'worker'] },
  { name: 'TEMPORAL_NAMESPACE', services: ['api', 'worker'] },
  { name: 'TEMPORAL_TASK_QUEUE', services: ['api', 'worker'] },
  { name: 'SMTP_URL', services: ['worker'] },
  { name: 'MAIL_FROM', services: ['api', 'worker'] },
  { name: 'LOG_LEVEL', services: ['api', 'worker'] },
  { name: 'PAYLOAD_ENCRYPTION_KEY', services: ['api', 'worker'] },
  { name: 'PORT', services: ['api'] },
  { name: 'PUBLIC_BASE_URL', services: ['api', 'worker'] },
  { name: 'AUTH_ISSUER', services: ['api'] },
  { name: 'AUTH_AUDIENCE', services: ['api'] },
  { name: 'AUTH_JWKS_URL', services: ['api'] },
  { name: 'WORKER_HEALTH_PORT', services: ['worker'] },
  { name: 'WORKER_METRICS_PORT', services: ['worker'] },
  { name: 'RECOGNITION_SIGNING_KEY', services: ['api', 'worker'] },
  { name: 'RECOGNITION_ISSUER', services: ['api', 'worker'] },
];

const requiredFor = (service: AppService): string[] =>
  REQUIRED_ENV.filter((entry) => entry.services.includes(service)).map((entry) => entry.name);

const EXPECTED_SERVICES = ['postgres', 'temporal', 'temporal-ui', 'mail', 'api', 'worker', 'migrate', 'temporal-postgres', 'temporal-schema', 'temporal-namespace', 'proxy'];

/** The one-shot jobs: they run to completion, everything else runs for good. */
const ONE_SHOT_SERVICES = ['migrate', 'temporal-schema', 'temporal-namespace'];

/**
 * The attributes a Compose service may have (the Compose specification's `service`), and
 * those of its healthcheck and deploy: a misspelt key is silently ignored by nobody here.
 */
const SERVICE_KEYS = new Set(['annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command', 'configs', 'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'entrypoint', 'env_file', 'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'healthcheck', 'hostname', 'image', 'init', 'ipc', 'isolation', 'labels', 'links', 'logging', 'mac_address', 'mem_limit', 'mem_reservation', 'mem_swappiness', 'memswap_limit', 'network_mode', 'networks', 'oom_kill_disable', 'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop', 'privileged', 'profiles', 'pull_policy', 'read_only', 'restart', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs', 'tty', 'ulimits', 'user', 'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir']);
const HEALTHCHECK_KEYS = new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
const DEPLOY_KEYS = new Set(['mode', 'endpoint_mode', 'replicas', 'labels', 'rollback_config', 'update_config', 'resources', 'restart_policy', 'placement']);
const DEPENDENCY_CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
/** A Compose duration: `10s`, `1m30s`, `500ms`. */
const DURATION = /^(\d+(\.\d+)?(us|ms|s|m|h))+$/;

// ---------------------------------------------------------------------------
// Reading the file

type Compose = {
  version?: unknown;
  services?: Record<string, Service>;
  volumes?: Record<string, unknown>;
};

type Service = {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  restart?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number | { target?: number; published?: string | number }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  healthcheck?: { test?: string | string[] } & Record<string, unknown>;
  deploy?: { replicas?: number } & Record<string, unknown>;
  entrypoint?: string | string[];
};

function loadCompose(): Compose {
  const document = parse(readFileSync(composePath, 'utf8'), { merge: true }) as unknown;
  if (document === null || typeof document !== 'object') throw new Error('docker-compose.yml is not a mapping');
  return document as Compose;
}

/**
 * Compose variable interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR-default}`,
 * `${VAR:-default}`, `${VAR?err}`, `${VAR:?err}`. An unset variable without a
 * default throws, so "usable as-is" is checked by interpolating with `{}`.
 */
function interpolate(text: string, env: Record<string, string | undefined> = {}): string {
  const pattern = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  return text.replace(pattern, (_match, dollar?: string, braced?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
    if (dollar) return '$';
    const name = (braced ?? bare)!;
    const value = env[name];
    const missing = value === undefined || (colon === ':' && value === '');
    if (!missing) return value;
    if (op === '-') return arg ?? '';
    throw new Error(`\${${name}} is used in docker-compose.yml without a default${op === '?' ? `: ${arg}` : ''}`);
  });
}

/** A service's environment as a map, from either the map or the list form, interpolated. */
function environmentOf(service: Service | undefined, env: Record<string, string | undefined> = {}): Record<string, string> {
  const raw = service?.environment;
  const entries: Array<[string, string]> = [];
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const index = item.indexOf('=');
      // `- NAME` alone passes the variable through from the host: no value of its own.
      if (index === -1) continue;
      entries.push([item.slice(0, index), item.slice(index + 1)]);
    }
  } else if (raw) {
    for (const [key, value] of Object.entries(raw)) {
      if (value === null || value === undefined) continue;
      entries.push([key, String(value)]);
    }
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, interpolate(value, env)]));
}

/** depends_on as `service -> condition`, from either the list or the map form. */
function dependenciesOf(service: Service | undefined): Record<string, string> {
  const raw = service?.depends_on;
  if (!raw) return {};
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(raw).map(([name, spec]) => [name, spec?.condition ?? 'service_started']),
  );
}

function commandOf(service: Service | undefined): string[] {
  const raw = service?.command;
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw.map(String) : raw.trim().split(/\s+/);
}

function buildContextOf(service: Service | undefined): string | undefined {
  const raw = service?.build;
  if (raw === undefined) return undefined;
  return typeof raw === 'string' ? raw : (raw.context ?? '.');
}

function publishedPorts(service: Service | undefined): string[] {
  return (service?.ports ?? []).map((port) =>
    typeof port === 'object' ? `${port.published}:${port.target}` : String(port),
  );
}

// ---------------------------------------------------------------------------

const composeAvailable = (() => {
  const result = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 20_000 });
  return result.status === 0;
})();

describe('docker-compose.yml (production topology)', () => {
  const compose = loadCompose();
  const services = compose.services ?? {};

  it('follows the Compose specification: no obsolete `version` key', () => {
    expect(compose).not.toHaveProperty('version');
  });

  it('declares every service of the topology', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(EXPECTED_SERVICES));
  });

  it('pins every image to an explicit tag', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.image === undefined) continue;
      const tag = /:([^/:@]+)$/.exec(service.image)?.[1];
      expect(tag, `${name}: ${service.image}`).toBeDefined();
      expect(tag, `${name}: ${service.image}`).not.toBe('latest');
    }
    expect(services.postgres?.image).toMatch(/^postgres:16(\b|$)/);
    expect(services.temporal?.image).toMatch(/^temporalio\/server:1\.2\d+\.\d+$/);
    const serverVersion = services.temporal!.image!.split(':')[1]!;
    for (const job of ['temporal-schema', 'temporal-namespace']) {
      // The admin tools of the server's own release: their schema is the one that server expects.
      expect(services[job]?.image, job).toMatch(new RegExp(`^temporalio/admin-tools:${serverVersion.replaceAll('.', '\\.')}(-|$)`));
    }
    expect(services['temporal-postgres']?.image).toMatch(/^postgres:16(\b|$)/);
    expect(services.proxy?.image).toMatch(/^nginx:1\.\d+/);
    expect(services['temporal-ui']?.image).toMatch(/^temporalio\/ui:2\.\d+\.\d+$/);
    expect(services.mail?.image).toMatch(/^axllent\/mailpit:v\d+\.\d+(\.\d+)?$/);
  });

  it('runs PostgreSQL with the application database, a named volume and a pg_isready healthcheck', () => {
    const postgres = services.postgres;
    const env = environmentOf(postgres);
    expect(env.POSTGRES_DB).toBe('apprenticeship');
    expect(env.POSTGRES_USER).toBeTruthy();
    expect(env.POSTGRES_PASSWORD).toBeTruthy();

    const namedVolumes = (postgres?.volumes ?? [])
      .map((volume) => (typeof volume === 'string' ? volume.split(':')[0] : volume.source))
      .filter((source): source is string => !!source && !source.startsWith('.') && !source.startsWith('/'));
    expect(namedVolumes.length).toBeGreaterThan(0);
    for (const volume of namedVolumes) expect(Object.keys(compose.volumes ?? {})).toContain(volume);

    const test = postgres?.healthcheck?.test;
    expect([test].flat().join(' ')).toContain('pg_isready');
  });

  it('points Temporal at a PostgreSQL of its own, starting it once PostgreSQL is healthy', () => {
    const temporal = services.temporal;
    const env = environmentOf(temporal);
    const postgresEnv = environmentOf(services['temporal-postgres']);
    expect(env.DB).toBe('postgres12');
    expect(env.DB_PORT).toBe('5432');
    expect(env.POSTGRES_SEEDS).toBe('temporal-postgres');
    expect(env.POSTGRES_USER).toBe(postgresEnv.POSTGRES_USER);
    expect(env.POSTGRES_PWD).toBe(postgresEnv.POSTGRES_PASSWORD);
    expect([env.DBNAME, env.VISIBILITY_DBNAME]).toEqual(['temporal', 'temporal_visibility']);
    expect(dependenciesOf(temporal)).toMatchObject({ 'temporal-postgres': 'service_healthy' });
    expect(publishedPorts(temporal)).toContain('7233:7233');
    // Not the application's database: Temporal's load stays off it.
    expect(env.POSTGRES_SEEDS).not.toBe('postgres');
  });

  it('runs no deprecated all-in-one image', () => {
    for (const [name, service] of Object.entries(services)) expect(service.image ?? '', name).not.toMatch(/auto-setup/);
  });

  it('starts the Temporal server only once the schema job has created and migrated both of its databases', () => {
    expect(dependenciesOf(services.temporal)).toMatchObject({ 'temporal-schema': 'service_completed_successfully' });
    const schema = services['temporal-schema'];
    expect(dependenciesOf(schema)).toMatchObject({ 'temporal-postgres': 'service_healthy' });
    const script = [schema?.entrypoint, schema?.command].flat().join('\n');
    expect(script).toContain('temporal-sql-tool');
    for (const database of ['temporal', 'temporal_visibility']) {
      expect(script).toMatch(new RegExp(`--database ${database} setup-schema -v 0\\.0`));
      expect(script).toMatch(new RegExp(`--database ${database} update-schema -d "\\$\\$schemas/${database === 'temporal' ? 'temporal' : 'visibility'}/versioned"`));
    }
    expect(script).toContain('schemas=/etc/temporal/schema/postgresql/v12');
    expect(script).toContain('create-database');
    // The job reaches Temporal's PostgreSQL with the server's own credentials.
    const env = environmentOf(schema);
    expect([env.SQL_USER, env.SQL_PASSWORD]).toEqual([environmentOf(services.temporal).POSTGRES_USER, environmentOf(services.temporal).POSTGRES_PWD]);
    expect(script).toContain('--endpoint temporal-postgres --port 5432');
  });

  it('creates the namespace the processes use, once the server is healthy', () => {
    const job = services['temporal-namespace'];
    const env = environmentOf(job);
    expect(dependenciesOf(job)).toMatchObject({ temporal: 'service_healthy' });
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(env.NAMESPACE).toBe(environmentOf(services.worker).TEMPORAL_NAMESPACE);
    expect([job?.entrypoint, job?.command].flat().join('\n')).toContain('temporal operator namespace create --namespace "$$NAMESPACE"');
  });

  it.each(['api', 'worker'] as const)('runs two replicas of %s, without a fixed host port or container name', (name) => {
    expect(services[name]?.deploy?.replicas).toBe(2);
    expect(publishedPorts(services[name])).toEqual([]);
    expect(services[name]).not.toHaveProperty('container_name');
  });

  it('publishes the API on 3000 through the proxy, which waits for a healthy API and keeps /metrics inside', () => {
    expect(publishedPorts(services.proxy)).toEqual(['3000:3000']);
    expect(dependenciesOf(services.proxy)).toMatchObject({ api: 'service_healthy' });
    const mount = (services.proxy?.volumes ?? []).find((volume) => String(volume).startsWith('./infra/nginx.conf:'));
    expect(mount).toBe('./infra/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    const conf = readFileSync(path.join(repoRoot, 'infra/nginx.conf'), 'utf8');
    expect(conf).toMatch(/listen 3000;/);
    expect(conf).toContain(`set $api http://api:${environmentOf(services.api).PORT};`);
    expect(conf).toMatch(/location = \/metrics \{\s*return 404;/);
    // Uploads up to DOCUMENT_MAX_BYTES (10 MB by default) must reach the API.
    const [, megabytes] = /client_max_body_size (\d+)m;/.exec(conf) ?? [];
    expect(Number(megabytes) * 1024 * 1024).toBeGreaterThan(configSchema.shape.DOCUMENT_MAX_BYTES.parse(undefined));
  });

  it('gives every long-running service a healthcheck, and one-shot jobs none', () => {
    const longRunning = Object.keys(services).filter((name) => !ONE_SHOT_SERVICES.includes(name));
    expect(longRunning.filter((name) => !services[name]?.healthcheck?.test)).toEqual([]);
    for (const name of ONE_SHOT_SERVICES) expect(String(services[name]?.restart), name).toBe('no');
  });

  it('uses only attributes of the Compose specification, with valid durations and conditions', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(Object.keys(service).filter((key) => !SERVICE_KEYS.has(key)), name).toEqual([]);
      expect(Object.keys(service.healthcheck ?? {}).filter((key) => !HEALTHCHECK_KEYS.has(key)), name).toEqual([]);
      expect(Object.keys(service.deploy ?? {}).filter((key) => !DEPLOY_KEYS.has(key)), name).toEqual([]);
      for (const key of ['interval', 'timeout', 'start_period'] as const) {
        const value = service.healthcheck?.[key];
        if (value !== undefined) expect(String(value), `${name}.healthcheck.${key}`).toMatch(DURATION);
      }
      const test = service.healthcheck?.test;
      if (Array.isArray(test)) expect(['CMD', 'CMD-SHELL', 'NONE']).toContain(test[0]);
      for (const [dependency, condition] of Object.entries(dependenciesOf(service))) {
        expect(Object.keys(services), `${name} depends on ${dependency}`).toContain(dependency);
        expect(DEPENDENCY_CONDITIONS.has(condition), `${name} -> ${dependency}: ${condition}`).toBe(true);
        if (condition === 'service_completed_successfully') expect(ONE_SHOT_SERVICES).toContain(dependency);
        if (condition === 'service_healthy') expect(services[dependency]?.healthcheck?.test, dependency).toBeDefined();
      }
    }
  });

  it('mounts only files that are in this repository', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : (volume.source ?? '');
        if (source.startsWith('./')) expect(existsSync(path.join(repoRoot, source)), `${name}: ${source}`).toBe(true);
      }
    }
  });

  it('serves the Temporal UI against the temporal service and Mailpit on 1025/8025', () => {
    expect(environmentOf(services['temporal-ui']).TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(publishedPorts(services['temporal-ui'])).toContain('8080:8080');
    expect(publishedPorts(services.mail)).toEqual(expect.arrayContaining(['1025:1025', '8025:8025']));
  });

  it.each([
    ['api', 'api/main.ts'],
    ['worker', 'infra/worker-main.ts'],
    ['migrate', 'db/migrate-main.ts'],
  ] as const)('builds %s from this repository and runs %s with tsx', (name, entry) => {
    expect(buildContextOf(services[name])).toMatch(/^\.\/?$/);
    expect(commandOf(services[name])).toEqual(['node', '--import', 'tsx', entry]);
  });

  it('runs migrate once, after PostgreSQL is healthy', () => {
    expect(String(services.migrate?.restart)).toBe('no');
    expect(dependenciesOf(services.migrate)).toMatchObject({ postgres: 'service_healthy' });
    expect(environmentOf(services.migrate).DATABASE_URL).toBe(environmentOf(services.api).DATABASE_URL);
  });

  it.each(['api', 'worker'] as const)(
    '%s depends on migrate and the namespace completing successfully, PostgreSQL and Temporal healthy',
    (name) => {
      expect(dependenciesOf(services[name])).toMatchObject({
        migrate: 'service_completed_successfully',
        'temporal-namespace': 'service_completed_successfully',
        postgres: 'service_healthy',
        temporal: 'service_healthy',
      });
    },
  );

  it('probes the API\'s /readyz and the worker\'s own /readyz on WORKER_HEALTH_PORT', () => {
    const probe = (name: AppService) => [services[name]?.healthcheck?.test].flat().join(' ');
    expect(probe('api')).toContain(`http://127.0.0.1:${environmentOf(services.api).PORT}/readyz`);
    const workerPort = environmentOf(services.worker).WORKER_HEALTH_PORT;
    expect(workerPort).toMatch(/^\d+$/);
    expect(probe('worker')).toContain(`http://127.0.0.1:${workerPort}/readyz`);
  });

  it.each(['api', 'worker'] as const)('gives %s every setting it needs', (name) => {
    const env = environmentOf(services[name]);
    const missing = requiredFor(name).filter((key) => !env[key]);
    expect(missing).toEqual([]);
  });

  it('lists only settings that infra/config.ts reads', () => {
    const known = Object.keys(configSchema.shape);
    expect(REQUIRED_ENV.map((entry) => entry.name).filter((key) => !known.includes(key))).toEqual([]);
    for (const name of ['api', 'worker', 'migrate'] as const) {
      const unknown = Object.keys(environmentOf(services[name])).filter((key) => !known.includes(key));
      expect(unknown, `${name} sets settings nobody reads`).toEqual([]);
    }
  });

  it('wires api and worker to the services of this topology', () => {
    for (const name of ['api', 'worker'] as const) {
      const env = environmentOf(services[name]);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(env.TEMPORAL_NAMESPACE).toBe('default');
      expect(env.TEMPORAL_TASK_QUEUE).toBe('cases');
      expect(env.SMTP_URL).toBe('smtp://mail:1025');
      expect(env.LOG_LEVEL).toBe('info');

      const database = new URL(env.DATABASE_URL!);
      const postgresEnv = environmentOf(services.postgres);
      expect(database.protocol).toBe('postgres:');
      expect(database.hostname).toBe('postgres');
      expect(database.port).toBe('5432');
      expect(database.pathname).toBe(`/${postgresEnv.POSTGRES_DB}`);
      expect(decodeURIComponent(database.username)).toBe(postgresEnv.POSTGRES_USER);
      expect(decodeURIComponent(database.password)).toBe(postgresEnv.POSTGRES_PASSWORD);
    }
    expect(environmentOf(services.api).PORT).toBe('3000');
    expect(environmentOf(services.worker).PUBLIC_BASE_URL).toBe(environmentOf(services.api).PUBLIC_BASE_URL);
  });

  it('keeps the database URL consistent with a password set in the environment', () => {
    const env = { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 's3cret' };
    const database = new URL(environmentOf(services.api, env).DATABASE_URL!);
    expect([database.username, database.password]).toEqual(['app', 's3cret']);
    expect(environmentOf(services.postgres, env).POSTGRES_PASSWORD).toBe('s3cret');
    expect(environmentOf(services.temporal, { TEMPORAL_POSTGRES_PASSWORD: 't3mp' }).POSTGRES_PWD).toBe('t3mp');
    expect(environmentOf(services['temporal-postgres'], { TEMPORAL_POSTGRES_PASSWORD: 't3mp' }).POSTGRES_PASSWORD).toBe('t3mp');
  });

  it.each(['api', 'worker', 'migrate'] as const)(
    'gives %s an environment that infra/config.ts accepts as-is',
    (name) => {
      const parsed = configSchema.safeParse(environmentOf(services[name]));
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it('is usable as-is: every interpolated variable has a default', () => {
    const text = readFileSync(composePath, 'utf8');
    const withoutComments = text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    expect(() => interpolate(withoutComments)).not.toThrow();
  });

  it.skipIf(!composeAvailable)('passes `docker compose config --quiet`', () => {
    const result = spawnSync('docker', ['compose', '-f', composePath, 'config', '--quiet'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
