import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { temporalCli } from '../../infra/temporal-cli.js';
import { startTemporalDevServer } from '../../infra/temporal-dev-server.js';
import { freePort } from '../support/free-port.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

let stack: TestStack;
let administrator: Party;
/** The input of a real case's workflow, as Temporal stores it and the Web UI sends it: protobuf JSON, base64. */
let storedInput: { metadata: Record<string, string>; data: string };
let workflowId: string;
const uiOrigin = 'http://localhost:8233';

beforeAll(async () => {
  stack = await startTestStack();
  administrator = await stack.colleague(stack.parties.ministry, 'eva.menje');
  const submitted = await stack.submit();
  workflowId = `case-${submitted.id}`;
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  try {
    const history = await new Client({ connection }).workflow.getHandle(`case-${submitted.id}`).fetchHistory();
    const payload = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    storedInput = {
      metadata: Object.fromEntries(Object.entries(payload.metadata!).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
      data: Buffer.from(payload.data!).toString('base64'),
    };
  } finally {
    await connection.close();
  }
});
afterAll(() => stack.stop());

const decodeBody = () => ({ payloads: [storedInput] });
const plaintextOf = (reply: { body: any }) => Buffer.from(reply.body.payloads[0].data, 'base64').toString();

describe('the codec endpoint of the Temporal Web UI', () => {
  it('decrypts a real case’s payload for a ministry administrator', async () => {
    const reply = await stack.request(administrator, 'POST', '/codec/decode', decodeBody(), { 'x-namespace': 'default' });
    expect(reply.status).toBe(200);
    expect(plaintextOf(reply)).toContain('2009-04-02');
    expect(Buffer.from(reply.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
  });

  it('encodes what the UI sends, and decodes it back', async () => {
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"hello"').toString('base64') };
    const encoded = await stack.request(administrator, 'POST', '/codec/encode', { payloads: [plain] });
    expect(encoded.status).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].data, 'base64').toString()).not.toContain('hello');
    expect((await stack.request(administrator, 'POST', '/codec/decode', encoded.body)).body).toEqual({ payloads: [plain] });
  });

  it('decodes nothing for anyone else', async () => {
    // An administrator of another organisation is no ministry administrator.
    await stack.db.updateTable('users').set({ roles: ['administrator'] }).where('id', '=', stack.parties.employer.userId).execute();
    for (const [party, status] of [
      [stack.parties.ministry, 403],
      [stack.parties.employer, 403],
      [stack.parties.adem, 403],
      [undefined, 401],
    ] as const) {
      const reply = await stack.request(party, 'POST', '/codec/decode', decodeBody());
      expect(reply.status, party?.userId).toBe(status);
      expect(JSON.stringify(reply.body)).not.toContain(storedInput.data);
      expect(reply.body.payloads).toBeUndefined();
    }
    expect((await stack.request(undefined, 'POST', '/codec/decode', decodeBody(), { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const session = await stack.request(stack.parties.ministry, 'POST', '/codec/session');
    expect(session.status).toBe(403);
    expect(session.headers.get('set-cookie')).toBeNull();
  });

  it('serves the UI of its origin with a session cookie, which only the administrator gets', async () => {
    const preflight = await stack.request(undefined, 'OPTIONS', '/codec/decode', undefined, {
      origin: uiOrigin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-namespace',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-namespace');
    const foreign = await stack.request(undefined, 'OPTIONS', '/codec/decode', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const session = await stack.request(administrator, 'POST', '/codec/session');
    expect(session.status).toBe(204);
    const setCookie = session.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/codec/i);
    const cookie = setCookie.split(';')[0]!;

    const reply = await stack.request(undefined, 'POST', '/codec/decode', decodeBody(), { origin: uiOrigin, cookie, 'x-namespace': 'default' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(plaintextOf(reply)).toContain('2009-04-02');
    // Another namespace's payloads are not ours to decode.
    expect((await stack.request(undefined, 'POST', '/codec/decode', decodeBody(), { cookie, 'x-namespace': 'other' })).status).toBe(404);
  });

  it('decodes a case’s history for the Temporal CLI, given the administrator’s token', async () => {
    const show = (auth: string) =>
      promisify(execFile)(temporalCli(), ['workflow', 'show', '--address', inject('temporalAddress'), '-w', workflowId, '--output', 'json', '--codec-endpoint', `${stack.apiUrl()}/codec`, '--codec-auth', auth]).then(
        ({ stdout }) => {
          const input = JSON.parse(stdout).events[0].workflowExecutionStartedEventAttributes.input.payloads[0];
          return Buffer.from(input.data, 'base64').toString();
        },
        () => 'refused',
      );
    expect(await show(`Bearer ${administrator.token}`)).toContain('2009-04-02');
    expect(await show(`Bearer ${stack.parties.ministry.token}`)).not.toContain('2009-04-02');
  });

  it('answers an unreadable body with a field-level 400', async () => {
    const reply = await stack.request(administrator, 'POST', '/codec/decode', { payloads: [{ data: '%%%' }] });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].pointer).toBe('#/payloads/0/data');
  });
});

describe('the API’s log', () => {
  it('never holds the codec session cookie, which carries a token', async () => {
    const script = `import { createLogger } from './infra/logger.ts';
      createLogger('info', 'api').info({ req: { headers: { cookie: 'codec_session=secret-token' } }, res: { headers: { 'set-cookie': 'codec_session=secret-token' } } }, 'request completed');`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '../..') });
    expect(stdout).toContain('request completed');
    expect(stdout).not.toContain('secret-token');
  });
});

describe('the dev server’s Web UI', () => {
  it('is started pointed at the codec endpoint', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'apprenticeship-codec-ui-'));
    const server = await startTemporalDevServer({ dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default', codecEndpoint: 'http://localhost:3000/codec' });
    try {
      await expect
        .poll(async () => ((await (await fetch(`${server.uiUrl}/api/v1/settings`)).json()) as { Codec: { Endpoint: string } }).Codec.Endpoint, { timeout: 30_000 })
        .toBe('http://localhost:3000/codec');
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
