import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueCredential } from '../../activities/recognition-credential.js';
import { credentialPayload, type CertificateFacts } from '../../domain/credential.js';
import { luxembourgDate } from '../../domain/luxembourg-date.js';
import { diplomaTypeKey, type RecognitionRequest } from '../../domain/recognition.js';
import { credentialKeysFor, loadCredentialKeys, type CredentialKeys } from '../../infra/credential-keys.js';
import { equivalenceFacts } from '../support/sample-certificate.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

let stack: TestStack;
let keys: CredentialKeys;
let officer: Party;
let connection: Connection;
const otherKeyFolder = mkdtempSync(path.join(tmpdir(), 'another-ministry-'));
beforeAll(async () => {
  stack = await startTestStack();
  // The same configuration as the stack's worker and API: the same key and issuer.
  keys = await credentialKeysFor(stack.config);
  officer = await stack.colleague(stack.parties.ministry, 'claude.reding');
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await connection?.close();
  await stack.stop();
  rmSync(otherKeyFolder, { recursive: true, force: true });
});

/** A decided equivalence and its credential, recorded as the recognition records them; its facts and JWT. */
async function issuedEquivalence(): Promise<{ facts: CertificateFacts; jwt: string }> {
  const recognitionId = randomUUID();
  const facts: CertificateFacts = { ...equivalenceFacts, recognitionId, credentialId: randomUUID(), verificationUrl: `${stack.apiUrl()}/credentials/verify` };
  const applicant = `applicant-${recognitionId}`;
  await stack.db.insertInto('organisations').values({ id: applicant, kind: 'applicant', name: 'Lena Roth', email: `${applicant}@example.fr`, language: 'fr', country: 'FR', region: null }).execute();
  await stack.db.insertInto('users').values({ id: applicant, organisation_id: applicant, name: 'Lena Roth', email: `${applicant}@example.fr`, language: 'fr' }).execute();
  const request: RecognitionRequest = {
    holder: { ...facts.holder, email: `${applicant}@example.fr`, language: 'fr' },
    diploma: facts.diploma,
    awardedOn: facts.awardedOn,
    schoolName: facts.schoolName,
    europassSupplementExists: false,
  };
  await stack.db
    .insertInto('recognitions')
    .values({
      id: recognitionId,
      workflow_id: `recognition-${recognitionId}`,
      applicant_user_id: applicant,
      applicant_organisation_id: applicant,
      request: JSON.stringify(request),
      diploma_country: facts.diploma.country,
      diploma_key: diplomaTypeKey(facts.diploma),
      status: 'recognised',
      required_documents: JSON.stringify(['diploma', 'transcript', 'identity_document']),
      fee_cents: 7_500,
      requested_at: '2026-09-01T08:00:00Z',
      updated_at: facts.decidedAt,
      decided_at: facts.decidedAt,
    })
    .execute();
  await stack.db
    .insertInto('recognition_decisions')
    .values({
      recognition_id: recognitionId,
      diploma_key: diplomaTypeKey(facts.diploma),
      diploma: JSON.stringify(facts.diploma),
      decision: JSON.stringify(facts.decision),
      proposed_by: 'claude.reding',
      approved_by: 'nadia.schroeder',
      decided_at: facts.decidedAt,
    })
    .execute();
  const { jwt } = await issueCredential(stack.db, keys, { ...facts, credentialId: facts.credentialId! });
  return { facts, jwt };
}

const verify = (credential: unknown) => stack.request(undefined, 'POST', '/credentials/verify', { credential });

/** The JWT with one character of its payload changed, re-encoded, its signature kept. */
function tampered(jwt: string): string {
  const [header, payload, signature] = jwt.split('.');
  const text = Buffer.from(payload!, 'base64url').toString('utf8').replace('"Lena"', '"Lina"');
  return [header, Buffer.from(text, 'utf8').toString('base64url'), signature].join('.');
}

