import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { nextSchoolYearStart } from '../support/stack.js';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'apprenticeship-stack-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface RunningStack {
  child: ChildProcess;
  output: string;
}

/** Runs `npm start`'s entry point as a new user would, on ports and a data folder of its own. */
async function startStack(env: Record<string, string>): Promise<RunningStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/dev-stack.ts'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const running: RunningStack = { child, output: '' };
  child.stdout!.on('data', (chunk) => (running.output += chunk));
  child.stderr!.on('data', (chunk) => (running.output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start:\n${running.output}`)), 120_000);
    child.stdout!.on('data', () => {
      if (running.output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the stack exited with ${code}:\n${running.output}`)));
  });
  return running;
}

function stopStack({ child }: RunningStack): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-child.pid!, 'SIGINT');
  });
}

/** Every process below `pid` (the services run in process groups of their own, so walk the parents). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) if (ppid === parent) found.push(child), visit(child);
  };
  visit(pid);
  return found;
}

/** Running, or at least not yet a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A request as a new user would type it from the README. */
function requestBody(): string {
  return JSON.stringify({
    apprentice: { givenName: 'Lena', familyName: 'Roth', birthDate: '2009-04-02', residenceCountry: 'FR', email: 'lena.roth@example.fr' },
    tradeCode: 'DAP-BOULANGER',
    foreignSchool: { organisationId: 'lycee-thionville', programme: 'CAP Boulanger' },
    tutor: { name: 'Marc Schmit' },
    startDate: nextSchoolYearStart(),
    durationMonths: 36,
    weeklyRhythm: { schoolDays: 2, companyDays: 3 },
    proposedMonthlyAllowanceCents: 160_000,
  });
}

async function stackPorts() {
  return { PORT: await freePort(), TEMPORAL_DEV_PORT: await freePort(), TEMPORAL_UI_PORT: await freePort(), EMBEDDED_POSTGRES_PORT: await freePort(), MAIL_SINK_SMTP_PORT: await freePort(), MAIL_SINK_HTTP_PORT: await freePort() };
}

function stackEnv(ports: Record<string, number>, dir = dataDir): Record<string, string> {
  return { DATA_DIR: dir, LOG_LEVEL: 'warn', ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
}

describe('the development stack (npm start)', () => {
  it('starts everything, prints where to look and the demo tokens, stops on Ctrl-C, and keeps the cases', async () => {
    const ports = await stackPorts();
    const env = stackEnv(ports);

    const first = await startStack(env);
    const api = `http://localhost:${ports.PORT}`;
    expect(first.output).toContain(`${api}/v1/openapi.json`);
    expect(first.output).toContain(`http://127.0.0.1:${ports.TEMPORAL_UI_PORT}`);
    expect(first.output).toContain(`http://127.0.0.1:${ports.MAIL_SINK_HTTP_PORT}/messages`);
    const token = /anne\.schmit\s+\(boulangerie-schmit\): (\S+)/.exec(first.output)?.[1];
    expect(token).toBeDefined();

    expect((await fetch(`${api}/readyz`)).status).toBe(200);
    // The pages: the address printed first leads to the demo sign-in.
    expect(first.output).toContain(`${api}/ (sign in`);
    const signIn = await fetch(`${api}/`);
    expect(new URL(signIn.url).pathname).toBe('/sign-in');
    expect(await signIn.text()).toContain('value="anne.schmit"');
    const submitted = await fetch(`${api}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: requestBody(),
    });
    expect(submitted.status, await submitted.clone().text()).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    await expect.poll(async () => ((await (await fetch(`http://127.0.0.1:${ports.MAIL_SINK_HTTP_PORT}/messages`)).json()) as unknown[]).length, { timeout: 20_000 }).toBe(3);

    expect(await stopStack(first), first.output).toBe(0);
    await expect(fetch(`${api}/healthz`)).rejects.toThrow();

    const second = await startStack(env);
    try {
      const again = await fetch(`${api}/v1/cases/${id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ id, status: 'in_review', waitingOn: ['adem', 'chamber', 'foreign_school'] });
    } finally {
      expect(await stopStack(second), second.output).toBe(0);
    }
  }, 300_000);

  it('ends every process it started on Ctrl-C within the grace period, even with the worker hung on a case', async () => {
    const ports = await stackPorts();
    const ownData = mkdtempSync(path.join(tmpdir(), 'apprenticeship-hung-'));
    const stack = await startStack({ ...stackEnv(ports, ownData), STOP_GRACE_PERIOD: '2s' });
    const locker = new pg.Client({ connectionString: `postgres://apprenticeship:apprenticeship@127.0.0.1:${ports.EMBEDDED_POSTGRES_PORT}/apprenticeship` });
    locker.on('error', () => {});
    const submission = new AbortController();
    let running: number[] = [];
    try {
      running = [stack.child.pid!, ...descendants(stack.child.pid!)];
      expect(running.length).toBeGreaterThanOrEqual(3);
      // Reads go on, but the case's first activity waits on this lock for as long as it is held: a hung worker.
      await locker.connect();
      await locker.query('begin');
      await locker.query('lock table cases in share mode');
      const token = /anne\.schmit\s+\(boulangerie-schmit\): (\S+)/.exec(stack.output)![1];
      void fetch(`http://localhost:${ports.PORT}/v1/cases`, {
        method: 'POST',
        signal: submission.signal,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: requestBody(),
      }).catch(() => {});
      // Statistics read in a transaction are a snapshot: clear it to see the waiters of now.
      const waitingInserts = async () => {
        await locker.query('select pg_stat_clear_snapshot()');
        return (await locker.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into "cases"%'`)).rowCount;
      };
      await expect.poll(waitingInserts, { timeout: 30_000 }).toBeGreaterThan(0);

      running = [stack.child.pid!, ...descendants(stack.child.pid!)];
      const exited = new Promise((resolve) => stack.child.once('exit', resolve));
      process.kill(-stack.child.pid!, 'SIGINT');
      // The grace period (2 s), then a kill; the margin is for a machine under load.
      await expect.poll(() => running.filter(alive), { timeout: 20_000, interval: 250 }).toEqual([]);
      await exited;
      expect(stack.output).toContain('killing what is left');
    } finally {
      submission.abort();
      await locker.end().catch(() => {});
      for (const pid of running.filter(alive)) process.kill(pid, 'SIGKILL');
      rmSync(ownData, { recursive: true, force: true });
    }
  }, 300_000);

  it('stops at once, naming the port, when a port it needs is taken by something it did not start', async () => {
    const ports = await stackPorts();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(ports.TEMPORAL_DEV_PORT, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'infra/dev-stack.ts'], {
        cwd: repositoryRoot,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...stackEnv(ports) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code, output).not.toBe(0);
      expect(output).toContain(`port ${ports.TEMPORAL_DEV_PORT} (Temporal dev server, TEMPORAL_DEV_PORT)`);
      expect(output).not.toContain('Press Ctrl-C');
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 120_000);
});
