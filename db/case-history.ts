import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Every event of a case, in the order it happened in the case. The workflow's sequence
 * orders the events it wrote (the clock cannot: parallel steps share a timestamp, and their
 * writes land in any order). An event without a sequence (an assignment, written by the
 * API, or an event from before sequences existed) comes right after the last numbered event
 * that is not later than it, or before them all if there is none; among themselves such
 * events follow the clock.
 */
export function caseHistory(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('events')
    .leftJoin('users', 'users.id', 'events.actor_user_id')
    .leftJoin('organisations', 'organisations.id', 'events.actor_organisation_id')
    .select(['events.id', 'events.occurred_at', 'events.type', 'events.data', 'events.actor_user_id', 'users.name as user_name', 'events.actor_organisation_id', 'organisations.name as organisation_name'])
    .where('events.case_id', '=', caseId)
    .orderBy(
      sql`coalesce(events.sequence, (
        select max(numbered.sequence) from events numbered
        where numbered.case_id = events.case_id and numbered.occurred_at <= events.occurred_at
      ))`,
      (order) => order.asc().nullsFirst(),
    )
    // The numbered event first, then what came after it from outside the workflow.
    .orderBy('events.sequence', (order) => order.asc().nullsLast())
    .orderBy('events.occurred_at')
    .orderBy('events.id')
    .execute();
}
