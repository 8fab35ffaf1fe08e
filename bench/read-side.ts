import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { caseHistory } from '../db/case-history.js';
import { listCasePage } from '../db/case-list.js';
import '../db/database.js';
import { seedDemoData } from '../db/demo-data.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { listTaskQueue } from '../db/task-queue.js';
import { databaseUrl, onServer } from '../test/support/databases.js';
import { fillReadDatabase } from './read-data.js';
import { summarise, timed, type LatencySummary } from './stats.js';

/** What a query plan says about how the rows were found. */
export interface PlanCheck {
  /** Index names the plan reads through. */
  indexes: string[];
  /** Tables of the case data read in full. */
  seqScans: string[];
  /** Postgres's own execution time, from EXPLAIN ANALYZE. */
  executionMs: number;
  plan: unknown;
}

export interface ReadQueryResult {
  name: string;
  /** Through the project's db/ function (Kysely, the pool). */
  ours: LatencySummary;
  /** Hand-written SQL for the same rows on a plain pg client. */
  bare: LatencySummary;
  /** ours p50 / bare p50. */
  ratio: number;
  rows: number;
  sameResult: boolean;
  explain: PlanCheck;
}

export interface ReadSideResult {
  scale: number;
  database: string;
  counts: { cases: number; tasks: number; events: number };
  fillMs: number;
  iterations: number;
  queries: ReadQueryResult[];
}

/** The case data's tables: a sequential scan of any of them grows with the number of cases. */
const caseTables = new Set(['cases', 'tasks', 'events']);

const taskColumns = `t.id, t.case_id, t.kind, t.party, t.organisation_id, o.name as organisation_name, t.status, t.outcome, t.reasons, t.completed_by,
  t.created_at, t.completed_at, t.due_on, t.due_at, t.comments, t.assignee_user_id, a.name as assignee_name`;
const caseColumns = `c.id, c.status, c.waiting_on, c.trade_code, c.request, c.employer_organisation_id, e.name as employer_name, c.submitted_at, c.updated_at, c.decided_at, c.stuck_reason`;

interface ReadQuery {
  name: string;
  ours(db: Kysely<Database>, caseId: string): Promise<{ id: string | number }[]>;
  bare: string;
  bareValues(caseId: string): unknown[];
}

const queries: ReadQuery[] = [
  {
    name: 'inbox (ADEM, open, first page)',
    ours: async (db) => (await listTaskQueue(db, { organisationId: 'adem', userId: 'marie.adem', scope: 'organisation', status: 'open', limit: 50 })).rows,
    bare: `select ${taskColumns} from tasks t join organisations o on o.id = t.organisation_id left join users a on a.id = t.assignee_user_id
      where t.organisation_id = $1 and t.status = 'open' order by t.created_at, t.id limit 51`,
    bareValues: () => ['adem'],
  },
  {
    name: 'inbox (ADEM, mine)',
    ours: async (db) => (await listTaskQueue(db, { organisationId: 'adem', userId: 'marie.adem', scope: 'mine', status: 'open', limit: 50 })).rows,
    bare: `select ${taskColumns} from tasks t join organisations o on o.id = t.organisation_id left join users a on a.id = t.assignee_user_id
      where t.organisation_id = $1 and t.assignee_user_id = $2 and t.status = 'open' order by t.created_at, t.id limit 51`,
    bareValues: () => ['adem', 'marie.adem'],
  },
  {
    name: 'case list (ministry, all, newest first)',
    ours: async (db) => (await listCasePage(db, { scope: { kind: 'all' }, limit: 50 })).rows,
    bare: `select ${caseColumns} from cases c join organisations e on e.id = c.employer_organisation_id order by c.submitted_at desc, c.id desc limit 51`,
    bareValues: () => [],
  },
  {
    name: 'case search (school, in review)',
    ours: async (db) => (await listCasePage(db, { scope: { kind: 'party', organisationId: 'lycee-thionville' }, status: 'in_review', limit: 50 })).rows,
    bare: `select ${caseColumns} from cases c join organisations e on e.id = c.employer_organisation_id
      where exists (select 1 from tasks t where t.case_id = c.id and t.organisation_id = $1) and c.status = $2
      order by c.submitted_at desc, c.id desc limit 51`,
    bareValues: () => ['lycee-thionville', 'in_review'],
  },
  {
    name: 'case history (one case)',
    ours: (db, caseId) => caseHistory(db, caseId),
    bare: `select ev.id, ev.occurred_at, ev.type, ev.data, ev.actor_user_id, u.name as user_name, ev.actor_organisation_id, o.name as organisation_name
      from events ev left join users u on u.id = ev.actor_user_id left join organisations o on o.id = ev.actor_organisation_id
      where ev.case_id = $1 order by ev.sequence nulls last, ev.occurred_at, ev.id`,
    bareValues: (caseId) => [caseId],
  },
];

