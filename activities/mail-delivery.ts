import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Eligibility } from '../domain/eligibility.js';
import type { Language } from '../domain/language.js';
import type { Mailer } from '../infra/mailer.js';

export interface Message {
  to: string;
  language: Language;
  subject: string;
  text: string;
}

/** Whether a message under `key` has left already (a retried activity sends it once). */
export async function delivered(db: Kysely<Database>, key: string): Promise<boolean> {
  return (await db.selectFrom('mail_deliveries').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

/** Sends `message` under `key` unless a delivery under it is recorded, then records it. */
export async function deliverOnce(deps: { db: Kysely<Database>; mailer: Mailer; from: string }, key: string, message: Message): Promise<void> {
  if (await delivered(deps.db, key)) return;
  await deps.mailer.sendMail({
    from: deps.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: `<${encodeURIComponent(key)}@cross-border-apprenticeship>`,
    headers: { 'Content-Language': message.language },
  });
  await recordDelivery(deps.db, key, message.to);
}

/** How long a sent message's record waits for the database: under the mail activity's one-minute start-to-close timeout. */
const recordPatienceMs = 45_000;

/**
 * Records a message that has left. Failing now would have the activity retried and the message
 * sent again, so a database that is away is waited for, within the attempt's time.
 */
async function recordDelivery(db: Kysely<Database>, key: string, recipient: string): Promise<void> {
  const giveUpAt = Date.now() + recordPatienceMs;
  for (let waitMs = 200; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    try {
      await db.insertInto('mail_deliveries').values({ key, recipient }).onConflict((conflict) => conflict.column('key').doNothing()).execute();
      return;
    } catch (error) {
      if (Date.now() + waitMs > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** The trade's name as the tables gave it when the request was checked. */
export function tradeName(row: { eligibility: unknown; trade_code: string }, language: Language): string {
  return (row.eligibility as Eligibility | null)?.trade?.names[language] ?? row.trade_code;
}
