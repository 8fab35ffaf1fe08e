import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevIssuer } from '../../infra/dev-issuer.js';
import { callerNames, everyCaller, type CallerName } from '../support/every-caller.js';
import { createKnownObjects, type KnownObjects } from '../support/known-objects.js';
import { operations } from '../support/openapi-operations.js';
import { expectProblem, sendRaw, withoutInstance } from '../support/problem-answers.js';
import { recognitionRequest } from '../support/sample-recognition.js';
import { pdf } from '../support/sample-pdf.js';
import { startTestStack, type Party, type Reply, type TestStack } from '../support/stack.js';

/**
 * Who may call what, as a table written from the rules of application/access.ts (and the
 * order in which each operation applies them), not from what the API answers: every
 * operation of the OpenAPI document, on objects that exist, by a user of every kind of
 * organisation that has users and of a second organisation of the same kind, and with a
 * missing, an expired and a forged token.
 *
 * - `allowed`: past authorisation (a success, or a refusal of the request itself: 400, 409, 412);
 * - `forbidden`: 403, where the caller sees the object (or none is named) and may not act;
 * - `hidden`: 404, exactly as for an id that does not exist, so nothing tells it exists;
 * - `absent`: the caller may, but the object is not there yet (no contract, no certificate): 404.
 */

type Expected = 'allowed' | 'forbidden' | 'hidden' | 'absent';

/** The parties of the known case (its employer, the reviewers with a task in it, the ministry with its officers): the case scope of access.ts. */
const seeCase: CallerName[] = ['employer', 'adem', 'chamber', 'school', 'ministry', 'officer'];
/** The recognition's applicant and the recognition staff: recognitionStanding. */
const seeRecognition: CallerName[] = ['applicant', 'officer'];

const everyone = (): Expected => 'allowed';
const only =
  (allowed: CallerName[]) =>
  (caller: CallerName): Expected =>
    allowed.includes(caller) ? 'allowed' : 'forbidden';
/** An operation on an object: hidden from those who do not see it, forbidden to those who see it but may not act. */
const onObject =
  (seers: CallerName[], actors: CallerName[], ifAllowed: Expected = 'allowed') =>
  (caller: CallerName): Expected =>
    !seers.includes(caller) ? 'hidden' : actors.includes(caller) ? ifAllowed : 'forbidden';
const onCase = (actors: CallerName[] = seeCase, ifAllowed?: Expected) => onObject(seeCase, actors, ifAllowed);
/** ADEM's task: its own; the case's other parties see it but may not touch it (taskStanding). */
const onAdemTask = onObject(seeCase, ['adem']);
const onRecognition = (actors: CallerName[], ifAllowed?: Expected) => onObject(seeRecognition, actors, ifAllowed);

interface Ids extends KnownObjects {}

interface Row {
  method: string;
  /** The OpenAPI path it exercises. */
  operation: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  headers?: Record<string, string>;
  /** A file upload instead of JSON. */
  file?: boolean;
  expected: (caller: CallerName) => Expected;
}

const get = (operation: string, path: Row['path'], expected: Row['expected']): Row => ({ method: 'GET', operation, path, expected });
const post = (operation: string, path: Row['path'], expected: Row['expected'], body?: Row['body'], extra: Partial<Row> = {}): Row => ({ method: 'POST', operation, path, expected, body, ...extra });

let stack: TestStack;
let known: KnownObjects;
let callers: Record<CallerName, Party>;

