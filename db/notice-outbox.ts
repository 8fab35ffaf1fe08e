import { sql, type Kysely, type Transaction } from 'kysely';
import type { Notification } from '../domain/notification.js';
import type { Database } from './schema.js';

/** The channel a dispatcher listens on to send a notice as soon as its transaction commits. */
export const noticeChannel = 'notice_outbox';

/**
 * Puts notices in the outbox, in the transaction that records what they tell: they go out once
 * it commits, and not at all if it rolls back. Keyed, so a retried write queues each once.
 */
export async function enqueueNotices(trx: Transaction<Database>, notices: Notification[]): Promise<void> {
  if (!notices.length) return;
  await trx
    .insertInto('notice_outbox')
    .values(notices.map((notice) => ({ key: notice.key, notification: JSON.stringify(notice) })))
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  await sql`select pg_notify(${noticeChannel}, '')`.execute(trx);
}

export interface LeasedNotice {
  key: string;
  notification: Notification;
  attempts: number;
}

/**
 * Takes up to `limit` notices due for sending, for `leaseMs`: another dispatcher skips them
 * meanwhile, and takes them again if this one stops before saying how it went.
 */
export async function leaseDueNotices(db: Kysely<Database>, limit: number, leaseMs: number): Promise<LeasedNotice[]> {
  const due = db
    .selectFrom('notice_outbox')
    .select('key')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('next_attempt_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('notice_outbox')
    .set({ next_attempt_at: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where('key', 'in', due)
    .returning(['key', 'notification', 'attempts'])
    .execute();
}

export async function markNoticeSent(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('notice_outbox').set({ sent_at: sql`now()`, last_error: null }).where('key', '=', key).execute();
}

/** A failed attempt: tried again after `retryInMs`. The error, which may quote an address, is kept here and not logged. */
export async function markNoticeFailed(db: Kysely<Database>, key: string, retryInMs: number, error: string): Promise<void> {
  await db
    .updateTable('notice_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: sql`now() + ${`${retryInMs} milliseconds`}::interval`, last_error: error }))
    .where('key', '=', key)
    .execute();
}
