import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { issueSigningLink, markContractSigned, markSigningLinkUsed, recordSignature, voidSignerLinks, voidEarlierVersions, type LinkSigner } from '../db/signatures.js';
import type { Signature } from '../domain/apprenticeship.js';
import type { CaseRequest } from '../domain/case-request.js';
import { caseReference } from '../domain/case-reference.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import type { Mailer } from '../infra/mailer.js';
import { deliverOnce, delivered, tradeName } from './mail-delivery.js';
import { messagesIn } from './mail-messages.js';

/** One mailing of a personal signing link; `key` names it, so a retry mails it once. */
export interface SigningLinkMailing {
  key: string;
  caseId: string;
  contractVersion: number;
  signer: LinkSigner;
  expiresAt: string;
}

/**
 * The contract's signatures on the query side, and the personal links they are given through.
 * The apprentice and the legal representative have no account: they sign through a link
 * mailed to them. The token is made here and goes into the mail only; the database keeps
 * its hash. A retry before the mail left issues a new token and voids the unsent one.
 */
export function createSignatureActivities({ db, mailer, from, publicBaseUrl }: { db: Kysely<Database>; mailer: Mailer; from: string; publicBaseUrl: string }) {
  return {
    async sendSigningLink(mailing: SigningLinkMailing): Promise<void> {
      const row = await db
        .selectFrom('cases')
        .innerJoin('organisations as employer', 'employer.id', 'cases.employer_organisation_id')
        .select(['cases.request', 'cases.eligibility', 'cases.trade_code', 'employer.language'])
        .where('cases.id', '=', mailing.caseId)
        .executeTakeFirstOrThrow();
      const to = mailing.signer === 'apprentice' ? row.request.apprentice.email : row.request.legalRepresentative?.email;
      // Eligibility asks for both addresses: a case without one was authorised before it did.
      if (!to) return;
      const key = `${mailing.key}/${to}`;
      if (await delivered(db, key)) return;
      const token = await issueSigningLink(db, { ...mailing, expiresAt: new Date(mailing.expiresAt) });
      // The contract's language: the employer's.
      const t = messagesIn(row.language);
      const values = {
        reference: caseReference(mailing.caseId),
        trade: tradeName(row, row.language),
        role: t(`signingLink.${mailing.signer}`),
        expiresOn: luxembourgDate(mailing.expiresAt),
        link: `${publicBaseUrl}/sign/${token}`,
      };
      await deliverOnce({ db, mailer, from }, key, { to, language: row.language, subject: t('signingLink.subject', values), text: t('signingLink.body', values) });
    },

    /** Keeps who signed which version, when and the hash signed; the link signed through is spent. */
    async recordSignature({ caseId, signature, linkId }: { caseId: string; signature: Signature; linkId?: string | undefined }): Promise<void> {
      await recordSignature(db, caseId, signature);
      if (linkId) await markSigningLinkUsed(db, linkId, signature.at);
      else if (signature.signer !== 'employer') await voidSignerLinks(db, caseId, signature.signer, signature.at);
    },

    async recordContractSigned({ caseId, contractVersion }: { caseId: string; contractVersion: number }): Promise<void> {
      await markContractSigned(db, caseId, contractVersion);
    },

    async voidEarlierContractVersions({ caseId, beforeVersion, at }: { caseId: string; beforeVersion: number; at: string }): Promise<void> {
      await voidEarlierVersions(db, caseId, beforeVersion, at);
    },

    /** The employer corrected authorised data the contract states: the case shows the request as corrected. */
    async recordRequestCorrection({ caseId, request }: { caseId: string; request: CaseRequest }): Promise<void> {
      await db.updateTable('cases').set({ request: JSON.stringify(request) }).where('id', '=', caseId).execute();
    },
  };
}

export type SignatureActivities = ReturnType<typeof createSignatureActivities>;