function checkPlan(explained: unknown): PlanCheck {
  const [top] = explained as [{ Plan: PlanNode; 'Execution Time': number }];
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const walk = (node: PlanNode) => {
    if (node['Index Name']) indexes.add(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && caseTables.has(node['Relation Name'])) seqScans.add(node['Relation Name']);
    node.Plans?.forEach(walk);
  };
  walk(top.Plan);
  return { indexes: [...indexes], seqScans: [...seqScans], executionMs: top['Execution Time'], plan: top.Plan };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * A database of its own on the server of `serverUrl` (`bench_read_<scale>`, made afresh),
 * migrated with the project's migrations and filled straight with SQL; each query timed
 * `iterations` times through the project's db/ function and as bare SQL, and explained.
 */
export async function runReadSide(serverUrl: string, options: { scale: number; iterations: number; keep?: boolean }): Promise<ReadSideResult> {
  const database = `bench_read_${options.scale}`;
  await onServer(serverUrl, `drop database if exists ${database} with (force)`);
  await onServer(serverUrl, `create database ${database}`);
  const url = databaseUrl(serverUrl, database);
  let captured: CompiledQuery | undefined;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured = event.query;
    },
  });
  const bare = new pg.Client({ connectionString: url });
  try {
    await migrateToLatest(db);
    await seedDemoData(db);
    const filling = performance.now();
    await fillReadDatabase(db, options.scale);
    const fillMs = Math.round(performance.now() - filling);
    await bare.connect();
    const count = async (table: string) => Number((await bare.query(`select count(*)::int as n from ${table}`)).rows[0].n);
    const counts = { cases: await count('cases'), tasks: await count('tasks'), events: await count('events') };
    const caseIds = (await bare.query<{ id: string }>('select id from cases order by random() limit 100')).rows.map((r) => r.id);
    const results: ReadQueryResult[] = [];
    for (const query of queries) {
      const oursSamples: number[] = [];
      const bareSamples: number[] = [];
      let rows = 0;
      let sameResult = true;
      for (let i = -5; i < options.iterations; i++) {
        const caseId = caseIds[(i + 5) % caseIds.length]!;
        // The first five warm the caches and are not counted.
        const ours = await timed(i < 0 ? [] : oursSamples, () => query.ours(db, caseId));
        const plain = await timed(i < 0 ? [] : bareSamples, () => bare.query(query.bare, query.bareValues(caseId)));
        rows = ours.length;
        const plainIds = plain.rows.slice(0, ours.length === 50 ? 50 : undefined).map((r: { id: unknown }) => String(r.id));
        if (plainIds.join() !== ours.map((r) => String(r.id)).join()) sameResult = false;
      }
      await query.ours(db, caseIds[0]!);
      const explained = await bare.query(`explain (analyze, format json) ${captured!.sql}`, [...captured!.parameters]);
      const ours = summarise(oursSamples);
      const plain = summarise(bareSamples);
      results.push({ name: query.name, ours, bare: plain, ratio: Math.round((ours.p50 / plain.p50) * 100) / 100, rows, sameResult, explain: checkPlan(explained.rows[0]['QUERY PLAN']) });
    }
    return { scale: options.scale, database, counts, fillMs, iterations: options.iterations, queries: results };
  } finally {
    await bare.end().catch(() => undefined);
    await db.destroy();
    if (!options.keep) await onServer(serverUrl, `drop database if exists ${database} with (force)`);
  }
}
