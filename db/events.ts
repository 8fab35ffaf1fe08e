import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface CaseEvent {
  /** Unique per fact: derived from the workflow step, so a retried write cannot log it twice. */
  key: string;
  caseId: string;
  /** Where the case workflow places the event among its others; absent for events from outside it. */
  sequence?: number | undefined;
  at: string;
  userId?: string | null | undefined;
  organisationId?: string | null | undefined;
  type: string;
  data: Record<string, unknown>;
}

/** Appends to the case's event log; a second write under the same key is ignored. */
export async function appendEvent(db: Kysely<Database> | Transaction<Database>, event: CaseEvent): Promise<void> {
  await db
    .insertInto('events')
    .values({
      key: event.key,
      case_id: event.caseId,
      sequence: event.sequence ?? null,
      occurred_at: event.at,
      actor_user_id: event.userId ?? null,
      actor_organisation_id: event.organisationId ?? null,
      type: event.type,
      data: JSON.stringify(event.data),
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
}
