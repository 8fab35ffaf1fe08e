import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runSuite, type BenchReport } from '../../bench/suite.js';
import { benchTokens, temporalClientFor } from '../../bench/target.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The benchmark suite's sections at tiny sizes against the test stack: the report has every
 * part, its counts add up, its plans were read. No timing is judged here (that is bench/'s).
 */
describe('the benchmark suite', () => {
  let stack: TestStack;
  let report: BenchReport;

  beforeAll(async () => {
    stack = await startTestStack();
    const temporal = await temporalClientFor(stack.config);
    report = await runSuite(
      {
        apiUrl: stack.apiUrl(),
        tokens: await benchTokens(stack.config),
        temporal,
        temporalAddress: inject('temporalAddress'),
        taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
        databaseUrl: stack.config.DATABASE_URL!,
        // The test stack runs its worker and API in this process.
        pids: { worker: process.pid, api: process.pid },
      },
      inject('databaseUrl'),
      { cases: 3, users: 1, scale: 200, iterations: 5, openCases: 20, only: ['throughput', 'floor', 'read', 'memory'] },
      () => {},
    );
    await temporal.connection.close();
  }, 180_000);

  afterAll(() => stack?.stop());

  it('drives every case to the decision and times each kind of request', () => {
    const { throughput } = report;
    expect(throughput?.failures).toEqual([]);
    expect(throughput?.authorised).toBe(3);
    for (const latency of Object.values(throughput!.latency)) expect(latency.count).toBeGreaterThan(0);
    // Four answers per case: ADEM, the chamber, the school, the ministry.
    expect(throughput!.latency.complete.count).toBe(12);
    expect(throughput!.casesPerSecond).toBeGreaterThan(0);
  });

  it('runs one floor in the shape counted from a real case, and one in the shape issue 10 set', () => {
    expect(report.caseShape!.activities).toBeGreaterThan(0);
    expect(report.caseShape!.updates).toBeGreaterThanOrEqual(4);
    expect(report.floor?.shape).toEqual({
      updates: report.caseShape!.updates,
      activities: report.caseShape!.activities,
      timers: report.caseShape!.timers,
      childWorkflows: report.caseShape!.childWorkflows,
      childActivities: report.caseShape!.childActivities,
    });
    expect(report.issueFloor?.shape).toEqual({ updates: 4, activities: 9, timers: 0, childWorkflows: 5, childActivities: 5 });
    expect(report.floor?.completed).toBe(3);
    expect(report.issueFloor?.completed).toBe(3);
    expect(report.cost?.sameCounts.throughputRatio).toBeGreaterThan(0);
    expect(report.cost?.issue.throughputRatio).toBeGreaterThan(0);
  });

  it('fills the read database to scale and explains every query', () => {
    const read = report.readSide!;
    expect(read.counts.cases).toBe(200);
    expect(read.counts.tasks).toBe(1_000);
    for (const query of read.queries) {
      expect(query.ours.count).toBe(5);
      expect(query.bare.count).toBe(5);
      expect(query.sameResult).toBe(true);
      expect(query.explain.executionMs).toBeGreaterThanOrEqual(0);
      expect(query.explain.plan).toBeTruthy();
    }
    expect(read.queries.find((q) => q.name.startsWith('inbox'))?.rows).toBeGreaterThan(0);
  });

  it('opens the cases and reads the resident memory', () => {
    const memory = report.memory!;
    expect(memory.recorded).toBe(20);
    expect(memory.after.worker.rssMb).toBeGreaterThan(0);
    expect(memory.runningWorkflows).toBeGreaterThanOrEqual(20);
  });
});
