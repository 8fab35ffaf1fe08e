import { findContractVersion } from '../db/contracts.js';
import { findSigningLink, type SigningLinkRow } from '../db/signatures.js';
import { caseReference } from '../domain/case-reference.js';
import type { Language } from '../domain/language.js';
import type { CaseStatus } from '../domain/parties.js';
import { signContractUpdate } from '../workflows/apprenticeship/contract.js';
import { storedBytes } from './case-documents.js';
import { updateCase } from './case-updates.js';
import { notFound, ok, type Failure, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/** What a personal signing link shows: whose signature it asks for, on which version, of which document. */
export interface SigningInvitation {
  reference: string;
  signer: SigningLinkRow['signer'];
  contractVersion: number;
  sha256: string;
  /** The contract's language: the signing page speaks it unless the browser asks for another. */
  language: Language;
  expiresAt: string;
}

/** A token as the mail holds it: 32 random bytes, base64url. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** A case that ended signs nothing more (a version revised later is signed whatever the status). */
const closedStatuses: readonly CaseStatus[] = ['withdrawn', 'terminated', 'completed'];

const gone = (reason: 'used' | 'voided' | 'expired', title: string, detail: string): Failure => ({ kind: 'gone', reason, title, detail });

/** The link a token opens, while it may still sign; an unknown token is 404, a spent one 410. */
async function liveLink(services: Services, token: string): Promise<Outcome<{ link: SigningLinkRow; invitation: SigningInvitation }>> {
  const link = tokenShape.test(token) ? await findSigningLink(services.db, token) : undefined;
  if (!link) return notFound('signing_link');
  if (link.used_at) return gone('used', 'Link already used', 'This link has signed the contract already; each link signs once.');
  if (link.voided_at) return gone('voided', 'Link no longer valid', 'A newer link, or a new version of the contract, replaces this one: use the latest e-mail you received.');
  if (link.expires_at.getTime() <= Date.now()) return gone('expired', 'Link expired', `This link expired on ${link.expires_at.toISOString()}; the employer can ask for a new one.`);
  if (closedStatuses.includes(link.case_status)) return gone('voided', 'Link no longer valid', `The case is ${link.case_status}: its contract is no longer being signed.`);
  const contract = await findContractVersion(services.db, link.case_id, link.contract_version);
  // A link is mailed once its version is drawn up.
  if (!contract) throw new Error(`signing link ${link.id}: contract version ${link.contract_version} of case ${link.case_id} is not drawn up`);
  return ok({
    link,
    invitation: {
      reference: caseReference(link.case_id),
      signer: link.signer,
      contractVersion: link.contract_version,
      sha256: contract.sha256,
      language: contract.language,
      expiresAt: link.expires_at.toISOString(),
    },
  });
}

/** Opens a signing link: what the signer is asked to sign. */
export async function openSigningLink(services: Services, token: string): Promise<Outcome<SigningInvitation>> {
  const live = await liveLink(services, token);
  return live.kind === 'ok' ? ok(live.value.invitation) : live;
}

/** The PDF a signing link asks to sign. */
export async function signingLinkContract(services: Services, token: string): Promise<Outcome<{ fileName: string; bytes: Buffer }>> {
  const live = await liveLink(services, token);
  if (live.kind !== 'ok') return live;
  const { invitation, link } = live.value;
  return ok({
    fileName: `contract-${invitation.reference}-v${invitation.contractVersion}.pdf`,
    bytes: await storedBytes(services, invitation.sha256, `contract ${link.case_id} version ${invitation.contractVersion}`),
  });
}

/**
 * The apprentice or the legal representative signs through their link the document they were
 * shown (its SHA-256): the case's workflow records it, and the link is spent.
 */
export async function signContract(services: Services, token: string, command: { documentSha256: string }): Promise<Outcome<SigningInvitation>> {
  const live = await liveLink(services, token);
  if (live.kind !== 'ok') return live;
  const { link, invitation } = live.value;
  const signed = await updateCase(services.temporal, link.case_id, signContractUpdate, {
    signer: link.signer,
    contractVersion: link.contract_version,
    documentSha256: command.documentSha256,
    linkId: link.id,
  });
  return signed.kind === 'ok' ? ok(invitation) : signed;
}