/** Reads first, then writes that leave the known objects as they are, then the few that change them (a task answered, the case withdrawn). */
const matrix: Row[] = [
  get('/v1/me', () => '/v1/me', everyone),
  get('/v1/organisations', () => '/v1/organisations', everyone),
  get('/v1/cases', () => '/v1/cases', everyone),
  get('/v1/tasks', () => '/v1/tasks', everyone),
  get('/v1/reference', () => '/v1/reference', everyone),
  get('/v1/reference/{table}', () => '/v1/reference/trades', everyone),
  get('/v1/reference/{table}/versions', () => '/v1/reference/trades/versions', everyone),
  get('/v1/cases/{id}', (ids) => `/v1/cases/${ids.case}`, onCase()),
  get('/v1/cases/{id}/history', (ids) => `/v1/cases/${ids.case}/history`, onCase()),
  get('/v1/cases/{id}/course', (ids) => `/v1/cases/${ids.case}/course`, onCase()),
  // mayReadDocuments: the parties the case names now, and the ministry.
  get('/v1/cases/{id}/documents', (ids) => `/v1/cases/${ids.case}/documents`, onCase()),
  get('/v1/cases/{id}/documents/{documentId}', (ids) => `/v1/cases/${ids.case}/documents/${ids.document}`, onCase()),
  get('/v1/cases/{id}/contract', (ids) => `/v1/cases/${ids.case}/contract`, onCase(seeCase, 'absent')),
  get('/v1/cases/{id}/contract/versions/{version}/document', (ids) => `/v1/cases/${ids.case}/contract/versions/1/document`, onCase(seeCase, 'absent')),
  get('/v1/tasks/{id}', (ids) => `/v1/tasks/${ids.task}`, onAdemTask),
  // mayDecideRecognitions: the ministry's recognition officers, and no one else, not even the ministry's other users.
  get('/v1/recognitions/processing-times', () => '/v1/recognitions/processing-times', only(['officer'])),
  get('/v1/recognitions', () => '/v1/recognitions', only(['officer', 'applicant', 'otherApplicant'])),
  // mayReadReports: the ministry's users, whatever their role.
  get('/v1/reports/greater-region', () => '/v1/reports/greater-region?schoolYear=2027-2028', only(['ministry', 'officer'])),
  get('/v1/reports/greater-region.csv', () => '/v1/reports/greater-region.csv?schoolYear=2027-2028', only(['ministry', 'officer'])),
  get('/v1/recognitions/{id}', (ids) => `/v1/recognitions/${ids.recognition}`, onRecognition(seeRecognition)),
  get('/v1/recognitions/{id}/documents', (ids) => `/v1/recognitions/${ids.recognition}/documents`, onRecognition(seeRecognition)),
  get('/v1/recognitions/{id}/documents/{documentId}', (ids) => `/v1/recognitions/${ids.recognition}/documents/${ids.recognitionDocument}`, onRecognition(seeRecognition)),
  get('/v1/recognitions/{id}/certificate', (ids) => `/v1/recognitions/${ids.recognition}/certificate`, onRecognition(seeRecognition, 'absent')),
  get('/credentials/jwks.json', () => '/credentials/jwks.json', everyone),
  get('/sign/{token}', () => `/sign/${'A'.repeat(43)}`, () => 'absent'),
  get('/sign/{token}/contract.pdf', () => `/sign/${'A'.repeat(43)}/contract.pdf`, () => 'absent'),

  // mayActAsEmployer: any employer submits.
  post('/v1/cases', () => '/v1/cases', only(['employer', 'otherEmployer']), () => stack.caseRequest()),
  // A stale If-Match: the employer reaches the revision check, so nothing is amended.
  post('/v1/cases/{id}/amendments', (ids) => `/v1/cases/${ids.case}/amendments`, onCase(['employer']), () => stack.caseRequest(), { headers: { 'If-Match': '"r999"' } }),
  post('/v1/cases/{id}/extension', (ids) => `/v1/cases/${ids.case}/extension`, onCase(['employer']), () => ({ agreed: true })),
  // The contract's course: any party of the case reaches the workflow, which says what is possible (nothing, in review).
  post('/v1/cases/{id}/changes', (ids) => `/v1/cases/${ids.case}/changes`, onCase(), () => ({ kind: 'tutor', effectiveOn: '2030-01-01', tutor: { name: 'Marc Schmit' } })),
  post('/v1/cases/{id}/suspension', (ids) => `/v1/cases/${ids.case}/suspension`, onCase(), () => ({ from: '2030-01-01' })),
  post('/v1/cases/{id}/resumption', (ids) => `/v1/cases/${ids.case}/resumption`, onCase(), () => ({ on: '2030-02-01' })),
  post('/v1/cases/{id}/termination', (ids) => `/v1/cases/${ids.case}/termination`, onCase(), () => ({ kind: 'mutual_agreement', effectiveOn: '2030-01-01' })),
  post('/v1/cases/{id}/changes/{changeId}/withdraw', (ids) => `/v1/cases/${ids.case}/changes/${randomUUID()}/withdraw`, onCase()),
  // mayAttachDocuments: the case's employer.
  post('/v1/cases/{id}/documents', (ids) => `/v1/cases/${ids.case}/documents?kind=school_report`, onCase(['employer']), undefined, { file: true }),
  post('/v1/cases/{id}/contract/scans', (ids) => `/v1/cases/${ids.case}/contract/scans`, onCase(['employer']), (ids) => ({ documentId: ids.document, signers: ['employer'] })),
  post('/v1/cases/{id}/contract/revisions', (ids) => `/v1/cases/${ids.case}/contract/revisions`, onCase(['employer']), () => ({ tutor: { name: 'Marc Schmit' } })),
  // mayPublishReference: the ministry's organisation. The same row twice: refused after the check, so nothing is published.
  post('/v1/reference/{table}/versions', () => '/v1/reference/trades/versions', only(['ministry', 'officer']), () => {
    const row = { code: 'DAP-ACCESS', names: { fr: 'Accès', de: 'Zugang', en: 'Access' }, chamberOrganisationId: null, qualification: 'DAP', standardDurationYears: 3, minDurationMonths: 36, maxDurationMonths: 36, crossBorderListed: true };
    return { validFrom: '2099-01-01', legalReference: 'Règlement grand-ducal (test)', rows: [row, row] };
  }),
  // mayApplyForRecognition: any applicant.
  post('/v1/recognitions', () => '/v1/recognitions', only(['applicant', 'otherApplicant']), () => recognitionRequest(callers.applicant)),
  post('/v1/recognitions/{id}/claim', (ids) => `/v1/recognitions/${ids.recognition}/claim`, onRecognition(['officer'])),
  post('/v1/recognitions/{id}/unclaim', (ids) => `/v1/recognitions/${ids.recognition}/unclaim`, onRecognition(['officer'])),
  post('/v1/recognitions/{id}/documents', (ids) => `/v1/recognitions/${ids.recognition}/documents?kind=transcript&language=fr`, onRecognition(['applicant']), undefined, { file: true }),
  // Documents are missing: the applicant's submission is refused for that, after the check.
  post('/v1/recognitions/{id}/submission', (ids) => `/v1/recognitions/${ids.recognition}/submission`, onRecognition(['applicant']), () => ({})),
  post('/v1/recognitions/{id}/document-request', (ids) => `/v1/recognitions/${ids.recognition}/document-request`, onRecognition(['officer']), () => ({ documents: [{ kind: 'diploma', problem: 'unreadable' }] })),
  post('/v1/recognitions/{id}/payment', (ids) => `/v1/recognitions/${ids.recognition}/payment`, onRecognition(['officer']), () => ({ amountCents: 7_500, paidOn: '2026-11-02', reference: 'VIR-1' })),
  post('/v1/recognitions/{id}/decision', (ids) => `/v1/recognitions/${ids.recognition}/decision`, onRecognition(['officer']), () => ({ outcome: 'refusal', reasons: 'Not comparable' })),
  post('/v1/recognitions/{id}/approval', (ids) => `/v1/recognitions/${ids.recognition}/approval`, onRecognition(['officer']), () => ({ approved: true })),
  // Checked before the recognition is looked up: others learn nothing; an officer finds no decision to revoke yet.
  post('/v1/recognitions/{id}/revocation', (ids) => `/v1/recognitions/${ids.recognition}/revocation`, (caller) => (caller === 'officer' ? 'absent' : 'forbidden'), () => ({ reasons: 'Obtained by fraud' })),
  post('/credentials/verify', () => '/credentials/verify', everyone, () => ({ credential: 'not.a.credential' })),
  post('/sign/{token}', () => `/sign/${'A'.repeat(43)}`, () => 'absent', () => ({ documentSha256: 'a'.repeat(64) })),

  // ADEM's task: only ADEM works it (ownTask, before anything else); marie.adem supervises, so she also assigns it.
  post('/v1/tasks/{id}/claim', (ids) => `/v1/tasks/${ids.task}/claim`, onAdemTask),
  post('/v1/tasks/{id}/unclaim', (ids) => `/v1/tasks/${ids.task}/unclaim`, onAdemTask),
  post('/v1/tasks/{id}/assign', (ids) => `/v1/tasks/${ids.task}/assign`, onAdemTask, () => ({ userId: 'luc.adem' })),
  post('/v1/tasks/{id}/complete', (ids) => `/v1/tasks/${ids.task}/complete`, onAdemTask, () => ({ outcome: 'favourable', reasons: 'Fine' })),
  post('/v1/cases/{id}/withdraw', (ids) => `/v1/cases/${ids.case}/withdraw`, onCase(['employer']), () => ({})),
];

