import { sql, type Kysely } from 'kysely';
import { allowanceTablesFrom } from '../domain/allowance.js';
import { allowancePeriods, belowMinimumFrom, firstDifference, type AllowancePeriod } from '../domain/allowance-periods.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Eligibility } from '../domain/eligibility.js';
import type { ReferenceData } from '../domain/reference-data.js';
import { agreedAllowances } from './contract-course.js';
import { appendEvent } from './events.js';
import { loadReferenceData } from './reference-store.js';
import type { Database } from './schema.js';

/** Why a schedule version was stored: the contract registered, the mid-course project passed, a new table, a change agreed. */
export const allowanceScheduleReasons = ['registration', 'mid_course', 'table_change', 'change'] as const;
export type AllowanceScheduleReason = (typeof allowanceScheduleReasons)[number];

export interface StoredSchedule {
  version: number;
  effectiveFrom: string;
  reason: AllowanceScheduleReason;
  midCoursePassedOn: string | null;
  years: AllowancePeriod[];
  createdAt: string;
}

export interface ScheduleChange {
  reason: AllowanceScheduleReason;
  /** Set once the school reports the mid-course project passed; kept by every later version. */
  midCoursePassedOn?: string | undefined;
  /** Set when the contract is extended; kept by every later version. */
  durationMonths?: number | undefined;
  /**
   * The contract's last day, set when it moves (an agreed change of it, an extension); every
   * later version keeps the last day of the current one, never the requested duration's.
   */
  endDate?: string | undefined;
}

export interface StoredVersion {
  version: number;
  /** Whether this call stored it (false: the schedule was already so). */
  stored: boolean;
  effectiveFrom: string;
  /** From `effectiveFrom` on, the paid amount is below the minimum in some period. */
  belowMinimum: boolean;
}

/** The case's current schedule version; undefined before its contract is registered. */
export async function currentSchedule(db: Kysely<Database>, caseId: string): Promise<StoredSchedule | undefined> {
  const row = await db.selectFrom('allowance_schedules').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return (
    row && {
      version: row.version,
      effectiveFrom: row.effective_from,
      reason: row.reason,
      midCoursePassedOn: row.mid_course_passed_on,
      years: row.years,
      createdAt: row.created_at.toISOString(),
    }
  );
}

/**
 * Computes the case's schedule with the tables as published now and stores it as a new version
 * when its minimum or paid amount differs from the current one, from the first date it does.
 * Idempotent: a retry (or a second review of the same tables) finds the schedule already so.
 * One case at a time, so the case workflow and the allowance review never number alike. A
 * review of many cases passes the tables it read once.
 */
export async function storeSchedule(db: Kysely<Database>, caseId: string, change: ScheduleChange, reference?: ReferenceData): Promise<StoredVersion> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`allowance-schedule:${caseId}`}))`.execute(trx);
    const [row, tables] = await Promise.all([
      trx.selectFrom('cases').select(['request', 'eligibility']).where('id', '=', caseId).executeTakeFirstOrThrow(),
      reference ?? loadReferenceData(trx),
    ]);
    const current = await trx.selectFrom('allowance_schedules').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const request = row.request as CaseRequest;
    const trade = (row.eligibility as Eligibility).trade!;
    const midCoursePassedOn = change.midCoursePassedOn ?? current?.mid_course_passed_on ?? null;
    const durationMonths = change.durationMonths ?? current?.duration_months ?? request.durationMonths;
    const years = allowancePeriods(allowanceTablesFrom(tables), {
      trade,
      startDate: request.startDate,
      durationMonths,
      endDate: change.endDate ?? current?.years.at(-1)?.to,
      paidCents: request.proposedMonthlyAllowanceCents,
      paidFrom: await agreedAllowances(trx, caseId),
      midCoursePassedOn,
    });
    const effectiveFrom = current ? firstDifference(current.years, years) : request.startDate;
    // Already so (a retry, or nothing changed): answered as the current version, so a notice lost with an earlier attempt still goes (its key makes it once).
    if (!effectiveFrom) return { version: current!.version, stored: false, effectiveFrom: current!.effective_from, belowMinimum: belowMinimumFrom(current!.years, current!.effective_from).length > 0 };
    const version = (current?.version ?? 0) + 1;
    await trx
      .insertInto('allowance_schedules')
      .values({ case_id: caseId, version, effective_from: effectiveFrom, reason: change.reason, mid_course_passed_on: midCoursePassedOn, duration_months: durationMonths, years: JSON.stringify(years) })
      .execute();
    await appendEvent(trx, {
      key: `${caseId}.allowance-schedule.${version}`,
      caseId,
      at: new Date().toISOString(),
      type: 'allowance_schedule_stored',
      data: { version, reason: change.reason, effectiveFrom },
    });
    return { version, stored: true, effectiveFrom, belowMinimum: belowMinimumFrom(years, effectiveFrom).length > 0 };
  });
}

/** Running contracts after `after` (by id), `limit` of them: one page of the allowance review. */
export async function runningContracts(db: Kysely<Database>, after: string | undefined, limit: number): Promise<string[]> {
  let query = db
    .selectFrom('allowance_schedules')
    .innerJoin('cases', 'cases.id', 'allowance_schedules.case_id')
    .select('cases.id')
    .distinct()
    .where('cases.status', 'in', ['in_training', 'suspended'])
    .orderBy('cases.id')
    .limit(limit);
  if (after) query = query.where('cases.id', '>', after);
  return (await query.execute()).map((row) => row.id);
}
