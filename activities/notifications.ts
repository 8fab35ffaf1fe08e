import type { Kysely } from 'kysely';
import { selectCases, selectTasks, type CaseListRow } from '../db/case-queries.js';
import { registrationOf } from '../db/contract-registrations.js';
import { recognitionNoticeFacts } from '../db/recognitions.js';
import type { Database } from '../db/schema.js';
import type { CaseRequest } from '../domain/case-request.js';
import { caseReference } from '../domain/case-reference.js';
import type { Signer } from '../domain/contract.js';
import type { Language } from '../domain/language.js';
import type { Notification, RecognitionNotice } from '../domain/notification.js';
import type { Participants } from '../domain/parties.js';
import type { Mailer } from '../infra/mailer.js';
import { contractTexts } from './contract-texts.js';
import { deliverOnce, tradeName, type Message } from './mail-delivery.js';
import { messagesIn } from './mail-messages.js';

/** The apprentice has no account to choose a language in: the one of the country they live in. */
function languageOfCountry(country: string): Language {
  return country === 'DE' ? 'de' : 'fr';
}

interface Deps {
  db: Kysely<Database>;
  mailer: Mailer;
  from: string;
  publicBaseUrl: string;
  /** Who hears of a stuck case; the ministry organisation's own address when unset. */
  operators: { email?: string | undefined; organisationId: string };
  /** The Chambre des salariés, told of every registered contract. */
  employeesChamberOrganisationId: string;
}

/**
 * Sends each notification once to each of its recipients: a delivery already recorded
 * under its key is not sent again. Recipients are resolved when the message leaves, so a
 * reminder goes to whoever holds the task then. Messages name nobody: see locales/en.ts.
 */
