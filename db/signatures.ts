import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Signer } from '../domain/contract.js';
import type { Database } from './schema.js';

export type LinkSigner = Exclude<Signer, 'employer'>;

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A new link for a signer of one contract version; it voids the signer's earlier unused links,
 * so only the latest mail signs. Returns the token: the caller mails it and keeps it nowhere.
 */
export async function issueSigningLink(db: Kysely<Database>, link: { caseId: string; contractVersion: number; signer: LinkSigner; expiresAt: Date }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signing_links')
      .set({ voided_at: new Date() })
      .where('case_id', '=', link.caseId)
      .where('signer', '=', link.signer)
      .where('used_at', 'is', null)
      .where('voided_at', 'is', null)
      .execute();
    await trx
      .insertInto('signing_links')
      .values({ id: randomUUID(), token_hash: hashOf(token), case_id: link.caseId, contract_version: link.contractVersion, signer: link.signer, expires_at: link.expiresAt })
      .execute();
  });
  return token;
}

/** The link a token opens, if any, with where its case stands. */
export async function findSigningLink(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('signing_links')
    .innerJoin('cases', 'cases.id', 'signing_links.case_id')
    .selectAll('signing_links')
    .select('cases.status as case_status')
    .where('token_hash', '=', hashOf(token))
    .executeTakeFirst();
}

export type SigningLinkRow = NonNullable<Awaited<ReturnType<typeof findSigningLink>>>;

/** The signer's signature came another way (a scan): their links sign nothing more. */
export async function voidSignerLinks(db: Kysely<Database>, caseId: string, signer: LinkSigner, at: string): Promise<void> {
  await db.updateTable('signing_links').set({ voided_at: at }).where('case_id', '=', caseId).where('signer', '=', signer).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
}

/** The link has signed: it opens nothing any more. */
export async function markSigningLinkUsed(db: Kysely<Database>, linkId: string, at: string): Promise<void> {
  await db.updateTable('signing_links').set({ used_at: at }).where('id', '=', linkId).where('used_at', 'is', null).execute();
}

/** A signature on a drawn-up version of the contract; recorded once. */
export async function recordSignature(
  db: Kysely<Database>,
  caseId: string,
  signature: { signer: Signer; method: 'online' | 'scan'; contractVersion: number; sha256: string; at: string; userId?: string | undefined; scanDocumentId?: string | undefined },
): Promise<void> {
  await db
    .insertInto('signatures')
    .columns(['case_id', 'contract_version', 'signer', 'method', 'user_id', 'signed_at', 'sha256', 'scan_document_id'])
    // Only a version drawn up (a row of `contracts`) takes signatures.
    .expression(
      db
        .selectFrom('contracts')
        .select((eb) => [
          'case_id',
          'version',
          eb.val(signature.signer).as('signer'),
          eb.val(signature.method).as('method'),
          eb.val(signature.userId ?? null).as('user_id'),
          eb.val(signature.at).as('signed_at'),
          eb.val(signature.sha256).as('sha256'),
          eb.val(signature.scanDocumentId ?? null).as('scan_document_id'),
        ])
        .where('case_id', '=', caseId)
        .where('version', '=', signature.contractVersion),
    )
    .onConflict((conflict) => conflict.columns(['case_id', 'contract_version', 'signer']).doNothing())
    .execute();
}

/** Every signature is on the version: the query side shows the contract signed. */
export async function markContractSigned(db: Kysely<Database>, caseId: string, version: number): Promise<void> {
  await db.updateTable('contracts').set({ status: 'signed' }).where('case_id', '=', caseId).where('version', '=', version).where('status', '=', 'awaiting_signatures').execute();
}

/** A new version voids the earlier ones, their signatures and the links to sign them. */
export async function voidEarlierVersions(db: Kysely<Database>, caseId: string, beforeVersion: number, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('contracts').set({ status: 'void' }).where('case_id', '=', caseId).where('version', '<', beforeVersion).execute();
    await trx.updateTable('signatures').set({ voided_at: at }).where('case_id', '=', caseId).where('contract_version', '<', beforeVersion).where('voided_at', 'is', null).execute();
    await trx
      .updateTable('signing_links')
      .set({ voided_at: at })
      .where('case_id', '=', caseId)
      .where('contract_version', '<', beforeVersion)
      .where('used_at', 'is', null)
      .where('voided_at', 'is', null)
      .execute();
  });
}
