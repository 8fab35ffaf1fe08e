import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevIssuer } from '../../infra/dev-issuer.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let caseId: string;
beforeAll(async () => {
  stack = await startTestStack();
  caseId = (await stack.submit()).id;
});
afterAll(() => stack.stop());

describe('who may see and do what', () => {
  it('answers 401 without a token, with a forged one, an expired one, or one for an unknown user', async () => {
    const { config, parties } = stack;
    const noToken = await stack.request(undefined, 'GET', '/v1/cases');
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('www-authenticate')).toBe('Bearer');

    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'dev-issuer' })
      .setSubject(parties.ministry.userId)
      .setIssuer(config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
    for (const token of [forged, await issuer.issueToken(parties.ministry.userId, '-1m'), await issuer.issueToken('nobody-at-all'), 'not-a-jwt']) {
      const reply = await stack.request({ ...parties.ministry, token }, 'GET', `/v1/cases/${caseId}`);
      expect(reply.status).toBe(401);
      expect(reply.body.title).toBe('Unauthorised');
    }
  });

  it('answers 401 to a token it took a moment ago, once that token has expired', async () => {
    const { config, parties } = stack;
    const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
    const token = await issuer.issueToken(parties.ministry.userId, '2s');
    expect((await stack.request({ ...parties.ministry, token }, 'GET', `/v1/cases/${caseId}`)).status).toBe(200);
    // A token's expiry has whole seconds: past the next one, it is over.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const late = await stack.request({ ...parties.ministry, token }, 'GET', `/v1/cases/${caseId}`);
    expect(late.status).toBe(401);
    expect(late.body.title).toBe('Unauthorised');
  });

  it('hides an employer’s case from another employer', async () => {
    const { parties } = stack;
    expect((await stack.request(parties.otherEmployer, 'GET', `/v1/cases/${caseId}`)).status).toBe(404);
    const list = await stack.request(parties.otherEmployer, 'GET', '/v1/cases');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    expect((await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}`)).status).toBe(200);
  });

  it('shows a reviewer the cases it has a task in, and the ministry every case', async () => {
    const { parties } = stack;
    const ademList = await stack.request(parties.adem, 'GET', '/v1/cases');
    expect(ademList.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    // The ministry has no task yet, and still sees the case.
    expect((await stack.request(parties.ministry, 'GET', `/v1/cases/${caseId}`)).status).toBe(200);
  });

  it('lets only an employer submit a request', async () => {
    const reply = await stack.request(stack.parties.adem, 'POST', '/v1/cases', stack.caseRequest());
    expect(reply.status).toBe(403);
  });

  it('refuses a body that is not JSON with 415, and changes nothing', async () => {
    const { id } = await stack.submit();
    const reply = await stack.request(stack.parties.employer, 'POST', `/v1/cases/${id}/withdraw`, 'please withdraw it', { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(reply.body.title).toBe('Unsupported media type');
    expect((await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`)).body.status).toBe('in_review');
  });

  it('answers an outsider exactly as it answers an unknown id: on the case, its history and every task operation', async () => {
    const { parties } = stack;
    const ademTask = await stack.openTask(parties.adem, caseId);
    // Another employer, and a chamber that is no party to the case.
    const outsiders = [parties.otherEmployer, await stack.colleague(parties.chamber, 'lea.cc')];
    const operations = (caseRef: string, taskRef: string, userId: string): [string, string, unknown?, Record<string, string>?][] => [
      ['GET', `/v1/cases/${caseRef}`],
      ['GET', `/v1/cases/${caseRef}/history`],
      ['POST', `/v1/cases/${caseRef}/amendments`, stack.caseRequest(), { 'If-Match': '"1"' }],
      ['POST', `/v1/cases/${caseRef}/withdraw`, {}],
      ['GET', `/v1/tasks/${taskRef}`],
      ['POST', `/v1/tasks/${taskRef}/complete`, { outcome: 'favourable', reasons: 'Not mine to give' }],
      ['POST', `/v1/tasks/${taskRef}/claim`],
      ['POST', `/v1/tasks/${taskRef}/unclaim`],
      ['POST', `/v1/tasks/${taskRef}/assign`, { userId }],
    ];
    const withoutInstance = ({ instance: _instance, ...body }: Record<string, unknown>) => body;
    for (const outsider of outsiders) {
      const denied = operations(caseId, ademTask.id, outsider.userId);
      const unknown = operations(randomUUID(), `${ademTask.id}x`, outsider.userId);
      for (const [i, [method, path, body, headers]] of denied.entries()) {
        const [unknownMethod, unknownPath, unknownBody, unknownHeaders] = unknown[i]!;
        const deniedReply = await stack.request(outsider, method, path, body, headers);
        const unknownReply = await stack.request(outsider, unknownMethod, unknownPath, unknownBody, unknownHeaders);
        expect({ path, status: deniedReply.status }).toEqual({ path, status: 404 });
        expect(unknownReply.status).toBe(404);
        expect(withoutInstance(deniedReply.body)).toEqual(withoutInstance(unknownReply.body));
        expect(deniedReply.headers.get('content-type')).toBe(unknownReply.headers.get('content-type'));
      }
    }
    const task = await stack.request(parties.adem, 'GET', `/v1/tasks/${ademTask.id}`);
    expect(task.body).toMatchObject({ status: 'open', assignee: null });
  });

  it('answers 404, not 500, for a case id that is not a uuid', async () => {
    expect((await stack.request(stack.parties.employer, 'GET', '/v1/cases/not-a-uuid')).status).toBe(404);
  });
});
