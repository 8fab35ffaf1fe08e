import { sql, type Kysely } from 'kysely';
import type { RecognitionStatus } from '../domain/recognition.js';
import { encodeCursor, microsecondInstant, type KeysetCursor } from './keyset-cursor.js';
import type { Database } from './schema.js';

/** A recognition with the names of the people it shows, and since when it waits where it is. */
function selectRecognitions(db: Kysely<Database>) {
  return db
    .selectFrom('recognitions')
    .leftJoin('users as assignee', 'assignee.id', 'recognitions.assignee_user_id')
    .leftJoin('users as proposer', 'proposer.id', 'recognitions.proposed_by')
    .selectAll('recognitions')
    .select([
      'assignee.name as assignee_name',
      'proposer.name as proposed_by_name',
      // The step it is in began when it last changed hands; before any is recorded, when it was asked.
      sql<Date>`coalesce((select max(s.started_at) from recognition_steps s where s.recognition_id = recognitions.id and s.ended_at is null), recognitions.updated_at)`.as('waiting_since'),
    ]);
}

export type RecognitionRow = Awaited<ReturnType<ReturnType<typeof selectRecognitions>['execute']>>[number];

export async function findRecognition(db: Kysely<Database>, id: string): Promise<RecognitionRow | undefined> {
  return selectRecognitions(db).where('recognitions.id', '=', id).executeTakeFirst();
}

/** Which recognitions a caller lists: the recognition staff all of them, an applicant their own. */
export type RecognitionScope = { kind: 'all' } | { kind: 'applicant'; organisationId: string };

export interface RecognitionListFilter {
  scope: RecognitionScope;
  status?: RecognitionStatus | undefined;
  /** A user's own, or those nobody has claimed. */
  assignee?: { kind: 'user'; userId: string } | { kind: 'unassigned' } | undefined;
  limit: number;
  after?: KeysetCursor | undefined;
}

/** One page of recognitions, oldest request first (a queue), keyset-paginated on (requested_at, id). */
export async function listRecognitionPage(db: Kysely<Database>, filter: RecognitionListFilter): Promise<{ rows: RecognitionRow[]; nextCursor: string | null }> {
  let select = selectRecognitions(db).select(sql<string>`${sql.raw(microsecondInstant('recognitions.requested_at'))}`.as('position_requested_at'));
  if (filter.scope.kind === 'applicant') select = select.where('recognitions.applicant_organisation_id', '=', filter.scope.organisationId);
  if (filter.status) select = select.where('recognitions.status', '=', filter.status);
  if (filter.assignee?.kind === 'user') select = select.where('recognitions.assignee_user_id', '=', filter.assignee.userId);
  if (filter.assignee?.kind === 'unassigned') select = select.where('recognitions.assignee_user_id', 'is', null);
  if (filter.after) {
    const { at, id } = filter.after;
    select = select.where(sql<boolean>`(recognitions.requested_at, recognitions.id::text) > (${at}::timestamptz, ${id})`);
  }
  // One more than asked tells whether another page follows.
  const found = await select.orderBy('recognitions.requested_at', 'asc').orderBy(sql`recognitions.id::text`, 'asc').limit(filter.limit + 1).execute();
  const page = found.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = found.length > filter.limit && last ? encodeCursor({ at: last.position_requested_at, id: last.id }) : null;
  return { rows: page.map(({ position_requested_at: _position, ...row }) => row), nextCursor };
}

/**
 * Gives the recognition to `userId` (null: back to the queue) when it is held as `expected`
 * says; answers whether it changed, so that of two simultaneous claims one wins.
 */
export async function setRecognitionAssignee(db: Kysely<Database>, id: string, userId: string | null, expected: { heldBy: string | null }): Promise<boolean> {
  const changed = await db
    .updateTable('recognitions')
    .set({ assignee_user_id: userId })
    .where('id', '=', id)
    .where((eb) => (expected.heldBy === null ? eb('assignee_user_id', 'is', null) : eb('assignee_user_id', '=', expected.heldBy)))
    .executeTakeFirst();
  return changed.numUpdatedRows > 0n;
}

/**
 * The register's precedent for a diploma type: the latest decision not revoked about the same
 * type in another recognition.
 */
export async function findPrecedent(db: Kysely<Database>, diplomaKey: string, otherThan: string) {
  return db
    .selectFrom('recognition_decisions')
    .select(['recognition_id', 'diploma', 'decision', 'decided_at'])
    .where('diploma_key', '=', diplomaKey)
    .where('recognition_id', '!=', otherThan)
    .where('revoked_at', 'is', null)
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The recognition's own decision in the register, with its credential when one was issued. */
export async function findIssuedDecision(db: Kysely<Database>, recognitionId: string) {
  return db
    .selectFrom('recognition_decisions')
    .leftJoin('recognition_credentials', 'recognition_credentials.recognition_id', 'recognition_decisions.recognition_id')
    .select([
      'recognition_decisions.decision',
      'recognition_decisions.reasons',
      'recognition_decisions.follows_precedent',
      'recognition_decisions.decided_at',
      'recognition_decisions.revoked_at',
      'recognition_decisions.revocation_reasons',
      'recognition_credentials.id as credential_id',
      'recognition_credentials.jwt as credential_jwt',
    ])
    .where('recognition_decisions.recognition_id', '=', recognitionId)
    .executeTakeFirst();
}

/** The stretches a recognition waited on someone, in order: its processing time per step. */
export function recognitionSteps(db: Kysely<Database>, recognitionId: string) {
  return db
    .selectFrom('recognition_steps')
    .select(['step', 'started_at as startedAt', 'ended_at as endedAt'])
    .where('recognition_id', '=', recognitionId)
    .orderBy('sequence')
    .execute();
}
