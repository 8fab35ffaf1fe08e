import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../infra/api-server.js';
import { createLogger } from '../../infra/logger.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const pointers = (body: { errors?: { pointer: string }[] }) => (body.errors ?? []).map((e) => e.pointer);

async function countCases(): Promise<number> {
  const { count } = await stack.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(count);
}

describe('text the database cannot hold is refused at the door', () => {
  it('answers a NUL in a name with a 400 naming the field, and starts no case', async () => {
    const before = await countCases();
    const request = stack.caseRequest();
    const reply = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...request,
      apprentice: { ...request.apprentice, givenName: 'Le\u0000na' },
    }, { 'Idempotency-Key': `nul-${Date.now()}` });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(pointers(reply.body)).toEqual(['#/apprentice/givenName']);
    expect(await countCases()).toBe(before);
  });

  it('keeps names, codes and ids on one line, and refuses a lone surrogate anywhere', async () => {
    const request = stack.caseRequest();
    const reply = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...request,
      apprentice: { ...request.apprentice, familyName: 'Ro\nth' },
      tutor: { name: 'Marc\tSchmit' },
    });
    expect(reply.status).toBe(400);
    expect(pointers(reply.body).sort()).toEqual(['#/apprentice/familyName', '#/tutor/name']);

    const surrogate = await stack.request(stack.parties.employer, 'POST', '/v1/cases', {
      ...request,
      foreignSchool: { ...request.foreignSchool, programme: 'CAP \ud800 Boulanger' },
    });
    expect(surrogate.status).toBe(400);
    expect(pointers(surrogate.body)).toEqual(['#/foreignSchool/programme']);
  });

  it('refuses a NUL in reasons, comments and a withdrawal reason, and leaves the task open', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const task = await stack.openTask(parties.adem, submitted.id);

    const reasons = await stack.complete(parties.adem, task.id, { outcome: 'favourable', reasons: 'Fi\u0000ne' });
    expect(reasons.status).toBe(400);
    expect(pointers(reasons.body)).toEqual(['#/reasons']);

    const comment = await stack.complete(parties.adem, task.id, {
      outcome: 'changes_requested',
      comments: [{ field: '/tutor/name', comment: 'Which\u0000tutor?' }],
    });
    expect(comment.status).toBe(400);
    expect(pointers(comment.body)).toEqual(['#/comments/0/comment']);

    const withdrawal = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/withdraw`, { reason: 'Moved\u0000away' });
    expect(withdrawal.status).toBe(400);
    expect(pointers(withdrawal.body)).toEqual(['#/reason']);

    const view = await stack.request(parties.adem, 'GET', `/v1/tasks/${task.id}`);
    expect(view.body.status).toBe('open');
    expect((await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body.status).toBe('in_review');
  });

  it('lets reasons and comments span lines', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const task = await stack.openTask(parties.adem, submitted.id);
    const reply = await stack.complete(parties.adem, task.id, { outcome: 'favourable', reasons: 'Fine.\n\tThe apprentice is registered.' });
    expect(reply.status).toBe(200);
  });
});

const cursor = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');

describe('an answer for every request, never a 500', () => {
  async function expectProblem(reply: { status: number; headers: Headers; body: any }, status: number) {
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status, title: expect.any(String) });
  }

  it('answers paths that are not valid ids as unknown ids, and an undecodable %-escape as a malformed URL', async () => {
    const { adem, employer } = stack.parties;
    await expectProblem(await stack.request(employer, 'GET', '/v1/cases/%FF'), 400);
    await expectProblem(await stack.request(adem, 'GET', '/v1/tasks/%FF'), 400);
    await expectProblem(await stack.request(adem, 'GET', '/v1/tasks/%00'), 404);
    await expectProblem(await stack.request(adem, 'POST', '/v1/tasks/a%00b/claim'), 404);
    await expectProblem(await stack.request(employer, 'GET', '/v1/cases/not-a-uuid'), 404);
    await expectProblem(await stack.request(employer, 'GET', `/v1/cases?${'x'.repeat(9_000)}=1`), 414);
  });

  it('refuses a NUL or a year 0 in a query value or a cursor with a 400', async () => {
    const { adem } = stack.parties;
    const nul = await stack.request(adem, 'GET', '/v1/tasks?dueBefore=%00');
    await expectProblem(nul, 400);
    await expectProblem(await stack.request(adem, 'GET', '/v1/cases?status=in%00review'), 400);
    await expectProblem(await stack.request(adem, 'GET', '/v1/tasks?dueBefore=0000-01-01'), 400);
    await expectProblem(await stack.request(adem, 'GET', `/v1/tasks?cursor=${cursor({ t: '2026-01-01T00:00:00.000000Z', i: 'a\u0000b' })}`), 400);
    await expectProblem(await stack.request(adem, 'GET', `/v1/tasks?cursor=${cursor({ t: '0000-01-01T00:00:00.000000Z', i: 'x' })}`), 400);
  });

  it('refuses a NUL user id in an assignment with a 400 naming it', async () => {
    const reply = await stack.request(stack.parties.adem, 'POST', '/v1/tasks/any/assign', { userId: 'marie\u0000.adem' });
    await expectProblem(reply, 400);
    expect(pointers(reply.body)).toEqual(['#/userId']);
  });

  it('keeps the status of a body Express could not read: charset, encoding, size', async () => {
    const { employer } = stack.parties;
    const body = JSON.stringify(stack.caseRequest());
    const latin1 = await stack.request(employer, 'POST', '/v1/cases', body, { 'content-type': 'application/json; charset=latin1' });
    await expectProblem(latin1, 415);
    expect(latin1.body.detail).toContain('UTF-8');
    await expectProblem(await stack.request(employer, 'POST', '/v1/cases', body, { 'content-encoding': 'x-unknown' }), 415);
    const undecodable = await stack.request(employer, 'POST', '/v1/cases', body, { 'content-encoding': 'gzip' });
    await expectProblem(undecodable, 400);
    expect(undecodable.body.detail).toBe('The body does not decode as its Content-Encoding says');
    const large = await stack.request(employer, 'POST', '/v1/cases', JSON.stringify({ padding: 'x'.repeat(1_100_000) }));
    await expectProblem(large, 413);
    expect(large.body.detail).toContain('1048576 bytes');
  });
});

/** Sends bytes as they are, and reads the answer until the server closes. */
function rawExchange(url: string, bytes: string): Promise<{ statusLine: string; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let received = '';
    const done = () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const [statusLine = '', ...headers] = head.split('\r\n');
      resolve({ statusLine, headers: headers.join('\n').toLowerCase(), body });
    };
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', done);
    socket.on('error', (error) => (received ? done() : reject(error)));
    socket.write(bytes);
  });
}

describe('what Node refuses before the app sees it', () => {
  it('answers headers too large and broken framing with problem details', async () => {
    const api = await startApi(stack.config, createLogger('silent', 'test-api'));
    try {
      const large = await rawExchange(api.url, `GET /v1/cases HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(large.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      expect(large.headers).toContain('content-type: application/problem+json');
      expect(JSON.parse(large.body)).toMatchObject({ status: 431, title: expect.any(String), detail: expect.stringContaining('16384 bytes') });

      const longUrl = await rawExchange(api.url, `GET /v1/cases?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(longUrl.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');

      const garbage = await rawExchange(api.url, 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello');
      expect(garbage.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(JSON.parse(garbage.body)).toMatchObject({ status: 400, title: 'Bad request' });

      const noise = await rawExchange(api.url, '\u0001\u0002 not http at all\r\n\r\n');
      expect(noise.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(noise.headers).toContain('content-type: application/problem+json');
    } finally {
      await api.stop();
    }
  });
});
