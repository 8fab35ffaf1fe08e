import type { z } from 'zod';
import { findDecision, revokeDecision, type DecisionRow } from '../db/recognition-credentials.js';
import type { Caller } from '../domain/caller.js';
import type { RegisteredDecision, revocationSchema } from '../domain/recognition.js';
import { mayDecideRecognitions } from './access.js';
import { conflict, forbidden, notFound, ok, type Outcome } from './outcome.js';
import { sendNotice } from './send-notice.js';
import type { Services } from './services.js';

export type Revocation = z.infer<typeof revocationSchema>;

/** A decision with its revocation, as the officer who revoked it reads it. */
export interface RevokedDecision {
  recognitionId: string;
  decision: RegisteredDecision;
  reasons: string | null;
  decidedAt: string;
  revocation: { revokedAt: string; revokedBy: string; reasons: string };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A recognition officer revokes a decision (found wrong, or obtained by fraud): it is no
 * precedent any more, its credential verifies as revoked, and the applicant is told.
 */
export async function revokeRecognition(services: Services, caller: Caller, recognitionId: string, revocation: Revocation): Promise<Outcome<RevokedDecision>> {
  const { db, config } = services;
  if (!mayDecideRecognitions(caller, config)) return forbidden("Only the ministry's recognition officers revoke a recognition");
  if (!uuid.test(recognitionId) || !(await findDecision(db, recognitionId))) return notFound('recognition');
  const revoked = await revokeDecision(db, { recognitionId, by: caller.userId, reasons: revocation.reasons, at: new Date() });
  // Told even when the revocation was recorded before and the answer lost: the notice is sent once.
  await sendNotice(services, { key: `recognition-${recognitionId}.revoked`, kind: 'recognition_notice', recognitionId, notice: 'revoked' });
  if (!revoked) return conflict('Already revoked', 'This recognition is revoked already');
  return ok(revokedDecision(revoked));
}

function revokedDecision(row: DecisionRow): RevokedDecision {
  return {
    recognitionId: row.recognition_id,
    decision: row.decision,
    reasons: row.reasons,
    decidedAt: row.decided_at.toISOString(),
    revocation: { revokedAt: row.revoked_at!.toISOString(), revokedBy: row.revoked_by!, reasons: row.revocation_reasons! },
  };
}
