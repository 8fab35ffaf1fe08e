import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

describe('the development stack (npm start)', () => {
  it('starts everything, prints where to look and the demo tokens, stops on Ctrl-C, and keeps the cases', async () => {
    const ports = { PORT: await freePort(), TEMPORAL_DEV_PORT: await freePort(), TEMPORAL_UI_PORT: await freePort(), EMBEDDED_POSTGRES_PORT: await freePort(), MAIL_SINK_SMTP_PORT: await freePort(), MAIL_SINK_HTTP_PORT: await freePort() };
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };

    const first = await startStack(env);
    const api = `http://localhost:${ports.PORT}`;
    expect(first.output).toContain(`${api}/v1/openapi.json`);
    expect(first.output).toContain(`http://127.0.0.1:${ports.TEMPORAL_UI_PORT}`);
    expect(first.output).toContain(`http://127.0.0.1:${ports.MAIL_SINK_HTTP_PORT}/messages`);
    const token = /anne\.schmit\s+\(boulangerie-schmit\): (\S+)/.exec(first.output)?.[1];
    expect(token).toBeDefined();

    expect((await fetch(`${api}/readyz`)).status).toBe(200);
    const submitted = await fetch(`${api}/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        apprentice: { givenName: 'Lena', familyName: 'Roth', birthDate: '2009-04-02', residenceCountry: 'FR' },
        tradeCode: 'DAP-BOULANGER',
        foreignSchool: { organisationId: 'lycee-thionville', programme: 'CAP Boulanger' },
        tutor: { name: 'Marc Schmit' },
        startDate: nextSchoolYearStart(),
        durationMonths: 36,
        weeklyRhythm: { schoolDays: 2, companyDays: 3 },
        proposedMonthlyAllowanceCents: 160_000,
      }),
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
});