const isPublic = (row: Row) => !row.path(known).startsWith('/v1/');

async function send(party: Party | undefined, row: Row, ids: Ids): Promise<Reply> {
  const body = row.file ? pdf('Access matrix') : row.body === undefined ? undefined : JSON.stringify(row.body(ids));
  const headers = { ...row.headers, ...(row.file ? { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="access.pdf"' } : {}) };
  return sendRaw(stack.apiUrl(), party, row.method, row.path(ids), body, headers);
}

/** The known objects' ids, each swapped for one that names nothing. */
const unknownIds = (): Ids => ({ ...known, case: randomUUID(), task: randomUUID(), recognition: randomUUID() });

beforeAll(async () => {
  stack = await startTestStack();
  callers = await everyCaller(stack);
  known = await createKnownObjects(stack, callers.applicant);
});
afterAll(() => stack.stop());

describe('the access matrix', () => {
  it('covers every operation of the OpenAPI document', async () => {
    const documented = (await operations(stack)).map((o) => `${o.method} ${o.path}`);
    expect(new Set(matrix.map((row) => `${row.method} ${row.operation}`))).toEqual(new Set(documented));
  });

  it('answers 401 to a missing, an expired and a forged token on every operation that needs one, and lets the public ones through', async () => {
    const { config } = stack;
    const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'dev-issuer' }).setSubject(callers.ministry.userId).setIssuer(config.AUTH_ISSUER).setAudience(config.AUTH_AUDIENCE).setExpirationTime('1h').sign(privateKey);
    const badTokens: [string, Party | undefined][] = [
      ['missing', undefined],
      ['expired', { ...callers.ministry, token: await issuer.issueToken(callers.ministry.userId, '-1m') }],
      ['forged', { ...callers.ministry, token: forged }],
    ];
    for (const row of matrix) {
      for (const [kind, party] of badTokens) {
        const reply = await send(party, row, known);
        const what = `${kind} token: ${row.method} ${row.operation} → ${reply.status}`;
        if (isPublic(row)) {
          expect(reply.status, what).not.toBe(401);
          continue;
        }
        expect(reply.status, what).toBe(401);
        expect(reply.headers.get('www-authenticate'), what).toBe('Bearer');
        expectProblem(reply, what);
      }
    }
  });

  it('lists an object to those who see it and to no one else', async () => {
    const lists: [string, (ids: Ids) => string, CallerName[]][] = [
      ['/v1/cases?limit=200', (ids) => ids.case, seeCase],
      // A task is its organisation's: the case's other parties see it in the case, not in their queue.
      ['/v1/tasks?status=all&limit=200', (ids) => ids.task, ['adem']],
      ['/v1/recognitions?limit=200', (ids) => ids.recognition, seeRecognition],
    ];
    for (const [path, idOf, seers] of lists) {
      for (const caller of callerNames) {
        const reply = await sendRaw(stack.apiUrl(), callers[caller], 'GET', path);
        const listed = reply.status === 200 && reply.body.items.some((item: { id: string }) => item.id === idOf(known));
        expect({ caller, path, listed }).toEqual({ caller, path, listed: seers.includes(caller) });
      }
    }
  });

  it('lets only the allowed callers through; a denied read of an existing object answers as one of no object', async () => {
    const mismatches: string[] = [];
    for (const row of matrix) {
      // The denied first, then the allowed, whose writes may change the objects.
      const order = [...callerNames].sort((a, b) => Number(row.expected(a) === 'allowed') - Number(row.expected(b) === 'allowed'));
      for (const caller of order) {
        const expected = row.expected(caller);
        const reply = await send(callers[caller], row, known);
        const what = `${caller} ${row.method} ${row.operation} → ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`;
        expect(reply.status, what).toBeLessThan(500);
        const status = reply.status;
        // An allowed read is answered; an allowed write is past authorisation, whatever the request itself then meets.
        const allowed = row.method === 'GET' ? status === 200 : ![401, 403, 404].includes(status);
        const ok = expected === 'allowed' ? allowed : expected === 'forbidden' ? status === 403 : status === 404;
        if (!ok) {
          mismatches.push(`expected ${expected}: ${what}`);
          continue;
        }
        if (status >= 400) expectProblem(reply, what);
        if (expected === 'hidden') {
          const unknown = await send(callers[caller], row, unknownIds());
          expect({ status: unknown.status, body: withoutInstance(unknown.body) }, what).toEqual({ status, body: withoutInstance(reply.body) });
          expect(unknown.headers.get('content-type'), what).toBe(reply.headers.get('content-type'));
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
