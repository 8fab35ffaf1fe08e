import type { Kysely } from 'kysely';
import type { CaseRequest } from '../domain/case-request.js';
import type { ContractTerms, Signer } from '../domain/contract.js';
import type { Eligibility } from '../domain/eligibility.js';
import { appendEvent, type CaseEventData } from './events.js';
import type { Database } from './schema.js';

/** What a contract is drawn up from: the authorised request, its check, and the names of the organisations it binds. */
export async function contractSources(db: Kysely<Database>, caseId: string) {
  const row = await db.selectFrom('cases').select(['request', 'participants', 'eligibility']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const request = row.request as CaseRequest;
  const employerId = row.participants.employer!;
  const organisations = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'language'])
    .where('id', 'in', [employerId, request.foreignSchool.organisationId])
    .execute();
  const organisation = (id: string) => {
    const found = organisations.find((o) => o.id === id);
    if (!found) throw new Error(`case ${caseId}: organisation ${id} is unknown`);
    return found;
  };
  return { request, eligibility: row.eligibility as Eligibility | null, employer: organisation(employerId), school: organisation(request.foreignSchool.organisationId) };
}

export interface NewContract {
  terms: ContractTerms;
  sha256: string;
  size: number;
  drawnUpAt: string;
  /** Where the workflow places the event in the case's log. */
  sequence?: number | undefined;
  signaturesDueAt?: string | undefined;
}

/**
 * Records a version of the contract and logs it, together. A version is drawn up once: the
 * first record stands, and the one stored is answered.
 */
export async function recordContract(db: Kysely<Database>, contract: NewContract): Promise<{ sha256: string; size: number }> {
  const { terms, sha256, drawnUpAt } = contract;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('contracts')
      .values({ case_id: terms.caseId, version: terms.version, sha256, size: contract.size, language: terms.language, terms: JSON.stringify(terms), drawn_up_at: drawnUpAt })
      .onConflict((conflict) => conflict.columns(['case_id', 'version']).doNothing())
      .execute();
    await appendEvent(trx, {
      key: `${terms.caseId}.contract.${terms.version}.drawn_up`,
      caseId: terms.caseId,
      sequence: contract.sequence,
      at: drawnUpAt,
      type: 'contract_drawn_up',
      data: { contractVersion: terms.version, sha256, ...(contract.signaturesDueAt ? { signaturesDueAt: contract.signaturesDueAt } : {}) },
    });
    return (await findContractVersion(trx, terms.caseId, terms.version))!;
  });
}

export function findContractVersion(db: Kysely<Database>, caseId: string, version: number) {
  return db.selectFrom('contracts').select(['version', 'sha256', 'size', 'language']).where('case_id', '=', caseId).where('version', '=', version).executeTakeFirst();
}

/** Every version of a case's contract, the first first. */
export function contractVersions(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('contracts')
    .select(['version', 'sha256', 'size', 'language', 'drawn_up_at', 'status', 'registration_number', 'registered_at'])
    .where('case_id', '=', caseId)
    .orderBy('version')
    .execute();
}

/** Who signed which version of a case's contract, in the order they signed. */
export function contractSignatures(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('signatures')
    .select(['contract_version', 'signer', 'method', 'signed_at', 'sha256', 'voided_at'])
    .where('case_id', '=', caseId)
    .orderBy('signed_at')
    .orderBy('contract_version')
    .execute();
}

export type ContractVersionRow = Awaited<ReturnType<typeof contractVersions>>[number];
export type SignatureRow = Awaited<ReturnType<typeof contractSignatures>>[number];

/** Each version's signature deadline, as its log tells it: when due, and the signatures missing if it passed without them. */
export async function signatureDeadlines(db: Kysely<Database>, caseId: string) {
  const rows = await db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('case_id', '=', caseId)
    .where('type', 'in', ['contract_drawn_up', 'signature_deadline_passed'])
    .execute();
  const deadlines = new Map<number, { dueAt: string; passed: boolean; missing: Signer[] }>();
  for (const { type, data } of rows) {
    if (type === 'contract_drawn_up') {
      const { contractVersion, signaturesDueAt } = data as CaseEventData['contract_drawn_up'];
      if (signaturesDueAt) deadlines.set(contractVersion, { dueAt: signaturesDueAt, passed: false, missing: [], ...deadlines.get(contractVersion) });
    } else {
      const { contractVersion, dueAt, missing } = data as CaseEventData['signature_deadline_passed'];
      deadlines.set(contractVersion, { dueAt, passed: true, missing });
    }
  }
  return deadlines;
}
