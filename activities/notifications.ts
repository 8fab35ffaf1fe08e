import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Eligibility } from '../domain/eligibility.js';
import type { Language } from '../domain/language.js';
import type { Notification } from '../domain/notification.js';
import type { Mailer } from '../infra/mailer.js';
import { caseReference } from '../domain/case-reference.js';
import { messagesIn } from './mail-messages.js';

interface Deps {
  db: Kysely<Database>;
  mailer: Mailer;
  from: string;
  publicBaseUrl: string;
}

interface Message {
  to: string;
  language: Language;
  subject: string;
  text: string;
}

/**
 * Sends each notification once: a delivery already recorded under its key is not sent
 * again. Messages name the apprentice but never carry a birth date or an identity number.
 */
export function createNotificationActivities({ db, mailer, from, publicBaseUrl }: Deps) {
  async function taskOpened(taskId: string): Promise<Message> {
    const row = await db
      .selectFrom('tasks')
      .innerJoin('cases', 'cases.id', 'tasks.case_id')
      .innerJoin('organisations as party', 'party.id', 'tasks.organisation_id')
      .innerJoin('organisations as employer', 'employer.id', 'cases.employer_organisation_id')
      .select([
        'tasks.kind',
        'tasks.due_on',
        'cases.id as caseId',
        'cases.request',
        'cases.eligibility',
        'cases.trade_code',
        'party.name as organisation',
        'party.email',
        'party.language',
        'employer.name as employer',
      ])
      .where('tasks.id', '=', taskId)
      .executeTakeFirstOrThrow();
    const t = messagesIn(row.language);
    const request = row.request as CaseRequest;
    const task = t(`task.${row.kind}`);
    const values = {
      task,
      reference: caseReference(row.caseId),
      organisation: row.organisation,
      employer: row.employer,
      trade: tradeName(row, row.language),
      apprentice: `${request.apprentice.givenName} ${request.apprentice.familyName}`,
      startDate: request.startDate,
      dueOn: row.due_on ?? '—',
      link: `${publicBaseUrl}/v1/tasks/${encodeURIComponent(taskId)}`,
    };
    return {
      to: row.email,
      language: row.language,
      subject: t('taskOpened.subject', values),
      text: t('taskOpened.body', values),
    };
  }

  async function caseDecided(caseId: string): Promise<Message> {
    const row = await db
      .selectFrom('cases')
      .innerJoin('users', 'users.id', 'cases.submitted_by')
      .innerJoin('tasks', (join) => join.onRef('tasks.case_id', '=', 'cases.id').on('tasks.party', '=', 'ministry').on('tasks.status', '=', 'completed'))
      .select(['cases.request', 'cases.eligibility', 'cases.trade_code', 'users.name', 'users.email', 'users.language', 'tasks.outcome', 'tasks.reasons'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const t = messagesIn(row.language);
    const request = row.request as CaseRequest;
    const outcome = row.outcome === 'authorised' ? 'authorised' : 'refused';
    const values = {
      name: row.name,
      reference: caseReference(caseId),
      trade: tradeName(row, row.language),
      apprentice: `${request.apprentice.givenName} ${request.apprentice.familyName}`,
      reasons: row.reasons ?? '',
      link: `${publicBaseUrl}/v1/cases/${caseId}`,
    };
    return {
      to: row.email,
      language: row.language,
      subject: t(`caseDecided.subject_${outcome}`, values),
      text: t(`caseDecided.body_${outcome}`, values),
    };
  }

  return {
    async sendNotification(notification: Notification): Promise<void> {
      const delivered = await db.selectFrom('mail_deliveries').select('key').where('key', '=', notification.key).executeTakeFirst();
      if (delivered) return;
      const message =
        notification.kind === 'task_opened' ? await taskOpened(notification.taskId) : await caseDecided(notification.caseId);
      await mailer.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${notification.key}@cross-border-apprenticeship>`,
        headers: { 'Content-Language': message.language },
      });
      await db
        .insertInto('mail_deliveries')
        .values({ key: notification.key, recipient: message.to })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute();
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;

/** The trade's name in the recipient's language, as the tables gave it at submission. */
function tradeName(row: { eligibility: unknown; trade_code: string }, language: Language): string {
  return (row.eligibility as Eligibility | null)?.trade?.names[language] ?? row.trade_code;
}
