import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('health and the API description', () => {
  it('reports the process up and Postgres and Temporal reachable', async () => {
    expect((await stack.request(undefined, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await stack.request(undefined, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ postgres: 'up', temporal: 'up' });
  });

  it('serves an OpenAPI 3.1 document generated from the request schemas', async () => {
    const { body, status } = await stack.request(undefined, 'GET', '/v1/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/credentials/jwks.json',
      '/credentials/verify',
      '/sign/{token}',
      '/sign/{token}/contract.pdf',
      '/v1/cases',
      '/v1/cases/{id}',
      '/v1/cases/{id}/amendments',
      '/v1/cases/{id}/changes',
      '/v1/cases/{id}/changes/{changeId}/withdraw',
      '/v1/cases/{id}/contract',
      '/v1/cases/{id}/contract/revisions',
      '/v1/cases/{id}/contract/scans',
      '/v1/cases/{id}/contract/versions/{version}/document',
      '/v1/cases/{id}/course',
      '/v1/cases/{id}/documents',
      '/v1/cases/{id}/documents/{documentId}',
      '/v1/cases/{id}/extension',
      '/v1/cases/{id}/history',
      '/v1/cases/{id}/resumption',
      '/v1/cases/{id}/suspension',
      '/v1/cases/{id}/termination',
      '/v1/cases/{id}/withdraw',
      '/v1/me',
      '/v1/organisations',
      '/v1/recognitions',
      '/v1/recognitions/processing-times',
      '/v1/recognitions/{id}',
      '/v1/recognitions/{id}/approval',
      '/v1/recognitions/{id}/certificate',
      '/v1/recognitions/{id}/claim',
      '/v1/recognitions/{id}/decision',
      '/v1/recognitions/{id}/document-request',
      '/v1/recognitions/{id}/documents',
      '/v1/recognitions/{id}/documents/{documentId}',
      '/v1/recognitions/{id}/payment',
      '/v1/recognitions/{id}/revocation',
      '/v1/recognitions/{id}/submission',
      '/v1/recognitions/{id}/unclaim',
      '/v1/reference',
      '/v1/reference/{table}',
      '/v1/reference/{table}/versions',
      '/v1/reports/greater-region',
      '/v1/reports/greater-region.csv',
      '/v1/tasks',
      '/v1/tasks/{id}',
      '/v1/tasks/{id}/assign',
      '/v1/tasks/{id}/claim',
      '/v1/tasks/{id}/complete',
      '/v1/tasks/{id}/unclaim',
    ]);
    // A signing link is its own credential: its door asks for no bearer token.
    expect(body.paths['/sign/{token}'].post.security).toEqual([]);
    // Anyone checks a recognition credential, without an account.
    expect(body.paths['/credentials/verify'].post.security).toEqual([]);
    const submission = body.paths['/v1/cases'].post.requestBody.content['application/json'].schema;
    expect(submission.required).toEqual(expect.arrayContaining(['apprentice', 'tradeCode', 'foreignSchool', 'startDate']));
    // The allowed countries are a rule, checked with the others: the document says so instead of an enum.
    expect(submission.properties.apprentice.properties.residenceCountry).toMatchObject({ type: 'string', description: expect.stringContaining('LU, DE, BE, FR') });
  });

  it('answers an unknown path with a problem document', async () => {
    const reply = await stack.request(stack.parties.employer, 'GET', '/v1/nothing');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});