export function createNotificationActivities({ db, mailer, from, publicBaseUrl, operators, employeesChamberOrganisationId }: Deps) {
  function caseFacts(row: CaseListRow & { eligibility: unknown }, language: Language) {
    return {
      reference: caseReference(row.id),
      trade: tradeName(row, language),
      link: `${publicBaseUrl}/cases/${row.id}`,
    };
  }

  function selectCase() {
    return selectCases(db).select('cases.eligibility');
  }

  async function taskMessages(notification: Extract<Notification, { taskId: string }>): Promise<Message[]> {
    const task = await selectTasks(db)
      .select(['organisations.email as organisation_email', 'organisations.language as organisation_language', 'assignee.email as assignee_email', 'assignee.language as assignee_language'])
      .where('tasks.id', '=', notification.taskId)
      .executeTakeFirstOrThrow();
    const caseRow = await selectCase().where('cases.id', '=', task.case_id).executeTakeFirstOrThrow();
    const link = `${publicBaseUrl}/tasks/${encodeURIComponent(notification.taskId)}`;
    const render = (to: string, language: Language, section: 'taskOpened' | 'taskReminder' | 'taskEscalated'): Message => {
      const t = messagesIn(language);
      const values = {
        ...caseFacts(caseRow, language),
        task: t(`task.${task.kind}`),
        organisation: task.organisation_name,
        dueOn: task.due_on ?? '—',
        holder: t(task.assignee_email ? 'taskEscalated.claimed' : 'taskEscalated.unclaimed'),
        link,
      };
      return { to, language, subject: t(`${section}.subject`, values), text: t(`${section}.body`, values) };
    };

    switch (notification.kind) {
      case 'task_opened':
        return [render(task.organisation_email, task.organisation_language, 'taskOpened')];
      case 'task_reminder':
        // The assignee if someone holds the task, else the organisation's queue.
        return task.assignee_email
          ? [render(task.assignee_email, task.assignee_language!, 'taskReminder')]
          : [render(task.organisation_email, task.organisation_language, 'taskReminder')];
      case 'task_escalated': {
        const supervisors = await db
          .selectFrom('users')
          .select(['email', 'language'])
          .where('organisation_id', '=', task.organisation_id)
          .where('is_supervisor', '=', true)
          .execute();
        return supervisors.map((s) => render(s.email, s.language, 'taskEscalated'));
      }
    }
  }

  async function caseDecided(caseId: string): Promise<Message[]> {
    const row = await selectCase()
      .innerJoin('users', 'users.id', 'cases.submitted_by')
      .innerJoin('tasks', (join) => join.onRef('tasks.case_id', '=', 'cases.id').on('tasks.party', '=', 'ministry').on('tasks.outcome', 'in', ['authorised', 'refused']))
      .select(['users.email', 'users.language', 'tasks.outcome'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const t = messagesIn(row.language);
    const outcome = row.outcome === 'authorised' ? 'authorised' : 'refused';
    const values = caseFacts(row, row.language);
    return [{ to: row.email, language: row.language, subject: t(`caseDecided.subject_${outcome}`, values), text: t(`caseDecided.body_${outcome}`, values) }];
  }

  /**
   * A fact of the case told to one organisation: its withdrawal, a scan not accepted, signatures
   * missing at their deadline (by role: who the signers are is on the case).
   */
  async function toOrganisation(caseId: string, organisationId: string, section: 'caseWithdrawn' | 'scanRejected' | 'signaturesOverdue', missing: Signer[] = []): Promise<Message[]> {
    const [row, organisation] = await Promise.all([
      selectCase().where('cases.id', '=', caseId).executeTakeFirstOrThrow(),
      db.selectFrom('organisations').select(['name', 'email', 'language']).where('id', '=', organisationId).executeTakeFirstOrThrow(),
    ]);
    const t = messagesIn(organisation.language);
    const roles = missing.map((signer) => `- ${t(`signaturesOverdue.${signer}`)}`).join('\n');
    const values = { ...caseFacts(row, organisation.language), organisation: organisation.name, missing: roles };
    return [{ to: organisation.email, language: organisation.language, subject: t(`${section}.subject`, values), text: t(`${section}.body`, values) }];
  }

  /**
   * A fact of the contract's course: what happened and from when, never why (reasons are free
   * text). The foreign authority is the partner body of the country of the case's school.
   */
  async function contractNotice(notification: Extract<Notification, { kind: 'contract_notice' }>): Promise<Message[]> {
    const row = await selectCase().select('cases.participants').where('cases.id', '=', notification.caseId).executeTakeFirstOrThrow();
    const organisations = db.selectFrom('organisations').select(['name', 'email', 'language']);
    const recipients =
      notification.to === 'foreign_authority'
        ? await organisations
            .where('kind', '=', 'foreign_authority')
            .where('country', '=', (eb) => eb.selectFrom('organisations as school').select('school.country').where('school.id', '=', row.participants.foreign_school!))
            .execute()
        : await organisations.where('id', '=', notification.to.organisationId).execute();
    return recipients.map((organisation) => {
      const t = messagesIn(organisation.language);
      const values = { ...caseFacts(row, organisation.language), on: notification.on };
      const what = t(`contractNotice.${notification.notice}`, values);
      return { to: organisation.email, language: organisation.language, subject: t('contractNotice.subject', { ...values, what }), text: t('contractNotice.body', { ...values, what }) };
    });
  }

  /** A notice of the training years to one organisation (the employer by default): no amounts, the link shows them. */
  async function trainingNotice(notification: Extract<Notification, { kind: 'allowance_year' | 'allowance_below_minimum' | 'final_exam_reported' }>): Promise<Message[]> {
    const row = await selectCase().select('cases.participants').where('cases.id', '=', notification.caseId).executeTakeFirstOrThrow();
    const organisationId = 'organisationId' in notification ? notification.organisationId : (row.participants.employer ?? row.employer_organisation_id);
    const organisation = await db.selectFrom('organisations').select(['email', 'language']).where('id', '=', organisationId).executeTakeFirstOrThrow();
    const t = messagesIn(organisation.language);
    const values = { ...caseFacts(row, organisation.language), ...notification };
    const [subject, body] =
      notification.kind === 'allowance_year'
        ? ['allowanceYear.subject', 'allowanceYear.body']
        : notification.kind === 'allowance_below_minimum'
          ? ['allowanceBelowMinimum.subject', 'allowanceBelowMinimum.body']
          : [`finalExam.subject_${notification.outcome}`, `finalExam.body_${notification.outcome}`];
    return [{ to: organisation.email, language: organisation.language, subject: t(subject!, values), text: t(body!, values) }];
  }

  /** The reason names codes and constraints only, and the case only its reference: no personal data. */
  async function caseStuck(caseId: string): Promise<Message[]> {
    const [row, ministry] = await Promise.all([
      db.selectFrom('cases').select('stuck_reason').where('id', '=', caseId).executeTakeFirstOrThrow(),
      db.selectFrom('organisations').select(['email', 'language']).where('id', '=', operators.organisationId).executeTakeFirstOrThrow(),
    ]);
    const t = messagesIn(ministry.language);
    const values = { reference: caseReference(caseId), caseId, reason: row.stuck_reason ?? '' };
    return [{ to: operators.email ?? ministry.email, language: ministry.language, subject: t('caseStuck.subject', values), text: t('caseStuck.body', values) }];
  }

  /**
   * The registration, to everyone it concerns. E-mail is no channel for the contract itself: the
   * foreign school's copy is a link to the registered version, downloaded behind its login. The
   * apprentice has no account: a mail to the address in the request, with the number to keep.
   */
  async function contractRegistered(caseId: string): Promise<Message[]> {
    const [row, registration] = await Promise.all([
      selectCase().select('cases.participants').where('cases.id', '=', caseId).executeTakeFirstOrThrow(),
      registrationOf(db, caseId).then((found) => found ?? Promise.reject(new Error(`case ${caseId} has no registered contract`))),
    ]);
    const participants = row.participants as Partial<Participants>;
    const told = [participants.employer, participants.foreign_school, participants.adem, employeesChamberOrganisationId].filter((id): id is string => id !== undefined);
    const organisations = await db.selectFrom('organisations').select(['id', 'email', 'language']).where('id', 'in', told).execute();
    const documentLink = `${publicBaseUrl}/cases/${caseId}/contract/versions/${registration.contract_version}/document`;
    const values = (language: Language) => ({ ...caseFacts(row, language), registrationNumber: registration.registration_number, registrar: registration.registrar_name, documentLink });
    const parties = new Set(Object.values(participants));
    const messages = organisations.map(({ id, email, language }): Message => {
      const t = messagesIn(language);
      const section = (key: 'body' | 'seeCase' | 'copy' | 'footer', when = true) => (when ? t(`contractRegistered.${key}`, values(language)) : '');
      const text = section('body') + section('seeCase', parties.has(id)) + section('copy', id === participants.foreign_school) + section('footer');
      return { to: email, language, subject: t('contractRegistered.subject', values(language)), text };
    });
    const { apprentice } = row.request as CaseRequest;
    if (apprentice.email) {
      const language = languageOfCountry(apprentice.residenceCountry);
      const t = messagesIn(language);
      messages.push({ to: apprentice.email, language, subject: t('contractRegistered.subject', values(language)), text: t('contractRegistered.apprenticeBody', values(language)) });
    }
    return messages;
  }

  async function trialPeriodEnded(caseId: string, endedOn: string): Promise<Message[]> {
    const row = await selectCase()
      .innerJoin('organisations', 'organisations.id', 'cases.employer_organisation_id')
      .select(['organisations.email', 'organisations.language'])
      .where('cases.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const t = messagesIn(row.language);
    const values = { ...caseFacts(row, row.language), endedOn };
    return [{ to: row.email, language: row.language, subject: t('trialPeriodEnded.subject', values), text: t('trialPeriodEnded.body', values) }];
  }

  /**
   * To a recognition's applicant, in their language: the documents to add or added again (by kind
   * and problem, never the staff's comments, which may name anyone) and the decision's outcome;
   * the rest is behind the link.
   */
  async function recognitionNotice(recognitionId: string, notice: RecognitionNotice): Promise<Message[]> {
    const row = await recognitionNoticeFacts(db, recognitionId);
    const t = messagesIn(row.language);
    const document = (kind: string) => t(`recognition.document.${kind}`);
    const documents =
      notice === 'documents_requested'
        ? (row.document_request?.documents ?? []).map(({ kind, problem }) => `- ${document(kind)}: ${t(`recognition.problem.${problem}`)}`)
        : row.required_documents.map((kind) => `- ${document(kind)}`);
    const amount = new Intl.NumberFormat(contractTexts[row.language].locale, { style: 'currency', currency: 'EUR' }).format(row.fee_cents / 100);
    const values = {
      reference: caseReference(recognitionId),
      documents: documents.join('\n'),
      fee: row.fee_cents > 0 ? t('recognition.fee', { amount }) : '',
      link: `${publicBaseUrl}/recognitions/${recognitionId}`,
    };
    return [{ to: row.email, language: row.language, subject: t(`recognition.${notice}.subject`, values), text: t(`recognition.${notice}.body`, values) }];
  }

  function messagesFor(notification: Notification): Promise<Message[]> {
    switch (notification.kind) {
      case 'case_stuck':
        return caseStuck(notification.caseId);
      case 'case_decided':
        return caseDecided(notification.caseId);
      case 'case_withdrawn':
        return toOrganisation(notification.caseId, notification.organisationId, 'caseWithdrawn');
      case 'contract_notice':
        return contractNotice(notification);
      case 'scan_rejected':
        return toOrganisation(notification.caseId, notification.organisationId, 'scanRejected');
      case 'signatures_overdue':
        return toOrganisation(notification.caseId, notification.organisationId, 'signaturesOverdue', notification.missing);
      case 'allowance_year':
      case 'allowance_below_minimum':
      case 'final_exam_reported':
        return trainingNotice(notification);
      case 'contract_registered':
        return contractRegistered(notification.caseId);
      case 'trial_period_ended':
        return trialPeriodEnded(notification.caseId, notification.endedOn);
      case 'recognition_notice':
        return recognitionNotice(notification.recognitionId, notification.notice);
      default:
        return taskMessages(notification);
    }
  }

  return {
    async sendNotification(notification: Notification): Promise<void> {
      for (const message of await messagesFor(notification)) await deliverOnce({ db, mailer, from }, `${notification.key}/${message.to}`, message);
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
