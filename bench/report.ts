import type { LatencySummary } from './stats.js';
import type { BenchReport } from './suite.js';

const latencyRow = (what: string, l: LatencySummary) => ({ what, count: l.count, 'p50 ms': l.p50, 'p95 ms': l.p95, 'p99 ms': l.p99, 'max ms': l.max });

/** One table per section, as `npm run bench` prints them. */
export function printReport(report: BenchReport, log: (line: string) => void = console.log): void {
  const { throughput, floor, issueFloor, cost, readSide, memory, caseShape } = report;
  if (caseShape) {
    log('\nOne real case, from its history (the floor copies it):');
    console.table([caseShape]);
  }
  if (throughput) {
    log(`\nEnd-to-end throughput: ${throughput.authorised}/${throughput.cases} cases authorised by ${throughput.users} users in ${(throughput.wallMs / 1000).toFixed(1)} s: ${throughput.casesPerSecond} cases/s`);
    console.table([latencyRow('submit', throughput.latency.submit), latencyRow('inbox listing', throughput.latency.inbox), latencyRow('task completion', throughput.latency.complete), latencyRow('whole case', throughput.latency.case)]);
    if (throughput.submitRetries) log(`Submissions answered 503 (not recorded in time) and sent again: ${throughput.submitRetries}`);
    if (throughput.failures.length) log(`FAILED cases (${throughput.failures.length}): ${throughput.failures.slice(0, 5).join(' | ')}`);
  }
  for (const [name, result] of [['the real case\'s counts', floor], ['issue 10\'s shape', issueFloor]] as const) {
    if (!result) continue;
    log(`\nFloor (bare Temporal, ${name}: ${JSON.stringify(result.shape)}): ${result.completed}/${result.cases} by ${result.clients} clients in ${(result.wallMs / 1000).toFixed(1)} s: ${result.casesPerSecond} cases/s`);
    console.table([latencyRow('start', result.latency.start), latencyRow('update', result.latency.update), latencyRow('whole case', result.latency.case)]);
  }
  if (cost) {
    for (const [name, ratios] of [['the real case\'s counts', cost.sameCounts], ['issue 10\'s floor', cost.issue]] as const) {
      log(`Our cost per case against ${name}: ${ratios.throughputRatio}× (cases/s), ${ratios.perCaseWallRatio}× (median case wall time)`);
    }
  }
  if (readSide) {
    const { counts } = readSide;
    log(`\nRead side: ${counts.cases} cases, ${counts.tasks} tasks, ${counts.events} events (filled in ${(readSide.fillMs / 1000).toFixed(1)} s), ${readSide.iterations} iterations`);
    console.table(
      readSide.queries.map((q) => ({
        query: q.name,
        rows: q.rows,
        'p50 ms': q.ours.p50,
        'p99 ms': q.ours.p99,
        'bare p50': q.bare.p50,
        'bare p99': q.bare.p99,
        'ours/bare': q.ratio,
        'same rows': q.sameResult,
        'plan (PG ms)': q.explain.executionMs,
        indexes: q.explain.indexes.join(' ') || '-',
        'seq scan': q.explain.seqScans.length ? `SEQ SCAN ${q.explain.seqScans.join(' ')}` : 'no',
      })),
    );
    for (const q of readSide.queries.filter((x) => x.explain.seqScans.length)) log(`WARNING: ${q.name} reads ${q.explain.seqScans.join(', ')} in full (Seq Scan): it grows with the number of cases.`);
  }
  if (memory) {
    log(`\nMemory: ${memory.recorded}/${memory.openCases} cases opened in ${(memory.openMs / 1000).toFixed(1)} s; ${memory.runningWorkflows ?? '?'} workflows running`);
    console.table([
      { process: 'worker', 'before MB': memory.before.worker.rssMb, 'after MB': memory.after.worker.rssMb, 'peak MB': memory.after.worker.peakRssMb },
      { process: 'API', 'before MB': memory.before.api.rssMb, 'after MB': memory.after.api.rssMb, 'peak MB': memory.after.api.peakRssMb },
    ]);
    log(`Worker + API: ${memory.totalMb} MB; ${memory.perOpenCaseMb} MB per open case. Worker cache: ${JSON.stringify(memory.workerCache)}`);
  }
}
