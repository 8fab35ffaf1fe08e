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
  await deps.db
    .insertInto('mail_deliveries')
    .values({ key, recipient: message.to })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
}

/** The trade's name as the tables gave it when the request was checked. */
export function tradeName(row: { eligibility: unknown; trade_code: string }, language: Language): string {
  return (row.eligibility as Eligibility | null)?.trade?.names[language] ?? row.trade_code;
}