describe('a recognition credential, checked by anyone', () => {
  it('is valid when the ministry signed and issued it, showing only what the certificate shows', async () => {
    const { facts, jwt } = await issuedEquivalence();
    const reply = await verify(jwt);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: 'valid',
      credentialId: `urn:uuid:${facts.credentialId}`,
      holder: { givenName: 'Lena', familyName: 'Roth' },
      diploma: facts.diploma,
      qualification: 'DAP',
      level: 3,
      decidedOn: '2026-10-15',
    });
    expect(reply.headers.get('cache-control')).toBe('no-store');
    // A page on any origin may ask.
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${stack.apiUrl()}/credentials/verify`, { method: 'OPTIONS', headers: { origin: 'https://wallet.example.eu', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('is issued once: issued again (a retried activity), the first signed credential stands', async () => {
    const { facts, jwt } = await issuedEquivalence();
    expect(await issueCredential(stack.db, keys, { ...facts, credentialId: randomUUID() })).toEqual({ id: facts.credentialId, jwt });
  });

  it('is unknown when tampered with, signed by another key, never issued, or not a JWT at all', async () => {
    const { facts, jwt } = await issuedEquivalence();
    expect(tampered(jwt)).not.toBe(jwt);
    expect((await verify(tampered(jwt))).body).toEqual({ status: 'unknown' });

    const forger = await loadCredentialKeys({ dataDir: otherKeyFolder, issuer: keys.issuer });
    const forged = await forger.sign(credentialPayload(facts, keys.issuer));
    expect((await verify(forged)).body).toEqual({ status: 'unknown' });

    const neverIssued = await keys.sign(credentialPayload({ ...facts, credentialId: randomUUID() }, keys.issuer));
    expect((await verify(neverIssued)).body).toEqual({ status: 'unknown' });
    // Signed by the ministry's key, but not the JWT it issued under this id.
    const reissued = await keys.sign({ ...credentialPayload(facts, keys.issuer), iat: 1 });
    expect((await verify(reissued)).body).toEqual({ status: 'unknown' });

    for (const garbage of ['not a jwt', 'a.b.c', jwt.split('.').slice(0, 2).join('.') + '.']) expect((await verify(garbage)).body).toEqual({ status: 'unknown' });
  });

  it('refuses a body it cannot read as problem JSON', async () => {
    for (const body of [{}, { credential: 42 }, { credential: '' }, { credential: 'x', extra: true }]) {
      const reply = await stack.request(undefined, 'POST', '/credentials/verify', body);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('is checked with the published keys alone, which hold no private part', async () => {
    const { facts, jwt } = await issuedEquivalence();
    const reply = await stack.request(undefined, 'GET', '/credentials/jwks.json');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toContain('public');
    expect(JSON.stringify(reply.body)).not.toContain('"d"');
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(reply.body), { issuer: keys.issuer });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: reply.body.keys[0].kid });
    expect(payload).toMatchObject({ jti: `urn:uuid:${facts.credentialId}`, vc: { type: ['VerifiableCredential', 'EuropeanDigitalCredential'] } });
    await expect(jwtVerify(tampered(jwt), createLocalJWKSet(reply.body))).rejects.toThrow();
  });
});

describe('a revoked recognition', () => {
  it('is revoked by a recognition officer, tells the applicant, and its credential then verifies as revoked without the reasons', async () => {
    const { facts, jwt } = await issuedEquivalence();
    const reasons = 'The diploma presented was found to be forged';
    const reply = await stack.request(officer, 'POST', `/v1/recognitions/${facts.recognitionId}/revocation`, { reasons });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      recognitionId: facts.recognitionId,
      decision: { outcome: 'equivalence', qualification: 'DAP', level: 3 },
      revocation: { revokedBy: 'claude.reding', reasons },
    });
    // The day in Luxembourg, which an hour before UTC midnight is already the next one.
    const revokedOn = luxembourgDate(reply.body.revocation.revokedAt);

    const verified = await verify(jwt);
    expect(verified.body).toMatchObject({ status: 'revoked', credentialId: `urn:uuid:${facts.credentialId}`, qualification: 'DAP', revokedOn });
    expect(JSON.stringify(verified.body)).not.toContain('forged');

    const notice = await new Client({ connection }).workflow.getHandle(`notification-recognition-${facts.recognitionId}.revoked`).describe();
    expect(notice.type).toBe('deliverNotification');

    const again = await stack.request(await stack.colleague(stack.parties.ministry, 'nadia.schroeder'), 'POST', `/v1/recognitions/${facts.recognitionId}/revocation`, { reasons });
    expect(again.status).toBe(409);
  });

  it('is revoked only by a recognition officer, of a decided recognition, with reasons', async () => {
    const { facts, jwt } = await issuedEquivalence();
    const path = `/v1/recognitions/${facts.recognitionId}/revocation`;
    expect((await stack.request(stack.parties.ministry, 'POST', path, { reasons: 'No' })).status).toBe(403);
    expect((await stack.request(stack.parties.employer, 'POST', path, { reasons: 'No' })).status).toBe(403);
    expect((await stack.request(undefined, 'POST', path, { reasons: 'No' })).status).toBe(401);
    expect((await stack.request(officer, 'POST', path, {})).status).toBe(400);
    expect((await stack.request(officer, 'POST', path, { reasons: '  ' })).status).toBe(400);
    expect((await stack.request(officer, 'POST', `/v1/recognitions/${randomUUID()}/revocation`, { reasons: 'No' })).status).toBe(404);
    expect((await stack.request(officer, 'POST', '/v1/recognitions/not-an-id/revocation', { reasons: 'No' })).status).toBe(404);
    expect((await verify(jwt)).body.status).toBe('valid');
  });
});
